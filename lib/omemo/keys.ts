/**
 * OMEMO 2 key pairs (XEP-0384 §"Key Exchange"), as python-twomemo 1.0.3 (with python-x3dh and
 * python-xeddsa) makes them:
 *  - the identity key is Ed25519, kept as its 32-byte seed; the bundle's `<ik>` is the Ed25519
 *    public key. For X3DH it acts as an X25519 key: private = clamp(SHA-512(seed)[0:32]) (libsodium's
 *    crypto_sign_ed25519_sk_to_curve25519), public = the birational map of the Ed25519 point;
 *  - the signed pre key and the pre keys are X25519 key pairs (raw 32-byte private keys, public keys
 *    as the bare 32-byte u-coordinate, no 0x05 prefix);
 *  - `<spks>` is an Ed25519 signature by the identity key over the raw SPK public key. python signs
 *    with a random nonce; we sign the RFC 8032 way (deterministic), which python verifies;
 *  - the fingerprint users compare is the hex of the X25519 form of the identity key, in 8 groups
 *    of 8 digits (`SessionManager.format_identity_key`).
 * @module
 */
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { toHex } from '../bytes/hex';

export interface IdentityKey {
  /** the secret: a 32-byte Ed25519 seed */
  seed: Uint8Array;
  /** Ed25519 public key, as in `<ik>` and the key exchange's `ik` */
  edPub: Uint8Array;
  /** X25519 private scalar (clamped), for DH1 / DH2 */
  xPriv: Uint8Array;
}

export interface X25519KeyPair {
  priv: Uint8Array;
  pub: Uint8Array;
}

export interface SignedPreKey extends X25519KeyPair {
  id: number;
  sig: Uint8Array;
}

export interface PreKey extends X25519KeyPair {
  id: number;
}

export function identityFromSeed(seed: Uint8Array): IdentityKey {
  if (seed.length !== 32) throw new Error('omemo: an identity seed is 32 bytes');
  return { seed: Uint8Array.from(seed), edPub: ed25519.getPublicKey(seed), xPriv: ed25519.utils.toMontgomerySecret(seed) };
}

export function x25519Pair(priv: Uint8Array): X25519KeyPair {
  return { priv: Uint8Array.from(priv), pub: x25519.getPublicKey(priv) };
}

/** X25519(priv, pub); noble clamps the scalar as libsodium does. */
export const dh = (priv: Uint8Array, pub: Uint8Array): Uint8Array => x25519.getSharedSecret(priv, pub);

/** An Ed25519 identity key in its X25519 form (for DH2 and the fingerprint). */
export const edToX25519 = (edPub: Uint8Array): Uint8Array => ed25519.utils.toMontgomery(edPub);

export function makeSignedPreKey(identity: IdentityKey, id: number, priv: Uint8Array): SignedPreKey {
  const pair = x25519Pair(priv);
  return { id, ...pair, sig: ed25519.sign(pair.pub, identity.seed) };
}

/** python-x3dh checks the SPK signature with plain Ed25519 verification against `<ik>`. */
export function verifySpkSignature(ik: Uint8Array, spk: Uint8Array, sig: Uint8Array): boolean {
  try {
    return ed25519.verify(sig, spk, ik);
  } catch {
    return false; // a malformed key or signature from the network
  }
}

/** `SessionManager.format_identity_key`: hex of the X25519 form, 8 groups of 8 digits. */
export function fingerprint(edPub: Uint8Array): string {
  const hex = toHex(edToX25519(edPub));
  return hex.match(/.{8}/g)!.join(' ');
}
