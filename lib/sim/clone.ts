/**
 * A deep copy of plain-data state, the same as `structuredClone` gives for it, several times faster.
 * The kernel copies the whole SimState at every checkpoint (every 64 events) and at every seek;
 * `structuredClone` serialises and deserialises, which was a fifth of a long run.
 *
 * Plain data here is what tests/helpers/plain-data.ts admits: objects with the plain (or null)
 * prototype, arrays, strings, numbers, booleans, null, bigint and Uint8Array. As with
 * `structuredClone`: a value reached twice is copied once and shared in the copy, views of one
 * buffer stay views of one (copied) buffer at the same offsets, key order is kept, frozen objects come
 * out unfrozen. Anything else anywhere in the value (a Map, a class instance, an array with holes) and the whole
 * value goes to `structuredClone` instead, so the result never differs from it.
 * @module
 */

class NotPlain extends Error {}

export function clonePlain<T>(value: T): T {
  try {
    return copy(value, new Map(), new Map(), 0) as T;
  } catch (e) {
    if (e instanceof NotPlain) return structuredClone(value);
    throw e;
  }
}

/** Deeper than this is no state of ours (cycles are fine: `seen` closes them); beyond it, spare the stack. */
const MAX_DEPTH = 200;

function copy(v: unknown, seen: Map<object, unknown>, buffers: Map<ArrayBufferLike, ArrayBuffer>, depth: number): unknown {
  if (typeof v !== 'object' || v === null) {
    if (typeof v === 'function' || typeof v === 'symbol') throw new NotPlain();
    return v;
  }
  const known = seen.get(v);
  if (known !== undefined) return known;
  if (depth > MAX_DEPTH) throw new NotPlain();
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) throw new NotPlain();
    const out: unknown[] = new Array(v.length);
    seen.set(v, out);
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) throw new NotPlain(); // a hole: structuredClone keeps it, this copy would not
      out[i] = copy(v[i], seen, buffers, depth + 1);
    }
    if (Object.keys(v).length !== v.length) throw new NotPlain(); // extra named properties on an array
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto === Uint8Array.prototype) {
    const u = v as Uint8Array;
    let buf = buffers.get(u.buffer);
    if (!buf) {
      if (!(u.buffer instanceof ArrayBuffer)) throw new NotPlain();
      buf = u.buffer.slice(0);
      buffers.set(u.buffer, buf);
    }
    const out = new Uint8Array(buf, u.byteOffset, u.length);
    seen.set(v, out);
    return out;
  }
  if (proto !== Object.prototype && proto !== null) throw new NotPlain();
  const out: Record<string, unknown> = {};
  seen.set(v, out);
  const src = v as Record<string, unknown>;
  for (const k in src) out[k] = copy(src[k], seen, buffers, depth + 1); // symbol keys: structuredClone drops them too
  return out;
}
