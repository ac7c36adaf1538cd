/** Preset runs (seed 1) shared by the tests of one file, each run once, and an observer's ledger of one. */
import { ledgerOf, type Ledger, type LedgerFact } from '@/lib/knowledge/ledger';
import { getPreset } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';
import type { Scenario, Trace } from '@/lib/sim/types';

export function presetRuns() {
  const runs = new Map<string, { scenario: Scenario; trace: Trace }>();
  function run(id: string): { scenario: Scenario; trace: Trace } {
    if (!runs.has(id)) {
      const scenario = getPreset(id);
      if (!scenario) throw new Error(`no preset ${id}`);
      runs.set(id, { scenario, trace: runScenario(scenario, { seed: 1 }).trace });
    }
    return runs.get(id)!;
  }
  function ledger(id: string, name: string): Ledger {
    const { scenario, trace } = run(id);
    const l = ledgerOf(scenario, trace, name);
    if (!l) throw new Error(`no observer ${name} in ${id}`);
    return l;
  }
  return { run, ledger };
}

export const factsOfKind = <K extends LedgerFact['kind']>(l: Ledger, kind: K) => l.facts.filter((f): f is Extract<LedgerFact, { kind: K }> => f.kind === kind);
