'use client';
/**
 * Where a lecture script lives in the browser. The teacher's script (the one being built across scenario
 * pages) is in localStorage, so it survives closing the tab; a running presentation (the script and the
 * view on screen) is in sessionStorage, so it follows the teacher from page to page in this tab only and
 * ends with it. Stored text is read like a file: through lib/viz/lecture-script.ts, never trusted.
 * @module
 */
import { checkScript, parseScript, scriptToJson, type LectureScript, type ScriptResult } from '../../../lib/viz/lecture-script';
import { presets } from '../../../lib/scenarios/presets/index';

export const SCENARIO_IDS: readonly string[] = presets.map((p) => p.id);

const DRAFT_KEY = 'ml:lecture-script';
const SHOW_KEY = 'ml:lecture-show';

export const EMPTY_SCRIPT: LectureScript = { title: '', views: [] };

/** Storage that may be missing or refuse (private mode, a sandboxed frame): null then. */
function storage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

/** The teacher's script: empty when none is stored; the problems when what is stored cannot be read. */
export function readDraft(): ScriptResult {
  const text = storage('local')?.getItem(DRAFT_KEY) ?? null;
  return text === null ? { ok: true, script: EMPTY_SCRIPT } : parseScript(text, SCENARIO_IDS);
}

/** Returns false when the browser refused to store it (full, or storage switched off). */
export function writeDraft(script: LectureScript): boolean {
  try {
    const s = storage('local');
    if (!s) return false;
    s.setItem(DRAFT_KEY, scriptToJson(script));
    return true;
  } catch {
    return false;
  }
}

export interface Show {
  script: LectureScript;
  index: number;
}

/** The running presentation in this tab, or null (none, or unreadable: then there is nothing to walk). */
export function readShow(): Show | null {
  const text = storage('session')?.getItem(SHOW_KEY) ?? null;
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as { script?: unknown; index?: unknown };
    const checked = checkScript(value.script, SCENARIO_IDS);
    const index = value.index;
    if (!checked.ok || typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= checked.script.views.length) return null;
    return { script: checked.script, index };
  } catch {
    return null;
  }
}

export function writeShow(show: Show | null): void {
  try {
    const s = storage('session');
    if (show === null) s?.removeItem(SHOW_KEY);
    else s?.setItem(SHOW_KEY, JSON.stringify({ script: JSON.parse(scriptToJson(show.script)), index: show.index }));
  } catch {
    // A tab that cannot store cannot walk across pages; the current page still presents.
  }
}
