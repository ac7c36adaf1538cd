import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { modPow } from '../../../lib/crypto/otr-modmath';
import { DH_GENERATOR, DH_MODULUS, dhSharedSecret, generateDhKeyPair, isLegalDhPublic, powG } from '../../../lib/otr/dh';
import { seededCtx } from './pair';

describe('otr/dh', () => {
  it('is the RFC 3526 1536-bit group with g = 2', () => {
    expect(DH_MODULUS.toString(2).length).toBe(1536);
    expect(DH_MODULUS.toString(16).slice(0, 16)).toBe('ffffffffffffffff');
    expect(DH_MODULUS.toString(16).slice(-16)).toBe('ffffffffffffffff');
  });

  it('powG (fixed-base table) equals square-and-multiply (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 1600n) - 1n }), (x) => {
        expect(powG(x)).toBe(modPow(DH_GENERATOR, x, DH_MODULUS));
      }),
      { numRuns: 25 },
    );
  });

  it('key pairs have 320-bit private parts and agree on s', () => {
    const ctx = seededCtx('dh');
    const a = generateDhKeyPair(ctx.randomBytes);
    const b = generateDhKeyPair(ctx.randomBytes);
    expect(a.priv.toString(2).length).toBeLessThanOrEqual(320);
    expect(isLegalDhPublic(a.pub)).toBe(true);
    expect(dhSharedSecret(a, b.pub)).toBe(dhSharedSecret(b, a.pub));
    expect(isLegalDhPublic(1n)).toBe(false);
    expect(isLegalDhPublic(DH_MODULUS - 1n)).toBe(false);
  });
});
