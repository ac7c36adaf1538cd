import { describe, expect, it } from 'vitest';
import { fromHex, utf8 } from '@/lib/bytes/hex';
import { observe } from '@/lib/knowledge/observe';
import { federation } from '@/lib/scenarios/presets/federation';
import { unknownDomain } from '@/lib/scenarios/presets/unknown-domain';
import { nodeStatesAfter, runScenario } from '@/lib/scenarios/run';
import { dialbackKey } from '@/lib/xmpp/s2s/dialback';
import { resolveServer } from '@/lib/xmpp/s2s/dns';
import type { ServerState } from '@/lib/xmpp/stream/server';
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

describe('federation: a.example → b.example with STARTTLS and dialback, one connection per direction', () => {
  const run = runScenario(federation, { seed: 1 });
  const lines = transcript(federation);
  // XEP-0220 §2.1.3: each server sends over the connection it opened itself.
  const A = 'a.example>b.example';
  const B = 'b.example>a.example';
  const aOut = between(lines, 'a.example', 'b.example', A);
  const aOutAnswers = between(lines, 'b.example', 'a.example', A);
  const bOut = between(lines, 'b.example', 'a.example', B);
  const bOutAnswers = between(lines, 'a.example', 'b.example', B);

  it('resolves b.example through its SRV record before connecting', () => {
    const dns = run.trace.events.find((e) => e.kind === 'timer' && e.from === 'a.example')!;
    // The first thing the host did when the timer fired is the step's narration; the rest are its effects.
    expect([dns.note, ...dns.effects].map((n) => [n.key, n.params?.name, n.params?.answer])).toEqual([
      ['dns.answer', '_xmpp-server._tcp.b.example', '0 5 5269 xmpp.b.example'],
      ['dns.answer', 'xmpp.b.example', '203.0.113.20'],
    ]);
  });

  it('every server-to-server byte travels on one of exactly two named connections, on the one link', () => {
    const s2s = run.trace.events.filter((e) => e.kind === 'wire' && e.link === 'a.example~b.example');
    expect(new Set(s2s.map((e) => e.conn))).toEqual(new Set([A, B]));
    expect(aOut.length + aOutAnswers.length + bOut.length + bOutAnswers.length).toBe(s2s.length);
    // Distinct TCP connections: a.example's ephemeral port to b's 5269, and b.example's to a's 5269.
    const tcp = (conn: string, from: string) => s2s.find((e) => e.conn === conn && e.from === from)!.layers[0]!.label;
    expect(tcp(A, 'a.example')).toMatch(/^TCP 198\.51\.100\.10:\d+ → 203\.0\.113\.20:5269$/);
    expect(tcp(B, 'b.example')).toMatch(/^TCP 203\.0\.113\.20:\d+ → 198\.51\.100\.10:5269$/);
  });

  it('opens a jabber:server stream announcing dialback, then upgrades to TLS', () => {
    expect(aOut[0]).toBe("<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback' from='a.example' to='b.example' version='1.0'>");
    expect(aOutAnswers[0]).toMatch(/from='b.example' to='a.example' id='[0-9a-f-]{36}' version='1.0'><stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required\/><\/starttls><dialback xmlns='urn:xmpp:features:dialback'><errors\/><\/dialback><\/stream:features>$/);
    expect(aOut[1]).toBe("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    expect(aOutAnswers[1]).toBe("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    expect([aOut[2], aOutAnswers[2]]).toEqual(['[hello]', '[hello]']);
    expect(aOut[3]).toBe(aOut[0]);
    // b.example's own connection to a.example goes through the same steps.
    expect(bOut.slice(0, 4).map((t) => t.slice(0, 60))).toEqual([bOut[0]!.slice(0, 60), "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>", '[hello]', bOut[0]!.slice(0, 60)]);
    expect(bOut[0]).toContain("from='b.example' to='a.example' version='1.0'>");
  });

  it('b.example checks a.example’s key over ITS OWN connection to a.example, and vice versa (XEP-0220 §2.1.3)', () => {
    const idA = /id='([0-9a-f-]{36})'/.exec(aOutAnswers[3]!)![1]!;
    const idB = /id='([0-9a-f-]{36})'/.exec(bOutAnswers[3]!)![1]!;
    expect(idA).toBe('cc94f197-44f4-4e24-9fe8-681e824e10b1'); // quoted in content/*/02-federation.mdx (seed 1)
    expect(idB).toBe('538851e2-03c9-49df-9ec4-a05801354a82'); // quoted in content/*/02-federation.mdx (seed 1)
    const states = nodeStatesAfter(federation, run, 0);
    const keyA = dialbackKey(fromHex((states['a.example'] as ServerState).secret), 'b.example', 'a.example', idA);
    const keyB = dialbackKey(fromHex((states['b.example'] as ServerState).secret), 'a.example', 'b.example', idB);
    expect(keyA).toBe('295df79551881082c2bf813be33dfe423e70c88c8df08765bd33368875d9ca39'); // quoted in the lessons
    // a.example's claim on its connection; b.example asks about it on b.example's connection …
    expect(aOut[4]).toBe(`<db:result from='a.example' to='b.example'>${keyA}</db:result>`);
    expect(bOut[5]).toBe(`<db:verify from='b.example' to='a.example' id='${idA}'>${keyA}</db:verify>`);
    expect(bOutAnswers[4]).toBe(`<db:verify from='a.example' to='b.example' id='${idA}' type='valid'/>`);
    // … and gives its verdict where the claim came in.
    expect(aOutAnswers[5]).toBe("<db:result from='b.example' to='a.example' type='valid'/>");
    // The mirror image: b.example's claim, checked by a.example over a.example's connection.
    expect(bOut[4]).toBe(`<db:result from='b.example' to='a.example'>${keyB}</db:result>`);
    expect(aOut[5]).toBe(`<db:verify from='a.example' to='b.example' id='${idB}'>${keyB}</db:verify>`);
    expect(aOutAnswers[4]).toBe(`<db:verify from='b.example' to='a.example' id='${idB}' type='valid'/>`);
    expect(bOutAnswers[5]).toBe("<db:result from='a.example' to='b.example' type='valid'/>");
    // Never a question back down the connection the claim arrived on.
    expect(aOutAnswers.some((t) => t.startsWith('<db:verify') && !t.includes("type="))).toBe(false);
    expect(bOutAnswers.some((t) => t.startsWith('<db:verify') && !t.includes("type="))).toBe(false);
  });

  it('then the message crosses on a.example’s connection, and bob’s reply on b.example’s', () => {
    expect(aOut[6]).toBe("<message from='alice@a.example/laptop' to='bob@b.example' id='alice-2' type='chat'><body>Hello from a.example!</body></message>");
    expect(between(lines, 'b.example', 'bob')).toContain(aOut[6]);
    expect(bOut[6]).toBe("<message from='bob@b.example/phone' to='alice@a.example' id='bob-2' type='chat'><body>Hi alice, greetings from b.example.</body></message>");
    expect(between(lines, 'a.example', 'alice')).toContain(bOut[6]);
  });

  it('a ping to the remote server is answered by it, over its own connection', () => {
    expect(aOut[7]).toBe("<iq from='alice@a.example/laptop' to='b.example' id='alice-3' type='get'><ping xmlns='urn:xmpp:ping'/></iq>");
    expect(bOut[7]).toBe("<iq from='b.example' to='alice@a.example/laptop' type='result' id='alice-3'/>");
    expect([aOut.length, aOutAnswers.length, bOut.length, bOutAnswers.length]).toEqual([8, 6, 8, 6]);
  });

  it('the steps, ports and tap numbers that content/*/02-federation.mdx quotes (seed 1; step = seq + 1)', () => {
    const at = (step: number) => run.trace.events[step - 1]!;
    const said = (step: number) => [at(step).from, at(step).to, at(step).conn ?? '', at(step).note.key];
    expect(said(40)).toEqual(['alice', 'a.example', '', 'client.message-send']);
    expect(at(40).effects.map((n) => n.key)).toContain('dns.query');
    expect(said(41)).toEqual(['a.example', 'a.example', '', 'dns.answer']);
    expect(said(42)).toEqual(['a.example', 'b.example', A, 's2s.stream-open']);
    expect(said(50)).toEqual(['a.example', 'b.example', A, 's2s.db-result']);
    expect(at(50).effects.map((n) => n.key)).toEqual(['s2s.claim-received', 'dns.query']);
    expect(said(52)).toEqual(['b.example', 'a.example', B, 's2s.stream-open']);
    expect(said(60)).toEqual(['b.example', 'a.example', B, 's2s.db-result']);
    expect(said(61)).toEqual(['b.example', 'a.example', B, 's2s.db-verify']);
    expect(said(62)).toEqual(['a.example', 'b.example', A, 's2s.db-verify']);
    expect([63, 64, 65, 66].map((k) => at(k).note.key)).toEqual(['s2s.db-verify-answer', 's2s.db-verify-answer', 's2s.db-result-valid', 's2s.db-result-valid']);
    expect(said(67)).toEqual(['a.example', 'b.example', A, 's2s.stanza-out']);
    expect(said(68).slice(0, 2)).toEqual(['b.example', 'bob']);
    expect(said(71)).toEqual(['b.example', 'a.example', B, 's2s.stanza-out']);
    expect(at(42).layers[0]!.label).toBe('TCP 198.51.100.10:52164 → 203.0.113.20:5269');
    expect(at(52).layers[0]!.label).toBe('TCP 203.0.113.20:57156 → 198.51.100.10:5269');
    const tap = observe(federation, run.trace, 'tap:a.example~b.example')!;
    const sealed = tap.messages.map((m) => m.size);
    expect([tap.metadata.sealedRecords, sealed.length, Math.min(...sealed), Math.max(...sealed)]).toEqual([20, 18, 79, 658]);
  });

  it('a.example, as Authoritative Server, confirms only keys it issued', () => {
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

  const HEADER_B = "<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback' from='b.example' to='a.example' version='1.0'>";

  it('the Receiving Server asks over its own new connection, and a peer whose claim is refused may not send stanzas', () => {
    const sc = structuredClone(federation);
    sc.settings.tls = 'none';
    const { server, feed, feedOn, fire } = harness(sc, 'a.example');
    const id = /id='([^']+)'/.exec(feed('b.example', HEADER_B)[0]!)![1]!;
    // The claim: nothing goes back on this connection; a.example looks b.example up to dial it.
    expect(feed('b.example', "<db:result from='b.example' to='a.example'>0000</db:result>")).toEqual([]);
    expect(server.s2s['b.example']).toMatchObject({ role: 'initiator', phase: 'resolving', verifies: [{ name: 'db:verify' }] });
    const opened = fire('dns b.example');
    expect(opened).toEqual([{ to: 'b.example', conn: 'a.example>b.example', text: expect.stringContaining("from='a.example' to='b.example'") }]);
    // Its own stream: its own claim first (as Prosody does), then the question.
    const sent = feedOn('b.example', 'a.example>b.example', "<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback' from='b.example' to='a.example' id='out-1' version='1.0'><stream:features><dialback xmlns='urn:xmpp:features:dialback'/></stream:features>");
    expect(sent.map((o) => [o.conn, o.text.slice(0, 10)])).toEqual([
      ['a.example>b.example', '<db:result'],
      ['a.example>b.example', '<db:verify'],
    ]);
    expect(sent[1]!.text).toBe(`<db:verify from='a.example' to='b.example' id='${id}'>0000</db:verify>`);
    // The Authoritative Server says no; the verdict goes to the claimant's connection.
    expect(feedOn('b.example', 'a.example>b.example', `<db:verify from='b.example' to='a.example' id='${id}' type='invalid'/>`)).toEqual([
      { to: 'b.example', conn: undefined, text: "<db:result from='a.example' to='b.example' type='invalid'/>" },
    ]);
    const after = feed('b.example', "<message from='bob@b.example/phone' to='alice@a.example'><body>let me in</body></message>");
    expect(after[0]).toBe("<stream:error><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>");
  });

  it('an answer that matches no waiting claim changes nothing; stanzas never ride our own outgoing stream inward', () => {
    const sc = structuredClone(federation);
    sc.settings.tls = 'none';
    const { server, feed, feedOn, fire } = harness(sc, 'a.example');
    feed('b.example', HEADER_B);
    feed('b.example', "<db:result from='b.example' to='a.example'>0000</db:result>");
    fire('dns b.example');
    feedOn('b.example', 'a.example>b.example', "<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback' from='b.example' to='a.example' id='out-1' version='1.0'><stream:features/>");
    expect(feedOn('b.example', 'a.example>b.example', "<db:verify from='b.example' to='a.example' id='nobody' type='valid'/>")).toEqual([]);
    expect(Object.values(server.s2sIn).map((c) => c.phase)).toEqual(['verifying']);
    const inward = feedOn('b.example', 'a.example>b.example', "<message from='bob@b.example/phone' to='alice@a.example'><body>wrong way</body></message>");
    expect(inward[0]!.text).toContain('<not-authorized');
  });

  it('a claim whose Authoritative Server does not resolve is refused with remote-server-not-found (XEP-0220 §2.4)', () => {
    const sc = structuredClone(federation);
    sc.settings.tls = 'none';
    const { feed, fire } = harness(sc, 'a.example');
    feed('b.example', HEADER_B.replace("from='b.example'", "from='nowhere.example'"));
    expect(feed('b.example', "<db:result from='nowhere.example' to='a.example'>0000</db:result>")).toEqual([]);
    expect(fire('dns nowhere.example')).toEqual([
      { to: 'b.example', conn: undefined, text: "<db:result from='a.example' to='nowhere.example' type='error'><error type='cancel'><remote-server-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></db:result>" },
    ]);
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

  it('nothing collides: each server’s own connection carries its questions and stanzas, both messages arrive, nothing storms', () => {
    const run = runScenario(s, { seed: 1, maxEvents: 2000 });
    expect(run.trace.truncated).toBe(false);
    expect(run.trace.events.length).toBeLessThan(100);
    expect(new Set(run.trace.events.filter((e) => e.link === 'a.example~b.example').map((e) => e.conn))).toEqual(new Set(['a.example>b.example', 'b.example>a.example']));
    const lines = transcript(s);
    expect(between(lines, 'b.example', 'bob').filter((t) => t.includes('<body>'))).toHaveLength(2);
    expect(between(lines, 'a.example', 'alice').filter((t) => t.includes('<body>B</body>'))).toHaveLength(1);
    const end = nodeStatesAfter(s, run, run.trace.events.length - 1);
    for (const [self, peer] of [['a.example', 'b.example'], ['b.example', 'a.example']] as const) {
      const st = end[self] as ServerState;
      expect(st.s2s[peer]).toMatchObject({ id: `${self}>${peer}`, role: 'initiator', phase: 'established' });
      expect(Object.values(st.s2sIn)).toMatchObject([{ id: `${peer}>${self}`, role: 'responder', phase: 'established', peerVerified: true }]);
    }
  });
});
