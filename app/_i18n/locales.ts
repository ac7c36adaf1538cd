/** The site's languages. Every page and every string exists in each. */
export const locales = ['en', 'de'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** A dictionary is one object per locale with the same keys; tests/unit/i18n checks the parity. */
export type Dictionary<K extends string = string> = Record<Locale, Record<K, string>>;

/** Fill `{name}` placeholders. Values are inserted as text; React escapes them when rendering. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
