import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bitLength, modPowProduct, oddPowers, slidingWindowDigits, windowSize } from '../../../lib/crypto/modexp-window';
import { modPow } from '../../../lib/crypto/otr-modmath';
import { DH_MODULUS } from '../../../lib/otr/dh';
import { DSA_P } from '../../../lib/otr/dsa-params';

/** The oracle: right-to-left square-and-multiply, as in any textbook. */
function plainModPow(b: bigint, e: bigint, m: bigint): bigint {
  let result = 1n % m;
  b = ((b % m) + m) % m;
  for (; e > 0n; e >>= 1n, b = (b * b) % m) if (e & 1n) result = (result * b) % m;
  return result;
}

const moduli = [DH_MODULUS, DSA_P, 1000003n, 2n ** 127n - 1n, 10n ** 30n]; // primes, and one even composite
const big = (bits: number) => fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n });

describe('crypto/modexp-window: sliding-window recoding', () => {
  it('digits are 0 or odd below 2^k and sum back to e (property)', () => {
    fc.assert(
      fc.property(big(400), fc.integer({ min: 1, max: 7 }), (e, k) => {
        const digits = slidingWindowDigits(e, k);
        let sum = 0n;
        digits.forEach((d, i) => {
          expect(d === 0 || (d % 2 === 1 && d < 2 ** k)).toBe(true);
          sum += BigInt(d) << BigInt(i);
        });
        expect(sum).toBe(e);
      }),
      { numRuns: 200 },
    );
  });

  it('a window never spans more than k bits: 0b1011 with k = 2 is 1·2³ + 3·2⁰', () => {
    expect([...slidingWindowDigits(0b1011n, 2)]).toEqual([3, 0, 0, 1]);
    expect([...slidingWindowDigits(0n, 4)]).toEqual([0]);
  });

  it('picks wider windows for longer exponents', () => {
    expect(windowSize(0)).toBe(1);
    expect(windowSize(160)).toBe(4);
    expect(windowSize(320)).toBe(5);
    expect(windowSize(1536)).toBe(6);
    expect(bitLength(0n)).toBe(0);
    expect(bitLength(255n)).toBe(8);
  });

  it('odd powers are b, b³, b⁵, …', () => {
    expect(oddPowers(3n, 3, 1000n)).toEqual([3n, 27n, 243n, 187n]); // 3^7 = 2187
  });

  it('rejects a negative exponent or a window size out of range', () => {
    expect(() => slidingWindowDigits(-1n, 4)).toThrow(/negative/);
    expect(() => slidingWindowDigits(5n, 8)).toThrow(/window/);
  });
});

describe('crypto/modexp-window: modPow and products equal square-and-multiply', () => {
  it('one base, random inputs up to 1600-bit exponents (property)', () => {
    fc.assert(
      fc.property(big(1600), big(1600), fc.constantFrom(...moduli), (b, e, m) => {
        expect(modPow(b, e, m)).toBe(plainModPow(b, e, m));
      }),
      { numRuns: 40 },
    );
  });

  it('two and three bases, exponents of different lengths (property)', () => {
    fc.assert(
      fc.property(big(1536), big(1536), big(1536), big(160), big(9), fc.constantFrom(...moduli), (b1, b2, b3, e1, e2, m) => {
        const want = (plainModPow(b1, e1, m) * plainModPow(b2, e2, m)) % m;
        expect(modPowProduct([[b1, e1], [b2, e2]], m)).toBe(want);
        expect(modPowProduct([[b1, e1], [b2, e2], [b3, e1 ^ e2]], m)).toBe((want * plainModPow(b3, e1 ^ e2, m)) % m);
      }),
      { numRuns: 30 },
    );
  });

  it('edge cases: exponent 0 and 1, base 0, 1, −1 and ≥ m, modulus 1, empty product', () => {
    const p = DH_MODULUS;
    const x = 0x1234567890abcdefn;
    expect(modPow(x, 0n, p)).toBe(1n);
    expect(modPow(x, 1n, p)).toBe(x);
    expect(modPow(0n, 0n, p)).toBe(1n);
    expect(modPow(0n, 5n, p)).toBe(0n);
    expect(modPow(1n, p - 2n, p)).toBe(1n);
    expect(modPow(-1n, 3n, p)).toBe(p - 1n);
    expect(modPow(p + 2n, 10n, p)).toBe(1024n);
    expect(modPow(2n, p - 1n, p)).toBe(1n); // Fermat, with a full 1536-bit exponent
    expect(modPow(x, 12345n, 1n)).toBe(0n);
    expect(modPowProduct([], p)).toBe(1n);
    expect(modPowProduct([[x, 0n], [0n, 0n]], p)).toBe(1n);
    expect(modPowProduct([[x, 1n], [0n, 7n]], p)).toBe(0n);
  });

  it('rejects a modulus ≤ 0 and a negative exponent', () => {
    expect(() => modPow(2n, 3n, 0n)).toThrow(/modulus/);
    expect(() => modPow(2n, -3n, 7n)).toThrow(/negative/);
    expect(() => modPowProduct([[2n, 3n]], -7n)).toThrow(/modulus/);
    expect(() => modPowProduct([[2n, -3n]], 7n)).toThrow(/negative/);
  });
});
