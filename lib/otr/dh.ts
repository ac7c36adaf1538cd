/**
 * The OTR Diffie-Hellman group (OTR v3 spec, "Encoded messages"): the 1536-bit MODP prime of
 * RFC 3526 (group 5) with generator g = 2, and key pairs whose private part is 320 random bits
 * ("at least 320 bits"; libotr uses exactly 320, and its `otr_sesskeys` tool accepts at most 40 bytes).
 * Modular exponentiations happen here (keypair: g^x; sharedSecret: (g^y)^x), in `dsa.ts` and in SMP.
 * Powers of the fixed generator use `powG`, a 4-bit fixed-base table (`crypto/fixed-base.ts`),
 * built lazily or by `prepareDhTables` and shared: 80 instead of ~390 multiplications for a
 * 320-bit exponent (a pure memo; it holds no session state and does not affect determinism).
 * @module
 */
import { FixedBase } from '../crypto/fixed-base';
import { modPow } from '../crypto/otr-modmath';
import { bytesToBigint } from './codec';

/** RFC 3526 §2, 1536-bit MODP group. */
export const DH_MODULUS = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1' +
    '29024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245' +
    'E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D' +
    'C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D' +
    '670C354E4ABC9804F1746C08CA237327FFFFFFFFFFFFFFFF',
);
export const DH_GENERATOR = 2n;
/** q = (p − 1) / 2, the order of the subgroup SMP works in. */
export const DH_Q = (DH_MODULUS - 1n) / 2n;
/** Private exponent size in bytes (320 bits). */
const DH_PRIVATE_BYTES = 40;

export interface DhKeyPair {
  priv: bigint;
  pub: bigint;
}

/** The generator's fixed-base table, shared by every session (a pure memo, no session state). */
const gTable = new FixedBase(DH_GENERATOR, DH_MODULUS);

/** g^x mod p for the group generator g = 2: one table entry per 4-bit digit of x. */
export function powG(x: bigint): bigint {
  if (x < 0n) throw new Error('otr/dh: negative exponent');
  return gTable.pow(x);
}

/**
 * Build the generator table for exponents of up to `bits` bits now (DH keys: 320, SMP: 1536),
 * so that the first AKE does not pay for it (80 rows ≈ 1200 multiplications ≈ 3 ms).
 */
export const prepareDhTables = (bits = DH_PRIVATE_BYTES * 8): void => gTable.prepare(bits);

/** Pick x (320 random bits) and compute g^x mod p. */
export function generateDhKeyPair(randomBytes: (n: number) => Uint8Array): DhKeyPair {
  const bytes = randomBytes(DH_PRIVATE_BYTES);
  if (bytes.length !== DH_PRIVATE_BYTES) throw new Error('otr/dh: randomBytes returned the wrong length');
  const priv = bytesToBigint(bytes);
  if (priv < 2n) throw new Error('otr/dh: degenerate private key');
  return { priv, pub: powG(priv) };
}

/** "Verifies that … gy is a legal value (2 <= gy <= modulus-2)". */
export function isLegalDhPublic(y: bigint): boolean {
  return y >= 2n && y <= DH_MODULUS - 2n;
}

/** s = (their pub)^(our priv) mod p. Callers check `isLegalDhPublic` first. */
export function dhSharedSecret(ours: DhKeyPair, theirPub: bigint): bigint {
  return modPow(theirPub, ours.priv, DH_MODULUS);
}
