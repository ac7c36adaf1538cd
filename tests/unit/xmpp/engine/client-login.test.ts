/**
 * The client's login when it cannot go on: no usable mechanism, a password it must not send, a retry
 * after either. Every path ends in a phase the table names and with a 'login-failed' fact; none hangs
 * in 'authenticating', none sends a password SASLprep refuses (RFC 4013, RFC 4616 §2).
 */
import { describe, expect, it } from 'vitest';
import { hello } from '@/lib/scenarios/presets/hello';
import { nodeStatesAfter, runScenario } from '@/lib/scenarios/run';
import { factsOf } from '@/lib/sim/facts';
import type { Action, Scenario } from '@/lib/sim/types';
import type { ClientState } from '@/lib/xmpp/stream/client';
import { go } from '@/lib/xmpp/client/state';
import { isNoteKey } from '@/lib/narration/notes';
import { variant } from './transcript';

function aliceAlone(settings: Scenario['settings'], password: string, script: [number, Action][]): Scenario {
  return variant(hello, (s) => {
    s.settings = settings;
    s.topology.clients[0]!.password = password;
    s.script = script.map(([at, action]) => ({ at, node: 'alice', action }));
  });
}

function outcome(s: Scenario) {
  const run = runScenario(s, { seed: 1 });
  const facts = run.trace.events.flatMap((e) => e.facts);
  const alice = nodeStatesAfter(s, run, run.trace.events.length - 1).alice as ClientState;
  const wire = run.trace.events.filter((e) => e.from === 'alice' && e.wire).map((e) => new TextDecoder().decode(e.wire));
  return {
    phase: alice.phase,
    failed: factsOf(facts, 'login-failed').filter((f) => f.node === 'alice').map((f) => f.reason),
    online: factsOf(facts, 'session-online').some((f) => f.node === 'alice'),
    engineErrors: facts.filter((f) => f.type === 'engine-error'),
    wire,
    keys: run.trace.events.flatMap((e) => e.effects.map((n) => n.key)),
  };
}

const scram1 = { tls: 'none', sasl: 'SCRAM-SHA-1', serverMechanisms: ['SCRAM-SHA-1'] } as Scenario['settings'];

describe('a login that cannot go on (issue #8: no-mechanism, empty password, raw PLAIN)', () => {
  it('no usable mechanism at the first features: the client closes the stream and is failed at once, not authenticating', () => {
    const s = aliceAlone({ tls: 'none', sasl: 'SCRAM-SHA-256', serverMechanisms: ['SCRAM-SHA-1'] }, 'wonderland', [[0, { type: 'connect' }]]);
    const o = outcome(s);
    expect(o.failed).toEqual(['no-mechanism']);
    expect(['failed', 'closed']).toContain(o.phase);
    const run = runScenario(s, { seed: 1 });
    const at = run.trace.events.find((e) => e.facts.some((f) => f.type === 'login-failed'))!.seq;
    expect((nodeStatesAfter(s, run, at).alice as ClientState).phase).toBe('failed');
    expect(o.engineErrors).toEqual([]);
  });

  it('a retry with a mechanism the server does not offer fails clearly and leaves the stream open for the next try, which works', () => {
    const o = outcome(
      aliceAlone(scram1, 'wonderlnad', [
        [0, { type: 'connect' }],
        [1000, { type: 'retry-login', password: 'wonderland', mechanism: 'SCRAM-SHA-256' }],
        [2000, { type: 'retry-login', password: 'wonderland', mechanism: 'SCRAM-SHA-1' }],
      ]),
    );
    expect(o.failed).toEqual(['sasl-failed: not-authorized', 'no-mechanism']);
    expect(o.online).toBe(true);
    expect(o.phase).toBe('online');
    expect(o.engineErrors).toEqual([]);
  });

  it('a retry with an empty password is refused by the client at once (nothing sent), and the next retry works', () => {
    const o = outcome(
      aliceAlone(scram1, 'wonderlnad', [
        [0, { type: 'connect' }],
        [1000, { type: 'retry-login', password: '' }],
        [1500, { type: 'retry-login', password: 'wonderland' }],
      ]),
    );
    expect(o.failed).toEqual(['sasl-failed: not-authorized', 'bad-credentials']);
    expect(o.keys).toContain('client.bad-credentials');
    expect(o.online).toBe(true);
    // two <auth/> in all: the first try and the last; the empty password never left the device
    expect(o.wire.filter((w) => w.includes('<auth ')).length).toBe(2);
    expect(o.engineErrors).toEqual([]);
  });

  it('an empty password at the first features: refused before anything is sent, the stream stays open for a retry, which works', () => {
    const o = outcome(aliceAlone(scram1, '', [[0, { type: 'connect' }], [1000, { type: 'retry-login', password: 'wonderland' }]]));
    expect(o.failed).toEqual(['bad-credentials']);
    expect(o.online).toBe(true);
    expect(o.wire.filter((w) => w.includes('<auth ')).length).toBe(1);
    expect(o.engineErrors).toEqual([]);
  });

  it('PLAIN never sends a password that SASLprep rejects (RFC 4013 §2.3, RFC 4616 §2): the login fails with a note', () => {
    const plain = { tls: 'none', sasl: 'PLAIN', serverMechanisms: ['PLAIN'], allowPlainWithoutTls: true } as Scenario['settings'];
    const o = outcome(aliceAlone(plain, 'wonder\u0007land', [[0, { type: 'connect' }]]));
    expect(o.wire.some((w) => w.includes("mechanism='PLAIN'"))).toBe(false);
    expect(o.failed).toEqual(['bad-credentials']);
    expect(o.keys).toContain('client.bad-credentials');
    expect(o.phase).toBe('auth-failed');
  });

  it('PLAIN with an empty password: not sent either', () => {
    const plain = { tls: 'none', sasl: 'PLAIN', serverMechanisms: ['PLAIN'], allowPlainWithoutTls: true } as Scenario['settings'];
    const o = outcome(aliceAlone(plain, '', [[0, { type: 'connect' }]]));
    expect(o.wire.some((w) => w.includes("mechanism='PLAIN'"))).toBe(false);
    expect(o.failed).toEqual(['bad-credentials']);
  });
});

describe('an impossible step (issue #8)', () => {
  it('is a labelled engine error, never silently ignored: an engine-error fact and a note; the phase stays', () => {
    const run = runScenario(hello, { seed: 1 });
    const alice = structuredClone(nodeStatesAfter(hello, run, run.trace.events.length - 1).alice as ClientState);
    expect(alice.phase).toBe('online');
    const out = go(alice, 'features-sasl');
    expect(alice.phase).toBe('online');
    expect(out).toEqual([
      { type: 'fact', fact: { type: 'engine-error', node: 'alice', machine: 'xmpp-client', from: 'online', trigger: 'features-sasl' } },
      { type: 'note', note: { key: 'client.impossible-transition', params: { client: 'alice', phase: 'online', trigger: 'features-sasl' } } },
    ]);
    expect(isNoteKey('client.impossible-transition')).toBe(true);
    expect(go(alice, 'disconnect')).toEqual([]);
    expect(alice.phase).toBe('closed');
  });
});
