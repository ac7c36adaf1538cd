import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '@/lib/bytes/hex';
import { federation } from '@/lib/scenarios/presets/federation';
import { hello } from '@/lib/scenarios/presets/hello';
import { runScenario } from '@/lib/scenarios/run';
import { validateScenario } from '@/lib/scenarios/schema/validate';
import type { Action, Scenario } from '@/lib/sim/types';

const jids = ['alice@a.example', 'bob@a.example', 'bob@b.example', 'carol@c.example', 'alice@a.example/laptop', 'bob@b.example/phone', 'bob@a.example/nope', 'a.example', 'b.example'];
const bares = ['alice@a.example', 'bob@a.example', 'bob@b.example', 'carol@c.example'];
const raws = [
  '<presence/>', '<message><body>x</body></message>', "<iq type='get' id='1'><ping xmlns='urn:xmpp:ping'/></iq>", '<iq/>', '</stream:stream>', '<!-- c -->',
  "<presence type='subscribe' to='bob@a.example'/>", "<?xml version='1.0'?><stream:stream to='a.example' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>",
  '&amp;', '<a><b></a>', '\u0000', "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGFsaWNlAHg=</auth>",
];

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constant<Action>({ type: 'connect' }),
  fc.constant<Action>({ type: 'disconnect' }),
  fc.constant<Action>({ type: 'roster-get' }),
  fc.record({ type: fc.constant('send-message' as const), to: fc.constantFrom(...jids), body: fc.string({ maxLength: 20 }), messageType: fc.constantFrom('chat', 'normal', 'headline', 'groupchat') as fc.Arbitrary<'chat'> }),
  fc.record({ type: fc.constant('retry-login' as const), password: fc.constantFrom('wonderland', 'builder', 'wrong') }),
  fc.record({ type: fc.constant('set-presence' as const), show: fc.constantFrom('away', 'dnd', 'xa', 'chat') as fc.Arbitrary<'away'>, priority: fc.integer({ min: -128, max: 127 }) }),
  fc.constant<Action>({ type: 'set-presence', unavailable: true }),
  ...(['add-contact', 'subscribe', 'unsubscribe', 'approve-subscription', 'deny-subscription', 'remove-contact'] as const).map((type) =>
    fc.record({ type: fc.constant(type), jid: fc.constantFrom(...bares) }),
  ),
  fc.record({ type: fc.constantFrom('disco-info', 'disco-items', 'ping') as fc.Arbitrary<'ping'>, to: fc.constantFrom(...jids) }),
  fc.record({ type: fc.constant('send-raw' as const), text: fc.oneof(fc.constantFrom(...raws), fc.string({ maxLength: 30 })) }),
);

function scriptFor(base: Scenario, nodes: string[], maxTime = 8000) {
  return fc.array(fc.record({ at: fc.integer({ min: 0, max: maxTime }), node: fc.constantFrom(...nodes), action }), { maxLength: 25 });
}

/** Both users log in, then write to each other across domains at nearly the same moments (connection collisions). */
const crossTalk = fc.array(
  fc.record({ at: fc.integer({ min: 1000, max: 2500 }), node: fc.constantFrom('alice', 'bob'), body: fc.stringMatching(/^[a-z]{1,5}$/) }),
  { minLength: 1, maxLength: 6 },
).map((msgs) => [
  { at: 0, node: 'alice', action: { type: 'connect' } as Action },
  { at: 0, node: 'bob', action: { type: 'connect' } as Action },
  ...msgs.map((m) => ({ at: m.at, node: m.node, action: { type: 'send-message', to: m.node === 'alice' ? 'bob@b.example' : 'alice@a.example', body: m.body } as Action })),
]);

/** The base scenario with a random script; its chapters named the base's script steps, so they go too. */
function withScript(base: Scenario, script: Scenario['script'], tls: Scenario['settings']['tls']): Scenario {
  const { chapters: _, ...rest } = structuredClone(base);
  return { ...rest, id: 'random', settings: { ...base.settings, tls, sasl: 'SCRAM-SHA-1', allowPlainWithoutTls: false, serverMechanisms: undefined } as Scenario['settings'], script };
}

const json = (s: Scenario) => runScenario(s, { seed: 3, maxEvents: 20_000 }).trace.events.map((e) => JSON.stringify({ ...e, wire: e.wire ? toHex(e.wire) : undefined })).join('\n');

describe('random action scripts (fast-check)', () => {
  it('never throw, always terminate well below the event limit, and stay valid scenarios (one domain)', () => {
    fc.assert(
      fc.property(scriptFor(hello, ['alice', 'bob']), fc.constantFrom('none', 'starttls', 'required') as fc.Arbitrary<'none'>, (script, tls) => {
        const s = withScript(hello, script, tls);
        expect(validateScenario(JSON.parse(JSON.stringify(s))).ok).toBe(true);
        const { trace } = runScenario(s, { seed: 1, maxEvents: 20_000 });
        expect(trace.truncated).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('never throw and always terminate across federation, with TLS and dialback', () => {
    fc.assert(
      fc.property(scriptFor(federation, ['alice', 'bob'], 3000), (script) => {
        const { trace } = runScenario(withScript(federation, script, 'required'), { seed: 2, maxEvents: 20_000 });
        expect(trace.truncated).toBe(false);
        // Bounded work: a handful of events per action, never a storm.
        expect(trace.events.length).toBeLessThan(150 + 40 * script.length);
      }),
      { numRuns: 30 },
    );
  });

  it('cross-domain messages sent at nearly the same time are all delivered, whoever dials first', () => {
    fc.assert(
      fc.property(crossTalk, fc.constantFrom('none', 'required') as fc.Arbitrary<'none'>, (script, tls) => {
        const s = withScript(federation, script, tls);
        const { trace } = runScenario(s, { seed: 4, maxEvents: 5_000 });
        expect(trace.truncated).toBe(false);
        const received = trace.events.flatMap((e) => e.effects).filter((n) => n.key === 'client.message-received').length;
        expect(received).toBe(script.length - 2);
      }),
      { numRuns: 30 },
    );
  });

  it('are deterministic: the same script and seed give the same bytes', () => {
    fc.assert(
      fc.property(scriptFor(federation, ['alice', 'bob']), (script) => {
        const s = withScript(federation, script, 'starttls');
        expect(json(s)).toBe(json(s));
      }),
      { numRuns: 8 },
    );
  });
});
