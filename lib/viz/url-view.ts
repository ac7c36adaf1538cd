/**
 * The widget's view as URL query parameters, so that a teacher can prepare a link and a reload keeps
 * what was on screen: `step`, `lens` (an observer's name), `tab` (an Inspector tab), `view`
 * (both|network|sequence), `presenter=1`, `notes=1` (the narration's extra sentences open), and
 * `chapter` (a chapter's id: the view opens at the chapter's first step when no `step` is named). A
 * chapter link survives a change of the trace that moves step numbers (real TLS adds records); the
 * widget writes the precise `step` back once it is open.
 *
 * Decoding never throws: a link is outside input (typed, pasted, cut off by a mail program), so a
 * parameter that does not fit this scenario is dropped and a step out of range is clamped. Encoding
 * leaves every other parameter as it was and writes nothing for a value the widget opens with anyway,
 * so a clean link stays clean.
 * @module
 */

export type ViewMode = 'both' | 'network' | 'sequence';
const VIEW_MODES: readonly ViewMode[] = ['both', 'network', 'sequence'];

/** A decoded view: only what the URL named and this scenario allows. */
export interface UrlView {
  step?: number;
  lens?: string;
  tab?: string;
  view?: ViewMode;
  presenter?: boolean;
  notes?: boolean;
}

/** What this scenario allows: its last step, its observers' names, the Inspector tabs it shows. */
export interface UrlViewBounds {
  total: number;
  lenses: readonly string[];
  tabs: readonly string[];
  /** The scenario's chapters: an id and the step it starts at (lib/viz/chapters.ts). */
  chapters?: readonly { id: string; step: number }[];
}

/** The parameters this module owns, in the order `encodeUrlView` writes them. */
export const URL_VIEW_KEYS = ['step', 'lens', 'tab', 'view', 'presenter', 'notes', 'chapter'] as const;

/** A step from text: digits only (a sign allowed), clamped to 0..total; anything else is no step. */
function parseStep(raw: string, total: number): number | undefined {
  if (!/^\s*[-+]?\d{1,16}\s*$/.test(raw)) return undefined;
  const n = Number(raw);
  return Math.max(0, Math.min(Math.max(0, Math.trunc(total)), n));
}

const flag = (raw: string | null): true | undefined => (raw === '1' || raw === 'true' ? true : undefined);

/** A query string (with or without its `?`) → the view it names, within `bounds`. Never throws. */
export function decodeUrlView(search: string, bounds: UrlViewBounds): UrlView {
  // URLSearchParams reads any string (bad percent escapes stay as they are), so nothing here throws.
  const params = new URLSearchParams(search);
  const out: UrlView = {};
  const step = params.get('step');
  if (step !== null) {
    const s = parseStep(step, bounds.total);
    if (s !== undefined) out.step = s;
  }
  const chapter = params.get('chapter');
  if (out.step === undefined && chapter !== null) {
    const mark = bounds.chapters?.find((c) => c.id === chapter);
    if (mark) out.step = Math.max(0, Math.min(Math.max(0, Math.trunc(bounds.total)), mark.step));
  }
  const lens = params.get('lens');
  if (lens !== null && bounds.lenses.includes(lens)) out.lens = lens;
  const tab = params.get('tab');
  if (tab !== null && bounds.tabs.includes(tab)) out.tab = tab;
  const view = params.get('view');
  if (view !== null && (VIEW_MODES as readonly string[]).includes(view)) out.view = view as ViewMode;
  if (flag(params.get('presenter'))) out.presenter = true;
  if (flag(params.get('notes'))) out.notes = true;
  return out;
}

/** What the widget shows when the URL names nothing: those values are left out of the URL. */
export interface UrlViewDefaults {
  step: number;
  view: ViewMode;
  tab: string;
}

/**
 * The query string (with its `?`, or '' when empty) for `view`, keeping every parameter of `search`
 * this module does not own, in its place. Values equal to `defaults` are not written.
 */
export function encodeUrlView(view: UrlView, defaults: UrlViewDefaults, search = ''): string {
  const params = new URLSearchParams(search);
  for (const k of URL_VIEW_KEYS) params.delete(k);
  const own: [string, string | undefined][] = [
    ['step', view.step !== undefined && view.step !== defaults.step ? String(view.step) : undefined],
    ['lens', view.lens || undefined],
    ['tab', view.tab !== undefined && view.tab !== defaults.tab ? view.tab : undefined],
    ['view', view.view !== undefined && view.view !== defaults.view ? view.view : undefined],
    ['presenter', view.presenter ? '1' : undefined],
    ['notes', view.notes ? '1' : undefined],
  ];
  for (const [k, v] of own) if (v !== undefined) params.append(k, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}
