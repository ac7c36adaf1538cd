/**
 * The knowledge lens: what one observer (lib/knowledge) had learned by a step, and which events it saw
 * at all — so the widget can list its messages and metadata and dim the rest of the diagram. "By step k"
 * is the observer's fold over the first k events (lib/knowledge/timeline.ts): a thief who strikes later
 * has nothing yet, a key learned at step 20 opens nothing at step 19. Seeking costs the same at any step.
 * @module
 */
import type { Observation, ObserverInfo } from '../knowledge/observation';
import { observerOf, sees } from '../knowledge/observers';
import { knowledgeAt, knowledgeTimeline, theftAt as theftOf, type KnowledgeTimeline, type Theft } from '../knowledge/timeline';
import { classify } from '../otr/query';
import { thievesOf } from '../sim/observers';
import type { Scenario, Trace } from '../sim/types';

/**
 * One timeline per trace and observer, kept while the trace lives (traces are immutable): the widget
 * asks for step after step, and each answer starts from the timeline's nearest copy of the fold.
 */
const timelines = new WeakMap<Trace, Map<string, KnowledgeTimeline | null>>();

function timelineOf(scenario: Scenario, trace: Trace, name: string): KnowledgeTimeline | null {
  let byName = timelines.get(trace);
  if (!byName) timelines.set(trace, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, knowledgeTimeline(scenario, trace, name));
  return byName.get(name) ?? null;
}

/** What `name` learned from steps 1..step; null when the scenario has no such observer. An engine error is thrown, not hidden. */
export function observeUpTo(scenario: Scenario, trace: Trace, name: string, step: number): Observation | null {
  const tl = timelineOf(scenario, trace, name);
  return tl && knowledgeAt(tl, step);
}

/** When a thief observer strikes, relative to a step; null when `name` is no thief. */
export function theftAt(scenario: Scenario, trace: Trace, name: string, step: number): Theft | null {
  const thief = thievesOf(scenario.topology).find((t) => t.id === name);
  return thief ? theftOf(thief, trace.events, step) : null;
}

/**
 * The steps (seq + 1) whose event this observer saw: the wire events of its link or its node's
 * connections, and the local events of the node it stands for. Null when the observer is unknown.
 */
export function seenSteps(scenario: Scenario, trace: Trace, info: ObserverInfo): Set<number> | null {
  const o = observerOf(scenario, trace.nodes, info.name);
  if (!o) return null;
  const seen = new Set<number>();
  for (const e of trace.events) if (sees(o, e)) seen.add(e.seq + 1);
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

/** A message's content that is still OTR on the wire (an encoded message or a fragment): the observer holds it, but not its meaning. */
export function isCiphertext(content: string): boolean {
  const k = classify(content);
  return k === 'encoded' || k === 'fragment';
}
