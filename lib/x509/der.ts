/**
 * A small strict DER codec (ITU-T X.690 §8 BER, narrowed by §10 "Distinguished encoding rules"):
 * tag–length–value, INTEGER, BOOLEAN, BIT STRING, OCTET STRING, NULL, OBJECT IDENTIFIER, the three
 * string types X.509 uses (UTF8String, PrintableString, IA5String), UTCTime / GeneralizedTime in the
 * RFC 5280 §4.1.2.5 profile, SEQUENCE / SET and context-specific tags.
 *
 * Hand-written rather than taken from npm (asn1js, @peculiar/asn1-schema): X.509 needs a dozen
 * types, strictness is the point (a certificate has exactly one encoding, and a lesson can read
 * this file), and it adds nothing to the browser bundle. Writing is plain functions returning
 * bytes; reading is a cursor over a value's contents that throws `DerError` on any non-DER input —
 * callers (certificate.ts) catch it at their boundary and return `malformed` as a value.
 * @module
 */

export class DerError extends Error {
  constructor(message: string) {
    super(`x509/der: ${message}`);
  }
}

/** Universal tags (X.690 §8, X.680 §8.6) and the constructed bit (0x20) already applied where needed. */
export const Tag = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8String: 0x0c,
  PrintableString: 0x13,
  IA5String: 0x16,
  UTCTime: 0x17,
  GeneralizedTime: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Context-specific tag [n]: class bits 10, constructed bit when it wraps other TLVs (EXPLICIT or IMPLICIT SEQUENCE). */
export const ctxTag = (n: number, constructed: boolean): number => 0x80 | (constructed ? 0x20 : 0) | n;

// ---------------------------------------------------------------- writing

/** X.690 §8.1.3 / §10.1: the definite form, short when < 128, else the fewest length octets. */
function encodeLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function tlv(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const len = contents.reduce((a, c) => a + c.length, 0);
  const head = encodeLength(len);
  const out = new Uint8Array(1 + head.length + len);
  out[0] = tag;
  out.set(head, 1);
  let at = 1 + head.length;
  for (const c of contents) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export const seq = (...items: Uint8Array[]): Uint8Array => tlv(Tag.SEQUENCE, ...items);
/** X.690 §11.6: SET OF components in ascending order of their encodings (we only ever write one). */
export const set = (...items: Uint8Array[]): Uint8Array => tlv(Tag.SET, ...[...items].sort(compareBytes));
export const ctx = (n: number, ...items: Uint8Array[]): Uint8Array => tlv(ctxTag(n, true), ...items);
export const bool = (v: boolean): Uint8Array => Uint8Array.of(Tag.BOOLEAN, 1, v ? 0xff : 0x00); // §11.1
export const octets = (b: Uint8Array): Uint8Array => tlv(Tag.OCTET_STRING, b);
export const utf8String = (s: string): Uint8Array => tlv(Tag.UTF8String, new TextEncoder().encode(s));
export const ia5Bytes = (s: string): Uint8Array => ascii(s, /^[\x00-\x7f]*$/, 'IA5String');
export const ia5String = (s: string): Uint8Array => tlv(Tag.IA5String, ia5Bytes(s));
export const printableString = (s: string): Uint8Array => tlv(Tag.PrintableString, ascii(s, /^[A-Za-z0-9 '()+,\-./:=?]*$/, 'PrintableString'));

function ascii(s: string, allowed: RegExp, what: string): Uint8Array {
  if (!allowed.test(s)) throw new DerError(`${what} cannot hold ${JSON.stringify(s)}`);
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** A non-negative INTEGER from big-endian magnitude bytes (§8.3: two's complement, minimal octets). */
export function uint(magnitude: Uint8Array): Uint8Array {
  let i = 0;
  while (i < magnitude.length - 1 && magnitude[i] === 0) i++;
  const m = magnitude.subarray(i);
  const body = m.length === 0 ? Uint8Array.of(0) : m[0]! & 0x80 ? Uint8Array.of(0, ...m) : m;
  return tlv(Tag.INTEGER, body);
}
export const int = (n: number): Uint8Array => uint(bigEndian(n));

function bigEndian(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new DerError(`int: ${n} is not a non-negative safe integer`);
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return Uint8Array.from(out);
}

/** §8.6: BIT STRING with the count of unused bits first; §11.2.2 says DER pads with zero bits. */
export function bitString(bytes: Uint8Array, unusedBits = 0): Uint8Array {
  return tlv(Tag.BIT_STRING, Uint8Array.of(unusedBits), bytes);
}

/** §8.19: first two arcs as 40·a + b, then base-128 with the high bit on all but the last octet. */
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((a) => !Number.isSafeInteger(a) || a < 0)) throw new DerError(`bad OID ${dotted}`);
  const out: number[] = [];
  for (const arc of [arcs[0]! * 40 + arcs[1]!, ...arcs.slice(2)]) {
    const groups: number[] = [];
    for (let v = arc; ; v = Math.floor(v / 128)) {
      groups.unshift((v % 128) | (groups.length ? 0x80 : 0));
      if (v < 128) break;
    }
    out.push(...groups);
  }
  return tlv(Tag.OID, Uint8Array.from(out));
}

/**
 * RFC 5280 §4.1.2.5: "CAs conforming to this profile MUST always encode certificate validity dates
 * through the year 2049 as UTCTime; certificate validity dates in 2050 or later MUST be encoded as
 * GeneralizedTime", both in Zulu with seconds and no fractions. `ms` is milliseconds since 1970;
 * sub-second parts are dropped (the certificate then says the whole second before).
 */
export function time(ms: number): Uint8Array {
  const iso = new Date(ms).toISOString(); // pure: formats a given instant, reads no clock
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  const year = Number(iso.slice(0, 4));
  if (year < 1950 || year > 9999) throw new DerError(`time: year ${year} outside X.509 range`);
  return year < 2050 ? tlv(Tag.UTCTime, ia5Bytes(`${digits.slice(2)}Z`)) : tlv(Tag.GeneralizedTime, ia5Bytes(`${digits}Z`));
}

/** Octets as Latin-1 text (callers check, or a regex checks, that they are 7-bit). */
export const ascii7 = (b: Uint8Array): string => Array.from(b, (c) => String.fromCharCode(c)).join('');

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

// ---------------------------------------------------------------- reading

/** One decoded element: its tag octet, contents, and the whole encoding (for signatures and name comparison). */
export interface Tlv {
  tag: number;
  value: Uint8Array;
  raw: Uint8Array;
}

/** Reads one TLV at `offset`; strict DER: low tag numbers only, definite minimal lengths. */
function readTlv(bytes: Uint8Array, offset: number): Tlv {
  if (offset + 2 > bytes.length) throw new DerError('truncated header');
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not used in X.509');
  let len = bytes[offset + 1]!;
  let at = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    // §10.1: "The definite form of length encoding shall be used" (0x80 is indefinite); we cap at 4 octets.
    if (n === 0 || n > 4) throw new DerError(n === 0 ? 'indefinite length' : 'length too long');
    if (at + n > bytes.length) throw new DerError('truncated length');
    if (bytes[at] === 0) throw new DerError('length with leading zero octet');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[at + i]!;
    if (len < 0x80) throw new DerError('long form for a short length');
    at += n;
  }
  if (at + len > bytes.length) throw new DerError('truncated value');
  return { tag, value: bytes.subarray(at, at + len), raw: bytes.subarray(offset, at + len) };
}

/** Decodes exactly one element filling `bytes` (trailing octets are an error). */
export function readOne(bytes: Uint8Array): Tlv {
  const t = readTlv(bytes, 0);
  if (t.raw.length !== bytes.length) throw new DerError('trailing bytes after the element');
  return t;
}

/** A cursor over the contents of a constructed element (SEQUENCE, SET, [n]). */
export class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  static of(t: Tlv, tag: number): Reader {
    expectTag(t, tag);
    return new Reader(t.value);
  }
  get done(): boolean {
    return this.at >= this.bytes.length;
  }
  peek(): number | null {
    return this.done ? null : this.bytes[this.at]!;
  }
  next(tag?: number): Tlv {
    if (this.done) throw new DerError('missing element');
    const t = readTlv(this.bytes, this.at);
    if (tag !== undefined) expectTag(t, tag);
    this.at += t.raw.length;
    return t;
  }
  /** The next element if it has `tag` (OPTIONAL / DEFAULT fields), else null. */
  optional(tag: number): Tlv | null {
    return this.peek() === tag ? this.next() : null;
  }
  end(): void {
    if (!this.done) throw new DerError('unexpected extra element');
  }
}

function expectTag(t: Tlv, tag: number): void {
  if (t.tag !== tag) throw new DerError(`expected tag 0x${tag.toString(16)}, got 0x${t.tag.toString(16)}`);
}

/** §8.3.2: "the bits of the first octet and bit 8 of the second octet shall not all be ones; and shall not all be zero". */
export function readUint(t: Tlv): Uint8Array {
  expectTag(t, Tag.INTEGER);
  const v = t.value;
  if (v.length === 0) throw new DerError('empty INTEGER');
  if (v.length > 1 && ((v[0] === 0 && !(v[1]! & 0x80)) || (v[0] === 0xff && v[1]! & 0x80))) throw new DerError('INTEGER not minimal');
  if (v[0]! & 0x80) throw new DerError('negative INTEGER');
  return v[0] === 0 && v.length > 1 ? v.subarray(1) : v;
}

export function readSmallUint(t: Tlv): number {
  const m = readUint(t);
  if (m.length > 6) throw new DerError('INTEGER too large');
  return m.reduce((a, b) => a * 256 + b, 0);
}

/** §11.1: TRUE is 0xFF, FALSE 0x00, nothing else. */
export function readBool(t: Tlv): boolean {
  expectTag(t, Tag.BOOLEAN);
  if (t.value.length !== 1 || (t.value[0] !== 0 && t.value[0] !== 0xff)) throw new DerError('BOOLEAN not DER');
  return t.value[0] === 0xff;
}

/** Returns the bits and the unused-bit count; §11.2.1 "each unused bit … shall be set to zero". */
export function readBitString(t: Tlv): { bytes: Uint8Array; unusedBits: number } {
  expectTag(t, Tag.BIT_STRING);
  if (t.value.length === 0) throw new DerError('empty BIT STRING');
  const unusedBits = t.value[0]!;
  const bytes = t.value.subarray(1);
  if (unusedBits > 7 || (bytes.length === 0 && unusedBits !== 0)) throw new DerError('bad unused-bit count');
  if (bytes.length && bytes[bytes.length - 1]! & ((1 << unusedBits) - 1)) throw new DerError('unused bits not zero');
  return { bytes, unusedBits };
}

export function readOid(t: Tlv): string {
  expectTag(t, Tag.OID);
  const v = t.value;
  if (v.length === 0 || v[v.length - 1]! & 0x80) throw new DerError('truncated OID');
  const arcs: number[] = [];
  let acc = 0;
  for (let i = 0; i < v.length; i++) {
    // §8.19.2: subidentifiers use the fewest octets — a leading 0x80 is padding
    if (acc === 0 && v[i] === 0x80) throw new DerError('OID subidentifier not minimal');
    acc = acc * 128 + (v[i]! & 0x7f);
    if (acc > Number.MAX_SAFE_INTEGER / 128) throw new DerError('OID arc too large');
    if (!(v[i]! & 0x80)) {
      arcs.push(acc);
      acc = 0;
    }
  }
  const first = arcs[0]!;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs.slice(1)].join('.');
}

export const STRING_TAGS: readonly number[] = [Tag.UTF8String, Tag.PrintableString, Tag.IA5String];

/** UTF8String (strictly valid UTF-8), PrintableString or IA5String (7-bit) → text. */
export function readString(t: Tlv): string {
  if (!STRING_TAGS.includes(t.tag)) throw new DerError(`tag 0x${t.tag.toString(16)} is not a supported string type`);
  if (t.tag !== Tag.UTF8String && t.value.some((b) => b > 0x7f)) throw new DerError('8-bit octet in a 7-bit string');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(t.value);
  } catch {
    throw new DerError('UTF8String is not valid UTF-8');
  }
}

/** RFC 5280 §4.1.2.5.1 / §4.1.2.5.2: YYMMDDHHMMSSZ (YY ≥ 50 is 19YY) or YYYYMMDDHHMMSSZ → ms since 1970. */
export function readTime(t: Tlv): number {
  const s = t.value.length > 15 ? '' : ascii7(t.value);
  const m =
    t.tag === Tag.UTCTime ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s) : t.tag === Tag.GeneralizedTime ? /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s) : null;
  if (!m) throw new DerError('time is not UTCTime/GeneralizedTime in the RFC 5280 form');
  let year = Number(m[1]);
  if (t.tag === Tag.UTCTime) year += year >= 50 ? 1900 : 2000;
  const [mo, d, h, mi, se] = m.slice(2).map(Number) as [number, number, number, number, number];
  const ms = Date.UTC(year, mo - 1, d, h, mi, se);
  const back = new Date(ms);
  // reject 20250230… and 25:00 rather than let Date roll them over
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h || back.getUTCMinutes() !== mi || back.getUTCSeconds() !== se)
    throw new DerError('time is not a real calendar instant');
  return ms;
}
