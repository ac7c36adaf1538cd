/**
 * The course around the lessons (issue #17 item 4): parts in the lecture's order, prerequisites that
 * point backwards, progress that survives anything stored, and a glossary that knows where each term
 * is taught.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { locales } from '@/app/_i18n/locales';
import { checkFrontmatter, lessonsByPart, listLessons, PARTS } from '@/app/_content/lessons';
import { glossaryIndex, termsIn } from '@/app/_content/glossary-index';
import { glossaryEntries, englishTerm, lookupTerm } from '@/app/_components/lesson/glossary';
import { doneCount, EMPTY, markStarted, parseProgress, serialiseProgress, setDone, statusOf } from '@/app/_components/course/progress';
import { groupByLetter, letterOf, matches, termId, type GlossaryItem } from '@/app/_components/course/glossary-rows';

const base = { title: 'T', summary: 'S', order: 2, minutes: 5, objectives: ['O'] };

describe('lesson frontmatter: part and prerequisites', () => {
  it('needs a known part', () => {
    expect(() => checkFrontmatter({ ...base }, 'x.mdx')).toThrow(/"part" must be one of architectures, xmpp/);
    expect(() => checkFrontmatter({ ...base, part: 'crypto' }, 'x.mdx')).toThrow(/"part"/);
    expect(checkFrontmatter({ ...base, part: 'society' }, 'x.mdx')).toMatchObject({ part: 'society', prerequisites: [] });
  });

  it('takes prerequisites as a list of slugs', () => {
    expect(checkFrontmatter({ ...base, part: 'xmpp', prerequisites: ['client-server'] }, 'x.mdx').prerequisites).toEqual(['client-server']);
    expect(() => checkFrontmatter({ ...base, part: 'xmpp', prerequisites: 'client-server' }, 'x.mdx')).toThrow(/"prerequisites"/);
    expect(() => checkFrontmatter({ ...base, part: 'xmpp', prerequisites: ['Client Server'] }, 'x.mdx')).toThrow(/"prerequisites"/);
  });

  for (const locale of locales) {
    it(`${locale}: every prerequisite is an earlier lesson, and the parts follow the lecture`, () => {
      const lessons = listLessons(locale);
      const order = new Map(lessons.map((l) => [l.slug, l.order]));
      for (const l of lessons) for (const p of l.prerequisites) expect(order.get(p)).toBeLessThan(l.order);
      // Lesson numbers run through the parts in their order: the overview never shows 6 before 3.
      const grouped = lessonsByPart(locale).flatMap((g) => g.lessons.map((l) => l.order));
      expect(grouped).toEqual(lessons.map((l) => l.order));
      const parts = lessonsByPart(locale).map((g) => PARTS.indexOf(g.part));
      expect([...parts].sort((a, b) => a - b)).toEqual(parts);
    });
  }

  it('both languages put each lesson in the same part with the same prerequisites', () => {
    const de = new Map(listLessons('de').map((l) => [l.slug, l]));
    for (const en of listLessons('en')) {
      expect(de.get(en.slug)?.part).toBe(en.part);
      expect(de.get(en.slug)?.prerequisites).toEqual(en.prerequisites);
    }
  });
});

describe('progress kept in the browser', () => {
  it('reads what it wrote', () => {
    const p = setDone(markStarted(EMPTY, 'federation'), 'smp', true);
    expect(parseProgress(serialiseProgress(p))).toEqual({ started: ['federation', 'smp'], done: ['smp'] });
    expect(statusOf(p, 'smp')).toBe('done');
    expect(statusOf(p, 'federation')).toBe('started');
    expect(statusOf(p, 'client-server')).toBe('new');
  });

  it('un-marking keeps the lesson started', () => {
    const p = setDone(setDone(EMPTY, 'smp', true), 'smp', false);
    expect(p).toEqual({ started: ['smp'], done: [] });
  });

  it('turns anything unreadable into no progress, and keeps what can be read', () => {
    for (const raw of [null, '', '{', 'null', '42', '"x"', '[]', '{"done":"smp"}']) expect(parseProgress(raw)).toEqual(EMPTY);
    expect(parseProgress('{"done":["smp",7,"smp","../etc",null],"started":{"a":1}}')).toEqual({ started: [], done: ['smp'] });
  });

  it('counts only lessons that exist', () => {
    const p = { started: [], done: ['smp', 'gone-lesson'] };
    expect(doneCount(p, ['client-server', 'smp'])).toBe(1);
  });
});

describe('glossary', () => {
  it('finds the terms of a lesson whichever way <Term> is written', () => {
    const src = `<Term de="Föderation">federation</Term> and <Term en="roster">Kontaktliste</Term>,
      <Term>stanzas</Term>, <Term de='Zertifikat'>certificate</Term>, <Term de="x">not in the glossary</Term>, <Term de="Föderation">federation</Term>`;
    expect(termsIn(src).map((e) => e.en)).toEqual(['federation', 'roster', 'stanza', 'certificate']);
  });

  for (const locale of locales) {
    it(`${locale}: lists every entry once, and every lesson's terms link back to it`, () => {
      const rows = glossaryIndex(locale);
      expect(rows.map((r) => r.entry)).toEqual([...glossaryEntries]);
      const ids = rows.map((r) => termId(r.entry.en));
      expect(new Set(ids).size).toBe(ids.length);
      for (const lesson of listLessons(locale))
        for (const entry of termsIn(readFileSync(lesson.file, 'utf8')))
          expect(rows.find((r) => r.entry === entry)!.lessons.map((l) => l.slug)).toContain(lesson.slug);
      // federation is defined in lesson 1 (centralised vs federated) and lesson 2.
      expect(rows.find((r) => r.entry === lookupTerm('federation'))!.lessons.length).toBeGreaterThan(0);
    });
  }

  it('shows English terms as they are written', () => {
    expect(englishTerm(lookupTerm('starttls')!)).toBe('STARTTLS');
    expect(englishTerm(lookupTerm('federation')!)).toBe('federation');
  });

  it('files terms under their letter without accents and sorts as the language does', () => {
    expect(letterOf('Überwachung')).toBe('U');
    expect(letterOf('Äquivalenz')).toBe('A');
    expect(letterOf('3DH')).toBe('#');
    const item = (term: string): GlossaryItem => ({ id: termId(term), term, other: '', definition: '', lessons: [] });
    const groups = groupByLetter([item('Zertifikat'), item('Überwachung'), item('Abstreitbarkeit'), item('Unterschrift')], 'de');
    expect(groups.map((g) => [g.letter, g.items.map((i) => i.term)])).toEqual([
      ['A', ['Abstreitbarkeit']],
      ['U', ['Überwachung', 'Unterschrift']],
      ['Z', ['Zertifikat']],
    ]);
  });

  it('search ignores case and accents and looks at both languages and the definition', () => {
    const item: GlossaryItem = { id: 'term-x', term: 'Präsenz', other: 'presence', definition: 'Online-Status', lessons: [] };
    expect(matches(item, 'prasenz')).toBe(true);
    expect(matches(item, 'PRESENCE')).toBe(true);
    expect(matches(item, 'online')).toBe(true);
    expect(matches(item, '  ')).toBe(true);
    expect(matches(item, 'roster')).toBe(false);
    expect(termId("Socialist Millionaires' Protocol")).toBe('term-socialist-millionaires-protocol');
  });
});
