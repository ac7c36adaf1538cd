/**
 * The OTR sessions of every step of a run, for the ratchet view: one replay of the run from its first
 * checkpoint (the same cost as the simulation), keeping after each event only the small snapshots of
 * lib/viz/ratchet.ts. Where revealed MAC keys crossed links comes from the trace's OTR layers.
 * A client's sessions live at `nodes[client].e2e.otr.sessions[peerBareJid]` (lib/e2e/otr.ts); a server operator in
 * the middle keeps its two at `nodes[server].otrMitm.sessions[endBareJid]`.
 * @module
 */
import { utf8DecodeStrict } from '../bytes/hex';
import type { OtrSession } from '../otr/session';
import { worldOf } from '../scenarios/run';
import { step, type SimRun } from '../sim/kernel';
import type { Scenario, Trace } from '../sim/types';
import { revealsInText, snapshotSession, type SessionAt, type WireReveal } from './ratchet';

function sessionsIn(holder: unknown): OtrSession[] {
  const sessions = holder && typeof holder === 'object' ? (holder as { sessions?: unknown }).sessions : undefined;
  if (!sessions || typeof sessions !== 'object') return [];
  return Object.values(sessions as Record<string, unknown>).filter(
    (s): s is OtrSession => !!s && typeof s === 'object' && 'msgstate' in s && 'auth' in s && 'account' in s,
  );
}

/** The OTR sessions a node's state holds (none when it is not an OTR-capable client). */
export function otrSessionsOf(nodeState: unknown): OtrSession[] {
  return sessionsIn((nodeState as { e2e?: { otr?: unknown } } | null)?.e2e?.otr);
}

/** A server operator's man-in-the-middle sessions (lib/xmpp/server/otr-mitm-relay.ts), each posing as the other end. */
function mitmSessionsOf(nodeState: unknown): OtrSession[] {
  return sessionsIn((nodeState as { otrMitm?: unknown } | null)?.otrMitm);
}

function frameOf(nodes: Record<string, unknown>): SessionAt[] {
  const out: SessionAt[] = [];
  for (const node of Object.keys(nodes).sort()) {
    for (const s of otrSessionsOf(nodes[node])) out.push({ node, snap: snapshotSession(s) });
    for (const s of mitmSessionsOf(nodes[node])) out.push({ node, snap: snapshotSession(s), posing: true });
  }
  return out;
}

/** frames[k]: every node's OTR sessions after step k (frames[0]: before the first event). */
export function otrFrames(scenario: Scenario, run: SimRun): SessionAt[][] {
  const first = run.checkpoints[0];
  if (!first) return [[]];
  const world = worldOf(scenario);
  const state = structuredClone(first.state);
  const frames: SessionAt[][] = [frameOf(state.nodes)];
  const total = run.trace.events.length;
  while (state.tick < total && step(world, state)) frames.push(frameOf(state.nodes));
  return frames;
}

/** True when some event carries an OTR layer: the scenario has OTR conversations to show. */
export function hasOtr(trace: Trace): boolean {
  return trace.events.some((e) => e.layers.some((l) => l.layer === 'otr'));
}

/** The OTR text of a wire event (its 'otr' layer, readable), or null. */
export function otrTextOf(ev: Trace['events'][number]): string | null {
  const l = ev.layers.find((x) => x.layer === 'otr');
  if (!l || !ev.wire || l.end <= l.start) return null;
  const text = utf8DecodeStrict(ev.wire.subarray(l.start, l.end));
  return text === null ? null : unescapeXml(text);
}

/** The five predefined entities (RFC 6120 §11.1 allows no others): the body text as the client read it. */
function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? _);
}

/** Every Data Message on a link that revealed old MAC keys, at its step (seq + 1). */
export function wireReveals(trace: Trace): WireReveal[] {
  const out: WireReveal[] = [];
  for (const ev of trace.events) {
    if (ev.kind !== 'wire') continue;
    const text = otrTextOf(ev);
    if (text === null) continue;
    const keys = revealsInText(text);
    if (keys.length) out.push({ step: ev.seq + 1, from: '', keys });
  }
  return out;
}
