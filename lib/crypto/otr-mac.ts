/**
 * The MACs OTR v3 names: SHA256-HMAC (AKE: MB, MA), SHA256-HMAC-160 ("the first 160 bits of the
 * SHA256-HMAC", AKE: MAC'd signature) and SHA1-HMAC (Data Message authenticator), plus a
 * constant-time comparison for verifying them.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { sha1 } from '@noble/hashes/legacy.js';

export const hmacSha256 = (key: Uint8Array, data: Uint8Array): Uint8Array => hmac(sha256, key, data);
export const hmacSha256_160 = (key: Uint8Array, data: Uint8Array): Uint8Array =>
  hmac(sha256, key, data).slice(0, 20);
export const hmacSha1 = (key: Uint8Array, data: Uint8Array): Uint8Array => hmac(sha1, key, data);

/** Compare two MACs without an early exit. */
export function macEquals(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}
