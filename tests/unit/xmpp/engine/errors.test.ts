import { describe, expect, it } from 'vitest';
import { badPassword } from '@/lib/scenarios/presets/bad-password';
import { hello } from '@/lib/scenarios/presets/hello';
import { malformedXml } from '@/lib/scenarios/presets/malformed-xml';
import { nodeStatesAfter, runScenario } from '@/lib/scenarios/run';
import type { Scenario } from '@/lib/sim/types';
import type { ClientState } from '@/lib/xmpp/stream/client';
import { between, transcript, variant } from './transcript';

const STREAMS = 'urn:ietf:params:xml:ns:xmpp-streams';
const STANZAS = 'urn:ietf:params:xml:ns:xmpp-stanzas';

describe('malformed-xml: the stream errors RFC 6120 names', () => {
  const lines = transcript(malformedXml);
  const errs = between(lines, 'a.example', 'alice').filter((t) => t.startsWith('<stream:error>'));
  it('mis-nested tags → not-well-formed; a comment → restricted-xml; a non-stanza → unsupported-stanza-type', () => {
    expect(errs).toEqual([
      `<stream:error><not-well-formed xmlns='${STREAMS}'/></stream:error></stream:stream>`,
      `<stream:error><restricted-xml xmlns='${STREAMS}'/></stream:error></stream:stream>`,
      `<stream:error><unsupported-stanza-type xmlns='${STREAMS}'/></stream:error></stream:stream>`,
    ]);
    expect(between(lines, 'alice', 'a.example')).toContain("<message to='bob@a.example'><body>oops</message></body>");
  });
  it('each time the client ends up failed, and may connect again', () => {
    const run = runScenario(malformedXml, { seed: 1 });
    const ends = run.trace.events.filter((e) => e.effects.some((n) => n.key === 'client.stream-error'));
    expect(ends).toHaveLength(3);
    for (const e of ends) expect((nodeStatesAfter(malformedXml, run, e.seq).alice as ClientState).phase).toBe('failed');
  });
});

describe('bad-password: SASL failure, retry, and the end of guessing', () => {
  const lines = transcript(badPassword);
  it('alice: not-authorized, the stream stays open, the retry succeeds', () => {
    const toAlice = between(lines, 'a.example', 'alice');
    expect(toAlice).toContain("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>");
    expect(toAlice.some((t) => t.startsWith("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"))).toBe(true);
    expect(toAlice.at(-1)).toBe("<presence from='alice@a.example/laptop' to='alice@a.example/laptop'/>");
  });
  it('eve (no such account) gets a convincing challenge with i=4096, then not-authorized, and after three tries policy-violation', () => {
    const toEve = between(lines, 'a.example', 'eve');
    expect(toEve.filter((t) => t.startsWith('<challenge'))).toHaveLength(3);
    expect(toEve.filter((t) => t === "<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>")).toHaveLength(3);
    expect(toEve.at(-1)).toBe(`<stream:error><policy-violation xmlns='${STREAMS}'/><text xmlns='${STREAMS}'>Too many failed authentication attempts</text></stream:error></stream:stream>`);
    // The mock salt is stable per user name, as a real record's would be.
    const salts = toEve.filter((t) => t.startsWith('<challenge')).map((t) => atob(/>([^<]+)</.exec(t)![1]!).split(',')[1]);
    expect(new Set(salts).size).toBe(1);
  });
});

/** hello without TLS, SCRAM only: a place to type raw stanzas and read the server's answers. */
function rawScenario(raw: string[], extra: Partial<Scenario['settings']> = {}): Scenario {
  return variant(hello, (s) => {
    s.settings = { tls: 'none', sasl: 'SCRAM-SHA-256', ...extra };
    s.script = [
      { at: 0, node: 'alice', action: { type: 'connect' } },
      { at: 0, node: 'bob', action: { type: 'connect' } },
      ...raw.map((text, i) => ({ at: 1000 + i * 200, node: 'alice', action: { type: 'send-raw' as const, text } })),
    ];
  });
}

describe('iq semantics and stanza errors (RFC 6120 §8.2.3, §8.3)', () => {
  const replies = (raw: string[], extra?: Partial<Scenario['settings']>) => {
    const lines = transcript(rawScenario(raw, extra));
    return between(lines, 'a.example', 'alice').filter((l) => lines.find((x) => x.text === l)!.time >= 1000);
  };

  it('an unknown namespace → service-unavailable; a get/set with no payload or two → bad-request; no id → bad-request', () => {
    expect(replies(["<iq type='get' id='q1'><query xmlns='urn:example:unknown'/></iq>"])).toEqual([
      `<iq from='a.example' to='alice@a.example/laptop' type='error' id='q1'><error type='cancel'><service-unavailable xmlns='${STANZAS}'/></error></iq>`,
    ]);
    expect(replies(["<iq type='get' id='q2'/>"])).toEqual([`<iq from='a.example' to='alice@a.example/laptop' type='error' id='q2'><error type='modify'><bad-request xmlns='${STANZAS}'/></error></iq>`]);
    expect(replies(["<iq type='get'><ping xmlns='urn:xmpp:ping'/></iq>"])[0]).toContain(`<bad-request xmlns='${STANZAS}'/>`);
  });

  it('disco with an unknown node → item-not-found; a set to a get-only feature → feature-not-implemented', () => {
    expect(replies(["<iq type='get' id='d1' to='a.example'><query xmlns='http://jabber.org/protocol/disco#info' node='x'/></iq>"])[0]).toContain(`<error type='cancel'><item-not-found xmlns='${STANZAS}'/>`);
    expect(replies(["<iq type='set' id='d2' to='a.example'><ping xmlns='urn:xmpp:ping'/></iq>"])[0]).toContain(`<feature-not-implemented xmlns='${STANZAS}'/>`);
  });

  it('roster: removing what is not there → item-not-found; an item for oneself → bad-request', () => {
    expect(replies(["<iq type='set' id='r1'><query xmlns='jabber:iq:roster'><item jid='nobody@a.example' subscription='remove'/></query></iq>"])[0]).toContain(`<item-not-found xmlns='${STANZAS}'/>`);
    expect(replies(["<iq type='set' id='r2'><query xmlns='jabber:iq:roster'><item jid='alice@a.example'/></query></iq>"])[0]).toContain(`<bad-request xmlns='${STANZAS}'/>`);
  });

  it('an iq to a full JID that is not online → service-unavailable; to an online client → the client answers', () => {
    expect(replies(["<iq type='get' id='p1' to='bob@a.example/tablet'><ping xmlns='urn:xmpp:ping'/></iq>"])[0]).toBe(
      `<iq from='bob@a.example/tablet' to='alice@a.example/laptop' type='error' id='p1'><error type='cancel'><service-unavailable xmlns='${STANZAS}'/></error></iq>`,
    );
    expect(replies(["<iq type='get' id='p2' to='bob@a.example/phone'><ping xmlns='urn:xmpp:ping'/></iq>"])).toEqual(["<iq from='bob@a.example/phone' to='alice@a.example/laptop' id='p2' type='result'/>"]);
    expect(replies(["<iq type='get' id='p3' to='bob@a.example/phone'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>"])[0]).toContain("<identity category='client' type='pc' name='Messenger Lab'/>");
  });

  it('a bad address → jid-malformed; a message to a missing account → service-unavailable', () => {
    expect(replies(["<message to='a@@b' id='m1'><body>x</body></message>"])[0]).toContain(`<jid-malformed xmlns='${STANZAS}'/>`);
    expect(replies(["<message to='carol@a.example' id='m2' type='chat'><body>x</body></message>"])[0]).toContain(`<service-unavailable xmlns='${STANZAS}'/>`);
  });

  it('stanzas before authentication end the stream with not-authorized', () => {
    const s = variant(hello, (sc) => {
      sc.settings = { tls: 'none', sasl: 'SCRAM-SHA-256' };
      sc.topology.clients[0]!.password = 'wrong';
      sc.script = [
        { at: 0, node: 'alice', action: { type: 'connect' } },
        { at: 1000, node: 'alice', action: { type: 'send-raw', text: "<message to='bob@a.example'><body>sneaky</body></message>" } },
      ];
    });
    expect(between(transcript(s), 'a.example', 'alice').at(-1)).toBe(`<stream:error><not-authorized xmlns='${STREAMS}'/></stream:error></stream:stream>`);
  });
});

describe('negotiation policy', () => {
  it('without TLS the server offers no PLAIN (RFC 6120 §13.8) and a PLAIN-only client refuses to go on', () => {
    const s = variant(hello, (sc) => {
      sc.settings = { tls: 'none', sasl: 'PLAIN' };
    });
    const lines = transcript(s);
    expect(between(lines, 'a.example', 'alice')[0]).toMatch(/<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-256<\/mechanism><mechanism>SCRAM-SHA-1<\/mechanism><\/mechanisms>/);
    expect(between(lines, 'alice', 'a.example').at(-1)).toBe('</stream:stream>');
    const run = runScenario(s, { seed: 1 });
    expect(run.trace.events.filter((e) => e.note.key === 'client.no-mechanism').map((e) => e.from)).toEqual(['bob', 'alice']);
  });

  it('with STARTTLS optional, the server already lists SCRAM, and the client still upgrades first', () => {
    const s = variant(hello, (sc) => {
      sc.settings = { tls: 'starttls', sasl: 'SCRAM-SHA-1' };
    });
    const toAlice = between(transcript(s), 'a.example', 'alice');
    expect(toAlice[0]).toMatch(/<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'\/><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-256<\/mechanism><mechanism>SCRAM-SHA-1<\/mechanism><\/mechanisms>/);
    expect(toAlice[1]).toBe("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
  });

  it('the same resource twice: the new session wins, the old one gets <conflict/> (RFC 6120 §7.7.2.2, Prosody’s kick-old)', () => {
    const s = variant(hello, (sc) => {
      sc.settings = { tls: 'none', sasl: 'SCRAM-SHA-256' };
      sc.topology.clients.push({ ...sc.topology.clients[0]!, id: 'alice2', ip: '192.0.2.11' });
      sc.topology.links.push({ id: 'alice2~a.example', a: 'alice2', b: 'a.example', latencyMs: 20 });
      sc.script = [
        { at: 0, node: 'alice', action: { type: 'connect' } },
        { at: 2000, node: 'alice2', action: { type: 'connect' } },
      ];
    });
    const lines = transcript(s);
    expect(between(lines, 'a.example', 'alice').at(-1)).toBe(
      `<stream:error><conflict xmlns='${STREAMS}'/><text xmlns='${STREAMS}'>Replaced by new connection</text></stream:error></stream:stream>`,
    );
    expect(between(lines, 'a.example', 'alice2')).toContain("<iq type='result' id='alice2-bind-1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>alice@a.example/laptop</jid></bind></iq>");
  });

  it('without a resource the server generates one (RFC 6120 §7.6.2.1)', () => {
    const s = variant(hello, (sc) => {
      delete sc.topology.clients[0]!.resource;
    });
    const bound = between(transcript(s), 'a.example', 'alice').find((t) => t.includes('<jid>'))!;
    expect(bound).toMatch(/<jid>alice@a\.example\/[0-9a-f]{12}<\/jid>/);
  });
});

describe('offline storage and priorities (XEP-0160, RFC 6121 §8.5.2.2)', () => {
  it('a session with negative priority does not count as available: the message is stored, and delivered once the priority rises', () => {
    const s = variant(hello, (sc) => {
      sc.settings = { tls: 'none', sasl: 'SCRAM-SHA-256' };
      sc.script = [
        { at: 0, node: 'bob', action: { type: 'set-presence', priority: -1 } },
        { at: 0, node: 'bob', action: { type: 'connect' } },
        { at: 400, node: 'alice', action: { type: 'connect' } },
        { at: 1200, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Hi Bob! Lunch at noon?' } },
        { at: 3000, node: 'bob', action: { type: 'set-presence', priority: 1 } },
      ];
    });
    const run = runScenario(s, { seed: 1 });
    const stored = run.trace.events.find((e) => e.effects.some((n) => n.key === 'server.stored-offline'))!;
    expect(stored.time).toBeLessThan(3000);
    const delivered = run.trace.events.find((e) => e.to === 'bob' && e.effects.some((n) => n.key === 'client.message-received-delayed'))!;
    expect(delivered.time).toBeGreaterThan(3000);
    expect(between(transcript(s), 'a.example', 'bob')).toContainEqual(expect.stringMatching(/<delay xmlns='urn:xmpp:delay' from='a.example' stamp='2026-01-01T09:00:01Z'\/><\/message>$/));
  });

  it('a full queue refuses storage with service-unavailable', () => {
    const s = variant(hello, (sc) => {
      sc.settings = { tls: 'none', sasl: 'SCRAM-SHA-256', offlineLimit: 1 };
      sc.script = [
        { at: 0, node: 'alice', action: { type: 'connect' } },
        { at: 1000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'one' } },
        { at: 1100, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'two' } },
      ];
    });
    const errs = between(transcript(s), 'a.example', 'alice').filter((t) => t.includes("type='error'"));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toContain('<service-unavailable');
  });
});

describe('RFC 5802 §9: an unknown user cannot be told from a wrong password', () => {
  it('the mock challenge has the same shape and iteration count as a real one', async () => {
    const { c2sLogin } = await import('@/lib/scenarios/presets/c2s-login');
    const s = variant(c2sLogin, (sc) => {
      sc.topology.clients[0]!.jid = 'nobody@a.example';
      sc.script = [{ at: 0, node: 'alice', action: { type: 'connect' } }];
    });
    const challenge = between(transcript(s), 'a.example', 'alice').find((t) => t.startsWith('<challenge'))!;
    expect(atob(/>([^<]+)</.exec(challenge)![1]!)).toMatch(/^r=[^,]+,s=[A-Za-z0-9+/]{22}==,i=10000$/);
  });
});
