import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeWorld, initialState, simulate, stateAfter, step } from '@/lib/sim/kernel';
import { hello } from '@/lib/scenarios/presets/hello';
import { machines } from '@/lib/scenarios/run';
import type { Scenario } from '@/lib/sim/types';

/** hello, made longer: alice and bob trade messages, so there are many checkpoints to replay from. */
const chatty: Scenario = {
  ...hello,
  id: 'chatty',
  script: [
    ...hello.script,
    ...Array.from({ length: 60 }, (_, i) => ({
      at: 1500 + i * 37,
      node: i % 2 ? 'alice' : 'bob',
      action: { type: 'send-message' as const, to: i % 2 ? 'bob@a.example' : 'alice@a.example', body: `message ${i}` },
    })),
  ],
};

describe('checkpoints', () => {
  it('replay from the nearest checkpoint equals the live state at every step asked for', () => {
    const run = simulate(chatty, { seed: 5, machines, checkpointEvery: 16 });
    const n = run.trace.events.length;
    expect(n).toBeGreaterThan(150);
    // The live states, captured while stepping once from the start.
    const world = makeWorld(chatty, machines);
    const live = initialState(world, 5);
    const snapshots: unknown[] = [];
    while (step(world, live)) snapshots.push(structuredClone(live));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: n - 1 }), (seq) => {
        expect(stateAfter(chatty, machines, run, seq)).toEqual(snapshots[seq]);
      }),
      { numRuns: 200 },
    );
  });
});
