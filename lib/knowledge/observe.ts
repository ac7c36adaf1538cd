/**
 * What an observer learns from a whole trace: the fold of lib/knowledge/fold.ts run to the end.
 * `npm run sim -- observe` prints it; the lens shows it step by step (lib/knowledge/timeline.ts).
 * @module
 */
import type { Scenario, Trace, TraceEvent } from '../sim/types';
import { initialKnowledge, stepKnowledge, viewKnowledge } from './fold';
import type { Observation } from './observation';
import { observerOf, sees } from './observers';
import { learnTlsKeys, openWire, type TlsKeyring } from './tls-keyring';

export type { ObservedMessage, Observation, ObserverInfo, ObserverKind } from './observation';
export { listObservers } from './observers';

/** What `name` knows at the end of the trace; null when the scenario has no such observer. */
export function observe(scenario: Scenario, trace: Trace, name: string): Observation | null {
  const o = observerOf(scenario, trace.nodes, name);
  if (!o) return null;
  const s = initialKnowledge(o);
  for (const ev of trace.events) stepKnowledge(o, s, ev);
  return viewKnowledge(o, s);
}

/** One wire event as an observer sees it: the plaintext it can read (null: nothing, e.g. sealed TLS records). */
export interface ReadEvent {
  event: TraceEvent;
  /** Decrypted or clear bytes; null when nothing in the event is readable to this observer. */
  plaintext: Uint8Array | null;
  /** Sealed records it could not open. */
  sealed: number;
}

/** Every wire event the observer sees, opened with the TLS keys it holds at that moment. Null for an unknown observer. */
export function readEvents(scenario: Scenario, trace: Trace, name: string): ReadEvent[] | null {
  const o = observerOf(scenario, trace.nodes, name);
  if (!o) return null;
  const ring: TlsKeyring = {};
  const out: ReadEvent[] = [];
  for (const ev of trace.events) {
    if (!sees(o, ev)) continue;
    if (o.node !== null) learnTlsKeys(ev, o.node, ring);
    if (ev.kind === 'wire') out.push({ event: ev, ...openWire(ev, o.node, ring) });
  }
  return out;
}
