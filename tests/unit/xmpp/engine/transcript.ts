/** Test helper: every wire event of a run as its sender reads it (inside TLS too), like the Prosody transcript. */
import { utf8Decode } from '@/lib/bytes/hex';
import { readEvents } from '@/lib/knowledge/observe';
import { runScenario } from '@/lib/scenarios/run';
import type { Scenario, TraceEvent } from '@/lib/sim/types';

export interface Line {
  seq: number;
  time: number;
  from: string;
  to: string;
  /** The connection (TraceEvent.conn), for s2s: `a.example>b.example` is the one a.example opened. */
  conn?: string;
  /** What the sender wrote: XML text, or `[hello]` for a TLS handshake record. */
  text: string;
  event: TraceEvent;
}

export function transcript(scenario: Scenario, seed = 1): Line[] {
  const run = runScenario(scenario, { seed });
  const bySeq = new Map<number, string>();
  const nodes = [...scenario.topology.clients.map((c) => c.id), ...scenario.topology.servers.map((s) => s.id)];
  for (const n of nodes) {
    for (const r of readEvents(scenario, run.trace, n) ?? []) {
      if (r.event.from !== n) continue;
      bySeq.set(r.event.seq, r.plaintext ? utf8Decode(r.plaintext) : '[hello]');
    }
  }
  return run.trace.events
    .filter((e) => e.kind === 'wire')
    .map((e) => ({ seq: e.seq, time: e.time, from: e.from, to: e.to, ...(e.conn !== undefined ? { conn: e.conn } : {}), text: bySeq.get(e.seq) ?? '', event: e }));
}

/** What `from` sent to `to`, in order; with `conn`, only on that connection. */
export const between = (lines: Line[], from: string, to: string, conn?: string) =>
  lines.filter((l) => l.from === from && l.to === to && (conn === undefined || l.conn === conn)).map((l) => l.text);

/** A scenario with one change, for variants of a preset. */
export function variant(base: Scenario, patch: (s: Scenario) => void): Scenario {
  const s = structuredClone(base);
  patch(s);
  return s;
}
