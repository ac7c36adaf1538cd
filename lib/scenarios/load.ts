/**
 * Loading a scenario from outside (a file, a share link, pasted JSON): parse, migrate older versions
 * (schema/migrate.ts), validate (schema/validate.ts). The CLI and the app use this one function. Bad
 * input gives every problem, each with the path of the field in the data as the user wrote it, in
 * English and German (schema/messages.ts); it never throws.
 * @module
 */
import type { Issue } from './schema/issues';
import { migrate, originalPath } from './schema/migrate';
import type { Scenario } from './schema/scenario';
import { validateScenario } from './schema/validate';

export type LoadResult = { ok: true; scenario: Scenario; migratedFrom?: 1 } | { ok: false; errors: Issue[] };

export function loadScenario(input: unknown): LoadResult {
  const m = migrate(input);
  if (!m.ok) return { ok: false, errors: m.issues };
  const r = validateScenario(m.data);
  const errors = [...m.issues, ...(r.ok ? [] : r.errors.map((e) => ({ ...e, path: originalPath(e.path, m.paths) })))];
  if (errors.length || !r.ok) return { ok: false, errors };
  return m.from === 1 ? { ok: true, scenario: r.scenario, migratedFrom: 1 } : { ok: true, scenario: r.scenario };
}

/** Parse JSON text and load it; a syntax error is reported like any other problem. */
export function parseScenarioJson(text: string): LoadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '(file)', code: 'json', params: { detail: e instanceof Error ? e.message : String(e) } }] };
  }
  return loadScenario(data);
}
