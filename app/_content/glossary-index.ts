/**
 * Where each glossary term is taught: every `<Term>` of every lesson, read from the MDX source at build
 * time (server only) and resolved through the glossary, as `<Term>` itself resolves it (its `en`
 * attribute, else its text, else its `de` attribute).
 * @module
 */
import { readFileSync } from 'node:fs';
import { lookupTerm, glossaryEntries, type GlossaryEntry } from '../_components/lesson/glossary';
import type { Locale } from '../_i18n/locales';
import { listLessons, type LessonMeta } from './lessons';

const TERM = /<Term\b([^>]*)>([\s\S]*?)<\/Term>/g;
const ATTR = /\b(en|de)=(?:"([^"]*)"|'([^']*)')/g;

/** The glossary entries a lesson source defines with `<Term>`, each once, in order of first use. */
export function termsIn(source: string): GlossaryEntry[] {
  const found: GlossaryEntry[] = [];
  for (const m of source.matchAll(TERM)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(ATTR)) attrs[a[1]!] = a[2] ?? a[3] ?? '';
    const text = m[2]!.replace(/<[^>]*>/g, '').trim();
    const entry = (attrs.en ? lookupTerm(attrs.en) : undefined) ?? lookupTerm(text) ?? (attrs.de ? lookupTerm(attrs.de) : undefined);
    if (entry && !found.includes(entry)) found.push(entry);
  }
  return found;
}

export interface GlossaryRow {
  entry: GlossaryEntry;
  /** The lessons that define the term, in course order. */
  lessons: LessonMeta[];
}

/** Every glossary entry with the lessons (of this locale) that teach it. */
export function glossaryIndex(locale: Locale): GlossaryRow[] {
  const taught = new Map<GlossaryEntry, LessonMeta[]>();
  for (const lesson of listLessons(locale))
    for (const entry of termsIn(readFileSync(lesson.file, 'utf8'))) taught.set(entry, [...(taught.get(entry) ?? []), lesson]);
  return glossaryEntries.map((entry) => ({ entry, lessons: taught.get(entry) ?? [] }));
}
