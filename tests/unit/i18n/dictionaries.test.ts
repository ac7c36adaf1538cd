/**
 * Every UI dictionary in app/_i18n/*.ts has the same keys in English and German, and no empty string.
 * The three known dictionaries are imported by name; any other exported Dictionary is found by a glob.
 */
import { describe, expect, it } from 'vitest';
import { locales } from '@/app/_i18n/locales';
import { site } from '@/app/_i18n/site';
import { widget } from '@/app/_i18n/widget';
import { notes } from '@/app/_i18n/notes';

type AnyDict = Record<string, Record<string, unknown>>;

function isDictionary(v: unknown): v is AnyDict {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return locales.every((l) => o[l] !== null && typeof o[l] === 'object');
}

const named: Record<string, unknown> = { site, widget, notes };
const modules = import.meta.glob('../../../app/_i18n/*.ts', { eager: true }) as Record<string, Record<string, unknown>>;
const found: Record<string, AnyDict> = {};
for (const [path, mod] of Object.entries(modules)) {
  for (const [name, value] of Object.entries(mod)) {
    if (isDictionary(value)) found[`${path.split('/').pop()}:${name}`] = value;
  }
}

describe('i18n dictionaries', () => {
  it('finds the site, widget and notes dictionaries', () => {
    for (const [name, value] of Object.entries(named)) expect(isDictionary(value), name).toBe(true);
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['site.ts:site', 'widget.ts:widget', 'notes.ts:notes']));
  });

  for (const [name, dict] of Object.entries(found)) {
    describe(name, () => {
      it('has identical key sets in en and de', () => {
        const en = Object.keys(dict.en!).sort();
        const de = Object.keys(dict.de!).sort();
        expect(de.filter((k) => !en.includes(k)), 'keys only in de').toEqual([]);
        expect(en.filter((k) => !de.includes(k)), 'keys only in en').toEqual([]);
      });

      it('has no empty strings', () => {
        for (const locale of locales) {
          const empty = Object.entries(dict[locale]!)
            .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
            .map(([k]) => k);
          expect(empty, `${name}.${locale}: empty or non-string values`).toEqual([]);
        }
      });

      it('uses the same {placeholders} in en and de', () => {
        const ph = (s: unknown) => [...String(s).matchAll(/\{(\w+)(?::[^{}]*)?\}/g)].map((m) => m[1]).sort();
        const mismatched = Object.keys(dict.en!).filter((k) => JSON.stringify(ph(dict.en![k])) !== JSON.stringify(ph(dict.de![k])));
        expect(mismatched, `${name}: keys whose placeholders differ`).toEqual([]);
      });
    });
  }
});
