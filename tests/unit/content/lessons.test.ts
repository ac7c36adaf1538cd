/**
 * Every lesson compiles in both languages against the closed vocabulary: unknown components, unknown
 * props, unknown scenario ids, bad <Spec> refs and missing frontmatter fail here (and in the build).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '@/app/_i18n/locales';
import { compileLesson, slugify } from '@/app/_content/compile';
import { listLessons } from '@/app/_content/lessons';
import { OTR_V3_URL, parseSpecRef } from '@/app/_components/lesson/spec-ref';
import { lookupTerm } from '@/app/_components/lesson/glossary';
import { presets } from '@/lib/scenarios/presets/index';

const FRONTMATTER = `---
title: T
summary: S
order: 1
minutes: 5
part: xmpp
objectives:
  - O
---
`;

const tmp = mkdtempSync(join(tmpdir(), 'lesson-test-'));
function lessonFile(body: string, frontmatter = FRONTMATTER): string {
  const file = join(tmp, `${Math.random().toString(36).slice(2)}.mdx`);
  writeFileSync(file, frontmatter + body);
  return file;
}

describe('lessons on disk', () => {
  const byLocale = Object.fromEntries(locales.map((l) => [l, listLessons(l)]));

  it('exist', () => {
    expect(byLocale.en!.length).toBeGreaterThan(0);
  });

  it('every English lesson has its German twin (same slug and order), and vice versa', () => {
    const key = (l: { slug: string; order: number }) => `${l.order}:${l.slug}`;
    expect(byLocale.de!.map(key)).toEqual(byLocale.en!.map(key));
  });

  for (const locale of locales) {
    for (const lesson of listLessons(locale)) {
      it(`${locale}/${lesson.slug} compiles with known components and scenario ids`, async () => {
        const { code, frontmatter } = await compileLesson(lesson.file);
        expect(code.length).toBeGreaterThan(100);
        expect(frontmatter.title).toBe(lesson.title);
        for (const m of code.matchAll(/Scenario, \{[^}]*?id: "([^"]+)"/g)) {
          expect(presets.map((p) => p.id)).toContain(m[1]);
        }
      }, 30_000);

      it(`${locale}/${lesson.slug}: every <Term> has a glossary definition`, () => {
        const source = readFileSync(lesson.file, 'utf8');
        // English lessons write <Term de="…">english</Term>; German ones <Term en="english">…</Term>.
        const missing = [...source.matchAll(/<Term (de|en)="([^"]*)">([^<]*)<\/Term>/g)]
          .map((m) => (m[1] === 'en' ? m[2]! : m[3]!))
          .filter((term) => !lookupTerm(term));
        expect(missing).toEqual([]);
      });
    }
  }
});

describe('the vocabulary check', () => {
  it('accepts every component of the vocabulary used correctly', async () => {
    const file = lessonFile(`
<YouWillLearn />

## A heading

<Note title="n">x <Term de="Föderation">federation</Term> <Spec ref="RFC 6120 §4.3" /> <Spec ref="XEP-0384" /></Note>
<Pitfall>y</Pitfall>
<DeepDive title="d">z</DeepDive>
<Recap>- r</Recap>
<Scenario id="hello" view="sequence" initialStep="3" />
<Quiz question="q">
  <Choice>a</Choice>
  <Choice correct why="w">b</Choice>
</Quiz>
`);
    await expect(compileLesson(file)).resolves.toMatchObject({ frontmatter: { title: 'T' } });
  });

  it.each([
    ['an unknown component', '<Marquee>hi</Marquee>', /unknown component <Marquee>/],
    ['an unknown scenario id', '<Scenario id="no-such-preset" />', /no such scenario preset/],
    ['a bad scenario view', '<Scenario id="hello" view="3d" />', /view="3d"/],
    ['an unknown prop', '<Note colour="red">x</Note>', /unknown prop "colour"/],
    ['a missing required prop', '<DeepDive>x</DeepDive>', /prop "title" is required/],
    ['a bad spec ref', '<Spec ref="the XMPP RFC" />', /Spec ref="the XMPP RFC"/],
    ['a quiz without a correct choice', '<Quiz question="q">\n  <Choice>a</Choice>\n  <Choice>b</Choice>\n</Quiz>', /exactly one <Choice correct>/],
    ['an import', "import X from './x'\n\n<X />", /import\/export is not allowed/],
    ['an expression', 'Two is {1 + 1}.', /expressions/],
    ['a script tag', '<script>alert(1)</script>', /<script> is not allowed/],
  ])('rejects %s', async (_what, body, message) => {
    await expect(compileLesson(lessonFile(`\n${body}\n`))).rejects.toThrow(message);
  });

  it.each(['title', 'summary', 'order', 'minutes', 'objectives'])('rejects a lesson without frontmatter field %s', async (field) => {
    const fm = FRONTMATTER.split('\n')
      .filter((line, i, all) => !line.startsWith(`${field}:`) && !(field === 'objectives' && all[i - 1]?.startsWith('objectives:')))
      .join('\n');
    await expect(compileLesson(lessonFile('\nHello.\n', fm))).rejects.toThrow(new RegExp(`"${field}"`));
  });

  it('gives headings stable ids, umlauts included', () => {
    expect(slugify('Der XML-Stream')).toBe('der-xml-stream');
    expect(slugify('Was der Server über Sie weiß')).toBe('was-der-server-über-sie-weiß');
    expect(slugify('Stanzas: message, presence and iq')).toBe('stanzas-message-presence-and-iq');
  });

  it('links RFCs to rfc-editor.org and XEPs to xmpp.org', () => {
    expect(parseSpecRef('RFC 6120 §4.3')?.href).toBe('https://www.rfc-editor.org/rfc/rfc6120.html#section-4.3');
    expect(parseSpecRef('RFC 4616')?.href).toBe('https://www.rfc-editor.org/rfc/rfc4616.html');
    expect(parseSpecRef('XEP-0160')?.href).toBe('https://xmpp.org/extensions/xep-0160.html');
    expect(parseSpecRef('RFC6120')).toMatchObject({ label: 'RFC 6120' });
    expect(parseSpecRef('rfc 6120')).toBeUndefined();
  });

  it('links the OTR v3 specification by section title, and rejects a section it does not have', () => {
    expect(parseSpecRef('OTR v3 §Revealing MAC keys')).toEqual({ kind: 'otr', label: 'OTR v3 §Revealing MAC keys', href: `${OTR_V3_URL}#:~:text=Whenever%20you%20are%20about%20to%20forget` });
    expect(parseSpecRef('OTR v3 §D-H Key Message')?.href).toBe(`${OTR_V3_URL}#:~:text=D%2DH%20Key%20Message`);
    expect(parseSpecRef('OTR v3 § d-h commit message')?.label).toBe('OTR v3 §D-H Commit Message');
    expect(parseSpecRef('OTR v3')?.href).toBe(OTR_V3_URL);
    expect(parseSpecRef('OTR v3 §Double Ratchet')).toBeUndefined();
    expect(parseSpecRef('OTR v4 §Data Message')).toBeUndefined();
  });
});

describe('every lesson fits the reading column', () => {
  it('code blocks are at most 80 characters a line (wider ones scroll sideways, on a projector too)', () => {
    for (const locale of locales)
      for (const lesson of listLessons(locale)) {
        const blocks = readFileSync(lesson.file, 'utf8').split(/^```.*$/m).filter((_, i) => i % 2 === 1);
        const wide = blocks.flatMap((b) => b.split('\n')).filter((line) => [...line].length > 80);
        expect(wide, `${locale}/${lesson.slug}`).toEqual([]);
      }
  });
});
