/**
 * What the operator of a server learns when it runs the OTR man in the middle
 * (lib/xmpp/server/otr-mitm.ts): its logs hold no bodies, but its relay decrypted every message it
 * took (the 'mitm-read' fact, at the event where the message arrived) and re-encrypted it for the other
 * end ('mitm-reencrypted', at the same event; the data message leaves on a later one). The operator's
 * observation shows those plaintexts as content; any other observer's view is untouched.
 * @module
 */
import { factsOf } from '../sim/facts';
import type { TraceEvent } from '../sim/types';

/** Texts the relay re-encrypted and has not yet been seen delivering, by `from\0to` (bare JIDs), with when it sent them. Plain data. */
export type MitmPending = Record<string, { sentAt: number; text: string }[]>;

const bare = (jid: string): string => (jid.includes('/') ? jid.slice(0, jid.indexOf('/')) : jid);
const pair = (from: string, to: string): string => `${from}\u0000${to}`;

/** Remember what the relay of `server` re-encrypted at this event. */
export function learnMitmSends(ev: TraceEvent, server: string, pending: MitmPending): void {
  for (const f of factsOf(ev.facts, 'mitm-reencrypted')) {
    if (f.node !== server) continue;
    (pending[pair(f.from, f.to)] ??= []).push({ sentAt: ev.time, text: f.text });
  }
}

/**
 * The plaintext the relay of `server` had for a message from `from` to `to` carried by `ev`: arriving
 * from one end, what it read; leaving to the other as an OTR data message, the text it re-encrypted
 * when it sent it (`ev.sentAt`). Null when none.
 */
export function mitmPlaintext(ev: TraceEvent, server: string, m: { from: string; to: string; kind?: string }, pending: MitmPending): string | null {
  const read = factsOf(ev.facts, 'mitm-read').find((f) => f.node === server && f.from === bare(m.from) && f.to === bare(m.to));
  if (read) return read.text;
  if (ev.kind !== 'wire' || ev.from !== server || m.kind !== 'otr-data') return null;
  const queue = pending[pair(bare(m.from), bare(m.to))];
  while (queue?.length && queue[0]!.sentAt < (ev.sentAt ?? ev.time)) queue.shift(); // sent but never delivered
  return queue?.length && queue[0]!.sentAt === ev.sentAt ? queue.shift()!.text : null;
}
