/**
 * Raw DSA (FIPS 186-4 §4.6–4.7) over an integer message representative, the way OTR uses it:
 * "the signature … of the 32-byte MB (taken modulo q instead of being truncated (as described in
 * FIPS-186), and not hashed again)" (OTR v3 spec, Reveal Signature Message). libotr (libgcrypt
 * with a plain MPI) and potr do the same. The per-signature secret k is injected.
 * Speed: signing uses a fixed-base table for g (keyed by the domain parameters, so it serves every
 * key over the same p, q, g); verifying computes g^u1·y^u2 as one interleaved product, sharing the
 * squarings (≈240 instead of ≈480 1024-bit multiplications).
 * @module
 */
import { FixedBase } from './fixed-base';
import { modPowProduct } from './modexp-window';
import { modInverse, modPow } from './otr-modmath';

export interface DsaPublicKey {
  p: bigint;
  q: bigint;
  g: bigint;
  y: bigint;
}
export interface DsaPrivateKey extends DsaPublicKey {
  x: bigint;
}

/** Reduce a random byte string into [1, q-1] (FIPS 186-4 B.1.1 style: 64 extra bits, then mod). */
export function randomBelowQ(q: bigint, randomBytes: (n: number) => Uint8Array): bigint {
  const len = Math.ceil(q.toString(2).length / 8) + 8;
  let n = 0n;
  for (const b of randomBytes(len)) n = (n << 8n) | BigInt(b);
  return (n % (q - 1n)) + 1n;
}

/** y = g^x mod p. */
export function dsaPublic(p: bigint, q: bigint, g: bigint, x: bigint): DsaPrivateKey {
  return { p, q, g, y: modPow(g, x, p), x };
}

/** Fixed-base tables for g, one per (p, g); a handful at most (our key's parameters and a few others). */
const gTables = new Map<string, FixedBase>();
const MAX_TABLES = 4;

/** g^k mod p through the table for (p, g), built on first use (40 rows for a 160-bit q). */
function powDomainG(g: bigint, k: bigint, p: bigint): bigint {
  const id = `${p.toString(36)}:${g.toString(36)}`;
  let t = gTables.get(id);
  if (!t) {
    if (gTables.size >= MAX_TABLES) gTables.delete(gTables.keys().next().value!);
    t = new FixedBase(g, p);
    gTables.set(id, t);
  }
  return t.pow(k);
}

/** Build the table for this key's g now (the stdio peer does so before it reports ready). */
export function prepareDsaTables(key: DsaPublicKey): void {
  powDomainG(key.g, key.q - 1n, key.p);
}

/** FIPS 186-4 §4.6: r = (g^k mod p) mod q, s = k⁻¹(z + x·r) mod q, with z = m mod q. */
export function dsaSignInteger(
  key: DsaPrivateKey,
  m: bigint,
  randomBytes: (n: number) => Uint8Array,
): { r: bigint; s: bigint } {
  const z = m % key.q;
  for (;;) {
    const k = randomBelowQ(key.q, randomBytes);
    const r = powDomainG(key.g, k, key.p) % key.q;
    if (r === 0n) continue;
    const s = (modInverse(k, key.q) * (z + key.x * r)) % key.q;
    if (s === 0n) continue;
    return { r, s };
  }
}

/** FIPS 186-4 §4.7: accept iff 0<r<q, 0<s<q and v = ((g^u1 · y^u2) mod p) mod q equals r. */
export function dsaVerifyInteger(key: DsaPublicKey, m: bigint, r: bigint, s: bigint): boolean {
  const { p, q, g, y } = key;
  if (r <= 0n || r >= q || s <= 0n || s >= q) return false;
  if (p <= 3n || q <= 1n || y <= 1n || y >= p) return false;
  let w: bigint;
  try {
    w = modInverse(s, q); // a peer's q may be composite: no inverse means no valid signature
  } catch {
    return false;
  }
  const u1 = ((m % q) * w) % q;
  const u2 = (r * w) % q;
  const v = modPowProduct([[g, u1], [y, u2]], p) % q;
  return v === r;
}
