import { describe, expect, it } from 'vitest';
import { dsaPublic, dsaSignInteger, dsaVerifyInteger, randomBelowQ, type DsaPublicKey } from '../../../lib/crypto/dsa';
import { modInverse, modPow } from '../../../lib/crypto/otr-modmath';
import { DSA_G, DSA_P, DSA_Q } from '../../../lib/otr/dsa-params';
import { seededCtx } from '../otr/pair';

/** FIPS 186-4 §4.7 written out with two separate exponentiations: the oracle for the product form. */
function verifyPlain({ p, q, g, y }: DsaPublicKey, m: bigint, r: bigint, s: bigint): boolean {
  const w = modInverse(s, q);
  return ((modPow(g, ((m % q) * w) % q, p) * modPow(y, (r * w) % q, p)) % p) % q === r;
}

describe('crypto/dsa: fixed-base signing and product verification', () => {
  const ctx = seededCtx('crypto-dsa');

  it('signatures over six different generators (more than the table cache holds) verify, both ways', () => {
    for (let i = 1n; i <= 6n; i++) {
      const g = modPow(DSA_G, i, DSA_P); // same p and q, another generator of the order-q subgroup
      const key = dsaPublic(DSA_P, DSA_Q, g, randomBelowQ(DSA_Q, ctx.randomBytes));
      const m = randomBelowQ(DSA_Q, ctx.randomBytes) << 40n; // wider than q: taken mod q
      const { r, s } = dsaSignInteger(key, m, ctx.randomBytes);
      expect(dsaVerifyInteger(key, m, r, s)).toBe(true);
      expect(verifyPlain(key, m, r, s)).toBe(true);
      expect(dsaVerifyInteger(key, m + 1n, r, s)).toBe(false);
      expect(verifyPlain(key, m + 1n, r, s)).toBe(false);
    }
  });

  it('r is (g^k mod p) mod q for the injected k', () => {
    const key = dsaPublic(DSA_P, DSA_Q, DSA_G, 12345n);
    const bytes = new Uint8Array(28).fill(0xab);
    const k = randomBelowQ(DSA_Q, () => bytes);
    const { r } = dsaSignInteger(key, 99n, () => bytes);
    expect(r).toBe(modPow(DSA_G, k, DSA_P) % DSA_Q);
  });
});
