/**
 * The kernel's transport model (lib/sim/transport.ts): every wire event carries protocol, addresses,
 * ports and the kernel's connection; a TCP connection opens with its first bytes or an explicit `open`,
 * and is forgotten once both sides sent their FIN; a UDP datagram rides no connection. The receiver is
 * told when a connection is new — the XMPP server relies on nothing else.
 */
import { toyNote } from '../../helpers/toy-note';
import { describe, expect, it } from 'vitest';
import { simulate, stateAfter } from '@/lib/sim/kernel';
import type { Endpoint, HostMachine, HostOutput, Machines, Scenario, SendTransport } from '@/lib/sim/types';
import { federation } from '@/lib/scenarios/presets/federation';
import { malformedXml } from '@/lib/scenarios/presets/malformed-xml';
import { c2sLogin } from '@/lib/scenarios/presets/c2s-login';
import { runScenario } from '@/lib/scenarios/run';

const ALICE: Endpoint = { ip: '192.0.2.1', port: 40000 };
const SRV: Endpoint = { ip: '198.51.100.1', port: 7000 };
const bytes = (s: string) => new TextEncoder().encode(s);

/**
 * A toy client: `connect` opens a TCP connection, `send-raw` sends text on it (or, as `udp:…`, a UDP
 * datagram), `disconnect` sends its last bytes with a FIN. With `bare`, it names no transport at all.
 */
function toyClient(bare = false): HostMachine<null> {
  const tcp = (extra: Partial<SendTransport> = {}): SendTransport => ({ proto: 'tcp', src: ALICE, dst: SRV, ...extra });
  const send = (text: string, transport?: SendTransport): HostOutput => ({ type: 'send', to: 'srv', data: bytes(text), note: toyNote('toy'), layers: [], ...(transport && !bare ? { transport } : {}) });
  return {
    init: () => null,
    handle(_s, input) {
      if (input.type !== 'action') return [];
      const a = input.action;
      if (a.type === 'connect') return [send('hello', tcp({ open: true }))];
      if (a.type === 'disconnect') return [send('bye', tcp({ close: true }))];
      if (a.type === 'send-raw' && a.text.startsWith('udp:')) return [send(a.text, { proto: 'udp', src: { ...ALICE, port: 5000 }, dst: { ...SRV, port: 3478 } })];
      if (a.type === 'send-raw') return [send(a.text, tcp())];
      return [];
    },
  };
}

/** A toy server: answers every TCP bytes on the connection they came on (closing when the peer closed), every datagram to its sender's address. */
const toyServer: HostMachine<null> = {
  init: () => null,
  handle(_s, input) {
    if (input.type !== 'bytes') return [];
    const t = input.transport;
    const transport: SendTransport | undefined = t && { proto: t.proto, src: t.dst, dst: t.src, ...(t.closed ? { close: true as const } : {}) };
    return [{ type: 'send', to: input.from, data: bytes('ack'), note: toyNote('ack'), layers: [], ...(transport ? { transport } : {}) }];
  },
};

/** alice and srv, 10 ms apart (the rest of the scenario's shape borrowed from a preset). */
function toy(script: Scenario['script']): Scenario {
  return {
    ...c2sLogin,
    id: 'toy-transport',
    topology: {
      ...c2sLogin.topology,
      servers: [{ id: 'srv', domain: 'srv.example', ip: SRV.ip, accounts: [] }],
      clients: [{ id: 'alice', jid: 'alice@srv.example', password: 'x', server: 'srv', ip: ALICE.ip }],
      links: [{ id: 'alice~srv', a: 'alice', b: 'srv', latencyMs: 10 }],
    },
    settings: { tls: 'none', sasl: 'PLAIN' },
    script,
  };
}

const wires = (events: ReturnType<typeof simulate>['trace']['events']) => events.filter((e) => e.kind === 'wire');

describe('TCP in the kernel', () => {
  it('hosts that name no transport ride TCP between their nodes’ addresses, opened by the first send', () => {
    const machines: Machines = { client: toyClient(true), server: toyServer };
    const { trace } = simulate(toy([{ at: 0, node: 'alice', action: { type: 'connect' } }, { at: 100, node: 'alice', action: { type: 'send-raw', text: 'more' } }]), { seed: 1, machines });
    const [hello, ack, more] = wires(trace.events);
    expect(hello!.transport).toEqual({ proto: 'tcp', src: { ip: ALICE.ip, port: 0 }, dst: { ip: SRV.ip, port: 0 }, conn: 'tcp-1', opened: true });
    // The toy server answers on what it was told; the kernel finds the same connection from its end.
    expect(ack!.transport).toEqual({ proto: 'tcp', src: { ip: SRV.ip, port: 0 }, dst: { ip: ALICE.ip, port: 0 }, conn: 'tcp-1' });
    expect(more!.transport).toMatchObject({ conn: 'tcp-1' });
    expect(more!.transport!.opened).toBeUndefined();
  });

  it('an explicit open starts a new connection; once both sides sent their FIN it is forgotten', () => {
    const machines: Machines = { client: toyClient(), server: toyServer };
    const sc = toy([
      { at: 0, node: 'alice', action: { type: 'connect' } },
      { at: 100, node: 'alice', action: { type: 'disconnect' } },
      { at: 200, node: 'alice', action: { type: 'connect' } },
    ]);
    const run = simulate(sc, { seed: 1, machines, checkpointEvery: 1 });
    const w = wires(run.trace.events).map((e) => [new TextDecoder().decode(e.wire), e.transport!.conn, !!e.transport!.opened, !!e.transport!.closed]);
    expect(w).toEqual([
      ['hello', 'tcp-1', true, false],
      ['ack', 'tcp-1', false, false],
      ['bye', 'tcp-1', false, true],
      ['ack', 'tcp-1', false, true],
      ['hello', 'tcp-2', true, false],
      ['ack', 'tcp-2', false, false],
    ]);
    // After the second FIN (sent at the 'bye' step) the table is empty; the new connection has a socket at each end.
    const bye = run.trace.events.findIndex((e) => e.wire && new TextDecoder().decode(e.wire) === 'bye');
    expect(stateAfter(sc, machines, run, bye).conns.sockets).toEqual({});
    expect(Object.values(stateAfter(sc, machines, run, run.trace.events.length - 1).conns.sockets).map((s) => s.conn)).toEqual(['tcp-2', 'tcp-2']);
  });

  it('the same explicit open on a connection still open replaces it (the peer hears `opened` again)', () => {
    const machines: Machines = { client: toyClient(), server: toyServer };
    const { trace } = simulate(toy([{ at: 0, node: 'alice', action: { type: 'connect' } }, { at: 100, node: 'alice', action: { type: 'connect' } }]), { seed: 1, machines });
    expect(wires(trace.events).filter((e) => e.transport!.opened).map((e) => e.transport!.conn)).toEqual(['tcp-1', 'tcp-2']);
  });
});

describe('UDP in the kernel', () => {
  it('a datagram rides no connection, opens nothing, and is one event on arrival', () => {
    const machines: Machines = { client: toyClient(), server: toyServer };
    const sc = toy([{ at: 0, node: 'alice', action: { type: 'send-raw', text: 'udp:binding request' } }]);
    const run = simulate(sc, { seed: 1, machines });
    const [dgram, reply] = run.trace.events.filter((e) => e.kind === 'wire');
    expect(run.trace.events.map((e) => e.kind)).toEqual(['action', 'wire', 'wire']);
    expect(dgram).toMatchObject({ time: 10, sentAt: 0, from: 'alice', to: 'srv', link: 'alice~srv' });
    expect(dgram!.transport).toEqual({ proto: 'udp', src: { ip: ALICE.ip, port: 5000 }, dst: { ip: SRV.ip, port: 3478 } });
    expect(reply!.transport).toEqual({ proto: 'udp', src: { ip: SRV.ip, port: 3478 }, dst: { ip: ALICE.ip, port: 5000 } });
    expect(stateAfter(sc, machines, run, run.trace.events.length - 1).conns).toEqual({ next: 1, sockets: {} });
  });
});

describe('the XMPP hosts on the transport', () => {
  it('every wire event carries the ports the TCP layer names', () => {
    for (const p of [c2sLogin, federation]) {
      for (const e of wires(runScenario(p, { seed: 1 }).trace.events)) {
        const t = e.transport!;
        expect(e.layers[0]!.label).toBe(`TCP ${t.src.ip}:${t.src.port} → ${t.dst.ip}:${t.dst.port}`);
      }
    }
  });

  it('malformed-xml: each connect of alice is a new connection the server is told about, after the old one died', () => {
    const opened = wires(runScenario(malformedXml, { seed: 1 }).trace.events).filter((e) => e.transport!.opened);
    expect(opened.map((e) => [e.from, e.to, e.note.key, e.transport!.conn, e.transport!.dst.port])).toEqual([
      ['alice', 'a.example', 'client.stream-open', 'tcp-1', 5222],
      ['alice', 'a.example', 'client.stream-open', 'tcp-2', 5222],
      ['alice', 'a.example', 'client.stream-open', 'tcp-3', 5222],
    ]);
  });

  it('federation: the two s2s streams are two connections to port 5269, each opened by its dialler', () => {
    const opened = wires(runScenario(federation, { seed: 1 }).trace.events).filter((e) => e.transport!.opened && e.transport!.dst.port === 5269);
    expect(opened.map((e) => [e.from, e.to, e.conn])).toEqual([
      ['a.example', 'b.example', 'a.example>b.example'],
      ['b.example', 'a.example', 'b.example>a.example'],
    ]);
  });

  it('c2s-login: alice’s disconnect and the server’s answer close the connection at both ends', () => {
    const run = runScenario(c2sLogin, { seed: 1 });
    const closing = wires(run.trace.events).filter((e) => e.transport!.closed);
    expect(closing.map((e) => [e.from, e.note.key])).toEqual([
      ['alice', 'client.stream-close'],
      ['a.example', 'server.stream-close'],
    ]);
  });
});
