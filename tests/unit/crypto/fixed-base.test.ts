import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FixedBase } from '../../../lib/crypto/fixed-base';
import { modPow } from '../../../lib/crypto/otr-modmath';
import { DH_MODULUS } from '../../../lib/otr/dh';
import { DSA_G, DSA_P } from '../../../lib/otr/dsa-params';

describe('crypto/fixed-base', () => {
  it('g^x equals modPow for random exponents, past the prepared rows too (property)', () => {
    const t = new FixedBase(DSA_G, DSA_P);
    t.prepare(160);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 1100n) - 1n }), (x) => {
        expect(t.pow(x)).toBe(modPow(DSA_G, x, DSA_P));
      }),
      { numRuns: 40 },
    );
  });

  it('edge cases: exponent 0, 1, 15, 16; base 0, 1 and ≥ m; a tiny modulus', () => {
    const t = new FixedBase(2n, DH_MODULUS);
    expect(t.pow(0n)).toBe(1n);
    expect(t.pow(1n)).toBe(2n);
    expect(t.pow(15n)).toBe(1n << 15n);
    expect(t.pow(16n)).toBe(1n << 16n);
    expect(t.pow(DH_MODULUS - 1n)).toBe(1n);
    expect(new FixedBase(0n, 97n).pow(5n)).toBe(0n);
    expect(new FixedBase(0n, 97n).pow(0n)).toBe(1n);
    expect(new FixedBase(1n, 97n).pow(123456789n)).toBe(1n);
    expect(new FixedBase(97n + 3n, 97n).pow(1000n)).toBe(modPow(3n, 1000n, 97n));
    expect(new FixedBase(-3n, 97n).pow(3n)).toBe(70n); // (−27) mod 97
  });

  it('rejects a negative exponent and a modulus below 2', () => {
    expect(() => new FixedBase(2n, 1n)).toThrow(/modulus/);
    expect(() => new FixedBase(2n, 97n).pow(-1n)).toThrow(/negative/);
  });
});
