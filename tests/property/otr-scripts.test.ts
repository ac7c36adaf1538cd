/**
 * Random OTR scripts between alice and bob (start, end, SMP with right and wrong secrets, messages,
 * static-key messages, to themselves too): the simulation never throws, always ends well before the
 * event limit, narrates every effect with a known key, never puts a static-key text on the wire, and
 * a typed message crosses readable only when its sender had no private conversation going.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNoteKey } from '@/lib/narration/notes';
import { otrAke } from '@/lib/scenarios/presets/otr-ake';
import { runScenario } from '@/lib/scenarios/run';
import type { Action, Scenario } from '@/lib/sim/types';

const who = fc.constantFrom('alice', 'bob');
const peerOf = (n: string, self: boolean) => (self ? `${n}@a.example` : n === 'alice' ? 'bob@a.example' : 'alice@a.example');

const action = (node: string, self: boolean, i: number): fc.Arbitrary<Action> => {
  const to = peerOf(node, self);
  return fc.oneof(
    fc.constant<Action>({ type: 'otr-start', to }),
    fc.constant<Action>({ type: 'otr-end', to }),
    fc.constant<Action>({ type: 'send-message', to, body: `typed-${i}` }),
    fc.constantFrom<Action>({ type: 'smp-start', to, secret: 'pw' }, { type: 'smp-start', to, secret: 'pw', question: 'q?' }),
    fc.constantFrom<Action>({ type: 'smp-respond', to, secret: 'pw' }, { type: 'smp-respond', to, secret: 'wrong' }),
    fc.constant<Action>({ type: 'static-publish', to }),
    fc.constant<Action>({ type: 'send-static', to, body: `secret-${i}` }),
  );
};

const step = (i: number) =>
  fc.tuple(who, fc.boolean().map((b) => b && i % 7 === 3), fc.integer({ min: 0, max: 400 })).chain(([node, self, gap]) => action(node, self, i).map((a) => ({ node, gap, action: a })));

describe('random OTR scripts', () => {
  it('end, narrate every effect, never leak what was encrypted', () => {
    fc.assert(
      fc.property(fc.tuple(...Array.from({ length: 8 }, (_, i) => step(i))), fc.integer({ min: 1, max: 1000 }), (steps, seed) => {
        let at = 1500;
        const scenario: Scenario = { ...otrAke, script: [otrAke.script[0]!, otrAke.script[1]!, ...steps.map((s) => ({ at: (at += s.gap), node: s.node, action: s.action }))] };
        const { trace } = runScenario(scenario, { seed, maxEvents: 2000 });
        expect(trace.truncated).toBe(false);
        expect(trace.events.length).toBeLessThan(400);
        const dec = new TextDecoder();
        for (const e of trace.events) {
          for (const n of [e.note, ...e.effects]) expect(isNoteKey(n.key), n.key).toBe(true);
          if (!e.wire) continue;
          const wire = dec.decode(e.wire);
          expect(wire).not.toMatch(/secret-\d/);
          if (/<body>typed-\d/.test(wire) && e.from !== 'a.example') expect(e.note.key).toBe('client.message-send');
        }
      }),
      { numRuns: 12 },
    );
  });
});
