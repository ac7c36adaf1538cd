/**
 * A lecture script: the ordered views a teacher walks through in presenter mode (scenario, step, lens,
 * Inspector tab, what to show, whether to hold the narration back until the class has guessed, and a
 * note for the teacher alone). It travels as a JSON file and as a link parameter; both are outside
 * input, so reading one never throws: it gives the script or every problem found, each with the place
 * it was found and a sentence in English and German.
 *
 * The scenario ids are checked here; a step past a scenario's end, an observer or a tab that scenario
 * does not have are the widget's business (the URL codec clamps and drops them), because knowing them
 * means running the scenario.
 * @module
 */
import { fromBase64, toBase64 } from '../bytes/base64';
import { utf8DecodeStrict } from '../bytes/hex';
import { encodeUrlView, type ViewMode } from './url-view';

const SCRIPT_FORMAT = 'messenger-lab-script';
const SCRIPT_VERSION = 1;
/** Enough for a long lecture, small enough for a link. */
export const MAX_VIEWS = 100;
const MAX_NOTE = 2000;
const MAX_TITLE = 200;
const MAX_NAME = 200;
const MAX_STEP = 1_000_000;

export interface ScriptView {
  scenario: string;
  step: number;
  lens?: string;
  tab?: string;
  view?: ViewMode;
  /** Hold the narration and the Knowledge tab back until the teacher reveals them. */
  reveal?: boolean;
  /** For the teacher, not the class. */
  note?: string;
}

export interface LectureScript {
  title: string;
  views: ScriptView[];
}

/** One problem: where (`views[2].step`, '' for the whole file) and what, in both languages. */
export interface ScriptProblem {
  path: string;
  en: string;
  de: string;
}

export type ScriptResult = { ok: true; script: LectureScript } | { ok: false; problems: ScriptProblem[] };

const VIEW_KEYS = ['scenario', 'step', 'lens', 'tab', 'view', 'reveal', 'note'] as const;
const TOP_KEYS = ['format', 'version', 'title', 'views'] as const;
const VIEW_MODES: readonly string[] = ['both', 'network', 'sequence'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The script as the file a teacher downloads: stable key order, readable. */
export function scriptToJson(script: LectureScript): string {
  const views = script.views.map((v) => {
    const out: Record<string, unknown> = {};
    for (const k of VIEW_KEYS) if (v[k] !== undefined && v[k] !== '' && v[k] !== false) out[k] = v[k];
    return out;
  });
  return `${JSON.stringify({ format: SCRIPT_FORMAT, version: SCRIPT_VERSION, title: script.title, views }, null, 2)}\n`;
}

/** A file's text → the script, or every problem in it. `scenarios`: the ids that exist. */
export function parseScript(text: string, scenarios: readonly string[]): ScriptResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('', 'This is not a JSON file (perhaps cut off, or not a script at all).', 'Das ist keine JSON-Datei (vielleicht abgeschnitten oder gar kein Skript).');
  }
  return checkScript(value, scenarios);
}

function fail(path: string, en: string, de: string): ScriptResult {
  return { ok: false, problems: [{ path, en, de }] };
}

/** A parsed value → the script, or every problem in it. */
export function checkScript(value: unknown, scenarios: readonly string[]): ScriptResult {
  if (!isRecord(value) || value.format !== SCRIPT_FORMAT) {
    return fail('format', 'This is not a Messenger Lab lecture script (no "format": "messenger-lab-script").', 'Das ist kein Vorlesungsskript von Messenger Lab (es fehlt "format": "messenger-lab-script").');
  }
  if (value.version !== SCRIPT_VERSION) {
    return fail('version', `Script version ${JSON.stringify(value.version) ?? '(none)'} is not known here; this page reads version ${SCRIPT_VERSION}.`, `Die Skriptversion ${JSON.stringify(value.version) ?? '(keine)'} ist hier unbekannt; diese Seite liest Version ${SCRIPT_VERSION}.`);
  }
  const problems: ScriptProblem[] = [];
  const add = (path: string, en: string, de: string) => problems.push({ path, en, de });
  for (const k of Object.keys(value)) if (!(TOP_KEYS as readonly string[]).includes(k)) add(k, 'unknown field.', 'unbekanntes Feld.');
  const title = value.title ?? '';
  if (typeof title !== 'string' || title.length > MAX_TITLE) add('title', `must be text of at most ${MAX_TITLE} characters.`, `muss ein Text mit höchstens ${MAX_TITLE} Zeichen sein.`);
  const views: ScriptView[] = [];
  if (!Array.isArray(value.views)) add('views', 'must be a list of views.', 'muss eine Liste von Ansichten sein.');
  else if (value.views.length > MAX_VIEWS) add('views', `has ${value.views.length} views; at most ${MAX_VIEWS} fit.`, `hat ${value.views.length} Ansichten; höchstens ${MAX_VIEWS} passen.`);
  else value.views.forEach((v, i) => {
    const view = checkView(v, `views[${i}]`, scenarios, add);
    if (view) views.push(view);
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, script: { title: typeof title === 'string' ? title : '', views } };
}

function checkView(v: unknown, at: string, scenarios: readonly string[], add: (path: string, en: string, de: string) => void): ScriptView | null {
  if (!isRecord(v)) {
    add(at, 'must be an object with at least "scenario" and "step".', 'muss ein Objekt mit mindestens "scenario" und "step" sein.');
    return null;
  }
  let ok = true;
  const bad = (key: string, en: string, de: string) => {
    ok = false;
    add(`${at}.${key}`, en, de);
  };
  for (const k of Object.keys(v)) if (!(VIEW_KEYS as readonly string[]).includes(k)) bad(k, 'unknown field.', 'unbekanntes Feld.');
  if (typeof v.scenario !== 'string' || !scenarios.includes(v.scenario)) {
    bad('scenario', `${JSON.stringify(v.scenario) ?? '(missing)'} is no scenario of this site.`, `${JSON.stringify(v.scenario) ?? '(fehlt)'} ist kein Szenario dieser Seite.`);
  }
  if (typeof v.step !== 'number' || !Number.isInteger(v.step) || v.step < 0 || v.step > MAX_STEP) {
    bad('step', 'must be a whole number from 0.', 'muss eine ganze Zahl ab 0 sein.');
  }
  for (const k of ['lens', 'tab'] as const) {
    if (v[k] !== undefined && (typeof v[k] !== 'string' || (v[k] as string).length > MAX_NAME)) bad(k, 'must be a short text.', 'muss ein kurzer Text sein.');
  }
  if (v.view !== undefined && (typeof v.view !== 'string' || !VIEW_MODES.includes(v.view))) bad('view', 'must be "both", "network" or "sequence".', 'muss "both", "network" oder "sequence" sein.');
  if (v.reveal !== undefined && typeof v.reveal !== 'boolean') bad('reveal', 'must be true or false.', 'muss true oder false sein.');
  if (v.note !== undefined && (typeof v.note !== 'string' || v.note.length > MAX_NOTE)) bad('note', `must be text of at most ${MAX_NOTE} characters.`, `muss ein Text mit höchstens ${MAX_NOTE} Zeichen sein.`);
  if (!ok) return null;
  const out: ScriptView = { scenario: v.scenario as string, step: v.step as number };
  if (typeof v.lens === 'string' && v.lens) out.lens = v.lens;
  if (typeof v.tab === 'string' && v.tab) out.tab = v.tab;
  if (typeof v.view === 'string') out.view = v.view as ViewMode;
  if (v.reveal === true) out.reveal = true;
  if (typeof v.note === 'string' && v.note) out.note = v.note;
  return out;
}

/** The script as one URL parameter value: its JSON, UTF-8, base64url (RFC 4648 §5) without padding. */
export function scriptToParam(script: LectureScript): string {
  return toBase64(new TextEncoder().encode(JSON.stringify(JSON.parse(scriptToJson(script))))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A link's parameter → the script, or why not (a link cut off by a mail program, a typo). */
export function scriptFromParam(param: string, scenarios: readonly string[]): ScriptResult {
  const brokenLink = () => fail('', 'The script in this link is damaged (perhaps the link was cut off).', 'Das Skript in diesem Link ist beschädigt (vielleicht wurde der Link abgeschnitten).');
  if (!/^[A-Za-z0-9_-]*$/.test(param)) return brokenLink();
  const b64 = param.replace(/-/g, '+').replace(/_/g, '/');
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  } catch {
    return brokenLink();
  }
  const text = utf8DecodeStrict(bytes);
  return text === null ? brokenLink() : parseScript(text, scenarios);
}

/** The query string that opens `view` in presenter mode (contract 3); the step is always written. */
export function scriptViewQuery(view: ScriptView): string {
  return encodeUrlView({ step: view.step, lens: view.lens, tab: view.tab, view: view.view, presenter: true }, { step: -1, view: 'both', tab: 'xml' });
}
