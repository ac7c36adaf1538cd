import { describe, expect, it } from 'vitest';
import { utf8Decode } from '@/lib/bytes/hex';
import { hello } from '@/lib/scenarios/presets/hello';
import { nodeStatesAfter, runScenario } from '@/lib/scenarios/run';
import type { Scenario, TraceEvent } from '@/lib/sim/types';
import type { ClientState } from '@/lib/xmpp/stream/client';
import type { ServerState } from '@/lib/xmpp/stream/server';

const wire = (e: TraceEvent) => (e.wire ? utf8Decode(e.wire) : '');

function variant(patch: (s: Scenario) => void): Scenario {
  const s = structuredClone(hello);
  patch(s);
  return s;
}

describe('the hello slice speaks RFC 6120/6121', () => {
  const run = runScenario(hello, { seed: 1 });
  const ev = run.trace.events;

  it('alice’s session: header, PLAIN, restart, bind, presence, in that order', () => {
    const fromAlice = ev.filter((e) => e.kind === 'wire' && e.from === 'alice').map(wire);
    expect(fromAlice[0]).toBe("<?xml version='1.0'?><stream:stream to='a.example' version='1.0' xml:lang='en' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
    // RFC 4616: NUL alice NUL wonderland, base64
    expect(fromAlice[1]).toBe("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGFsaWNlAHdvbmRlcmxhbmQ=</auth>");
    expect(fromAlice[2]).toBe(fromAlice[0]);
    expect(fromAlice[3]).toMatch(/^<iq type='set' id='alice-bind-\d+'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>laptop<\/resource><\/bind><\/iq>$/);
    expect(fromAlice[4]).toBe('<presence/>');
    expect(fromAlice[5]).toMatch(/^<message type='chat' to='bob@a.example' id='alice-\d+'><body>Hi Bob! Lunch at noon\?<\/body><\/message>$/);
  });

  it('the server offers PLAIN first, then bind after the restart', () => {
    const toAlice = ev.filter((e) => e.kind === 'wire' && e.to === 'alice').map(wire);
    expect(toAlice[0]).toMatch(/<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN<\/mechanism><\/mechanisms><\/stream:features>$/);
    expect(toAlice[1]).toBe("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
    expect(toAlice[2]).toMatch(/<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><required\/><\/bind><\/stream:features>$/);
    expect(toAlice[3]).toContain('<jid>alice@a.example/laptop</jid>');
  });

  it('the message reaches bob with alice’s full JID stamped by the server', () => {
    const last = ev[ev.length - 1]!;
    expect(last).toMatchObject({ kind: 'wire', from: 'a.example', to: 'bob' });
    expect(wire(last)).toMatch(/^<message from='alice@a.example\/laptop' to='bob@a.example' id='alice-\d+' type='chat'><body>Hi Bob! Lunch at noon\?<\/body><\/message>$/);
    const bob = nodeStatesAfter(hello, run, last.seq).bob as ClientState;
    expect(bob.inbox).toEqual([{ from: 'alice@a.example/laptop', body: 'Hi Bob! Lunch at noon?', time: last.time }]);
    expect(bob.phase).toBe('online');
  });

  it('every wire event is dissected: TCP over the whole payload, XML inside, SASL inside <auth>', () => {
    for (const e of ev.filter((x) => x.kind === 'wire')) {
      expect(e.layers[0]).toMatchObject({ layer: 'tcp', start: 0, end: e.wire!.length });
      expect(e.layers.some((l) => l.layer === 'xml')).toBe(true);
    }
    const auth = ev.find((e) => wire(e).startsWith('<auth'))!;
    const sasl = auth.layers.find((l) => l.layer === 'sasl')!;
    expect(utf8Decode(auth.wire!.slice(sasl.start, sasl.end))).toBe('AGJvYgBidWlsZGVy');
  });

  it('a wrong password gets <not-authorized/>, and the client stops', () => {
    const s = variant((sc) => (sc.topology.clients[0]!.password = 'guess'));
    const r = runScenario(s, { seed: 1 });
    const failure = r.trace.events.find((e) => wire(e).includes('<failure'))!;
    expect(wire(failure)).toBe("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>");
    expect(failure.effects.map((n) => n.key)).toContain('client.sasl-failed');
    const alice = nodeStatesAfter(s, r, r.trace.events.length - 1).alice as ClientState;
    expect(alice.phase).toBe('auth-failed'); // RFC 6120 §6.4.5: the stream stays open for a retry
    expect(r.trace.events.some((e) => e.from === 'alice' && wire(e).startsWith('<message'))).toBe(false);
  });

  it('a message to an unknown account bounces with service-unavailable', () => {
    const s = variant((sc) => ((sc.script[2]!.action as { to: string }).to = 'carol@a.example'));
    const r = runScenario(s, { seed: 1 });
    expect(wire(r.trace.events.at(-1)!)).toContain("<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>");
  });

  it('a message to an offline account is stored, then delivered at login with a XEP-0203 delay stamp', () => {
    const s = variant((sc) => {
      sc.script[0]!.at = 5000; // bob logs in late
    });
    const r = runScenario(s, { seed: 1 });
    const stored = r.trace.events.find((e) => e.effects.some((n) => n.key === 'server.stored-offline'))!;
    expect(stored.from).toBe('alice');
    const server = nodeStatesAfter(s, r, stored.seq)['a.example'] as ServerState;
    expect(server.accounts.bob!.offline).toHaveLength(1);
    const delivered = r.trace.events.find((e) => e.to === 'bob' && wire(e).startsWith('<message'))!;
    expect(wire(delivered)).toMatch(/<delay xmlns='urn:xmpp:delay' from='a.example' stamp='2026-01-01T09:00:01Z'\/><\/message>$/);
    expect(delivered.time).toBeGreaterThan(5000);
  });

  it('markup characters in a password are escaped on the wire and the login still works', () => {
    const s = variant((sc) => {
      sc.topology.clients[0]!.password = "<&'\">";
      sc.topology.servers[0]!.accounts[0]!.password = "<&'\">";
    });
    const r = runScenario(s, { seed: 1 });
    expect(wire(r.trace.events.at(-1)!)).toContain('Hi Bob!');
  });
});
