import { describe, expect, it } from 'vitest';
import { decodeValidUtf8, scanUtf8, utf8Length, utf8Offsets } from '@/lib/xml/utf8-stream';
import { fromHex } from '@/lib/bytes/hex';

describe('xml/utf8-stream: RFC 3629 §7 examples', () => {
  it.each([
    ['A≢Α.', '41e289a2ce912e'],
    ['한국어', 'ed959ceab5adec96b4'],
    ['日本語', 'e697a5e69cace8aa9e'],
    ['\ufeff𣎴', 'efbbbff0a38eb4'], // the BOM is kept as a character (RFC 6120 §11.6)
  ])('%s', (text, hex) => {
    const bytes = fromHex(hex);
    expect(scanUtf8(bytes)).toEqual({ validEnd: bytes.length, tail: 'none' });
    expect(decodeValidUtf8(bytes)).toBe(text);
    expect(utf8Length(text)).toBe(bytes.length);
  });
});

describe('xml/utf8-stream: scanUtf8', () => {
  it.each([
    ['incomplete 2-byte', '41c3', { validEnd: 1, tail: 'incomplete' }],
    ['incomplete 3-byte', '41e282', { validEnd: 1, tail: 'incomplete' }],
    ['incomplete 4-byte', 'f09f98', { validEnd: 0, tail: 'incomplete' }],
    ['stray continuation', '4180', { validEnd: 1, tail: 'invalid' }],
    ['C0/C1 overlong lead', 'c0af', { validEnd: 0, tail: 'invalid' }],
    ['E0 overlong', 'e080af', { validEnd: 0, tail: 'invalid' }],
    ['ED surrogate', 'eda080', { validEnd: 0, tail: 'invalid' }],
    ['F0 overlong', 'f08080af', { validEnd: 0, tail: 'invalid' }],
    ['F4 above U+10FFFF', 'f4908080', { validEnd: 0, tail: 'invalid' }],
    ['F5 lead', 'f5', { validEnd: 0, tail: 'invalid' }],
    ['FF', '41ff', { validEnd: 1, tail: 'invalid' }],
    ['truncated then ASCII', 'e28241', { validEnd: 0, tail: 'invalid' }],
  ])('%s', (_n, hex, expected) => {
    expect(scanUtf8(fromHex(hex))).toEqual(expected);
  });

  it('agrees with a fatal TextDecoder on every 1- and 2-byte input, and on the 3-byte E0–F4 prefixes', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const valid = (b: Uint8Array): boolean => {
      try {
        fatal.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    const check = (b: Uint8Array): void => {
      const s = scanUtf8(b);
      expect(s.tail === 'none').toBe(valid(b));
      if (s.tail === 'incomplete') expect(valid(b.subarray(0, s.validEnd))).toBe(true);
    };
    for (let a = 0; a < 256; a++) {
      check(new Uint8Array([a]));
      for (let b = 0; b < 256; b++) check(new Uint8Array([a, b]));
    }
    for (let a = 0xe0; a <= 0xf4; a++) for (let b = 0x70; b < 0xd0; b++) for (const c of [0x41, 0x80, 0xbf, 0xc0]) check(new Uint8Array([a, b, c]));
  });
});

describe('xml/utf8-stream: byte offsets', () => {
  it('maps UTF-16 indices to UTF-8 offsets', () => {
    expect(Array.from(utf8Offsets('aé€😀b'))).toEqual([0, 1, 3, 6, 10, 10, 11]);
  });
});
