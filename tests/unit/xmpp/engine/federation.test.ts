import { describe, expect, it } from 'vitest';
import { fromHex } from '@/lib/bytes/hex';
import { federation } from '@/lib/scenarios/presets/federation';
import { unknownDomain } from '@/lib/scenarios/presets/unknown-domain';
import { nodeStatesAfter, runScenario } from '@/lib/scenarios/run';
import { dialbackKey } from '@/lib/xmpp/s2s/dialback';
import { resolveServer } from '@/lib/xmpp/s2s/dns';
import type { ServerState } from '@/lib/xmpp/stream/server';
import { utf8 } from '@/lib/bytes/hex';
import { between, transcript } from './transcript';
import { harness } from './harness';

describe('XEP-0185 dialback keys', () => {
  it('match the published vectors', () => {
    // XEP-0185 §3 (also iksemel, Openfire, Matrix-era servers' tests).
    expect(dialbackKey(utf8('s3cr3tf0rd14lb4ck'), 'xmpp.example.com', 'example.org', 'D60000229F')).toBe('37c69b1cf07a3f67c04a5ef5902fa5114f2c76fe4a2686482ba5b89323075643');
    // Twisted Words' test vector (example.net ← example.com).
    expect(dialbackKey(utf8('s3cr3tf0rd14lb4ck'), 'example.net', 'example.com', 'D60000229F')).toBe('008c689ff366b50c63d69a3e2d2c0e0e1f8404b0118eb688a0102c87cb691bdc');
  });
});

describe('RFC 6120 §3.2 DNS: SRV first, then the A record and port 5269', () => {
  const zone = {
    srv: [
      { name: '_xmpp-server._tcp.b.example', priority: 10, weight: 0, port: 5270, target: 'backup.b.example' },
      { name: '_xmpp-server._tcp.b.example', priority: 0, weight: 5, port: 5269, target: 'xmpp.b.example' },
    ],
    a: [
      { name: 'xmpp.b.example', ip: '203.0.113.20' },
      { name: 'backup.b.example', ip: '203.0.113.21' },
      { name: 'a.example', ip: '198.51.100.10' },
    ],
  };
  it('takes the lowest priority target', () => {
    expect(resolveServer(zone, 'b.example')).toMatchObject({ ok: true, ip: '203.0.113.20', port: 5269, host: 'xmpp.b.example' });
  });
  it('falls back to the next target when the first has no address', () => {
    const z = { ...zone, a: zone.a.filter((r) => r.name !== 'xmpp.b.example') };
    expect(resolveServer(z, 'b.example')).toMatchObject({ ok: true, ip: '203.0.113.21', port: 5270 });
  });
  it('without SRV records uses the domain’s A record on 5269; without either, fails', () => {
    expect(resolveServer(zone, 'a.example')).toMatchObject({ ok: true, ip: '198.51.100.10', port: 5269, steps: [{ type: 'SRV', answer: null }, { type: 'A', answer: '198.51.100.10' }] });
    expect(resolveServer(zone, 'c.example')).toMatchObject({ ok: false });
  });
});

describe('federation: a.example → b.example with STARTTLS and dialback', () => {
  const run = runScenario(federation, { seed: 1 });
  const lines = transcript(federation);
  const aToB = between(lines, 'a.example', 'b.example');
  const bToA = between(lines, 'b.example', 'a.example');

  it('resolves b.example through its SRV record before connecting', () => {
    const dns = run.trace.events.find((e) => e.kind === 'timer' && e.from === 'a.example')!;
    // The first thing the host did when the timer fired is the step's narration; the rest are its effects.
    expect([dns.note, ...dns.effects].map((n) => [n.key, n.params?.name, n.params?.answer])).toEqual([
      ['dns.answer', '_xmpp-server._tcp.b.example', '0 5 5269 xmpp.b.example'],
      ['dns.answer', 'xmpp.b.example', '203.0.113.20'],
    ]);
  });

  it('opens a jabber:server stream announcing dialback, then upgrades to TLS', () => {
    expect(aToB[0]).toBe("<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback' from='a.example' to='b.example' version='1.0'>");
    expect(bToA[0]).toMatch(/from='b.example' to='a.example' id='[0-9a-f-]{36}' version='1.0'><stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required\/><\/starttls><dialback xmlns='urn:xmpp:features:dialback'><errors\/><\/dialback><bidi xmlns='urn:xmpp:features:bidi'\/><\/stream:features>$/);
    expect(aToB[1]).toBe("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    expect(bToA[1]).toBe("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    expect([aToB[2], bToA[2]]).toEqual(['[hello]', '[hello]']);
    expect(aToB[3]).toBe(aToB[0]);
  });

  it('the db:result key is XEP-0185’s HMAC with a.example’s secret over the stream id b.example chose', () => {
    const streamId = /id='([0-9a-f-]{36})'/.exec(bToA[3]!)![1]!;
    expect(streamId).toBe('cc94f197-44f4-4e24-9fe8-681e824e10b1'); // quoted in content/*/02-federation.mdx (seed 1)
    const a = nodeStatesAfter(federation, run, 0)['a.example'] as ServerState;
    const key = dialbackKey(fromHex(a.secret), 'b.example', 'a.example', streamId);
    expect(aToB[4]).toBe(`<bidi xmlns='urn:xmpp:bidi'/><db:result from='a.example' to='b.example'>${key}</db:result>`);
    expect(bToA[4]).toBe(`<db:verify from='b.example' to='a.example' id='${streamId}'>${key}</db:verify>`);
    expect(aToB[5]).toBe(`<db:verify from='a.example' to='b.example' id='${streamId}' type='valid'/>`);
    expect(bToA[5]).toBe("<db:result from='b.example' to='a.example' type='valid'/>");
  });

  it('then the message crosses, and bob’s reply comes back over the same (bidi) stream', () => {
    expect(aToB[6]).toBe("<message from='alice@a.example/laptop' to='bob@b.example' id='alice-2' type='chat'><body>Hello from a.example!</body></message>");
    expect(between(lines, 'b.example', 'bob')).toContain(aToB[6]);
    expect(bToA[6]).toBe("<message from='bob@b.example/phone' to='alice@a.example' id='bob-2' type='chat'><body>Hi alice, greetings from b.example.</body></message>");
    expect(between(lines, 'a.example', 'alice')).toContain(bToA[6]);
  });

  it('a ping to the remote server is answered by it', () => {
    expect(aToB[7]).toBe("<iq from='alice@a.example/laptop' to='b.example' id='alice-3' type='get'><ping xmlns='urn:xmpp:ping'/></iq>");
    expect(bToA[7]).toBe("<iq from='b.example' to='alice@a.example/laptop' type='result' id='alice-3'/>");
  });

  it('a.example, as Authoritative Server, confirms only keys it issued; b.example only believes a valid answer', () => {
    const sc = structuredClone(federation);
    sc.settings.tls = 'none';
    const { server, feed } = harness(sc, 'a.example');
    feed('b.example', "<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback' from='b.example' to='a.example' version='1.0'>");
    // Someone asks a.example to vouch for a key it never computed.
    const forged = feed('b.example', "<db:verify from='b.example' to='a.example' id='D60000229F'>37c69b1cf07a3f67c04a5ef5902fa5114f2c76fe4a2686482ba5b89323075643</db:verify>");
    expect(forged).toEqual(["<db:verify from='a.example' to='b.example' id='D60000229F' type='invalid'/>"]);
    const genuine = dialbackKey(fromHex(server.secret), 'b.example', 'a.example', 'D60000229F');
    expect(feed('b.example', `<db:verify from='b.example' to='a.example' id='D60000229F'>${genuine}</db:verify>`)).toEqual([
      "<db:verify from='a.example' to='b.example' id='D60000229F' type='valid'/>",
    ]);
  });

  it('a peer whose claim is not confirmed may not send stanzas', () => {
    const sc = structuredClone(federation);
    sc.settings.tls = 'none';
    const { feed } = harness(sc, 'a.example');
    const opened = feed('b.example', "<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback' from='b.example' to='a.example' version='1.0'>");
    const id = /id='([^']+)'/.exec(opened[0]!)![1]!;
    // The claim goes to DNS and back to the authoritative server (the same peer here) …
    expect(feed('b.example', "<db:result from='b.example' to='a.example'>0000</db:result>")).toEqual([`<db:verify from='a.example' to='b.example' id='${id}'>0000</db:verify>`]);
    // … which says no.
    expect(feed('b.example', `<db:verify from='b.example' to='a.example' id='${id}' type='invalid'/>`)).toEqual(["<db:result from='a.example' to='b.example' type='invalid'/>"]);
    const after = feed('b.example', "<message from='bob@b.example/phone' to='alice@a.example'><body>let me in</body></message>");
    expect(after[0]).toBe("<stream:error><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>");
  });
});

describe('unknown-domain: remote-server-not-found and remote-server-timeout', () => {
  const lines = transcript(unknownDomain);
  const errors = between(lines, 'a.example', 'alice').filter((t) => t.includes("type='error'"));

  it('no DNS answer: remote-server-not-found, at once', () => {
    expect(errors[0]).toBe(
      "<message from='carol@c.example' to='alice@a.example/laptop' type='error' id='alice-2'><error type='cancel'><remote-server-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>",
    );
  });

  it('a server that is down, and an address with no route: remote-server-timeout after the timeout', () => {
    expect(errors[1]).toBe(
      "<message from='dave@d.example' to='alice@a.example/laptop' type='error' id='alice-3'><error type='wait'><remote-server-timeout xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>",
    );
    expect(errors[2]).toContain("from='erin@e.example'");
    expect(errors[2]).toContain('<remote-server-timeout');
    const run = runScenario(unknownDomain, { seed: 1 });
    const down = run.trace.events.find((e) => e.to === 'd.example')!;
    expect(down.effects.map((n) => n.key)).toEqual(['server.down']);
    expect(run.trace.events.some((e) => e.from === 'd.example')).toBe(false);
    const bounceTimes = lines.filter((l) => l.to === 'alice' && l.text.includes('remote-server-timeout')).map((l) => l.time);
    expect(bounceTimes[0]! - 2000).toBeGreaterThanOrEqual(3000);
  });
});

describe('both servers dial each other at the same moment', () => {
  const s = structuredClone(federation);
  s.script = [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 0, node: 'bob', action: { type: 'connect' } },
    { at: 1500, node: 'alice', action: { type: 'send-message', to: 'bob@b.example', body: 'A' } },
    { at: 1500, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'B' } },
    { at: 6000, node: 'alice', action: { type: 'send-message', to: 'bob@b.example', body: 'A2' } },
  ];

  it('one connection survives (the smaller domain keeps its attempt), both messages arrive, and nothing storms', () => {
    const run = runScenario(s, { seed: 1, maxEvents: 2000 });
    expect(run.trace.truncated).toBe(false);
    expect(run.trace.events.length).toBeLessThan(100);
    const effects = run.trace.events.flatMap((e) => e.effects.map((n) => `${n.key}@${n.params?.server ?? ''}`));
    expect(effects).toContain('s2s.collision-kept@a.example');
    expect(effects).toContain('s2s.collision-yield@b.example');
    const lines = transcript(s);
    expect(between(lines, 'b.example', 'bob').filter((t) => t.includes('<body>'))).toHaveLength(2);
    expect(between(lines, 'a.example', 'alice').filter((t) => t.includes('<body>B</body>'))).toHaveLength(1);
  });
});
