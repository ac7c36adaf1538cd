/**
 * Reading and writing the presentation language of RFC 8446 §3 ("Presentation Language"): uint8/16/24,
 * opaque vectors with a length prefix of 1, 2 or 3 octets (§3.4 "Vectors": "the length will be in
 * the form of a number consuming as many bytes as required to hold the vector's specified maximum").
 * Decoding is strict: a length that runs past its container is a decode_error (§6.2), and so is
 * anything left over.
 * @module
 */

/** Thrown only inside this folder's decoders and caught at their boundary: never leaves lib/tls. */
export class DecodeFailure extends Error {}

export class Reader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  private take(n: number, what: string): Uint8Array {
    if (n > this.remaining) throw new DecodeFailure(`${what}: needs ${n} octets, ${this.remaining} left`);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  u8(what: string): number {
    return this.take(1, what)[0]!;
  }
  u16(what: string): number {
    const b = this.take(2, what);
    return (b[0]! << 8) | b[1]!;
  }
  u24(what: string): number {
    const b = this.take(3, what);
    return (b[0]! << 16) | (b[1]! << 8) | b[2]!;
  }
  u32(what: string): number {
    const b = this.take(4, what);
    return ((b[0]! << 24) >>> 0) + ((b[1]! << 16) | (b[2]! << 8) | b[3]!);
  }
  bytesOf(n: number, what: string): Uint8Array {
    return this.take(n, what).slice();
  }
  /** opaque x<floor..2^(8·width)-1> */
  vector(width: 1 | 2 | 3, what: string, floor = 0): Uint8Array {
    const n = width === 1 ? this.u8(what) : width === 2 ? this.u16(what) : this.u24(what);
    if (n < floor) throw new DecodeFailure(`${what}: shorter than ${floor}`);
    return this.take(n, what).slice();
  }
  /** "anything left over" is a decode error */
  end(what: string): void {
    if (this.remaining !== 0) throw new DecodeFailure(`${what}: ${this.remaining} trailing octets`);
  }
}

export class Writer {
  private parts: number[] = [];
  u8(v: number): this {
    this.parts.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    this.parts.push((v >> 8) & 0xff, v & 0xff);
    return this;
  }
  u24(v: number): this {
    this.parts.push((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
    return this;
  }
  u32(v: number): this {
    this.parts.push((v >>> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
    return this;
  }
  bytes(b: Uint8Array): this {
    for (const x of b) this.parts.push(x);
    return this;
  }
  vector(width: 1 | 2 | 3, b: Uint8Array): this {
    const max = 2 ** (8 * width) - 1;
    // Our own misuse, not a peer's: throw, labelled.
    if (b.length > max) throw new Error(`tls/writer: vector of ${b.length} octets exceeds ${max}`);
    if (width === 1) this.u8(b.length);
    else if (width === 2) this.u16(b.length);
    else this.u24(b.length);
    return this.bytes(b);
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}
