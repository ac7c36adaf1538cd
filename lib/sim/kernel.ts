/**
 * The discrete-event kernel: a virtual clock, one queue ordered by (time, seq), links with latency,
 * and hosts that are sans-I/O state machines. One processed queue item is one trace event (one step).
 * `simulate` is a pure function of (scenario, seed, machines): the same inputs give the same trace.
 * @module
 */
import type { Fact } from './facts';
import { randomBytes, seedRng } from './rng';
import type {
  Checkpoint,
  ClientSpec,
  HostContext,
  HostOutput,
  LinkSpec,
  Machines,
  NodeInfo,
  Note,
  QueueItem,
  Scenario,
  ScriptStep,
  ServerSpec,
  SimState,
  Trace,
  TraceEvent,
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

export const DEFAULT_MAX_EVENTS = 200_000;
export const DEFAULT_CHECKPOINT_EVERY = 64;

/** Static facts about a scenario the kernel needs at every step, computed once. */
export interface World {
  scenario: Scenario;
  machines: Machines;
  specs: Map<string, { kind: 'client' | 'server'; spec: ClientSpec | ServerSpec }>;
  /** `a\u0000b` → link, in both directions. */
  links: Map<string, LinkSpec>;
  /** The script as queue items, sorted by (time, script order); their seq numbers come first. */
  script: QueueItem[];
}

/** Each theft of `topology.thieves` happens on the robbed device at its time: one action step, so the trace shows it. */
function theftSteps(scenario: Scenario): ScriptStep[] {
  return (scenario.topology.thieves ?? []).flatMap((t) => t.steals.map((st): ScriptStep => ({ at: st.at, node: st.node, action: { type: 'keys-stolen', thief: t.id, what: st.what } })));
}

export function makeWorld(scenario: Scenario, machines: Machines): World {
  const specs = new Map<string, { kind: 'client' | 'server'; spec: ClientSpec | ServerSpec }>();
  for (const s of scenario.topology.servers) specs.set(s.id, { kind: 'server', spec: s });
  for (const c of scenario.topology.clients) specs.set(c.id, { kind: 'client', spec: c });
  const links = new Map<string, LinkSpec>();
  for (const l of scenario.topology.links) {
    links.set(`${l.a}\u0000${l.b}`, l);
    links.set(`${l.b}\u0000${l.a}`, l);
  }
  const script = [...scenario.script, ...theftSteps(scenario)]
    .map((s, i) => ({ s, i }))
    .sort((x, y) => x.s.at - y.s.at || x.i - y.i)
    .map(({ s }, seq): QueueItem => ({ time: s.at, seq, node: s.node, input: { type: 'action', action: s.action } }));
  return { scenario, machines, specs, links, script };
}

function context(state: SimState, self: string): HostContext {
  return {
    now: state.time,
    self,
    randomBytes: (n: number) => randomBytes(state.rng, n),
  };
}

/** Insert keeping (time, seq) order; seq only grows, so equal times keep insertion order. */
function enqueue(state: SimState, item: Omit<QueueItem, 'seq'>): void {
  const full: QueueItem = { ...item, seq: state.nextSeq++ };
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
  const state: SimState = { time: 0, nextSeq: world.script.length, tick: 0, rng: seedRng(seed), queue: [], scriptIndex: 0, nodes: {} };
  const { scenario, machines } = world;
  for (const [id, { kind, spec }] of world.specs) {
    state.nodes[id] = machines[kind].init(spec, scenario, context(state, id));
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
  const outputs = world.machines[entry.kind].handle(state.nodes[item.node], item.input, context(state, item.node));
  const { effects, facts } = applyOutputs(world, state, item.node, outputs);
  const base = { seq: state.tick, time: item.time, effects, facts };
  state.tick += 1;
  const input = item.input;
  switch (input.type) {
    case 'bytes':
      return {
        ...base,
        kind: 'wire',
        from: input.from,
        to: item.node,
        ...(item.link !== undefined ? { link: item.link } : {}),
        ...(input.conn !== undefined ? { conn: input.conn } : {}),
        ...(item.sentAt !== undefined ? { sentAt: item.sentAt } : {}),
        wire: input.data,
        layers: item.layers ?? [],
        note: item.note ?? { key: 'wire.bytes' },
      };
    case 'action':
      return {
        ...base,
        kind: 'action',
        from: item.node,
        to: item.node,
        layers: [],
        note: { key: `action.${input.action.type}`, params: actionParams(item.node, input.action) },
        action: input.action,
      };
    case 'timer': {
      // A timer is only the occasion; what the host did then (a DNS answer arrived, a timeout struck) is the story.
      const [first, ...rest] = effects;
      const note = first ?? { key: 'timer', params: { node: item.node, name: input.name } };
      return { ...base, effects: first ? rest : effects, kind: 'timer', from: item.node, to: item.node, layers: [], note };
    }
  }
}

function actionParams(node: string, action: import('./types').Action): Record<string, string | number> {
  const params: Record<string, string | number> = { node };
  for (const [k, v] of Object.entries(action)) if (k !== 'type' && (typeof v === 'string' || typeof v === 'number')) params[k] = v;
  return params;
}

function applyOutputs(world: World, state: SimState, from: string, outputs: HostOutput[]): { effects: Note[]; facts: Fact[] } {
  const effects: Note[] = [];
  const facts: Fact[] = [];
  for (const out of outputs) {
    switch (out.type) {
      case 'send': {
        const link = world.links.get(`${from}\u0000${out.to}`);
        if (!link) throw new Error(`sim/kernel: no link from '${from}' to '${out.to}'`);
        enqueue(state, {
          time: state.time + link.latencyMs,
          node: out.to,
          input: { type: 'bytes', from, data: out.data, ...(out.conn !== undefined ? { conn: out.conn } : {}) },
          link: link.id,
          sentAt: state.time,
          note: out.note,
          layers: out.layers,
        });
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

export function nodeInfos(scenario: Scenario): NodeInfo[] {
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
  const checkpoints: Checkpoint[] = [{ tick: 0, state: structuredClone(state) }];
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
    if (state.tick % every === 0) checkpoints.push({ tick: state.tick, state: structuredClone(state) });
  }
  const trace: Trace = {
    scenarioId: scenario.id,
    seed: options.seed,
    nodes: nodeInfos(scenario),
    links: scenario.topology.links,
    taps: scenario.topology.taps,
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
  const state = structuredClone(best.state);
  while (state.tick < target) if (!step(world, state)) break;
  return state;
}
