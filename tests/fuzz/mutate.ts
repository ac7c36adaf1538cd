/**
 * Mutation of real inputs as fast-check arbitraries (so they shrink and replay like any other):
 * bit flips, byte overwrites, truncation, deletion, duplication of a range, insertion of random
 * bytes, and splicing in a piece of another corpus item. Positions are drawn as fractions of the
 * current length, so one op list applies to any input.
 */
import fc from 'fast-check';

export type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; len: number }
  | { op: 'duplicate'; at: number; len: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'splice'; at: number; donor: number; from: number; len: number };

const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const len = fc.integer({ min: 1, max: 64 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('flip' as const), at: frac, bit: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('set' as const), at: frac, value: fc.constantFrom(0, 0xff, 0x7f, 0x80, 0x3c, 0x3e, 0x26, 0x2c, 0x3d, 0x3f, 0x2e, 0x00) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: frac }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: frac, len }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: frac, len }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insert' as const), at: frac, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('splice' as const), at: frac, donor: fc.nat(), from: frac, len: fc.integer({ min: 1, max: 256 }) }) },
);

const cat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

export function applyMutation(b: Uint8Array, m: Mutation, donors: readonly Uint8Array[]): Uint8Array {
  const i = Math.floor(m.at * (b.length + 1));
  switch (m.op) {
    case 'flip': {
      if (b.length === 0) return b;
      const out = b.slice();
      const j = Math.min(i, b.length - 1);
      out[j] = (out[j] as number) ^ (1 << m.bit);
      return out;
    }
    case 'set': {
      if (b.length === 0) return b;
      const out = b.slice();
      out[Math.min(i, b.length - 1)] = m.value;
      return out;
    }
    case 'truncate':
      return b.slice(0, i);
    case 'delete':
      return cat(b.subarray(0, i), b.subarray(i + m.len));
    case 'duplicate':
      return cat(b.subarray(0, i + m.len), b.subarray(i));
    case 'insert':
      return cat(b.subarray(0, i), m.bytes, b.subarray(i));
    case 'splice': {
      if (donors.length === 0) return b;
      const d = donors[m.donor % donors.length] as Uint8Array;
      const f = Math.floor(m.from * d.length);
      return cat(b.subarray(0, i), d.subarray(f, f + m.len), b.subarray(i));
    }
  }
}

/** A corpus item with 1–4 mutations applied. */
export function mutatedBytes(items: readonly Uint8Array[], maxOps = 4): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(fc.nat({ max: items.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: maxOps }))
    .map(([k, ops]) => ops.reduce((b, m) => applyMutation(b, m, items), items[k] as Uint8Array));
}

const enc = new TextEncoder();
const dec = new TextDecoder(); // lossy: bad UTF-8 becomes U+FFFD, as a transport that decodes text would

/** Mutated text: the same byte mutations on its UTF-8 form, decoded again. */
export function mutatedText(items: readonly string[], maxOps = 4): fc.Arbitrary<string> {
  return mutatedBytes(items.map((s) => enc.encode(s)), maxOps).map((b) => dec.decode(b));
}

/** A corpus item whose first `keep` bytes (a header) stay as they are and whose rest is mutated: gets past header checks to the body's parser. */
export function mutatedBody(items: readonly Uint8Array[], keep: number, maxOps = 4): fc.Arbitrary<Uint8Array> {
  const long = items.filter((b) => b.length > keep);
  const bodies = long.map((b) => b.subarray(keep));
  return fc
    .tuple(fc.nat({ max: long.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: maxOps }))
    .map(([k, ops]) => {
      const item = long[k] as Uint8Array;
      const body = ops.reduce((b, m) => applyMutation(b, m, bodies), item.subarray(keep));
      return cat(item.subarray(0, keep), body);
    });
}
