/**
 * Wording the review corrected, held so it does not come back: English numbers group thousands with a
 * comma ("1,734", not "1 734"; German keeps "1 734"/"10 000"), and German lessons use the glossary's
 * Man-in-the-Middle (the course glossary's German term), not a literal "Mann in der Mitte". Code blocks and inline code are
 * left out: byte dumps group hex digits with spaces on purpose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CONTENT = join(__dirname, '../../../content');

/** A lesson's prose: fenced code blocks and inline code removed, line by line with numbers. */
function prose(locale: string): { where: string; text: string }[] {
  const dir = join(CONTENT, locale);
  return readdirSync(dir)
    .filter((n) => n.endsWith('.mdx'))
    .flatMap((name) =>
      readFileSync(join(dir, name), 'utf8')
        .split(/^```.*$/m)
        .map((part, i) => (i % 2 === 1 ? part.replace(/[^\n]/g, '') : part))
        .join('')
        .split('\n')
        .map((line, i) => ({ where: `${locale}/${name}:${i + 1}`, text: line.replace(/`[^`]*`/g, '') })),
    );
}

/** A number whose thousands are set off by a space: "1 734", "10 000" (not "step 51, 53"). */
const SPACED_THOUSANDS = /(?<![\d.,])\d{1,3}(?:[  ]\d{3})+(?![\d])/;

describe('wording of the lessons', () => {
  it('English groups thousands with a comma', () => {
    expect(prose('en').filter((l) => SPACED_THOUSANDS.test(l.text))).toEqual([]);
  });

  it('the check can fail', () => {
    expect(SPACED_THOUSANDS.test('The messages are large — 1 734 bytes')).toBe(true);
    expect(SPACED_THOUSANDS.test('run 10 000 rounds')).toBe(true);
    expect(SPACED_THOUSANDS.test('1,734 bytes at steps 51, 53 and 55')).toBe(false);
  });

  it('German uses the glossary’s Man-in-the-Middle', () => {
    expect(prose('de').filter((l) => /Mann\s+in\s+der\s+Mitte/i.test(l.text))).toEqual([]);
  });
});
