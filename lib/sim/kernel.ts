/**
 * The discrete-event kernel: a virtual clock, one queue ordered by (time, seq), links with latency,
 * and hosts that are sans-I/O state machines. One processed queue item is one trace event (one step).
 * `simulate` is a pure function of (scenario, seed, machines): the same inputs give the same trace.
 *
 * Every send is a packet with addresses and ports (TCP on a connection, or a UDP datagram,
 * lib/sim/transport.ts); on its way it meets the middleboxes on its link (lib/sim/middlebox.ts),
 * which may change, delay, drop or add packets. Its receiver is told how it came: which connection,
 * whether that connection is new, the peer's address as it appears there.
 * @module
 */
import { clonePlain } from './clone';
import type { Fact } from './facts';
import { crossLink, type BoxRef, type Outcome } from './middlebox';
import { tapsOf } from './observers';
import { derivedRng, randomBytes, seedRng } from './rng';
import { carry, carryInjected, emptyConnTable, sameBytes, sameEndpoint } from './transport';
import type {
  Checkpoint,
  ClientSpec,
  HostContext,
  HostInput,
  HostKind,
  HostMachine,
  HostOutput,
  LinkSpec,
  Machines,
  MiddleboxMachine,
  MiddleboxOutput,
  MiddleboxSpec,
  NodeInfo,
  Note,
  Packet,
  QueueItem,
  Scenario,
  ServerSpec,
  SimState,
  Trace,
  TraceEvent,
  WireTransport,
} from './types';

export interface SimulateOptions {
  seed: number;
  machines: Machines;
  /** Stop after this many events (a runaway protocol must not hang the page). */
  maxEvents?: number;
  /** Keep a copy of the whole state every this many events; showing any step replays at most this many. */
  checkpointEvery?: number;
}

export interface SimRun {
  trace: Trace;
  checkpoints: Checkpoint[];
}

const DEFAULT_MAX_EVENTS = 200_000;
const DEFAULT_CHECKPOINT_EVERY = 64;

/** A node and the machine that runs it. */
export type WorldNode =
  | { kind: HostKind; spec: ClientSpec | ServerSpec; machine: HostMachine<any> }
  | { kind: 'middlebox'; spec: MiddleboxSpec; machine: MiddleboxMachine<any> };

/** Static facts about a scenario the kernel needs at every step, computed once. */
export interface World {
  scenario: Scenario;
  machines: Machines;
  specs: Map<string, WorldNode>;
  /** `a\u0000b` → link, in both directions. */
  links: Map<string, LinkSpec>;
  /** Link id → its middleboxes, in the order a packet from `a` to `b` meets them. */
  boxes: Map<string, BoxRef[]>;
  /** The script as queue items, sorted by (time, script order); their seq numbers come first. */
  script: QueueItem[];
  /** The strings the trace repeats, one copy each (see `interned`): a cache, not part of the run's meaning. */
  strings: Map<string, string>;
}

function middleboxMachine(machines: Machines, box: MiddleboxSpec): MiddleboxMachine<any> {
  const m = machines[box.machine];
  if (!m || !('role' in m) || m.role !== 'middlebox') throw new Error(`sim/kernel: no middlebox machine '${box.machine}' for '${box.id}'`);
  return m;
}

export function makeWorld(scenario: Scenario, machines: Machines): World {
  const specs = new Map<string, WorldNode>();
  for (const s of scenario.topology.servers) specs.set(s.id, { kind: 'server', spec: s, machine: machines.server });
  for (const c of scenario.topology.clients) specs.set(c.id, { kind: 'client', spec: c, machine: machines.client });
  const links = new Map<string, LinkSpec>();
  for (const l of scenario.topology.links) {
    links.set(`${l.a}\u0000${l.b}`, l);
    links.set(`${l.b}\u0000${l.a}`, l);
  }
  const boxes = new Map<string, BoxRef[]>();
  for (const b of scenario.topology.middleboxes ?? []) {
    if (!scenario.topology.links.some((l) => l.id === b.link)) throw new Error(`sim/kernel: middlebox '${b.id}' sits on no link '${b.link}'`);
    if (specs.has(b.id)) throw new Error(`sim/kernel: middlebox '${b.id}' has the id of another node`);
    const machine = middleboxMachine(machines, b);
    specs.set(b.id, { kind: 'middlebox', spec: b, machine });
    boxes.set(b.link, [...(boxes.get(b.link) ?? []), { id: b.id, machine }]);
  }
  // The script as given; what observers cause (a thief's thefts) the caller has added (lib/scenarios/observer-steps.ts).
  const script = scenario.script
    .map((s, i) => ({ s, i }))
    .sort((x, y) => x.s.at - y.s.at || x.i - y.i)
    .map(({ s }, seq): QueueItem => ({ time: s.at, seq, node: s.node, input: { type: 'action', action: s.action } }));
  return { scenario, machines, specs, links, boxes, script, strings: new Map() };
}

function context(state: SimState, self: string): HostContext {
  return {
    now: state.time,
    self,
    randomBytes: (n: number) => randomBytes(state.rng, n),
    sharedRandom: (label: string) => {
      const rng = derivedRng(state.rng, label);
      return (n: number) => randomBytes(rng, n);
    },
  };
}

/** Insert keeping (time, seq) order; seq only grows, so equal times keep insertion order. */
function enqueue(state: SimState, item: Omit<QueueItem, 'seq'>): void {
  const full = item as QueueItem; // items are made for the queue: stamped in place, not copied by a spread (see step)
  full.seq = state.nextSeq++;
  const q = state.queue;
  let lo = 0;
  let hi = q.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (q[mid]!.time <= full.time) lo = mid + 1;
    else hi = mid;
  }
  q.splice(lo, 0, full);
}

export function initialState(world: World, seed: number): SimState {
  const state: SimState = { time: 0, nextSeq: world.script.length, tick: 0, rng: seedRng(seed), queue: [], scriptIndex: 0, nodes: {}, conns: emptyConnTable() };
  const { scenario } = world;
  for (const [id, node] of world.specs) {
    state.nodes[id] = node.kind === 'middlebox' ? node.machine.init(node.spec, scenario, context(state, id)) : node.machine.init(node.spec, scenario, context(state, id));
  }
  return state;
}

/** The next item by (time, seq): the queue's head or the next script step, whichever is first. */
function takeNext(world: World, state: SimState): QueueItem | undefined {
  const head = state.queue[0];
  const due = world.script[state.scriptIndex];
  if (due && (!head || due.time < head.time || (due.time === head.time && due.seq < head.seq))) {
    state.scriptIndex += 1;
    return due;
  }
  return state.queue.shift();
}

/** Process one queue item; returns its trace event, or null when there is nothing left to do. */
export function step(world: World, state: SimState): TraceEvent | null {
  const item = takeNext(world, state);
  if (!item) return null;
  state.time = item.time;
  const entry = world.specs.get(item.node);
  if (!entry) throw new Error(`sim/kernel: no node '${item.node}'`);
  let { effects, facts } =
    item.dropped !== undefined
      ? { effects: [] as Note[], facts: [] as Fact[] } // lost on the way: nobody receives it
      : entry.kind === 'middlebox'
        ? applyBoxOutputs(world, state, item.node, entry.machine.handle(state.nodes[item.node], item.input.type === 'timer' ? item.input : boxMisuse(item.node), context(state, item.node)))
        : applyOutputs(world, state, item.node, entry.machine.handle(state.nodes[item.node], item.input, context(state, item.node)));
  if (item.boxNotes) effects = [...item.boxNotes, ...effects];
  if (item.boxFacts) facts = [...item.boxFacts, ...facts];
  // The trace keeps every event: arrays filled by push carry spare capacity (17 slots for one note), so keep exact copies.
  effects = effects.length ? effects.slice() : [];
  facts = facts.length ? facts.slice() : [];
  for (const n of effects) internNote(world, n);
  const seq = state.tick;
  state.tick += 1;
  const input = item.input;
  // Built field by field in one fixed order, never by spreading: V8 gives every object made by a spread
  // with optional parts a hidden class of its own, which cost ~40% of a long trace's heap.
  switch (input.type) {
    case 'bytes': {
      const ev: Record<string, unknown> = { seq, time: item.time, effects, facts, kind: 'wire', from: input.from, to: item.node };
      if (item.link !== undefined) ev.link = item.link;
      if (input.conn !== undefined) ev.conn = input.conn;
      if (item.sentAt !== undefined) ev.sentAt = item.sentAt;
      ev.wire = input.data;
      const layers = item.layers ? item.layers.slice() : [];
      for (const l of layers) l.label = interned(world, l.label);
      ev.layers = layers;
      ev.note = internNote(world, item.note ?? { key: 'wire.bytes' });
      const transport = item.transport ?? input.transport;
      if (transport) ev.transport = transport;
      return ev as unknown as TraceEvent;
    }
    case 'action':
      return {
        seq,
        time: item.time,
        effects,
        facts,
        kind: 'action',
        from: item.node,
        to: item.node,
        layers: [],
        note: internNote(world, { key: `action.${input.action.type}`, params: actionParams(item.node, input.action) }),
        action: input.action,
      };
    case 'timer': {
      // A timer is only the occasion; what the host did then (a DNS answer arrived, a timeout struck) is the story.
      const [first, ...rest] = effects;
      const note = first ?? { key: 'timer', params: { node: item.node, name: input.name } };
      return { seq, time: item.time, effects: first ? rest : effects, facts, kind: 'timer', from: item.node, to: item.node, layers: [], note, timer: input.name };
    }
  }
}

/**
 * One copy of each string the trace repeats (layer labels, note keys, JIDs in note params): each send
 * builds them afresh, as chains of concatenations or slices of a whole stanza, and a long trace kept
 * tens of thousands of equal copies. Same values, fewer strings.
 */
function interned<T extends string>(world: World, s: T): T {
  const known = world.strings.get(s) as T | undefined;
  if (known !== undefined) return known;
  world.strings.set(s, s);
  return s;
}

function internNote(world: World, note: Note): Note {
  note.key = interned(world, note.key);
  const params = note.params;
  if (params) for (const k in params) if (typeof params[k] === 'string') params[k] = interned(world, params[k]);
  return note;
}

function actionParams(node: string, action: import('./types').Action): Record<string, string | number> {
  const params: Record<string, string | number> = { node };
  for (const [k, v] of Object.entries(action)) if (k !== 'type' && (typeof v === 'string' || typeof v === 'number')) params[k] = v;
  return params;
}

function boxMisuse(node: string): never {
  throw new Error(`sim/kernel: middlebox '${node}' was handed something other than a timer`);
}

function ipOf(world: World, node: string): string {
  const n = world.specs.get(node);
  return n && n.kind !== 'middlebox' ? n.spec.ip : '0.0.0.0';
}

/** A host's send as a packet; without a transport of its own: TCP between the two nodes' addresses, port 0. */
function packetOf(world: World, from: string, out: Extract<HostOutput, { type: 'send' }>): Packet {
  const t = out.transport ?? { proto: 'tcp' as const, src: { ip: ipOf(world, from), port: 0 }, dst: { ip: ipOf(world, out.to), port: 0 } };
  return {
    proto: t.proto,
    src: t.src,
    dst: t.dst,
    from,
    to: out.to,
    data: out.data,
    layers: out.layers,
    ...(out.conn !== undefined ? { conn: out.conn } : {}),
    ...(t.open ? { open: true as const } : {}),
    ...(t.close ? { close: true as const } : {}),
    note: out.note,
  };
}

/** Put one outcome of a crossing in the queue: it arrives after the link's latency (plus any delay), or shows where it was lost. */
function deliver(state: SimState, link: LinkSpec, sent: Packet, o: Outcome): void {
  const p = o.packet;
  if (p.to !== link.a && p.to !== link.b) throw new Error(`sim/kernel: a packet for '${p.to}' on link '${link.id}', which does not reach it`);
  const d = o.dropped !== undefined ? { proto: p.proto, src: p.src, dst: p.dst } : o.injected !== undefined ? carryInjected(state.conns, p) : carry(state.conns, sent, p);
  const moved = o.injected === undefined && (!sameEndpoint(p.src, sent.src) || !sameEndpoint(p.dst, sent.dst));
  const edited = o.injected === undefined && !sameBytes(p.data, sent.data);
  // The trace's view differs from the receiver's only where a middlebox did something (kept once otherwise: checkpoints clone the queue).
  const transport: WireTransport | null =
    moved || edited || o.via.length
      ? { ...d, ...(moved || edited ? { sent: { src: sent.src, dst: sent.dst, ...(edited ? { data: sent.data } : {}) } } : {}), ...(o.via.length ? { via: o.via } : {}) }
      : null;
  const input: Extract<HostInput, { type: 'bytes' }> = { type: 'bytes', from: p.from, data: p.data };
  if (p.conn !== undefined) input.conn = p.conn;
  input.transport = d;
  const item: Omit<QueueItem, 'seq'> = { time: state.time + link.latencyMs + o.after, node: p.to, input, link: link.id, sentAt: state.time, note: p.note, layers: p.layers };
  if (transport) item.transport = transport;
  if (o.dropped !== undefined) item.dropped = o.dropped;
  if (o.notes.length) item.boxNotes = o.notes;
  if (o.facts?.length) item.boxFacts = o.facts;
  enqueue(state, item);
}

/** A packet on its link: through the middleboxes there, then into the queue. */
function send(world: World, state: SimState, link: LinkSpec, packet: Packet): void {
  const boxes = world.boxes.get(link.id);
  if (!boxes) return deliver(state, link, packet, { packet, after: 0, via: [], notes: [] });
  const crossing = crossLink(packet.from === link.a ? boxes : [...boxes].reverse(), packet, state.nodes, (id) => context(state, id));
  for (const t of crossing.timers) enqueue(state, { time: state.time + t.after, node: t.box, input: { type: 'timer', name: t.name } });
  for (const o of crossing.outcomes) deliver(state, link, packet, o);
}

/** What a middlebox does on its own timer: packets it makes up, more timers, its narration. */
function applyBoxOutputs(world: World, state: SimState, box: string, outputs: MiddleboxOutput[]): { effects: Note[]; facts: Fact[] } {
  const effects: Note[] = [];
  const facts: Fact[] = [];
  const entry = world.specs.get(box);
  const link = entry?.kind === 'middlebox' ? world.scenario.topology.links.find((l) => l.id === entry.spec.link) : undefined;
  for (const out of outputs) {
    switch (out.type) {
      case 'inject':
        if (!link) throw new Error(`sim/kernel: middlebox '${box}' has no link`);
        deliver(state, link, out.packet, { packet: out.packet, after: 0, via: [{ middlebox: box, did: 'inject' }], notes: [out.note ?? { key: 'transport.inject', params: { middlebox: box, from: out.packet.from, to: out.packet.to, proto: out.packet.proto.toUpperCase() } }], injected: box });
        break;
      case 'timer':
        enqueue(state, { time: state.time + out.after, node: box, input: { type: 'timer', name: out.name } });
        break;
      case 'note':
        effects.push(out.note);
        break;
      case 'fact':
        facts.push(out.fact);
        break;
      case 'drop':
        effects.push(out.note);
        break;
      case 'forward':
        throw new Error(`sim/kernel: middlebox '${box}' forwarded a packet from a timer; a packet of its own is an 'inject'`);
    }
  }
  return { effects, facts };
}

function applyOutputs(world: World, state: SimState, from: string, outputs: HostOutput[]): { effects: Note[]; facts: Fact[] } {
  const effects: Note[] = [];
  const facts: Fact[] = [];
  for (const out of outputs) {
    switch (out.type) {
      case 'send': {
        const link = world.links.get(`${from}\u0000${out.to}`);
        if (!link) throw new Error(`sim/kernel: no link from '${from}' to '${out.to}'`);
        send(world, state, link, packetOf(world, from, out));
        break;
      }
      case 'timer':
        enqueue(state, { time: state.time + out.after, node: from, input: { type: 'timer', name: out.name } });
        break;
      case 'note':
        effects.push(out.note);
        break;
      case 'fact':
        facts.push(out.fact);
        break;
    }
  }
  return { effects, facts };
}

function nodeInfos(scenario: Scenario): NodeInfo[] {
  return [
    ...scenario.topology.servers.map((s): NodeInfo => ({ id: s.id, kind: 'server', label: s.domain, ip: s.ip, domain: s.domain })),
    ...scenario.topology.clients.map((c): NodeInfo => {
      const domain = c.jid.split('@')[1] ?? '';
      return { id: c.id, kind: 'client', label: c.jid, ip: c.ip, server: c.server, domain };
    }),
  ];
}

export function simulate(scenario: Scenario, options: SimulateOptions): SimRun {
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  const every = options.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY;
  const world = makeWorld(scenario, options.machines);
  const state = initialState(world, options.seed);
  const checkpoints: Checkpoint[] = [{ tick: 0, state: clonePlain(state) }];
  const events: TraceEvent[] = [];
  let truncated = false;
  for (;;) {
    if (events.length >= maxEvents) {
      truncated = state.queue.length > 0 || state.scriptIndex < world.script.length;
      break;
    }
    const ev = step(world, state);
    if (!ev) break;
    events.push(ev);
    if (state.tick % every === 0) checkpoints.push({ tick: state.tick, state: clonePlain(state) });
  }
  const trace: Trace = {
    scenarioId: scenario.id,
    seed: options.seed,
    nodes: nodeInfos(scenario),
    links: scenario.topology.links,
    taps: tapsOf(scenario.topology),
    ...(scenario.topology.middleboxes?.length ? { middleboxes: scenario.topology.middleboxes } : {}),
    events,
    truncated,
  };
  return { trace, checkpoints };
}

/**
 * Every node's state just after event `seq` (or before any event when seq = -1), rebuilt by
 * replaying from the nearest earlier checkpoint. Returns a fresh copy the caller may keep.
 */
export function stateAfter(scenario: Scenario, machines: Machines, run: SimRun, seq: number): SimState {
  const target = Math.max(0, Math.min(seq + 1, run.trace.events.length));
  let best = run.checkpoints[0]!;
  for (const c of run.checkpoints) if (c.tick <= target && c.tick >= best.tick) best = c;
  const world = makeWorld(scenario, machines);
  const state = clonePlain(best.state);
  while (state.tick < target) if (!step(world, state)) break;
  return state;
}
