import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUrlView, encodeUrlView, URL_VIEW_KEYS, type UrlView, type UrlViewBounds, type UrlViewDefaults } from '@/lib/viz/url-view';

const RUNS = 5_000;

const name = fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' });
const boundsArb: fc.Arbitrary<UrlViewBounds> = fc.record({
  total: fc.integer({ min: 0, max: 500 }),
  lenses: fc.uniqueArray(name, { maxLength: 4 }),
  tabs: fc.uniqueArray(fc.constantFrom('xml', 'layers', 'hex', 'state', 'events', 'knowledge', 'ratchet'), { minLength: 1 }),
});

/** A view that fits its bounds, with its defaults. */
const fitting = boundsArb.chain((b) =>
  fc.record({
    bounds: fc.constant(b),
    defaults: fc.record({ step: fc.integer({ min: 0, max: b.total }), view: fc.constantFrom('both' as const, 'network' as const, 'sequence' as const), tab: fc.constantFrom(...b.tabs) }),
    view: fc.record(
      {
        step: fc.integer({ min: 0, max: b.total }),
        lens: b.lenses.length ? fc.constantFrom(...b.lenses) : fc.constant(undefined),
        tab: fc.constantFrom(...b.tabs),
        view: fc.constantFrom('both' as const, 'network' as const, 'sequence' as const),
        presenter: fc.boolean(),
        notes: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  }),
);

/** A view with the defaults filled in and false flags dropped: what the widget would show. */
function shown(v: UrlView, d: UrlViewDefaults): UrlView {
  return { step: v.step ?? d.step, lens: v.lens, tab: v.tab ?? d.tab, view: v.view ?? d.view, presenter: v.presenter || undefined, notes: v.notes || undefined };
}

/** Query strings made of this module's keys, other keys, and anything at all as values. */
const queryish = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...URL_VIEW_KEYS), fc.string({ maxLength: 6 })), fc.oneof(fc.string({ maxLength: 10 }), fc.integer().map(String), fc.constantFrom('1', '-0', '1e9', '%', '%zz', '&', '='))), { maxLength: 8 })
    .map((kv) => '?' + kv.map(([k, v]) => `${k}=${v}`).join('&')),
);

describe('url-view properties', () => {
  it('any string decodes without an exception, to values inside the bounds', () => {
    fc.assert(
      fc.property(queryish, boundsArb, (q, b) => {
        const v = decodeUrlView(q, b);
        if (v.step !== undefined) expect(Number.isInteger(v.step) && v.step >= 0 && v.step <= b.total).toBe(true);
        if (v.lens !== undefined) expect(b.lenses).toContain(v.lens);
        if (v.tab !== undefined) expect(b.tabs).toContain(v.tab);
        if (v.view !== undefined) expect(['both', 'network', 'sequence']).toContain(v.view);
        expect(v.presenter === undefined || v.presenter === true).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('decode ∘ encode gives back the view that was on screen', () => {
    fc.assert(
      fc.property(fitting, ({ bounds, defaults, view }) => {
        expect(shown(decodeUrlView(encodeUrlView(view, defaults), bounds), defaults)).toEqual(shown(view, defaults));
      }),
      { numRuns: RUNS },
    );
  });

  it('encoding keeps every foreign parameter and is stable: encode ∘ decode ∘ encode = encode', () => {
    fc.assert(
      fc.property(fitting, queryish, ({ bounds, defaults, view }, q) => {
        const once = encodeUrlView(view, defaults, q);
        expect(encodeUrlView(decodeUrlView(once, bounds), defaults, once)).toBe(once);
        const foreign = (s: string) => [...new URLSearchParams(s)].filter(([k]) => !(URL_VIEW_KEYS as readonly string[]).includes(k));
        expect(foreign(once)).toEqual(foreign(q));
      }),
      { numRuns: RUNS },
    );
  });
});
