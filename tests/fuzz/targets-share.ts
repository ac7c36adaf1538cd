/**
 * Fuzz target: what a link or a file brings into the page — the widget's URL view (lib/viz/url-view.ts),
 * a lecture script as a downloaded file and as a link parameter (lib/viz/lecture-script.ts), and the
 * course progress stored in the browser (app/_components/course/progress.ts). A teacher's link cut off
 * by a mail program, a script edited by hand, a value from an older version: each must give a clear
 * answer, never an exception. See targets.ts for what every target checks.
 */
import fc from 'fast-check';
import { decodeUrlView, encodeUrlView, type UrlView, type UrlViewBounds } from '../../lib/viz/url-view';
import { parseScript, scriptFromParam, scriptToJson, scriptToParam, type ScriptResult } from '../../lib/viz/lecture-script';
import { parseProgress, serialiseProgress } from '../../app/_components/course/progress';
import type { FuzzTarget } from './harness';
import { mutatedText } from './mutate';
import { ensure } from './property';

const SCENARIOS = ['hello', 'c2s-login', 'otr-ake', 'otr-mitm'];
const BOUNDS: UrlViewBounds = {
  total: 80,
  lenses: ['', 'tap', 'a.example', 'alice'],
  tabs: ['xml', 'layers', 'state', 'knowledge', 'ratchet'],
  chapters: [
    { id: 'login', step: 3 },
    { id: 'ake', step: 40 },
  ],
};
const DEFAULTS = { step: -1, view: 'both' as const, tab: '' };

const genuineScripts = [
  scriptToJson({ title: 'OTR in 20 minutes', views: [{ scenario: 'otr-ake', step: 30, lens: 'tap', tab: 'knowledge', reveal: true, note: 'Ask: who reads this?' }, { scenario: 'otr-mitm', step: 45, view: 'sequence' }] }),
  scriptToJson({ title: 'Übersicht „Login“', views: [{ scenario: 'c2s-login', step: 0 }] }),
];
const genuineQueries = ['?step=12&lens=tap&tab=knowledge&view=network&presenter=1&notes=1', '?chapter=ake&lens=alice', '?step=+7&x=1&presenter=true', '?step=99999999999999999'];
const genuineProgress = [serialiseProgress({ started: ['client-server', 'smp'], done: ['smp'] }), '{"started":[],"done":[]}'];

type ShareInput = { kind: 'query'; text: string } | { kind: 'script'; text: string } | { kind: 'param'; text: string } | { kind: 'progress'; text: string };

function checkScriptResult(r: ScriptResult, again: (ok: Extract<ScriptResult, { ok: true }>) => ScriptResult, what: string): string {
  if (!r.ok) {
    ensure(r.problems.length > 0, `${what}: a refusal without problems`);
    for (const p of r.problems) ensure(typeof p.path === 'string' && p.en.trim() !== '' && p.de.trim() !== '', `${what}: a problem without both languages`);
    return `${what}: refused (${r.problems[0]!.path.replace(/\[\d+\]/g, '[i]') || 'file'})`;
  }
  const round = again(r);
  ensure(round.ok && JSON.stringify(round.script) === JSON.stringify(r.script), `${what}: an accepted script does not survive its own round trip`);
  return `${what}: accepted`;
}

export const shareLinksTarget: FuzzTarget<ShareInput> = {
  name: 'share-links',
  description:
    'decodeUrlView/encodeUrlView (the widget URL), parseScript and scriptFromParam (a lecture script as file and as link), parseProgress (progress in localStorage): ' +
    'random text, mutated genuine queries, scripts, base64url parameters and stored values. Never throws; a decoded view stays within its bounds and survives encode → decode; ' +
    'a refused script names each problem with a path in English and German; an accepted one survives its own round trip; progress holds only slugs.',
  arbitrary: () => {
    const params = genuineScripts.map((t) => scriptToParam(JSON.parse(JSON.stringify((parseScript(t, SCENARIOS) as Extract<ScriptResult, { ok: true }>).script))));
    const text = (kind: ShareInput['kind'], genuine: string[]) =>
      fc.oneof({ weight: 1, arbitrary: fc.string({ maxLength: 80 }) }, { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) }, { weight: 4, arbitrary: mutatedText(genuine) }).map((t) => ({ kind, text: t }) as ShareInput);
    // Well-formed JSON with each field valid or not: reaches the field checks behind the format check.
    const anyOf = <T,>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) });
    const view = fc.record(
      {
        scenario: anyOf(fc.constantFrom(...SCENARIOS, 'no-such')),
        step: anyOf(fc.integer({ min: -2, max: 1_000_001 })),
        lens: anyOf(fc.string({ maxLength: 8 })),
        tab: anyOf(fc.constantFrom('xml', 'knowledge', '')),
        view: anyOf(fc.constantFrom('both', 'network', 'sequence', 'grid')),
        reveal: anyOf(fc.boolean()),
        note: anyOf(fc.string({ maxLength: 20 })),
      },
      { requiredKeys: ['scenario', 'step'] },
    );
    const structured = fc
      .record({ format: anyOf(fc.constant('messenger-lab-script')), version: anyOf(fc.constant(1)), title: anyOf(fc.string({ maxLength: 20 })), views: anyOf(fc.array(view, { maxLength: 4 })) })
      .map((o) => JSON.stringify(o));
    const asParam = (json: string) => Buffer.from(json, 'utf8').toString('base64url');
    return fc.oneof(
      text('query', genuineQueries),
      text('script', genuineScripts),
      text('param', params),
      text('progress', genuineProgress),
      structured.map((t) => ({ kind: 'script', text: t }) as ShareInput),
      structured.map((t) => ({ kind: 'param', text: asParam(t) }) as ShareInput),
    );
  },
  show: (i) => `${i.kind} ${JSON.stringify(i.text)}`,
  check: (i) => {
    switch (i.kind) {
      case 'query': {
        const v: UrlView = decodeUrlView(i.text, BOUNDS);
        if (v.step !== undefined) ensure(Number.isInteger(v.step) && v.step >= 0 && v.step <= BOUNDS.total, `step ${v.step} outside 0..${BOUNDS.total}`);
        if (v.lens !== undefined) ensure(BOUNDS.lenses.includes(v.lens), `lens ${v.lens} not offered`);
        if (v.tab !== undefined) ensure(BOUNDS.tabs.includes(v.tab), `tab ${v.tab} not offered`);
        const again = decodeUrlView(encodeUrlView(v, DEFAULTS, i.text), BOUNDS);
        const shown = { ...v, ...(v.view === 'both' ? { view: undefined } : {}), ...(v.lens === '' ? { lens: undefined } : {}) };
        ensure(JSON.stringify(again) === JSON.stringify(JSON.parse(JSON.stringify(shown))), `encode → decode changed the view: ${JSON.stringify(v)} → ${JSON.stringify(again)}`);
        return Object.keys(v).length === 0 ? 'query: nothing of ours' : 'query: a view';
      }
      case 'script':
        return checkScriptResult(parseScript(i.text, SCENARIOS), (r) => parseScript(scriptToJson(r.script), SCENARIOS), 'script');
      case 'param':
        return checkScriptResult(scriptFromParam(i.text, SCENARIOS), (r) => scriptFromParam(scriptToParam(r.script), SCENARIOS), 'link');
      case 'progress': {
        const p = parseProgress(i.text);
        ensure([...p.started, ...p.done].every((s) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s)), 'progress holds something that is no slug');
        ensure(JSON.stringify(parseProgress(serialiseProgress(p))) === JSON.stringify(p), 'progress does not survive its own round trip');
        return p.done.length + p.started.length > 0 ? 'progress: some' : 'progress: none';
      }
    }
  },
};
