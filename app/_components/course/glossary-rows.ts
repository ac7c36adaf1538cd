/**
 * The glossary page's rows as plain data: sorted as the reader's language sorts, grouped under a
 * first letter without its accent (Ü under U), each with an id that stays the same in both languages
 * (from the English term) so that a link to a term works on either page. @module
 */

export interface GlossaryItem {
  id: string;
  /** The term in the page's language, and in the other one. */
  term: string;
  other: string;
  definition: string;
  lessons: { href: string; label: string; title: string }[];
}

export const termId = (english: string): string =>
  'term-' + english.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The letter a term is filed under: A–Z without accents, '#' for anything else. */
export function letterOf(term: string): string {
  const first = term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}

export function groupByLetter(items: readonly GlossaryItem[], locale: string): { letter: string; items: GlossaryItem[] }[] {
  const sorted = [...items].sort((a, b) => a.term.localeCompare(b.term, locale, { sensitivity: 'base' }));
  const groups: { letter: string; items: GlossaryItem[] }[] = [];
  for (const item of sorted) {
    const letter = letterOf(item.term);
    const last = groups[groups.length - 1];
    if (last && last.letter === letter) last.items.push(item);
    else groups.push({ letter, items: [item] });
  }
  return groups;
}

/** Does a row match what the reader typed? Either language, the definition too; case and accents ignored. */
export function matches(item: GlossaryItem, query: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const q = fold(query.trim());
  return q === '' || [item.term, item.other, item.definition].some((s) => fold(s).includes(q));
}
