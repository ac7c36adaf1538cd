/**
 * The data behind `<Scorecard>` / `<Requirement>` (contract C5): a row names a security requirement and,
 * for each of "met" and "broken", a place in a preset written `scenario@step` (optionally with the
 * observer whose lens shows it), or nothing when no preset shows it yet. The compile check
 * (app/_content/compile.ts) and the component read the same parser, so a link that renders is a link
 * the build has checked: a known scenario, a step inside its trace, an observer it has.
 * @module
 */
import { listObservers } from '../../../lib/knowledge/observe';
import { getPreset } from '../../../lib/scenarios/presets/index';
import { stepCount } from './lesson-data';

/** A place in a preset that a scorecard row links to. */
export interface ScenarioPlace {
  scenario: string;
  step: number;
  /** An observer's name: the scenario page opens with that lens. */
  lens?: string;
}

const PLACE = /^([a-z0-9]+(?:-[a-z0-9]+)*)@(\d+)$/;

/** `otr-ake@40` → { scenario, step }, or a string saying what is wrong. */
export function parsePlace(raw: string, lens?: string): ScenarioPlace | string {
  const m = PLACE.exec(raw.trim());
  if (!m) return `"${raw}" must look like scenario@step, e.g. "otr-ake@40"`;
  const scenario = m[1]!;
  const step = Number(m[2]);
  const preset = getPreset(scenario);
  if (!preset) return `no such scenario preset "${scenario}"`;
  const n = stepCount(scenario)!;
  if (step < 1 || step > n) return `step ${step} is outside "${scenario}" (steps 1–${n})`;
  if (lens !== undefined) {
    const names = listObservers(preset).map((o) => o.name);
    if (!names.includes(lens)) return `"${scenario}" has no observer "${lens}" (it has: ${names.join(', ')})`;
  }
  return lens === undefined ? { scenario, step } : { scenario, step, lens };
}

/** The scenario page at that step (lib/viz/url-view.ts reads `step` and `lens`). */
export function placeHref(locale: string, p: ScenarioPlace): string {
  const lens = p.lens === undefined ? '' : `&lens=${encodeURIComponent(p.lens)}`;
  return `/${locale}/scenarios/${p.scenario}/?step=${p.step}${lens}`;
}

/** A row id doubles as the fragment of a link to it: kebab-case. */
const ROW_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface RequirementProps {
  id?: string;
  name?: string;
  means?: string;
  met?: string;
  metLens?: string;
  metText?: string;
  broken?: string;
  brokenLens?: string;
  brokenText?: string;
  lesson?: string;
}

/** Space-separated lesson slugs → the list. */
export const lessonSlugs = (raw: string | undefined): string[] => (raw ?? '').split(/\s+/).filter(Boolean);

/** Every problem of one `<Requirement>`; `slugs` are the lessons that exist. */
export function checkRequirement(p: RequirementProps, slugs: readonly string[]): string[] {
  const problems: string[] = [];
  if (p.id !== undefined && !ROW_ID.test(p.id)) problems.push(`id "${p.id}" must be kebab-case (it becomes the row's anchor)`);
  for (const side of ['met', 'broken'] as const) {
    const place = p[side];
    const text = p[`${side}Text`];
    const lens = p[`${side}Lens`];
    if (place === undefined) {
      if (text !== undefined || lens !== undefined) problems.push(`${side}Text/${side}Lens without ${side}="scenario@step"`);
      continue;
    }
    if (text === undefined || !text.trim()) problems.push(`${side}="${place}" needs ${side}Text: say what happens at that step`);
    const parsed = parsePlace(place, lens);
    if (typeof parsed === 'string') problems.push(`${side}: ${parsed}`);
  }
  for (const slug of lessonSlugs(p.lesson)) if (!slugs.includes(slug)) problems.push(`lesson "${slug}" does not exist (lessons: ${slugs.join(', ')})`);
  return problems;
}
