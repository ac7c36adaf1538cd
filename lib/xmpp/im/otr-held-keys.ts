/**
 * Which DH private keys one OTR session holds, and what changed across one call into the engine:
 * the keys it generated and the keys it forgot. The facts this yields ('dh-key-made',
 * 'dh-key-forgotten'; notes beside them for the reader) put every key's life on the trace, so
 * observers (a thief at time T, the ratchet view) can tell exactly which keys a device held when. The engine itself is not touched:
 * the diff reads its plain-data state before and after.
 * @module
 */
import type { OtrSession } from '../../otr/session';

export interface HeldDhKey {
  keyid: number;
  priv: bigint;
  pub: bigint;
}

/** The AKE key (authstate ≠ none, keyid 1) and our_dh[our_keyid-1], our_dh[our_keyid]. */
export function heldDhKeys(st: OtrSession): HeldDhKey[] {
  const held: HeldDhKey[] = [];
  const add = (keyid: number, k: { priv: bigint; pub: bigint } | null | undefined) => {
    if (k && !held.some((h) => h.pub === k.pub)) held.push({ keyid, priv: k.priv, pub: k.pub });
  };
  if (st.keys) {
    add(st.keys.ourKeyid - 1, st.keys.ourOldDh);
    add(st.keys.ourKeyid, st.keys.ourDh);
  }
  if (st.auth.state !== 'none') add(st.auth.ourKeyid, st.auth.ourDh);
  return held;
}

export interface KeyChange {
  generated: HeldDhKey[];
  forgotten: HeldDhKey[];
}

export function diffHeld(before: HeldDhKey[], after: HeldDhKey[]): KeyChange {
  return {
    generated: after.filter((a) => !before.some((b) => b.pub === a.pub)),
    forgotten: before.filter((b) => !after.some((a) => a.pub === b.pub)),
  };
}
