/**
 * The X25519 key exchange of a key share (RFC 8446 §4.2.8.2, §7.4.2; RFC 7748 §6.1): public values
 * are 32 octets, and "For X25519 … implementations … MUST check whether the computed Diffie-Hellman
 * shared secret is the all-zero value and abort if so" (§7.4.2).
 * @module
 */
import { x25519 } from '@noble/curves/ed25519.js';

export const x25519Public = (secret: Uint8Array): Uint8Array => x25519.getPublicKey(secret);

/** X25519(ours, theirs), or null when theirs is not 32 octets or the result is all zeros (a low-order point). */
export function x25519Shared(secret: Uint8Array, theirs: Uint8Array): Uint8Array | null {
  if (theirs.length !== 32) return null;
  let out: Uint8Array;
  try {
    out = x25519.getSharedSecret(secret, theirs);
  } catch {
    return null; // noble refuses the all-zero output itself
  }
  return out.some((b) => b !== 0) ? out : null;
}
