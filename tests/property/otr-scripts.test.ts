/**
 * Random OTR scripts between alice and bob (start, end, SMP with right and wrong secrets, messages,
 * static-key messages, to themselves too): the simulation never throws, always ends well before the
 * event limit, narrates every effect with a known key, never puts a static-key text on the wire, and
 * a typed message crosses readable only when its sender had no private conversation going.
 * Mixed with logins, retries, disconnects, raw bytes and thefts, no client ever takes a step its
 * negotiation table refuses (no 'engine-error' fact).
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

/** Anything a user can do to a client, end to end included, at any moment (also before login and after a disconnect). */
const anyAction = (node: string, i: number): fc.Arbitrary<Action> =>
  fc.oneof(
    { weight: 3, arbitrary: action(node, i % 5 === 4, i) },
    fc.constant<Action>({ type: 'connect' }),
    fc.constant<Action>({ type: 'disconnect' }),
    fc.record({ type: fc.constant('retry-login' as const), password: fc.constantFrom('wonderland', 'builder', 'wrong', '', 'a\u0007b'), mechanism: fc.constantFrom('PLAIN', 'SCRAM-SHA-1', 'SCRAM-SHA-256') as fc.Arbitrary<'PLAIN'> }),
    fc.constant<Action>({ type: 'send-signed', to: peerOf(node, false), body: `signed-${i}` }),
    fc.constant<Action>({ type: 'keys-stolen', thief: 'thief', what: ['otr-session', 'long-term-keys', 'static-key'] }),
    fc.constantFrom<Action>(
      { type: 'send-raw', text: '<a><b></a>' },
      { type: 'send-raw', text: '<!-- c -->' },
      { type: 'send-raw', text: '</stream:stream>' },
      { type: 'send-raw', text: "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>" },
      { type: 'send-raw', text: "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGFsaWNlAHg=</auth>" },
    ),
  );

const anyStep = (i: number) => fc.tuple(who, fc.integer({ min: 0, max: 600 })).chain(([node, gap]) => anyAction(node, i).map((a) => ({ node, gap, action: a })));

const settings = fc.record({
  tls: fc.constantFrom('none', 'starttls', 'required'),
  sasl: fc.constantFrom('PLAIN', 'SCRAM-SHA-1', 'SCRAM-SHA-256'),
  serverMechanisms: fc.constantFrom(undefined, ['PLAIN'], ['SCRAM-SHA-1'], ['SCRAM-SHA-256', 'SCRAM-SHA-1']),
  allowPlainWithoutTls: fc.boolean(),
}) as fc.Arbitrary<Scenario['settings']>;

describe('random client scripts with end-to-end actions', () => {
  it('never make a client take a step its negotiation table refuses (no engine-error fact)', () => {
    fc.assert(
      fc.property(fc.tuple(...Array.from({ length: 14 }, (_, i) => anyStep(i))), settings, fc.constantFrom('wonderland', 'wrong', ''), fc.integer({ min: 1, max: 1000 }), (steps, set, password, seed) => {
        let at = 0;
        // alice's first password: right, wrong (a <failure/>, then retries), or one the client refuses to send
        const topology = { ...otrAke.topology, clients: otrAke.topology.clients.map((c) => (c.id === 'alice' ? { ...c, password } : c)) };
        const scenario: Scenario = {
          ...otrAke,
          topology,
          settings: { ...otrAke.settings, ...Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)) },
          script: [otrAke.script[0]!, otrAke.script[1]!, ...steps.map((s) => ({ at: (at += s.gap), node: s.node, action: s.action }))],
        };
        const { trace } = runScenario(scenario, { seed, maxEvents: 3000 });
        expect(trace.truncated).toBe(false);
        const errors = trace.events.flatMap((e) => e.facts.filter((f) => f.type === 'engine-error').map((f) => ({ seq: e.seq, ...f })));
        expect(errors).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

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
