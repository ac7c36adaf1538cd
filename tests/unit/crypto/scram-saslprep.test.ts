/** SASLprep (RFC 4013) — the examples of RFC 4013 §3 and the tables of RFC 3454 that we implement. */
import { describe, expect, it } from 'vitest';
import { saslprep, saslprepResult } from '@/lib/crypto/saslprep';

describe('RFC 4013 §3 examples', () => {
  const ok: [string, string, string][] = [
    ['1. SOFT HYPHEN mapped to nothing', 'I\u00ADX', 'IX'],
    ['2. no transformation', 'user', 'user'],
    ['3. case preserved', 'USER', 'USER'],
    ['4. output is NFKC, input in ISO 8859-1', '\u00AA', 'a'],
    ['5. output is NFKC, will match 1.', '\u2168', 'IX'],
  ];
  it.each(ok)('%s', (_, input, output) => expect(saslprep(input)).toBe(output));
  it('6. Error - prohibited character (U+0007)', () => {
    expect(saslprepResult('\u0007')).toEqual({ type: 'error', reason: 'prohibited', codePoint: 7 });
    expect(() => saslprep('\u0007')).toThrow(/^saslprep: prohibited character U\+0007/);
  });
  it('7. Error - bidirectional check (U+0627 U+0031)', () => {
    expect(saslprepResult('\u0627\u0031')).toEqual({ type: 'error', reason: 'bidi', codePoint: 0x31 });
  });
});

describe('RFC 3454 tables used by SASLprep', () => {
  it('C.1.2 non-ASCII spaces map to SPACE; B.1 characters map to nothing', () => {
    expect(saslprep('a\u00A0b\u3000c\u2003d')).toBe('a b c d');
    expect(saslprep('a\u200Db\uFEFFc\u180Bd')).toBe('abcd');
    expect(saslprep('a\u200Bb')).toBe('a b'); // U+200B is in both C.1.2 and B.1; C.1.2 wins (RFC 4013 §2.1 lists it first)
  });
  it.each([
    ['C.2.1 ASCII control', 0x7f],
    ['C.2.2 non-ASCII control', 0x85],
    ['C.2.2 LINE SEPARATOR', 0x2028],
    ['C.3 private use', 0xe000],
    ['C.3 supplementary private use', 0xf0000],
    ['C.4 non-character', 0xfdd0],
    ['C.4 non-character plane end', 0x1fffe],
    ['C.5 lone surrogate', 0xd800],
    ['C.6 replacement character', 0xfffd],
    ['C.7 ideographic description', 0x2ff0],
    ['C.8 left-to-right mark', 0x200e],
    ['C.9 language tag', 0xe0001],
  ])('prohibits %s (U+%s)', (_, cp) => {
    const r = saslprepResult('ab' + String.fromCodePoint(cp) + 'cd');
    expect(r).toEqual({ type: 'error', reason: 'prohibited', codePoint: cp });
  });
  it('bidi: all-RTL strings pass, mixed RTL and LTR letters fail', () => {
    expect(saslprep('\u05D0\u05D1')).toBe('\u05D0\u05D1');
    expect(saslprep('\u0627\u0031\u0628')).toBe('\u0627\u0031\u0628');
    expect(saslprepResult('\u05D0a\u05D1')).toMatchObject({ type: 'error', reason: 'bidi' });
  });
  it('leaves ordinary Unicode alone and is idempotent', () => {
    for (const s of ['pässwörd', 'パスワード', 'emoji 🙂', 'a b']) expect(saslprep(saslprep(s))).toBe(saslprep(s));
    expect(saslprep('pässwörd')).toBe('pässwörd');
  });
});
