/**
 * Every preset's trace, pinned. Two hashes per preset (seed 1):
 *  - `wire`: what crossed the network and when — seq, time, kind, from, to, link, conn, sentAt, the bytes
 *    and their layers. A refactor of the engine's joints must leave this untouched.
 *  - `story`: the narration — every note and effect key with its params. It may change on purpose (a
 *    fix, or a private key that no longer rides in a note); the commit that changes it says why.
 * Fields added to events later (facts, addresses, ports) are not part of either hash.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { TraceEvent } from '../../../lib/sim/types';
const hex = (b: Uint8Array | undefined) => (b ? bytesToHex(b) : '');
const h = (s: string) => bytesToHex(sha256(utf8ToBytes(s))).slice(0, 16);

function wireLine(e: TraceEvent): string {
  return JSON.stringify([e.seq, e.time, e.kind, e.from, e.to, e.link ?? null, e.conn ?? null, e.sentAt ?? null, hex(e.wire), e.layers.map((l) => [l.layer, l.start, l.end, l.label, l.key ?? null])]);
}

function storyLine(e: TraceEvent): string {
  const n = (x: { key: string; params?: Record<string, string | number> }) => [x.key, Object.entries(x.params ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))];
  return JSON.stringify([n(e.note), e.effects.map(n)]);
}

export function pinOf(events: readonly TraceEvent[]): { events: number; wire: string; story: string } {
  return { events: events.length, wire: h(events.map(wireLine).join('\n')), story: h(events.map(storyLine).join('\n')) };
}

