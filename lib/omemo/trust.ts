/**
 * Trust in identity keys, as data: one level per (bare JID, identity key) — python-omemo keys its
 * trust the same way — and the two policies the lecture compares.
 *
 *  - Blind Trust Before Verification (BTBV, Daniel Gultsch, "Trust is a weak word", 2016, and
 *    python-omemo's `_make_trust_decision` hook): while none of a contact's keys has been verified,
 *    a new key is trusted blindly; once one has been verified by fingerprint, new keys of that
 *    contact stay undecided until someone looks at them.
 *  - manual: every new key stays undecided; encrypting to an undecided device is refused
 *    (python-omemo's `StillUndecided`).
 *
 * Decrypting is refused only from a distrusted key; undecided and blindly trusted senders are read
 * (python-omemo's rule). Encrypting goes to trusted devices only.
 * @module
 */
import { toHex } from '../bytes/hex';
import { fingerprint } from './keys';

export type TrustLevel = 'undecided' | 'blindly-trusted' | 'verified' | 'distrusted';
export type TrustPolicy = 'btbv' | 'manual';

/** `${bare JID} ${identity key hex}` → level; absent means undecided. */
export type TrustStore = Record<string, TrustLevel>;

const keyOf = (jid: string, ik: Uint8Array): string => `${jid} ${toHex(ik)}`;

export function trustOf(store: TrustStore, jid: string, ik: Uint8Array): TrustLevel {
  return store[keyOf(jid, ik)] ?? 'undecided';
}

export function setTrust(store: TrustStore, jid: string, ik: Uint8Array, level: TrustLevel): void {
  store[keyOf(jid, ik)] = level;
}

/** Does the level allow encrypting to the key? */
export const isTrusted = (level: TrustLevel): boolean => level === 'blindly-trusted' || level === 'verified';

/**
 * The decision for an undecided key at encryption time: BTBV trusts it blindly unless the contact
 * already has a verified key; manual leaves it undecided.
 */
export function decideUndecided(store: TrustStore, policy: TrustPolicy, jid: string): TrustLevel {
  if (policy === 'manual') return 'undecided';
  const prefix = `${jid} `;
  const anyVerified = Object.entries(store).some(([k, v]) => k.startsWith(prefix) && v === 'verified');
  return anyVerified ? 'undecided' : 'blindly-trusted';
}

/**
 * Manual verification: the user compared `shown` (the fingerprint read out by the other person,
 * spaces and case ignored) with the key's. Match → verified; mismatch → distrusted.
 */
export function verifyByFingerprint(store: TrustStore, jid: string, ik: Uint8Array, shown: string): TrustLevel {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  const level: TrustLevel = norm(shown) === norm(fingerprint(ik)) ? 'verified' : 'distrusted';
  setTrust(store, jid, ik, level);
  return level;
}
