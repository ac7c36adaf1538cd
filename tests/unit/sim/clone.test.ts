/** clonePlain (lib/sim/clone.ts) gives what structuredClone gives, for plain data and for anything else. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presets } from '../../../lib/scenarios/presets';
import { runScenario } from '../../../lib/scenarios/run';
import { clonePlain } from '../../../lib/sim/clone';

/** Plain data as the kernel's states hold it (tests/helpers/plain-data.ts). */
const plain = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
    fc.bigInt(),
    fc.uint8Array({ maxLength: 40 }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** The same shape, compared so that key order, value types and bytes all count. */
function sameAs(a: unknown, b: unknown): void {
  expect(a).toStrictEqual(b);
  if (a && typeof a === 'object') {
    expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(b));
    expect(Object.keys(a)).toEqual(Object.keys(b as object));
    for (const k of Object.keys(a)) sameAs((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]);
  }
}

describe('clonePlain', () => {
  it('equals structuredClone on generated plain data, and shares nothing with its input', () => {
    fc.assert(
      fc.property(plain, (v) => {
        const c = clonePlain(v);
        sameAs(c, structuredClone(v));
        if (v && typeof v === 'object') expect(c).not.toBe(v);
        if (v instanceof Uint8Array && v.length) {
          (c as Uint8Array)[0] = (v[0]! + 1) & 0xff;
          expect((c as Uint8Array)[0]).not.toBe(v[0]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a value reached twice shared, and views of one buffer on one buffer, as structuredClone does', () => {
    const key = { k: new Uint8Array([1, 2, 3]) };
    const buf = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]);
    const v = { a: key, b: [key], lo: buf.subarray(0, 4), hi: buf.subarray(4) };
    const c = clonePlain(v);
    const s = structuredClone(v);
    expect(c.a).toBe(c.b[0]);
    expect(s.a).toBe(s.b[0]);
    expect(c.lo.buffer).toBe(c.hi.buffer);
    expect([c.hi.byteOffset, c.hi.length, c.lo.buffer.byteLength]).toEqual([s.hi.byteOffset, s.hi.length, s.lo.buffer.byteLength]);
    expect(c.lo.buffer).not.toBe(buf.buffer);
  });

  it('hands anything but plain data to structuredClone (Map, Date, class instance, frozen objects come out unfrozen)', () => {
    class Point {
      constructor(public x: number) {}
    }
    const v = { m: new Map([[1, { a: 1 }]]), d: new Date(0), p: new Point(3), f: Object.freeze({ z: 1 }) };
    const c = clonePlain(v);
    expect(c).toEqual(structuredClone(v));
    expect(c.m).toBeInstanceOf(Map);
    expect(Object.getPrototypeOf(c.p)).toBe(Object.prototype);
    expect(Object.isFrozen(clonePlain({ f: Object.freeze({ z: 1 }) }).f)).toBe(false);
    const cyclic: Record<string, unknown> = { n: 1 };
    cyclic.self = cyclic;
    const cc = clonePlain(cyclic);
    expect(cc.self).toBe(cc);
  });

  it('copies every preset checkpoint exactly as structuredClone does', () => {
    for (const p of presets) {
      const run = runScenario(p, { seed: 1 });
      for (const cp of run.checkpoints) sameAs(clonePlain(cp.state), structuredClone(cp.state));
    }
  });
});
