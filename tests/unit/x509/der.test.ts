import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromHex, toHex } from '../../../lib/bytes/hex';
import {
  DerError,
  bitString,
  bool,
  int,
  oid,
  readBitString,
  readBool,
  readOid,
  readOne,
  readString,
  readTime,
  readUint,
  time,
  uint,
  utf8String,
  printableString,
  ia5String,
  seq,
  octets,
  Reader,
  Tag,
} from '../../../lib/x509/der';

const rd = (hex: string) => readOne(fromHex(hex));

describe('DER writing (X.690 examples and RFC 5280 values)', () => {
  it.each([
    [0, '020100'],
    [127, '02017f'],
    [128, '02020080'],
    [256, '02020100'],
    [2, '020102'],
  ])('INTEGER %d → %s', (n, hex) => expect(toHex(int(n))).toBe(hex));

  it.each([
    ['1.2.840.10045.2.1', '06072a8648ce3d0201'],
    ['1.2.840.10045.3.1.7', '06082a8648ce3d030107'],
    ['1.3.101.112', '06032b6570'],
    ['1.3.6.1.5.5.7.8.5', '06082b06010505070805'],
    ['2.5.29.17', '0603551d11'],
  ])('OID %s → %s and back', (dotted, hex) => {
    expect(toHex(oid(dotted))).toBe(hex);
    expect(readOid(rd(hex))).toBe(dotted);
  });

  it('long lengths use the fewest octets', () => {
    expect(toHex(octets(new Uint8Array(200)).subarray(0, 3))).toBe('0481c8');
    expect(toHex(octets(new Uint8Array(300)).subarray(0, 4))).toBe('0482012c');
  });

  it('times: UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5)', () => {
    const t1 = Date.UTC(2049, 11, 31, 23, 59, 59);
    const t2 = Date.UTC(2050, 0, 1);
    expect(time(t1)[0]).toBe(Tag.UTCTime);
    expect(time(t2)[0]).toBe(Tag.GeneralizedTime);
    expect(readTime(readOne(time(t1)))).toBe(t1);
    expect(readTime(readOne(time(t2)))).toBe(t2);
    expect(readTime(readOne(time(Date.UTC(1950, 0, 1))))).toBe(Date.UTC(1950, 0, 1));
  });

  it('strings and booleans round-trip', () => {
    expect(readString(readOne(utf8String('Grüße')))).toBe('Grüße');
    expect(readString(readOne(printableString('DE')))).toBe('DE');
    expect(readString(readOne(ia5String('a.example')))).toBe('a.example');
    expect(() => printableString('a@b')).toThrow(DerError);
    expect(readBool(readOne(bool(true)))).toBe(true);
    expect(readBool(readOne(bool(false)))).toBe(false);
  });

  it('unsigned integers keep their magnitude', () => {
    const m = fromHex('80ff00');
    expect(toHex(uint(m))).toBe('02040080ff00');
    expect(toHex(readUint(readOne(uint(m))))).toBe('80ff00');
    expect(toHex(readUint(readOne(uint(fromHex('000001')))))).toBe('01');
  });

  it('a reader walks a SEQUENCE and sees optional fields', () => {
    const r = Reader.of(readOne(seq(int(1), bool(true), octets(fromHex('aa')))), Tag.SEQUENCE);
    expect(readUint(r.next())).toEqual(fromHex('01'));
    expect(r.optional(Tag.NULL)).toBeNull();
    expect(readBool(r.optional(Tag.BOOLEAN)!)).toBe(true);
    expect(r.next(Tag.OCTET_STRING).value).toEqual(fromHex('aa'));
    r.end();
    expect(r.done).toBe(true);
  });

  it('bit strings count their unused bits', () => {
    expect(readBitString(readOne(bitString(fromHex('86'), 1)))).toEqual({ bytes: fromHex('86'), unusedBits: 1 });
  });
});

describe('DER strictness: everything BER allows but DER forbids is refused', () => {
  it.each([
    ['indefinite length', '3080020100 0000'],
    ['long form for a short length', '048101aa'],
    ['length with a leading zero', '04820001aa'],
    ['truncated value', '0403aabb'],
    ['trailing bytes', '020100ff'],
    ['high tag number', '1f2100'],
  ])('%s', (_, hex) => expect(() => rd(hex.replace(/ /g, ''))).toThrow(DerError));

  it.each([
    ['non-minimal INTEGER', () => readUint(rd('02020001'))],
    ['negative INTEGER', () => readUint(rd('0201ff'))],
    ['empty INTEGER', () => readUint(rd('0200'))],
    ['BOOLEAN 0x01', () => readBool(rd('010101'))],
    ['OID padded subidentifier', () => readOid(rd('0603808648'))],
    ['OID truncated', () => readOid(rd('060186'))],
    ['BIT STRING with unused bits set', () => readBitString(rd('03020181'))],
    ['BIT STRING with 8 unused bits', () => readBitString(rd('03020800'))],
    ['UTCTime without seconds', () => readTime(readOne(Uint8Array.of(0x17, 11, ...new TextEncoder().encode('2601010000Z'))))],
    ['UTCTime with a fraction', () => readTime(readOne(Uint8Array.of(0x17, 15, ...new TextEncoder().encode('260101000000.5Z'))))],
    ['UTCTime on 30 February', () => readTime(readOne(Uint8Array.of(0x17, 13, ...new TextEncoder().encode('260230000000Z'))))],
    ['UTCTime with an offset', () => readTime(readOne(Uint8Array.of(0x17, 17, ...new TextEncoder().encode('260101000000+0100'))))],
    ['invalid UTF-8', () => readString(rd('0c02c328'))],
    ['8-bit IA5String', () => readString(rd('1601e9'))],
  ])('%s', (_, f) => expect(f).toThrow(DerError));
});

describe('DER round trips (fast-check)', () => {
  it('OIDs, unsigned integers, strings, octets and times decode to what was written', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 39 }), fc.array(fc.nat(), { maxLength: 8 })),
        fc.uint8Array({ maxLength: 40 }),
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.integer({ min: Date.UTC(1950, 0, 1) / 1000, max: Date.UTC(9999, 11, 31, 23, 59, 59) / 1000 }),
        ([a, b, rest], mag, text, bytes, seconds) => {
          const dotted = [a, b, ...rest].join('.');
          expect(readOid(readOne(oid(dotted)))).toBe(dotted);
          const m = readUint(readOne(uint(mag)));
          const stripped = mag.subarray(mag.findIndex((x) => x !== 0) === -1 ? Math.max(mag.length - 1, 0) : mag.findIndex((x) => x !== 0));
          expect(toHex(m)).toBe(mag.length === 0 ? '00' : toHex(stripped));
          expect(readString(readOne(utf8String(text)))).toBe(text);
          expect(readOne(octets(bytes)).value).toEqual(bytes);
          expect(readTime(readOne(time(seconds * 1000)))).toBe(seconds * 1000);
        },
      ),
      { numRuns: 500 },
    );
  });
});
