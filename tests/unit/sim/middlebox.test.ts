/**
 * Middleboxes on a link (lib/sim/middlebox.ts): an active attacker that rewrites one stanza — STARTTLS
 * stripping, which the client's own policy must refuse, and an edited message body —, a NAT box that
 * rewrites the source of a UDP datagram and translates the reply back (lib/sim/nat.ts, RFC 4787), and
 * what any box may do: hold back, drop, send its own packets, on its own timers. Every change shows in
 * the trace, named after the box.
 */
import { toyNote } from '../../helpers/toy-note';
import { describe, expect, it } from 'vitest';
import { simulate, stateAfter } from '@/lib/sim/kernel';
import { natBox } from '@/lib/sim/nat';
import type { Endpoint, HostMachine, Machines, MiddleboxMachine, MiddleboxSpec, Packet, Scenario, TraceEvent } from '@/lib/sim/types';
import { c2sLogin } from '@/lib/scenarios/presets/c2s-login';
import { hello } from '@/lib/scenarios/presets/hello';
import { machines as xmppMachines } from '@/lib/scenarios/run';

const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : '');
const bytes = (s: string) => new TextEncoder().encode(s);

function withBoxes(sc: Scenario, middleboxes: MiddleboxSpec[]): Scenario {
  return { ...sc, topology: { ...sc.topology, middleboxes } };
}

/** A box that edits the first packet whose text matches `find`, in clear, and lets everything else pass. */
function editor(find: RegExp, replace: string): MiddleboxMachine<{ edited: number }> {
  return {
    role: 'middlebox',
    init: () => ({ edited: 0 }),
    handle(s, input) {
      if (input.type !== 'packet') return [];
      const p = input.packet;
      const before = text(p.data);
      if (s.edited > 0 || !find.test(before)) return [{ type: 'forward', packet: p }];
      s.edited += 1;
      const data = bytes(before.replace(find, replace));
      const layers = [{ ...p.layers[0]!, end: data.length }, { layer: 'xml' as const, start: 0, end: data.length, label: 'edited on the way' }];
      return [{ type: 'forward', packet: { ...p, data, layers } }];
    },
  };
}

const wireEvents = (events: TraceEvent[]) => events.filter((e) => e.kind === 'wire');

describe('an active attacker on alice’s link', () => {
  // RFC 6120 §5.3.1 offers STARTTLS in the clear, so a box on the path can cut the offer out.
  const strip = editor(/<starttls\b[^>]*?(\/>|>.*?<\/starttls>)/, '');
  const machines: Machines = { ...xmppMachines, 'strip-starttls': strip };
  const sc = withBoxes(c2sLogin, [{ id: 'mallory', machine: 'strip-starttls', link: 'alice~a.example' }]);

  it('strips <starttls/> from the server’s features: the trace shows what was sent and what arrived, and names the box', () => {
    const { trace } = simulate(sc, { seed: 1, machines });
    const features = wireEvents(trace.events).find((e) => e.from === 'a.example' && text(e.transport?.sent?.data).includes('<starttls'))!;
    expect(features).toBeDefined();
    expect(text(features.wire)).not.toContain('starttls');
    expect(text(features.wire)).toContain('<stream:features>');
    expect(features.transport!.via).toEqual([{ middlebox: 'mallory', did: 'rewrite' }]);
    expect(features.effects[0]).toEqual({ key: 'transport.rewrite', params: { middlebox: 'mallory', from: 'a.example', to: 'alice', proto: 'TCP' } });
    expect(trace.middleboxes).toEqual([{ id: 'mallory', machine: 'strip-starttls', link: 'alice~a.example' }]);
  });

  it('alice’s policy (TLS required) refuses to log in without TLS: no SASL, no session', () => {
    const { trace } = simulate(sc, { seed: 1, machines });
    const facts = trace.events.flatMap((e) => e.facts);
    expect(facts).toContainEqual({ type: 'login-failed', node: 'alice', reason: 'tls-missing' });
    expect(facts.some((f) => f.type === 'session-online' || f.type === 'sasl-started')).toBe(false);
    expect(wireEvents(trace.events).some((e) => e.from === 'alice' && text(e.wire).includes('<auth'))).toBe(false);
    // Without the box the same scenario logs in over TLS.
    const honest = simulate(c2sLogin, { seed: 1, machines }).trace.events.flatMap((e) => e.facts);
    expect(honest).toContainEqual(expect.objectContaining({ type: 'session-online', node: 'alice' }));
  });

  it('on a link without TLS, rewrites one stanza’s body: bob is shown the attacker’s words', () => {
    const edit: Machines = { ...xmppMachines, 'edit-body': editor(/Lunch at noon\?/, 'Lunch at 1 pm?') };
    const { trace } = simulate(withBoxes(hello, [{ id: 'mallory', machine: 'edit-body', link: 'alice~a.example' }]), { seed: 1, machines: edit });
    const edited = wireEvents(trace.events).filter((e) => e.transport?.via);
    expect(edited.map((e) => [e.from, e.to, e.transport!.via])).toEqual([['alice', 'a.example', [{ middlebox: 'mallory', did: 'rewrite' }]]]);
    expect(text(edited[0]!.transport!.sent!.data)).toContain('Lunch at noon?');
    const shown = trace.events.flatMap((e) => e.facts).filter((f) => f.type === 'message-shown');
    expect(shown).toEqual([expect.objectContaining({ node: 'bob', from: 'alice@a.example/laptop', body: 'Hi Bob! Lunch at 1 pm?' })]);
  });
});

describe('a NAT box (RFC 4787) on a UDP path', () => {
  const INSIDE: Endpoint = { ip: '192.0.2.10', port: 5000 };
  const STUN: Endpoint = { ip: '198.51.100.1', port: 3478 };
  const PUBLIC_IP = '203.0.113.7';

  interface Seen { got: { from: Endpoint; to: Endpoint; text: string }[] }
  /** alice sends a datagram on each 'send-raw' (to port 3478, or to the port the text names). */
  const client: HostMachine<Seen> = {
    init: () => ({ got: [] }),
    handle(s, input) {
      if (input.type === 'bytes') s.got.push({ from: input.transport!.src, to: input.transport!.dst, text: text(input.data) });
      if (input.type !== 'action' || input.action.type !== 'send-raw') return [];
      const port = Number(/port (\d+)/.exec(input.action.text)?.[1] ?? STUN.port);
      return [{ type: 'send', to: 'srv', data: bytes(input.action.text), note: toyNote('toy'), layers: [], transport: { proto: 'udp', src: INSIDE, dst: { ...STUN, port } } }];
    },
  };
  /** The server answers each datagram to the address it came from, saying what it saw; then probes the next port up. */
  const server: HostMachine<Seen> = {
    init: () => ({ got: [] }),
    handle(s, input) {
      if (input.type !== 'bytes') return [];
      const t = input.transport!;
      s.got.push({ from: t.src, to: t.dst, text: text(input.data) });
      const reply = (port: number, body: string) => ({ type: 'send' as const, to: input.from, data: bytes(body), note: toyNote('toy'), layers: [], transport: { proto: 'udp' as const, src: t.dst, dst: { ...t.src, port } } });
      return [reply(t.src.port, `you are ${t.src.ip}:${t.src.port}`), reply(t.src.port + 1, 'unasked')];
    },
  };
  const sc: Scenario = {
    ...c2sLogin,
    id: 'nat-udp',
    topology: {
      ...c2sLogin.topology,
      servers: [{ id: 'srv', domain: 'srv.example', ip: STUN.ip, accounts: [] }],
      clients: [{ id: 'alice', jid: 'alice@srv.example', password: 'x', server: 'srv', ip: INSIDE.ip }],
      links: [{ id: 'alice~srv', a: 'alice', b: 'srv', latencyMs: 10 }],
      middleboxes: [{ id: 'nat', machine: 'nat', link: 'alice~srv', config: { inside: 'alice', publicIp: PUBLIC_IP } }],
    },
    settings: { tls: 'none', sasl: 'PLAIN' },
    script: [
      { at: 0, node: 'alice', action: { type: 'send-raw', text: 'binding request' } },
      { at: 100, node: 'alice', action: { type: 'send-raw', text: 'again, to port 3479' } },
    ],
  };
  const machines: Machines = { client, server, nat: natBox };

  it('maps the inside source to its public address: the receiver sees only the NAT', () => {
    const { trace } = simulate(sc, { seed: 1, machines });
    const first = wireEvents(trace.events)[0]!;
    expect(first).toMatchObject({ from: 'alice', to: 'srv', time: 10 });
    expect(first.transport).toMatchObject({ proto: 'udp', src: { ip: PUBLIC_IP, port: 62000 }, dst: STUN, sent: { src: INSIDE, dst: STUN }, via: [{ middlebox: 'nat', did: 'rewrite' }] });
    expect(first.effects.map((n) => n.key)).toEqual(['transport.nat-mapping', 'transport.nat-out']);
  });

  it('translates the reply to that mapping back to the inside address, and drops what no mapping covers', () => {
    const run = simulate(sc, { seed: 1, machines });
    const [, reply, unasked] = wireEvents(run.trace.events);
    expect(reply!.transport).toMatchObject({ src: STUN, dst: INSIDE, sent: { src: STUN, dst: { ip: PUBLIC_IP, port: 62000 } }, via: [{ middlebox: 'nat', did: 'rewrite' }] });
    expect(text(reply!.wire)).toBe(`you are ${PUBLIC_IP}:62000`);
    expect(reply!.effects[0]!.key).toBe('transport.nat-in');
    // The probe to port 62001: no mapping, so the box drops it — one event, where it was lost; alice never hears it.
    expect(unasked!.transport!.via).toEqual([{ middlebox: 'nat', did: 'drop' }]);
    expect(unasked!.effects).toEqual([{ key: 'transport.nat-no-mapping', params: { middlebox: 'nat', proto: 'UDP', to: `${PUBLIC_IP}:62001` } }]);
    const alice = stateAfter(sc, machines, run, run.trace.events.length - 1).nodes.alice as Seen;
    expect(alice.got.map((g) => g.text)).not.toContain('unasked');
  });

  it('keeps one mapping per inside address whatever the destination (endpoint-independent)', () => {
    const run = simulate(sc, { seed: 1, machines });
    const toServer = wireEvents(run.trace.events).filter((e) => e.to === 'srv');
    expect(toServer.map((e) => [e.transport!.src, e.transport!.dst.port])).toEqual([
      [{ ip: PUBLIC_IP, port: 62000 }, 3478],
      [{ ip: PUBLIC_IP, port: 62000 }, 3479],
    ]);
    // Only the first datagram made a mapping.
    expect(toServer[1]!.effects.map((n) => n.key)).toEqual(['transport.nat-out']);
    const seenByAlice = wireEvents(run.trace.events).filter((e) => e.to === 'alice' && !e.transport!.via!.some((m) => m.did === 'drop'));
    expect(seenByAlice.map((e) => text(e.wire))).toEqual([`you are ${PUBLIC_IP}:62000`, `you are ${PUBLIC_IP}:62000`]);
  });
});

describe('a NAT box on a TCP path', () => {
  it('alice logs in and chats from behind it: the server knows her only by the NAT’s address, every segment finds its connection', () => {
    const sc = withBoxes(hello, [{ id: 'nat', machine: 'nat', link: 'alice~a.example', config: { inside: 'alice', publicIp: '203.0.113.7' } }]);
    const { trace } = simulate(sc, { seed: 1, machines: { ...xmppMachines, nat: natBox } });
    const shown = trace.events.flatMap((e) => e.facts).filter((f) => f.type === 'message-shown');
    expect(shown).toEqual([expect.objectContaining({ node: 'bob', body: 'Hi Bob! Lunch at noon?' })]);
    const alices = wireEvents(trace.events).filter((e) => e.link === 'alice~a.example');
    const toServer = alices.filter((e) => e.to === 'a.example');
    const toAlice = alices.filter((e) => e.to === 'alice');
    expect(new Set(toServer.map((e) => `${e.transport!.src.ip}:${e.transport!.src.port}`))).toEqual(new Set(['203.0.113.7:62000']));
    expect(toServer[0]!.layers[0]!.label).toBe('TCP 203.0.113.7:62000 → 198.51.100.10:5222');
    // The server answers the NAT; the NAT hands it to alice's own address.
    expect(toAlice[0]!.transport!.sent!.dst).toEqual({ ip: '203.0.113.7', port: 62000 });
    expect(toAlice[0]!.transport!.dst.ip).toBe('192.0.2.10');
    expect(new Set(alices.map((e) => e.transport!.conn)).size).toBe(1);
    expect(alices.filter((e) => e.transport!.opened).length).toBe(1);
  });
});

describe('what any middlebox may do', () => {
  /** Holds the first packet back 50 ms, sends a forged copy of it ahead, and drops the third; on a timer it speaks up once. */
  const meddler: MiddleboxMachine<{ n: number }> = {
    role: 'middlebox',
    init: () => ({ n: 0 }),
    handle(s, input) {
      if (input.type === 'timer') return [{ type: 'inject', packet: { ...forged, data: bytes('from the box') } }];
      const p: Packet = input.packet;
      s.n += 1;
      if (s.n === 1) return [{ type: 'forward', packet: p, after: 50 }, { type: 'inject', packet: { ...p, data: bytes('forged') } }, { type: 'timer', name: 'later', after: 500 }];
      if (s.n === 3) return [];
      return [{ type: 'forward', packet: p }];
    },
  };
  const forged: Packet = { proto: 'tcp', src: { ip: '198.51.100.1', port: 0 }, dst: { ip: '192.0.2.1', port: 0 }, from: 'srv', to: 'a', data: bytes(''), layers: [], note: toyNote('forged') };
  const ping: HostMachine<null> = {
    init: () => null,
    handle: (_s, input) => (input.type === 'action' ? [{ type: 'send', to: 'srv', data: bytes('ping'), note: toyNote('ping'), layers: [] }] : []),
  };
  const quiet: HostMachine<null> = { init: () => null, handle: () => [] };
  const sc: Scenario = {
    ...c2sLogin,
    topology: {
      ...c2sLogin.topology,
      servers: [{ id: 'srv', domain: 'srv.example', ip: '198.51.100.1', accounts: [] }],
      clients: [{ id: 'a', jid: 'a@srv.example', password: 'x', server: 'srv', ip: '192.0.2.1' }],
      links: [{ id: 'a~srv', a: 'a', b: 'srv', latencyMs: 10 }],
      middleboxes: [{ id: 'box', machine: 'meddler', link: 'a~srv' }],
    },
    script: [0, 100, 200].map((at) => ({ at, node: 'a', action: { type: 'connect' as const } })),
  };

  it('delay, inject, drop and a timer of its own: each an event, each marked and narrated', () => {
    const { trace } = simulate(sc, { seed: 1, machines: { client: ping, server: quiet, meddler } });
    const lines = trace.events.filter((e) => e.kind !== 'action').map((e) => [e.time, e.kind, e.from, e.to, text(e.wire), (e.transport?.via ?? []).map((m) => m.did).join('+'), e.effects.map((n) => n.key).join(',')]);
    expect(lines).toEqual([
      [10, 'wire', 'a', 'srv', 'forged', 'inject', 'transport.inject'],
      [60, 'wire', 'a', 'srv', 'ping', 'delay', 'transport.delay'],
      [110, 'wire', 'a', 'srv', 'ping', '', ''],
      [210, 'wire', 'a', 'srv', 'ping', 'drop', 'transport.drop'],
      [500, 'timer', 'box', 'box', '', '', ''],
      [510, 'wire', 'srv', 'a', 'from the box', 'inject', 'transport.inject'],
    ]);
  });

  it('a box whose machine is not in the registry is a labelled error', () => {
    expect(() => simulate(sc, { seed: 1, machines: { client: ping, server: quiet } })).toThrow("sim/kernel: no middlebox machine 'meddler' for 'box'");
  });
});
