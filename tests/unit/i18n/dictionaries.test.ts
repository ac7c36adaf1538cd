/**
 * Every UI dictionary in app/_i18n/*.ts has the same keys in English and German, and no empty string.
 * The three known dictionaries are imported by name; any other exported Dictionary is found by a glob.
 * Area files (app/_i18n/**\/*.ts exporting a table of `{ en, de }` per key, such as app/_i18n/widget/*.ts)
 * are checked entry by entry, and the widget's areas must not define a key twice.
 */
import { describe, expect, it } from 'vitest';
import { locales, type BilingualTable } from '@/app/_i18n/locales';
import { site } from '@/app/_i18n/site';
import { widget, widgetAreas } from '@/app/_i18n/widget';
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

/** An exported object whose every value is `{ en, de }` (strings): an area file's table. */
function isBilingualTable(v: unknown): v is Record<string, Record<string, unknown>> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const values = Object.values(v as Record<string, unknown>);
  return values.length > 0 && values.every((t) => !!t && typeof t === 'object' && locales.some((l) => l in (t as object)));
}

const tableModules = import.meta.glob('../../../app/_i18n/**/*.ts', { eager: true }) as Record<string, Record<string, unknown>>;
const tables: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, mod] of Object.entries(tableModules)) {
  for (const [name, value] of Object.entries(mod)) {
    if (isBilingualTable(value)) tables[`${path.replace(/^.*app\/_i18n\//, '')}:${name}`] = value;
  }
}

describe('i18n area tables ({ en, de } per key)', () => {
  it('finds every widget area', () => {
    for (const area of Object.keys(widgetAreas)) expect(Object.keys(tables), area).toContain(`widget/${area}.ts:${area}Strings`);
  });

  for (const [name, table] of Object.entries(tables)) {
    it(`${name}: every key has exactly en and de, non-empty, with the same {placeholders}`, () => {
      const ph = (s: unknown) => [...String(s).matchAll(/\{(\w+)(?::[^{}]*)?\}/g)].map((m) => m[1]).sort();
      for (const [key, text] of Object.entries(table)) {
        expect(Object.keys(text).sort(), `${name} ${key}`).toEqual([...locales].sort());
        for (const locale of locales) expect(typeof text[locale] === 'string' && text[locale].trim() !== '', `${name} ${key}.${locale}`).toBe(true);
        expect(ph(text.de), `${name} ${key}: placeholders`).toEqual(ph(text.en));
      }
    });
  }

  it('the widget areas define every key once, and the widget dictionary holds exactly their keys', () => {
    const seen = new Map<string, string>();
    for (const [area, table] of Object.entries(widgetAreas)) {
      for (const key of Object.keys(table)) {
        expect(seen.get(key), `${key} is in both ${seen.get(key)} and ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(widget.en).sort());
  });

  it('a key in one language only does not compile (checked by tsc)', () => {
    // @ts-expect-error — German is missing
    const onlyEnglish = { play: { en: 'Play' } } satisfies BilingualTable;
    expect(onlyEnglish.play.en).toBe('Play');
  });
});
