import { describe, expect, it } from 'vitest';
import { Reader } from '../../../lib/otr/codec';
import {
  encodePubkey,
  fingerprint,
  fingerprintHuman,
  generateDsaKey,
  publicPart,
  readPubkey,
  signMac,
  verifyMac,
} from '../../../lib/otr/dsa';
import { seededCtx } from './pair';

describe('otr/dsa', () => {
  const ctx = seededCtx('dsa');
  const key = generateDsaKey(ctx.randomBytes);
  const m = new Uint8Array(32).fill(7);

  it('signs the 32-byte MAC as an integer mod q and verifies; 40-byte SIG', () => {
    const sig = signMac(key, m, ctx.randomBytes);
    expect(sig.length).toBe(40);
    expect(verifyMac(publicPart(key), m, sig)).toBe(true);
    const bad = sig.slice();
    bad[5]! ^= 1;
    expect(verifyMac(publicPart(key), m, bad)).toBe(false);
    expect(verifyMac(publicPart(key), m.map((x, i) => (i === 0 ? x ^ 1 : x)), sig)).toBe(false);
    expect(verifyMac(publicPart(key), m, sig.slice(0, 39))).toBe(false);
  });

  it('never throws on a bogus public key (composite q, y = 0)', () => {
    const sig = signMac(key, m, ctx.randomBytes);
    expect(verifyMac({ ...publicPart(key), q: key.q * 3n }, m, sig)).toBe(false);
    expect(verifyMac({ ...publicPart(key), y: 0n }, m, sig)).toBe(false);
  });

  it('PUBKEY round trip; fingerprint = SHA-1 of PUBKEY without the 2 type bytes, libotr human form', () => {
    const enc = encodePubkey(publicPart(key));
    expect(enc[0]).toBe(0);
    expect(enc[1]).toBe(0);
    expect(readPubkey(new Reader(enc))).toEqual(publicPart(key));
    const fp = fingerprint(key);
    expect(fp.length).toBe(20);
    expect(fingerprintHuman(fp)).toMatch(/^([0-9A-F]{8} ){4}[0-9A-F]{8}$/);
  });
});
