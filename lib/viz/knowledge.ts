/**
 * The knowledge lens: what one observer (lib/knowledge/observe.ts) had learned by a step, and which
 * events it saw at all — so the widget can list its messages and metadata and dim the rest of the diagram.
 * "By step k" is observe() on the first k events: a thief who strikes later has nothing yet, a key
 * learned at step 20 opens nothing at step 19.
 * @module
 */
import { observe, readEvents, type Observation, type ObserverInfo } from '../knowledge/observe';
import type { Scenario, Trace } from '../sim/types';

export function prefix(trace: Trace, step: number): Trace {
  return { ...trace, events: trace.events.slice(0, Math.max(0, Math.min(step, trace.events.length))) };
}

/** What `name` learned from steps 1..step; null for an unknown observer or a failure inside observe(). */
export function observeUpTo(scenario: Scenario, trace: Trace, name: string, step: number): Observation | null {
  try {
    const seen = observe(scenario, prefix(trace, step), name);
    const theft = theftAt(scenario, trace, name, step);
    return seen && theft ? asThiefAt(seen, observeWhole(scenario, trace, name), theft) : seen;
  } catch {
    return null;
  }
}

/**
 * A thief's view of the whole run does not change from step to step: compute it once per trace and
 * observer, not on every step (one observe() of a whole OTR run is 20–30 ms). Traces are immutable.
 */
const wholeRuns = new WeakMap<Trace, Map<string, Observation | null>>();

function observeWhole(scenario: Scenario, trace: Trace, name: string): Observation | null {
  let byName = wholeRuns.get(trace);
  if (!byName) wholeRuns.set(trace, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, observe(scenario, trace, name));
  return byName.get(name) ?? null;
}

/** Bodies only stolen keys open: OTR data and static-key messages (lib/knowledge/observe.ts `kind`). */
const KEYED = new Set(['otr-data', 'static-message']);

export interface Theft {
  /** Virtual time of the (last) theft, and whose devices were robbed. */
  at: number;
  nodes: string[];
  /** True once the theft has happened: at or after its time, or at the last step (a theft after the last event is "later"). */
  struck: boolean;
}

/** When a thief observer strikes, relative to a step; null when `name` is no thief. */
export function theftAt(scenario: Scenario, trace: Trace, name: string, step: number): Theft | null {
  const thief = scenario.topology.thieves?.find((t) => t.id === name);
  if (!thief || thief.steals.length === 0) return null;
  const at = Math.max(...thief.steals.map((s) => s.at));
  const now = step >= 1 ? (trace.events[Math.min(step, trace.events.length) - 1]?.time ?? -1) : -1;
  return { at, nodes: [...new Set(thief.steals.map((s) => s.node))], struck: now >= at || (step >= trace.events.length && trace.events.length > 0) };
}

/**
 * A thief records its link from the start and reads the recording once it has struck: before that,
 * end-to-end bodies stay closed and it holds no keys; after it, each body is open exactly when the keys it
 * stole open it — which is observe() on the whole run, with the keys as they were at theft time (a prefix of
 * the run would not yet show which keys were forgotten before the theft).
 */
function asThiefAt(seen: Observation, whole: Observation | null, theft: Theft): Observation {
  const later = new Map<number, (string | null)[]>();
  for (const m of whole?.messages ?? []) later.set(m.seq, [...(later.get(m.seq) ?? []), m.content]);
  const taken = new Map<number, number>();
  const messages = seen.messages.map((m) => {
    const i = taken.get(m.seq) ?? 0;
    taken.set(m.seq, i + 1);
    if (!m.kind || !KEYED.has(m.kind)) return m;
    return { ...m, content: theft.struck ? (later.get(m.seq)?.[i] ?? null) : null };
  });
  return { ...seen, messages, metadata: { ...seen.metadata, keys: theft.struck ? (whole?.metadata.keys ?? []) : [] } };
}

/**
 * The steps (seq + 1) whose event this observer saw: the wire events it reads (opened or not) and the
 * local events of the node it stands for. Null when the observer is unknown.
 */
export function seenSteps(scenario: Scenario, trace: Trace, info: ObserverInfo): Set<number> | null {
  let read;
  try {
    read = readEvents(scenario, trace, info.name);
  } catch {
    return null;
  }
  if (!read) return null;
  const seen = new Set(read.map((r) => r.event.seq + 1));
  const node = lensNode(info);
  if (node !== null) for (const e of trace.events) if (e.kind !== 'wire' && e.from === node) seen.add(e.seq + 1);
  return seen;
}

/** The node an observer stands for (a client, a server, the server an operator runs), or null (a tap …). */
export function lensNode(info: ObserverInfo): string | null {
  if (info.kind === 'client' || info.kind === 'server') return info.name;
  if (info.kind === 'operator') return info.name.replace(/^operator:/, '');
  return null;
}

/** The order observers are offered in: the parties first, then who listens, then who attacks. */
const ORDER: Record<ObserverInfo['kind'], number> = { client: 0, server: 1, tap: 2, operator: 3, thief: 4, forger: 5 };

export function sortObservers(list: readonly ObserverInfo[]): ObserverInfo[] {
  return [...list].sort((a, b) => (ORDER[a.kind] ?? 9) - (ORDER[b.kind] ?? 9));
}

/**
 * How an observer is named on screen: a client or server by its short name (`alice`, `a.example`), a tap
 * by the link it listens on (`alice ↔ a.example`), an operator by its server, anyone else by its name with
 * a node id in it shortened the same way.
 */
export function observerDisplayName(info: ObserverInfo, trace: Trace, nm: (id: string) => string): string {
  if (info.kind === 'tap') {
    const tap = trace.taps.find((t) => t.id === info.name);
    const link = trace.links.find((l) => l.id === tap?.link);
    if (link) return `${nm(link.a)} ↔ ${nm(link.b)}`;
    return info.name.replace(/^tap:/, '').replace('~', ' ↔ ');
  }
  const node = lensNode(info);
  if (node !== null) return nm(node);
  const rest = info.name.replace(/^[a-z]+:/, '');
  return trace.nodes.some((n) => n.id === rest) ? nm(rest) : info.name;
}
