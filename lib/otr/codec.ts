/**
 * OTR wire data types (OTR v3 spec, "Encoded messages → Data types"): BYTE, SHORT, INT, MPI, DATA,
 * CTR, MAC — a writer that appends them and a reader that consumes them, plus the "?OTR:" base-64
 * armour ("Encoded messages": "?OTR:" ‖ base64(binary) ‖ ".").
 * The reader never throws on short input from a peer: it throws a `CodecError`, which the protocol
 * layers catch and turn into the event the spec describes.
 * @module
 */
import { fromBase64, toBase64 } from '../bytes/base64';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Raised by `Reader` on malformed peer input; callers convert it to an ignore/error event. */
export class CodecError extends Error {
  constructor(message: string) {
    super(`otr/codec: ${message}`);
    this.name = 'CodecError';
  }
}

/** Big-endian unsigned bytes of n, minimum length (0 → empty), as MPIs require. */
export function bigintToBytes(n: bigint): Uint8Array {
  if (n < 0n) throw new Error('otr/codec: negative integer');
  if (n === 0n) return new Uint8Array(0);
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Fixed-length big-endian encoding (DSA SIG halves are `len(q)` bytes each). */
export function bigintToFixed(n: bigint, len: number): Uint8Array {
  const b = bigintToBytes(n);
  if (b.length > len) throw new Error('otr/codec: integer too large for field');
  const out = new Uint8Array(len);
  out.set(b, len - b.length);
  return out;
}

export function bytesToBigint(b: Uint8Array): bigint {
  // Via hex: shifting a growing BigInt byte by byte is quadratic (~0.35 ms per AKE).
  return b.length === 0 ? 0n : BigInt('0x' + bytesToHex(b));
}

/** Appends OTR data types; `bytes()` returns the concatenation. */
export class Writer {
  private parts: Uint8Array[] = [];
  private len = 0;
  raw(b: Uint8Array): this {
    this.parts.push(b);
    this.len += b.length;
    return this;
  }
  /** BYTE: 1 byte unsigned value. */
  byte(v: number): this {
    return this.raw(Uint8Array.of(v & 0xff));
  }
  /** SHORT: 2 byte unsigned value, big-endian. */
  short(v: number): this {
    if (!Number.isInteger(v) || v < 0 || v > 0xffff) throw new Error('otr/codec: SHORT out of range');
    return this.raw(Uint8Array.of(v >>> 8, v & 0xff));
  }
  /** INT: 4 byte unsigned value, big-endian. */
  int(v: number): this {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new Error('otr/codec: INT out of range');
    return this.raw(Uint8Array.of(v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff));
  }
  /** MPI: 4 byte len ‖ minimum-length big-endian value ("no leading 0x00 bytes"). */
  mpi(n: bigint): this {
    const b = bigintToBytes(n);
    return this.int(b.length).raw(b);
  }
  /** DATA: 4 byte len ‖ len bytes. */
  data(b: Uint8Array): this {
    return this.int(b.length).raw(b);
  }
  /** CTR: 8 bytes (top half of the AES-CTR counter). */
  ctr(b: Uint8Array): this {
    if (b.length !== 8) throw new Error('otr/codec: CTR must be 8 bytes');
    return this.raw(b);
  }
  /** MAC: 20 bytes. */
  mac(b: Uint8Array): this {
    if (b.length !== 20) throw new Error('otr/codec: MAC must be 20 bytes');
    return this.raw(b);
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.len);
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

/** Consumes OTR data types from a byte array; throws `CodecError` when the input runs short. */
export class Reader {
  offset = 0;
  constructor(readonly buf: Uint8Array) {}
  get remaining(): number {
    return this.buf.length - this.offset;
  }
  raw(n: number): Uint8Array {
    if (n < 0 || this.offset + n > this.buf.length) throw new CodecError('message truncated');
    const out = this.buf.slice(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
  byte(): number {
    return this.raw(1)[0]!;
  }
  short(): number {
    const b = this.raw(2);
    return (b[0]! << 8) | b[1]!;
  }
  int(): number {
    const b = this.raw(4);
    return ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!;
  }
  mpi(): bigint {
    return bytesToBigint(this.raw(this.int()));
  }
  data(): Uint8Array {
    return this.raw(this.int());
  }
  ctr(): Uint8Array {
    return this.raw(8);
  }
  mac(): Uint8Array {
    return this.raw(20);
  }
  /** Strict parsers call this last: trailing bytes make a message malformed. */
  end(): void {
    if (this.remaining !== 0) throw new CodecError('trailing bytes');
  }
}

/** MPI encoding of one integer (used for gxmpi, secbytes, hash inputs). */
export function encodeMpi(n: bigint): Uint8Array {
  return new Writer().mpi(n).bytes();
}

/** "?OTR:" ‖ base64 ‖ "." (spec: "Encoded messages"). */
export function armor(binary: Uint8Array): string {
  return `?OTR:${toBase64(binary)}.`;
}

/** Inverse of `armor`; null when the text is not a well-formed encoded message. */
export function dearmor(text: string): Uint8Array | null {
  const start = text.indexOf('?OTR:');
  if (start < 0) return null;
  const end = text.indexOf('.', start + 5);
  if (end < 0) return null;
  try {
    return fromBase64(text.slice(start + 5, end));
  } catch {
    return null;
  }
}
