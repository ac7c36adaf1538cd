/**
 * The evidence of a man in the middle in one place (issue #9, item 10): for each OTR conversation whose
 * two ends the run shows, what each end sees side by side — its own fingerprint, the fingerprint it
 * received for the other, and its session id — and whether the pairs that should be equal are. With
 * nobody in between, alice's key as bob received it is alice's own and both hold one session id; with an
 * operator in the middle (`otr-mitm`) each end finished its key exchange with the operator, so neither
 * holds the other's key and the session ids differ. Read from the ratchet view's parties
 * (lib/viz/ratchet.ts), which come from the run's own state at the step.
 * @module
 */
import type { PartyView, RatchetView } from './ratchet';

export type Match = 'same' | 'differs' | 'pending';

/** One end as it sees the conversation. */
export interface EndSeen {
  node: string;
  account: string;
  ownFingerprint: string;
  /** The fingerprint it received for the other end; null before its key exchange finished. */
  peerFingerprint: string | null;
  ssid: string | null;
  /** Which half of the ssid this end shows in bold (OTR's spoken comparison). */
  ssidHalf: 'first' | 'second' | null;
}

export interface Comparison {
  /** Bare JIDs of the two ends, sorted: "alice@a.example ↔ bob@a.example". */
  id: string;
  a: EndSeen;
  b: EndSeen;
  /** a's own key against what b received for a. */
  fingerprintA: Match;
  /** what a received for b against b's own key. */
  fingerprintB: Match;
  ssid: Match;
  /** Nodes holding sessions in between, posing as the ends (the operator in `otr-mitm`). */
  middle: string[];
}

function match(x: string | null, y: string | null): Match {
  if (x === null || y === null) return 'pending';
  return x === y ? 'same' : 'differs';
}

const end = (p: PartyView): EndSeen => ({ node: p.node, account: p.account, ownFingerprint: p.ourFingerprint, peerFingerprint: p.theirFingerprint, ssid: p.ssid, ssidHalf: p.ssidHalf });

/** Every conversation with both ends present (a person's own session on each side), compared. */
export function compareEnds(view: RatchetView): Comparison[] {
  const out: Comparison[] = [];
  for (const c of view.conversations) {
    const ends = c.parties.filter((p) => !p.posing);
    if (ends.length !== 2) continue;
    const a = end(ends[0]!);
    const b = end(ends[1]!);
    out.push({
      id: c.id,
      a,
      b,
      fingerprintA: match(a.ownFingerprint, b.peerFingerprint),
      fingerprintB: match(a.peerFingerprint, b.ownFingerprint),
      ssid: match(a.ssid, b.ssid),
      middle: [...new Set(c.parties.filter((p) => p.posing).map((p) => p.node))],
    });
  }
  return out;
}

/** All three pairs equal, some differ, or not yet comparable (a key exchange still running). */
export function verdict(c: Comparison): Match {
  const all = [c.fingerprintA, c.fingerprintB, c.ssid];
  if (all.includes('differs')) return 'differs';
  return all.includes('pending') ? 'pending' : 'same';
}
