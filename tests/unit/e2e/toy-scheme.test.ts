/**
 * Adding an end-to-end scheme is adding files, not editing the client: a toy scheme ("rot13", with a
 * marker) defined only here, given to a client machine built with `createXmppClient(schemes)`. alice
 * sends with it, bob's client shows the decoded text marked encrypted, and a tap on alice's link —
 * whose reader knows only the registry's schemes — sees only the scrambled body. Not one line of
 * lib/xmpp/stream/client.ts or lib/xmpp/client/* knows the toy.
 */
import { describe, expect, it } from 'vitest';
import { E2E_SCHEMES } from '@/lib/e2e/registry';
import type { E2eScheme } from '@/lib/e2e/scheme';
import { emptyKeyring } from '@/lib/knowledge/e2e-keyring';
import { newE2eReaderState, readE2eBody } from '@/lib/knowledge/e2e-reader';
import { observe } from '@/lib/knowledge/observe';
import { hello } from '@/lib/scenarios/presets/hello';
import { nodeStatesAfter, runScenario } from '@/lib/scenarios/run';
import { fact, factsOf } from '@/lib/sim/facts';
import { simulate, stateAfter } from '@/lib/sim/kernel';
import type { Machines, Scenario } from '@/lib/sim/types';
import { x } from '@/lib/xml/element';
import { serialize } from '@/lib/xml/serialize';
import { createXmppClient, type ClientState } from '@/lib/xmpp/stream/client';
import { xmppServer } from '@/lib/xmpp/stream/server';
import { otrSessionsOf } from '@/lib/viz/otr-frames';
import { otrAke } from '@/lib/scenarios/presets/otr-ake';

const MARK = '[toy-rot13] ';
const rot13 = (t: string) => t.replace(/[a-z]/gi, (c) => String.fromCharCode(((c.toLowerCase().charCodeAt(0) - 97 + 13) % 26) + (c === c.toLowerCase() ? 97 : 65)));

/** The toy: every typed message goes out rot13'd behind a marker; a receiver with the toy turns it back. */
const toy: E2eScheme<{ sent: number; received: number }, null> = {
  id: 'toy-rot13',
  init: () => ({ sent: 0, received: 0 }),
  actions: ['send-message'],
  act(state, host, a) {
    if (a.type !== 'send-message') return null;
    state.sent += 1;
    const el = x('message', { type: 'chat', to: a.to, id: host.nextId() }, x('body', null, MARK + rot13(a.body)));
    return [host.send([{ text: serialize(el), label: '<message/> (toy rot13)' }], { key: 'client.message-send', params: { client: host.client, to: a.to, server: '', type: 'chat' } })];
  },
  receive(state, host, from, body) {
    if (!body.startsWith(MARK)) return null;
    state.received += 1;
    const text = rot13(body.slice(MARK.length));
    host.show(from, text, { encrypted: true, verified: false });
    return [fact({ type: 'message-shown', node: host.client, from, body: text, encrypted: true })];
  },
  steal: () => [],
  newReader: () => null,
  // The toy's observers hold no key of it (a real scheme would look into `keys`).
  read: (_r, _keys, _from, _to, body) => (body.startsWith(MARK) ? { kind: 'toy-rot13', content: null } : null),
};

const TEXT = 'Hi Bob! Lunch at noon?';
const machines: Machines = { client: createXmppClient([...E2E_SCHEMES, toy]), server: xmppServer };

describe('a toy end-to-end scheme, registered only in this test', () => {
  const scenario: Scenario = hello; // no TLS: the tap sees every byte
  const run = simulate(scenario, { seed: 1, machines });
  const last = run.trace.events.length - 1;
  const nodes = stateAfter(scenario, machines, run, last).nodes;
  const bob = nodes.bob as ClientState;
  const alice = nodes.alice as ClientState;

  it('alice sends with it; bob’s client shows the decoded text, marked encrypted', () => {
    expect(bob.inbox.map((m) => [m.body, m.encrypted])).toEqual([[TEXT, true]]);
    expect(factsOf(run.trace.events.flatMap((e) => e.facts), 'message-shown')).toEqual([{ type: 'message-shown', node: 'bob', from: 'alice@a.example/laptop', body: TEXT, encrypted: true }]);
    expect(alice.e2e['toy-rot13']).toEqual({ sent: 1, received: 0 });
    expect(bob.e2e['toy-rot13']).toEqual({ sent: 0, received: 1 });
    // the built-in schemes are still there, beside it
    expect(Object.keys(alice.e2e)).toEqual(['signed', 'static', 'otr', 'toy-rot13']);
  });

  it('a tap on alice’s link reads the scrambled body, never the text', () => {
    const tap = observe(scenario, run.trace, 'tap:alice~a.example')!;
    const bodies = tap.messages.map((m) => m.content);
    expect(bodies).toContain(MARK + rot13(TEXT));
    expect(bodies).not.toContain(TEXT);
    const wire = run.trace.events.filter((e) => e.wire).map((e) => new TextDecoder().decode(e.wire));
    expect(wire.some((w) => w.includes(TEXT))).toBe(false);
  });

  it('the toy’s own reader, asked through readE2eBody with a scheme list, recognises the body and cannot open it', () => {
    const r = readE2eBody(newE2eReaderState(), emptyKeyring(), 'alice@a.example', 'bob@a.example', MARK + rot13(TEXT), [...E2E_SCHEMES, toy]);
    expect(r).toEqual({ kind: 'toy-rot13', content: null });
    expect(readE2eBody(newE2eReaderState(), emptyKeyring(), 'alice@a.example', 'bob@a.example', MARK + rot13(TEXT))).toBeNull();
  });

  it('without the toy, the same script sends the text in clear (the default client list)', () => {
    const plain = runScenario(scenario, { seed: 1 });
    const wire = plain.trace.events.filter((e) => e.wire).map((e) => new TextDecoder().decode(e.wire));
    expect(wire.some((w) => w.includes(TEXT))).toBe(true);
  });
});

describe('the client keeps each scheme’s state under its id', () => {
  it('the ratchet view still finds a client’s OTR sessions (lib/viz/otr-frames.ts)', () => {
    const run = runScenario(otrAke, { seed: 1 });
    const alice = nodeStatesAfter(otrAke, run, Math.floor(run.trace.events.length / 2)).alice;
    expect(otrSessionsOf(alice).length).toBe(1);
  });
});
