/**
 * SLOW-ISH (≈0.1–1 s): re-derives the shipped DSA-1024/160 domain parameters from their seed with
 * FIPS 186-4 A.1.1.2 + A.2.3 (lib/crypto/dsa-params-gen.ts), and checks the DSA relations.
 */
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { generateDsaParams } from '../../../lib/crypto/dsa-params-gen';
import { isProbablePrime, modPow } from '../../../lib/crypto/otr-modmath';
import { DSA_G, DSA_P, DSA_PARAMS_COUNTER, DSA_PARAMS_DOMAIN_SEED, DSA_PARAMS_SEED_LABEL, DSA_Q } from '../../../lib/otr/dsa-params';

describe('otr/dsa-params (re-derivation, a second or less)', () => {
  it('re-derives p, q, g from the documented seed', () => {
    const r = generateDsaParams(sha256(utf8ToBytes(DSA_PARAMS_SEED_LABEL)));
    expect(r.p).toBe(DSA_P);
    expect(r.q).toBe(DSA_Q);
    expect(r.g).toBe(DSA_G);
    expect(r.seed).toBe(DSA_PARAMS_DOMAIN_SEED);
    expect(r.counter).toBe(DSA_PARAMS_COUNTER);
  });

  it('has the DSA structure: |p| = 1024, |q| = 160, q | p−1, g of order q', () => {
    expect(DSA_P.toString(2).length).toBe(1024);
    expect(DSA_Q.toString(2).length).toBe(160);
    expect(isProbablePrime(DSA_P)).toBe(true);
    expect(isProbablePrime(DSA_Q)).toBe(true);
    expect((DSA_P - 1n) % DSA_Q).toBe(0n);
    expect(DSA_G > 1n).toBe(true);
    expect(modPow(DSA_G, DSA_Q, DSA_P)).toBe(1n);
    expect(bytesToHex(sha256(utf8ToBytes(DSA_PARAMS_SEED_LABEL))).length).toBe(64);
  });
});
