/**
 * Playback pacing (UI.md, "Type and motion"): a packet travels its link in time proportional to the
 * link's latency, capped at 600 ms; the pause before the next step grows with the virtual time between
 * the two events, so bursts play quickly and idle stretches are felt, but never waited out in full.
 * Pure numbers in, ms out; the components own the clock.
 * @module
 */
import type { TraceEvent } from '../sim/types';

const TRAVEL_CAP_MS = 600;
/** Wall-clock ms per virtual ms of latency. */
const TRAVEL_PER_LATENCY_MS = 15;

/** How long the packet of a wire event takes to cross its link on screen, at speed 1. */
export function travelMs(latencyMs: number): number {
  if (!Number.isFinite(latencyMs) || latencyMs <= 0) return 0;
  return Math.min(TRAVEL_CAP_MS, Math.round(latencyMs * TRAVEL_PER_LATENCY_MS));
}

/** Wall-clock ms to wait before showing `next`, when `current` is on screen, at `speed` (1 = normal). */
export function stepDelayMs(current: TraceEvent | null, next: TraceEvent | null, speed = 1): number {
  const sp = Number.isFinite(speed) && speed > 0 ? speed : 1;
  const travel = current && current.kind === 'wire' ? travelMs(current.time - (current.sentAt ?? current.time)) : 0;
  const gap = current && next ? Math.max(0, next.time - current.time) : 0;
  const read = 900 + Math.min(900, gap * 1.5);
  return Math.round((travel + read) / sp);
}
