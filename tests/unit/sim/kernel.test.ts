import { describe, expect, it } from 'vitest';
import { toyNote } from '../../helpers/toy-note';
import { simulate, stateAfter } from '@/lib/sim/kernel';
import type { HostMachine, Machines, Scenario } from '@/lib/sim/types';

/** A toy protocol: on 'connect' a client pings its server; the server answers every ping with a pong. */
interface Toy { log: string[]; nonce: string }
const toyClient: HostMachine<Toy> = {
  init: () => ({ log: [], nonce: '' }),
  handle(s, input, ctx) {
    if (input.type === 'action') {
      s.nonce = Array.from(ctx.randomBytes(4), (b) => b.toString(16)).join('');
      s.log.push(`send@${ctx.now}`);
      return [{ type: 'send', to: 'srv', data: new Uint8Array([1]), note: toyNote('ping'), layers: [] }];
    }
    if (input.type === 'bytes') s.log.push(`recv@${ctx.now}`);
    if (input.type === 'timer') s.log.push(`timer:${input.name}@${ctx.now}`);
    return [];
  },
};
const toyServer: HostMachine<Toy> = {
  init: () => ({ log: [], nonce: '' }),
  handle(s, input, ctx) {
    if (input.type !== 'bytes') return [];
    s.log.push(`from:${input.from}@${ctx.now}`);
    return [
      { type: 'send', to: input.from, data: new Uint8Array([2]), note: toyNote('pong'), layers: [] },
      { type: 'note', note: toyNote('answered', { to: input.from }) },
    ];
  },
};
const machines: Machines = { client: toyClient, server: toyServer };

function scenario(latencies: Record<string, number>, script: Scenario['script']): Scenario {
  const clients = Object.keys(latencies);
  return {
    version: 2,
    id: 'toy',
    title: { en: 'toy', de: 'Spielzeug' },
    summary: { en: '', de: '' },
    topology: {
      servers: [{ id: 'srv', domain: 'srv.example', ip: '198.51.100.1', accounts: [] }],
      clients: clients.map((c, i) => ({ id: c, jid: `${c}@srv.example`, password: 'x', server: 'srv', ip: `192.0.2.${i + 1}` })),
      links: clients.map((c) => ({ id: `${c}~srv`, a: c, b: 'srv', latencyMs: latencies[c]! })),
      observers: [],
    },
    settings: { tls: 'none', sasl: 'PLAIN' },
    script,
  };
}

describe('sim kernel', () => {
  it('orders events by time, and ties by insertion', () => {
    const sc = scenario({ a: 10, b: 10, c: 5 }, [
      { at: 0, node: 'b', action: { type: 'connect' } },
      { at: 0, node: 'a', action: { type: 'connect' } },
      { at: 0, node: 'c', action: { type: 'connect' } },
    ]);
    const { trace } = simulate(sc, { seed: 1, machines });
    const order = trace.events.map((e) => `${e.time}:${e.kind}:${e.from}>${e.to}`);
    expect(order).toEqual([
      '0:action:b>b', '0:action:a>a', '0:action:c>c',
      '5:wire:c>srv', // shorter link arrives first
      '10:wire:b>srv', '10:wire:a>srv', // same time: b was sent first
      '10:wire:srv>c',
      '20:wire:srv>b', '20:wire:srv>a',
    ]);
    expect(trace.events.map((e) => e.seq)).toEqual(trace.events.map((_, i) => i));
  });

  it('keeps wire metadata: link, send time, note, and the receiver’s effects', () => {
    const { trace } = simulate(scenario({ a: 7 }, [{ at: 3, node: 'a', action: { type: 'connect' } }]), { seed: 1, machines });
    const ping = trace.events[1]!;
    expect(ping).toMatchObject({ kind: 'wire', from: 'a', to: 'srv', link: 'a~srv', sentAt: 3, time: 10, note: toyNote('ping') });
    expect(ping.effects).toEqual([{ key: 'answered', params: { to: 'a' } }]);
    expect(Array.from(ping.wire!)).toEqual([1]);
  });

  it('stops at the event limit and says so', () => {
    const echo: HostMachine<null> = {
      init: () => null,
      handle: (_s, input) => (input.type === 'bytes' || input.type === 'action' ? [{ type: 'send', to: input.type === 'bytes' ? input.from : 'srv', data: new Uint8Array(0), note: toyNote('x'), layers: [] }] : []),
    };
    const { trace } = simulate(scenario({ a: 1 }, [{ at: 0, node: 'a', action: { type: 'connect' } }]), { seed: 1, machines: { client: echo, server: echo }, maxEvents: 50 });
    expect(trace.events).toHaveLength(50);
    expect(trace.truncated).toBe(true);
  });

  it('rejects a send over a link that does not exist, naming both ends', () => {
    const rogue: HostMachine<null> = { init: () => null, handle: () => [{ type: 'send', to: 'nowhere', data: new Uint8Array(0), note: toyNote('x'), layers: [] }] };
    expect(() => simulate(scenario({ a: 1 }, [{ at: 0, node: 'a', action: { type: 'connect' } }]), { seed: 1, machines: { client: rogue, server: toyServer } })).toThrow(/no link from 'a' to 'nowhere'/);
  });

  it('draws randomness from the seed only', () => {
    const sc = scenario({ a: 1 }, [{ at: 0, node: 'a', action: { type: 'connect' } }]);
    const nonce = (seed: number) => (stateAfter(sc, machines, simulate(sc, { seed, machines }), 0).nodes.a as Toy).nonce;
    expect(nonce(1)).toBe(nonce(1));
    expect(nonce(1)).not.toBe(nonce(2));
  });

  it('rebuilds the state after any event from checkpoints', () => {
    const sc = scenario({ a: 3, b: 4 }, Array.from({ length: 40 }, (_, i) => ({ at: i * 2, node: i % 2 ? 'a' : 'b', action: { type: 'connect' as const } })));
    const run = simulate(sc, { seed: 9, machines, checkpointEvery: 8 });
    expect(run.checkpoints.length).toBeGreaterThan(5);
    const after = stateAfter(sc, machines, run, 30);
    expect(after.tick).toBe(31);
    expect((after.nodes.srv as Toy).log.length).toBe(run.trace.events.slice(0, 31).filter((e) => e.kind === 'wire' && e.to === 'srv').length);
    expect(stateAfter(sc, machines, run, -1).tick).toBe(0);
  });
});

describe('timer events', () => {
  it('are narrated by what the host did when they fired, or as a bare timer when it did nothing', () => {
    const timed: HostMachine<null> = {
      init: () => null,
      handle: (_s, input) =>
        input.type === 'action'
          ? [{ type: 'timer', name: 'busy', after: 5 }, { type: 'timer', name: 'idle', after: 9 }]
          : input.type === 'timer' && input.name === 'busy'
            ? [{ type: 'note', note: toyNote('first') }, { type: 'note', note: toyNote('second') }]
            : [],
    };
    const sc = scenario({ a: 1 }, [{ at: 0, node: 'a', action: { type: 'connect' } }]);
    const { trace } = simulate(sc, { seed: 1, machines: { client: timed, server: timed } });
    const [busy, idle] = trace.events.filter((e) => e.kind === 'timer');
    expect(busy).toMatchObject({ time: 5, note: toyNote('first'), effects: [{ key: 'second' }], timer: 'busy' });
    expect(idle).toMatchObject({ time: 9, note: { key: 'timer', params: { node: 'a', name: 'idle' } }, effects: [], timer: 'idle' });
  });
});

describe('sim kernel: connections', () => {
  /** The client opens two connections on each 'connect'; the server answers on the connection a ping came in on. */
  const twoConns: Machines = {
    client: {
      init: () => ({ got: [] as string[] }),
      handle(s: { got: string[] }, input) {
        if (input.type === 'bytes') s.got.push(input.conn ?? 'default');
        if (input.type !== 'action') return [];
        return ['first', 'second'].map((conn) => ({ type: 'send' as const, to: 'srv', conn, data: new Uint8Array([1]), note: toyNote('ping'), layers: [] }));
      },
    },
    server: {
      init: () => ({}),
      handle: (_s, input) => (input.type === 'bytes' ? [{ type: 'send', to: input.from, ...(input.conn ? { conn: input.conn } : {}), data: new Uint8Array([2]), note: toyNote('pong'), layers: [] }] : []),
    },
  };

  it('keeps two connections between the same two nodes apart, on the same link, in the trace and at the hosts', () => {
    const sc = scenario({ a: 10 }, [{ at: 0, node: 'a', action: { type: 'connect' } }]);
    const run = simulate(sc, { seed: 1, machines: twoConns });
    expect(run.trace.events.filter((e) => e.kind === 'wire').map((e) => `${e.from}>${e.to}:${e.link}:${e.conn}`)).toEqual([
      'a>srv:a~srv:first', 'a>srv:a~srv:second', 'srv>a:a~srv:first', 'srv>a:a~srv:second',
    ]);
    expect((stateAfter(sc, twoConns, run, run.trace.events.length - 1).nodes.a as { got: string[] }).got).toEqual(['first', 'second']);
  });

  it('leaves `conn` out where a host names none (one connection per pair)', () => {
    const sc = scenario({ a: 10 }, [{ at: 0, node: 'a', action: { type: 'connect' } }]);
    const { trace } = simulate(sc, { seed: 1, machines });
    expect(trace.events.filter((e) => e.kind === 'wire')).not.toHaveLength(0);
    expect(trace.events.some((e) => 'conn' in e)).toBe(false);
  });
});
