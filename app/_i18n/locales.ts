/** The site's languages. Every page and every string exists in each. */
export const locales = ['en', 'de'] as const;
export type Locale = (typeof locales)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** A dictionary is one object per locale with the same keys; tests/unit/i18n checks the parity. */
export type Dictionary<K extends string = string> = Record<Locale, Record<K, string>>;

/** One string in every locale; an area file (app/_i18n/widget/*.ts) writes each key once this way. */
export type Bilingual = Readonly<Record<Locale, string>>;

/** `satisfies BilingualTable` makes a key with a missing (or unknown) locale a type error. */
export type BilingualTable = Readonly<Record<string, Bilingual>>;

/** A table of `{ en, de }` per key, turned into the per-locale Dictionary the components read. */
export function byLocale<K extends string>(table: Readonly<Record<K, Bilingual>>): Dictionary<K> {
  const out = {} as Dictionary<K>;
  for (const locale of locales) {
    const strings = {} as Record<K, string>;
    for (const key of Object.keys(table) as K[]) strings[key] = table[key][locale];
    out[locale] = strings;
  }
  return out;
}

/** Fill `{name}` placeholders. Values are inserted as text; React escapes them when rendering. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
