/**
 * The three protobuf messages of OMEMO 2 (XEP-0384 §"Protocol Buffers", python-twomemo 1.0.3's
 * `twomemo.proto`, proto2, package `twomemo`), hand-written for exactly these fields:
 *
 *   message OMEMOMessage              { required uint32 n = 1; required uint32 pn = 2;
 *                                       required bytes dh_pub = 3; optional bytes ciphertext = 4; }
 *   message OMEMOAuthenticatedMessage { required bytes mac = 1; required bytes message = 2; }
 *   message OMEMOKeyExchange          { required uint32 pk_id = 1; required uint32 spk_id = 2;
 *                                       required bytes ik = 3; required bytes ek = 4;
 *                                       required OMEMOAuthenticatedMessage message = 5; }
 *
 * Encoding as python-protobuf's SerializeToString: fields in field-number order, required fields
 * written even when 0 (so n = 0, pn = 0 is `08 00 10 00`). The MAC covers these exact bytes, so
 * the encoding must match byte for byte. Decoding is what proto2 accepts: any field order, the last
 * value of a repeated scalar wins, unknown fields are skipped, a missing required field is an error.
 * Errors are values (`{ error }`), never exceptions: the bytes come from the network.
 * @module
 */

export interface OmemoMessage {
  n: number;
  pn: number;
  dhPub: Uint8Array;
  /** absent in the variant that goes into the associated data */
  ciphertext?: Uint8Array;
}

export interface OmemoAuthenticatedMessage {
  mac: Uint8Array;
  /** the serialized OMEMOMessage, kept as received: the MAC is checked over these bytes */
  message: Uint8Array;
}

export interface OmemoKeyExchange {
  pkId: number;
  spkId: number;
  ik: Uint8Array;
  ek: Uint8Array;
  message: OmemoAuthenticatedMessage;
}

export type Decoded<T> = T | { error: string };

export const isDecodeError = <T extends object>(d: Decoded<T>): d is { error: string } => 'error' in d;

// ── writing ────────────────────────────────────────────────────────────────────────────────────

class Writer {
  private parts: number[] = [];
  varint(v: number): void {
    // uint32 only: every number field in these messages is a uint32
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new Error(`protobuf: ${v} is not a uint32`);
    while (v > 0x7f) {
      this.parts.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.parts.push(v);
  }
  uint32(field: number, v: number): void {
    this.varint(field << 3); // wire type 0
    this.varint(v);
  }
  bytes(field: number, b: Uint8Array): void {
    this.varint((field << 3) | 2); // wire type 2, length-delimited
    this.varint(b.length);
    for (const x of b) this.parts.push(x);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

export function encodeOmemoMessage(m: OmemoMessage): Uint8Array {
  const w = new Writer();
  w.uint32(1, m.n);
  w.uint32(2, m.pn);
  w.bytes(3, m.dhPub);
  if (m.ciphertext) w.bytes(4, m.ciphertext);
  return w.done();
}

export function encodeAuthenticatedMessage(m: OmemoAuthenticatedMessage): Uint8Array {
  const w = new Writer();
  w.bytes(1, m.mac);
  w.bytes(2, m.message);
  return w.done();
}

export function encodeKeyExchange(k: OmemoKeyExchange): Uint8Array {
  const w = new Writer();
  w.uint32(1, k.pkId);
  w.uint32(2, k.spkId);
  w.bytes(3, k.ik);
  w.bytes(4, k.ek);
  w.bytes(5, encodeAuthenticatedMessage(k.message));
  return w.done();
}

// ── reading ────────────────────────────────────────────────────────────────────────────────────

type Field = { num: number; value: number | Uint8Array };

/** All fields in order, or an error string. Wire types 1 and 5 (fixed64/32) are skipped as unknown. */
function readFields(b: Uint8Array): Field[] | string {
  const out: Field[] = [];
  let i = 0;
  const varint = (): number | null => {
    let v = 0;
    let mul = 1;
    for (let k = 0; k < 10; k++) {
      if (i >= b.length) return null;
      const x = b[i++]!;
      v += (x & 0x7f) * mul;
      mul *= 128;
      if (!(x & 0x80)) return v;
    }
    return null;
  };
  while (i < b.length) {
    const tag = varint();
    if (tag === null) return 'truncated tag';
    const num = Math.floor(tag / 8);
    const wt = tag & 7;
    if (num === 0) return 'field number 0';
    if (wt === 0) {
      const v = varint();
      if (v === null) return 'truncated varint';
      // uint32 fields keep the low 32 bits, as protobuf does when a larger varint arrives
      out.push({ num, value: v % 2 ** 32 });
    } else if (wt === 2) {
      const len = varint();
      if (len === null || i + len > b.length) return 'truncated length-delimited field';
      out.push({ num, value: b.subarray(i, i + len) });
      i += len;
    } else if (wt === 1 || wt === 5) {
      i += wt === 1 ? 8 : 4;
      if (i > b.length) return 'truncated fixed field';
    } else return `unsupported wire type ${wt}`;
  }
  return out;
}

/** Last value of each field number with the expected kind; a field of the wrong kind is an error. */
function pick(fields: Field[], spec: Record<number, 'u32' | 'bytes'>): Map<number, number | Uint8Array> | string {
  const m = new Map<number, number | Uint8Array>();
  for (const f of fields) {
    const kind = spec[f.num];
    if (!kind) continue; // unknown field
    if ((kind === 'u32') !== (typeof f.value === 'number')) return `field ${f.num} has the wrong wire type`;
    m.set(f.num, f.value);
  }
  return m;
}

function fieldsOf(b: Uint8Array, spec: Record<number, 'u32' | 'bytes'>, required: number[], what: string): Map<number, number | Uint8Array> | string {
  const fields = readFields(b);
  if (typeof fields === 'string') return `${what}: ${fields}`;
  const m = pick(fields, spec);
  if (typeof m === 'string') return `${what}: ${m}`;
  for (const r of required) if (!m.has(r)) return `${what}: required field ${r} is missing`;
  return m;
}

const u32 = (m: Map<number, number | Uint8Array>, k: number): number => m.get(k) as number;
const bytes = (m: Map<number, number | Uint8Array>, k: number): Uint8Array => Uint8Array.from(m.get(k) as Uint8Array);

export function decodeOmemoMessage(b: Uint8Array): Decoded<OmemoMessage> {
  const m = fieldsOf(b, { 1: 'u32', 2: 'u32', 3: 'bytes', 4: 'bytes' }, [1, 2, 3], 'OMEMOMessage');
  if (typeof m === 'string') return { error: m };
  const out: OmemoMessage = { n: u32(m, 1), pn: u32(m, 2), dhPub: bytes(m, 3) };
  if (m.has(4)) out.ciphertext = bytes(m, 4);
  return out;
}

export function decodeAuthenticatedMessage(b: Uint8Array): Decoded<OmemoAuthenticatedMessage> {
  const m = fieldsOf(b, { 1: 'bytes', 2: 'bytes' }, [1, 2], 'OMEMOAuthenticatedMessage');
  if (typeof m === 'string') return { error: m };
  return { mac: bytes(m, 1), message: bytes(m, 2) };
}

export function decodeKeyExchange(b: Uint8Array): Decoded<OmemoKeyExchange> {
  const m = fieldsOf(b, { 1: 'u32', 2: 'u32', 3: 'bytes', 4: 'bytes', 5: 'bytes' }, [1, 2, 3, 4, 5], 'OMEMOKeyExchange');
  if (typeof m === 'string') return { error: m };
  const inner = decodeAuthenticatedMessage(m.get(5) as Uint8Array);
  if (isDecodeError(inner)) return inner;
  return { pkId: u32(m, 1), spkId: u32(m, 2), ik: bytes(m, 3), ek: bytes(m, 4), message: inner };
}
