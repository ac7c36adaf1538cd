/**
 * An observer's knowledge at any step of a run, without reading the run again: the fold of
 * lib/knowledge/fold.ts, checkpointed as the kernel checkpoints its state (lib/sim/kernel.ts). The
 * timeline folds forward only as far as anyone has asked, keeping a copy of the state every `every`
 * events; "what X knows by step k" is the copy at or before k, replayed to k — at most `every` events,
 * at step 100 as at step 10,000. A copy is small: what only grows (messages, bodies …) stays in the
 * run's one log, which a state reaches into by counts.
 *
 * A thief is the exception that needs the whole run: it records its link from the start and holds
 * nothing until it strikes; once it has, it reads the whole recording — past and future — with what it
 * stole. So after the theft each end-to-end body it has recorded so far shows what the keys of the
 * theft open in the whole run (the run's end decides which of them were forgotten before the theft).
 * @module
 */
import type { Scenario, ThiefSpec, Trace, TraceEvent } from '../sim/types';
import { initialKnowledge, stepKnowledge, viewKnowledge, type KnowledgeLog, type KnowledgeState } from './fold';
import type { Observation } from './observation';
import { observerOf, type Observer } from './observers';

/**
 * Events between two copies of the fold state: a seek replays fewer than this many. Denser than the
 * kernel's 64 because a copy is small (the log is shared) and replaying an observer's event may mean
 * opening TLS records and OTR data messages.
 */
const KNOWLEDGE_CHECKPOINT_EVERY = 32;

type Snapshot = Omit<KnowledgeState, 'log'>;

export interface KnowledgeTimeline {
  observer: Observer;
  events: readonly TraceEvent[];
  every: number;
  /** checkpoints[i]: the state after i × every events, without the log. */
  checkpoints: Snapshot[];
  /** The state after the furthest step asked for so far; it owns the log the checkpoints share. */
  frontier: KnowledgeState;
  /** A thief's reading of the whole run (computed when first needed). */
  whole?: Observation;
  /** The event the fold failed on (a bug, thrown to the caller): no step after it has an answer. */
  failure?: { at: number; error: unknown };
}

const snapshot = ({ log: _log, ...rest }: KnowledgeState): Snapshot => structuredClone(rest);
const restore = (s: Snapshot, log: KnowledgeLog): KnowledgeState => ({ ...structuredClone(s), log });

/** A timeline for `name` over this trace; null when the scenario has no such observer. Nothing is folded yet. */
export function knowledgeTimeline(scenario: Scenario, trace: Trace, name: string, every = KNOWLEDGE_CHECKPOINT_EVERY): KnowledgeTimeline | null {
  if (!(Number.isInteger(every) && every > 0)) throw new Error('knowledge/timeline: every must be a positive integer');
  const observer = observerOf(scenario, trace.nodes, name);
  if (!observer) return null;
  const frontier = initialKnowledge(observer);
  return { observer, events: trace.events, every, checkpoints: [snapshot(frontier)], frontier };
}

/** Fold the frontier forward to step `k`, keeping a copy every `every` events. */
function advance(tl: KnowledgeTimeline, k: number): void {
  if (tl.failure && k > tl.failure.at) throw tl.failure.error;
  const f = tl.frontier;
  while (f.at < k) {
    const at = f.at;
    try {
      stepKnowledge(tl.observer, f, tl.events[at]!);
    } catch (error) {
      // Not swallowed: thrown again now and for every later step. The frontier was half-stepped; it
      // goes back to the state before this event, so the steps before it still have their answers.
      tl.failure = { at, error };
      tl.frontier = replayed(tl, at);
      throw error;
    }
    if (f.at % tl.every === 0) tl.checkpoints.push(snapshot(f));
  }
}

/** A fresh state after the first `k` events (k at most the frontier's), replayed from the checkpoint at or before k. */
function replayed(tl: KnowledgeTimeline, k: number): KnowledgeState {
  const s = restore(tl.checkpoints[Math.floor(k / tl.every)]!, tl.frontier.log);
  while (s.at < k) stepKnowledge(tl.observer, s, tl.events[s.at]!);
  return s;
}

/** The fold state after the first `k` events: the frontier itself, or a copy replayed from the checkpoint before k. */
function stateAt(tl: KnowledgeTimeline, k: number): KnowledgeState {
  advance(tl, k);
  return tl.frontier.at === k ? tl.frontier : replayed(tl, k);
}

/** What the observer knows after the first `step` events (clamped to the run). */
export function knowledgeAt(tl: KnowledgeTimeline, step: number): Observation {
  const k = Math.max(0, Math.min(Math.floor(step), tl.events.length));
  const thief = tl.observer.thief;
  if (!thief || thief.steals.length === 0) return viewKnowledge(tl.observer, stateAt(tl, k));
  const recorded = viewKnowledge(tl.observer, stateAt(tl, k), { stolenKeys: false });
  return readAfterTheft(recorded, wholeRun(tl), theftAt(thief, tl.events, k));
}

function wholeRun(tl: KnowledgeTimeline): Observation {
  tl.whole ??= viewKnowledge(tl.observer, stateAt(tl, tl.events.length));
  return tl.whole;
}

export interface Theft {
  /** Virtual time of the (last) theft, and whose devices were robbed. */
  at: number;
  nodes: string[];
  /** True once the theft has happened: at or after its time, or at the last step (a theft after the last event is "later"). */
  struck: boolean;
}

/** When a thief strikes, relative to a step; null when it steals nothing. */
export function theftAt(thief: ThiefSpec, events: readonly TraceEvent[], step: number): Theft | null {
  if (thief.steals.length === 0) return null;
  const at = Math.max(...thief.steals.map((s) => s.at));
  const now = step >= 1 ? (events[Math.min(step, events.length) - 1]?.time ?? -1) : -1;
  return { at, nodes: [...new Set(thief.steals.map((s) => s.node))], struck: now >= at || (step >= events.length && events.length > 0) };
}

/** Bodies only stolen keys open: OTR data and static-key messages (ObservedMessage `kind`). */
const KEYED = new Set(['otr-data', 'static-message']);

/**
 * The thief's recording so far, read as it reads it: before the theft its end-to-end bodies stay closed
 * and it holds no keys; after it, each is open exactly when the stolen keys open it in the whole run.
 */
function readAfterTheft(recorded: Observation, whole: Observation, theft: Theft | null): Observation {
  if (!theft) return recorded;
  const later = new Map<number, (string | null)[]>();
  for (const m of whole.messages) later.set(m.seq, [...(later.get(m.seq) ?? []), m.content]);
  const taken = new Map<number, number>();
  const messages = recorded.messages.map((m) => {
    const i = taken.get(m.seq) ?? 0;
    taken.set(m.seq, i + 1);
    if (!m.kind || !KEYED.has(m.kind)) return m;
    return { ...m, content: theft.struck ? (later.get(m.seq)?.[i] ?? null) : null };
  });
  return { ...recorded, messages, metadata: { ...recorded.metadata, keys: theft.struck ? whole.metadata.keys : [] } };
}
