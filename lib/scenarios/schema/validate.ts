/**
 * Validation of version-2 scenario data: the shape (dsl.ts against scenario.ts), then the references
 * between fields (refs.ts) and the chapters' starts (chapters.ts). Every problem is reported with the path of the bad field, nothing is thrown.
 * To load a file of any version, use lib/scenarios/load.ts.
 * @module
 */
import { checkChapters } from './chapters';
import { checkShape, isObject } from './dsl';
import type { Issue } from './issues';
import { checkRefs } from './refs';
import { scenario, type Scenario } from './scenario';

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: Issue[] };

export function validateScenario(input: unknown): ValidationResult {
  const issues: Issue[] = [];
  checkShape(scenario, input, '', issues);
  const bad = new Set(issues.map((i) => i.path));
  issues.push(...checkRefs(input, bad));
  if (isObject(input)) issues.push(...checkChapters(input, bad));
  return issues.length ? { ok: false, errors: issues } : { ok: true, scenario: input as Scenario };
}
