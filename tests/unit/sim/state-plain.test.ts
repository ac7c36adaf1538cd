/** The kernel checkpoints SimState with structuredClone and the inspector shows it: every preset's state, mid-run and at the end, is plain data. */
import { describe, expect, it } from 'vitest';
import { presets } from '../../../lib/scenarios/presets';
import { machines, runScenario } from '../../../lib/scenarios/run';
import { stateAfter } from '../../../lib/sim/kernel';
import { plainDataProblems } from '../../helpers/plain-data';

describe('simulator state is plain data', () => {
  for (const p of presets) {
    it(p.id, () => {
      const run = runScenario(p, { seed: 1 });
      const n = run.trace.events.length;
      for (const seq of [Math.floor(n / 2), n - 1]) expect(plainDataProblems(stateAfter(p, machines, run, seq))).toEqual([]);
    });
  }
});
