/**
 * An impossible state transition is a labelled engine error (an 'engine-error' fact beside an
 * '*.impossible-transition' note), and random action scripts never cause one: not on one server,
 * not across federation with TLS and dialback, not when both ends dial each other at once, not when
 * a client types raw bytes the negotiation does not expect.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { federation } from '@/lib/scenarios/presets/federation';
import { hello } from '@/lib/scenarios/presets/hello';
import { runScenario } from '@/lib/scenarios/run';
import type { Action, Scenario } from '@/lib/sim/types';

const jids = ['alice@a.example', 'bob@a.example', 'bob@b.example', 'carol@c.example', 'alice@a.example/laptop', 'bob@b.example/phone', 'a.example', 'b.example', 'conference.a.example'];
const bares = ['alice@a.example', 'bob@a.example', 'bob@b.example', 'carol@c.example'];
const SASL = "xmlns='urn:ietf:params:xml:ns:xmpp-sasl'";
/** Inputs a server does not expect at most moments: negotiation elements out of turn, a second header, junk. */
const raws = [
  "<?xml version='1.0'?><stream:stream to='a.example' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>",
  "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>", `<auth ${SASL} mechanism='PLAIN'>AGFsaWNlAHdvbmRlcmxhbmQ=</auth>`,
  `<auth ${SASL} mechanism='SCRAM-SHA-1'>biwsbj1hbGljZSxyPWFiYw==</auth>`, `<response ${SASL}>Yw==</response>`, `<abort ${SASL}/>`,
  "<iq type='set' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>x</resource></bind></iq>",
  "<iq type='get' id='r'><query xmlns='jabber:iq:roster'/></iq>", "<iq type='set' id='p'><ping xmlns='urn:xmpp:ping'/></iq>",
  '</stream:stream>', '<a><b></a>', '<presence/>', "<message to='bob@b.example'><body>x</body></message>",
];

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constant<Action>({ type: 'connect' }),
  fc.constant<Action>({ type: 'disconnect' }),
  fc.constant<Action>({ type: 'roster-get' }),
  fc.record({ type: fc.constant('send-message' as const), to: fc.constantFrom(...jids), body: fc.string({ maxLength: 10 }) }),
  fc.record({ type: fc.constant('retry-login' as const), password: fc.constantFrom('wonderland', 'builder', 'wrong', '') }),
  fc.constant<Action>({ type: 'set-presence', show: 'away', priority: 1 }),
  fc.constant<Action>({ type: 'set-presence', unavailable: true }),
  ...(['add-contact', 'subscribe', 'unsubscribe', 'approve-subscription', 'deny-subscription', 'remove-contact'] as const).map((type) =>
    fc.record({ type: fc.constant(type), jid: fc.constantFrom(...bares) }),
  ),
  fc.record({ type: fc.constantFrom('disco-info', 'disco-items', 'ping') as fc.Arbitrary<'ping'>, to: fc.constantFrom(...jids) }),
  fc.record({ type: fc.constant('send-raw' as const), text: fc.oneof(fc.constantFrom(...raws), fc.string({ maxLength: 20 })) }),
);

/** Half the steps fall into the first 400 ms, while the streams are still negotiating. */
const at = (maxTime: number) => fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: maxTime }));
const script = (nodes: string[], maxTime: number) =>
  fc.array(fc.record({ at: at(maxTime), node: fc.constantFrom(...nodes), action }), { maxLength: 25 });

const tlsPolicy = fc.constantFrom('none', 'starttls', 'required') as fc.Arbitrary<Scenario['settings']['tls']>;

function withScript(base: Scenario, s: Scenario['script'], tls: Scenario['settings']['tls'], sasl: Scenario['settings']['sasl'], alicePassword?: string): Scenario {
  const sc: Scenario = { ...structuredClone(base), id: 'random', settings: { ...base.settings, tls, sasl, allowPlainWithoutTls: sasl === 'PLAIN', serverMechanisms: undefined } as Scenario['settings'], script: s };
  // A client that knows the wrong password fails, retries and runs out of tries: SASL failure paths.
  if (alicePassword !== undefined) sc.topology.clients.find((c) => c.id === 'alice')!.password = alicePassword;
  return sc;
}

/** Every engine error of a run, with the note beside it, as readable strings (empty when there is none). */
function engineErrors(s: Scenario, seed: number): string[] {
  const { trace } = runScenario(s, { seed, maxEvents: 20_000 });
  return trace.events.flatMap((e) =>
    e.facts.filter((f) => f.type === 'engine-error').map((f) => `${e.seq} ${JSON.stringify(f)} ${JSON.stringify(e.effects.find((n) => n.key.endsWith('.impossible-transition')))}`),
  );
}

const sasl = fc.constantFrom('SCRAM-SHA-1', 'SCRAM-SHA-256', 'PLAIN') as fc.Arbitrary<Scenario['settings']['sasl']>;

describe('no impossible transition in random scripts (fast-check)', () => {
  it('one domain: logins, retries, raw negotiation elements out of turn', () => {
    fc.assert(
      fc.property(script(['alice', 'bob'], 6000), tlsPolicy, sasl, fc.constantFrom('wonderland', 'wrong', 'wonderlan'), fc.integer({ min: 1, max: 5 }), (sc, tls, mech, pw, seed) => {
        expect(engineErrors(withScript(hello, sc, tls, mech, pw), seed)).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('federation: DNS, STARTTLS and dialback, connections dialled and redialled, a peer that is switched off (timeouts)', () => {
    fc.assert(
      fc.property(script(['alice', 'bob'], 3000), tlsPolicy, fc.boolean(), fc.integer({ min: 1, max: 5 }), (sc, tls, bDown, seed) => {
        const s = withScript(federation, sc, tls, 'SCRAM-SHA-1');
        if (bDown) s.topology.servers.find((v) => v.id === 'b.example')!.down = true;
        expect(engineErrors(s, seed)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('federation: both ends write at nearly the same moments (crossing connections and claims)', () => {
    const burst = fc.array(fc.record({ at: fc.integer({ min: 900, max: 2500 }), node: fc.constantFrom('alice', 'bob') }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(burst, tlsPolicy, (msgs, tls) => {
        const sc: Scenario['script'] = [
          { at: 0, node: 'alice', action: { type: 'connect' } },
          { at: 0, node: 'bob', action: { type: 'connect' } },
          ...msgs.map((m) => ({ at: m.at, node: m.node, action: { type: 'send-message', to: m.node === 'alice' ? 'bob@b.example' : 'alice@a.example', body: 'x' } as Action })),
        ];
        expect(engineErrors(withScript(federation, sc, tls, 'SCRAM-SHA-1'), 4)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
