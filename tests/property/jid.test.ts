import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bare, equalsJid, JidError, jidToString, makeJid, parseJid, tryParseJid, type Jid } from '@/lib/xmpp/jid';

const RUNS = 10_000;

const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));
const localChar = fc.oneof(
  { weight: 6, arbitrary: letters },
  { weight: 2, arbitrary: fc.constantFrom('.', '-', '_', '+', '!', '\\', '%', '=', '#') },
  { weight: 2, arbitrary: fc.constantFrom('é', 'ß', 'π', 'Σ', 'ς', 'Ж', '日', '本', 'Ａ', 'e\u0301', 'İ', 'ǅ') },
);
const localpart = fc.array(localChar, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const label = fc
  .tuple(letters, fc.array(fc.oneof(letters, fc.constant('-'), fc.constantFrom('ü', 'ö', 'ж')), { maxLength: 8 }), letters)
  .map(([h, m, t]) => h + m.join('') + t);
const domainpart = fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join('.'));
const resourcepart = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });

/** Strings built from the characters that matter to JID parsing, plus anything at all. */
const jidish = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc
    .array(fc.oneof(localChar, fc.constantFrom('@', '/', '.', ' ', '[', ']', ':', '\u0000', '\u00a0', '\u200b', 'Ⅳ', '♚', '"')), { maxLength: 24 })
    .map((a) => a.join('')),
);

describe('xmpp/jid properties', () => {
  it('tryParseJid never throws; a parsed JID prints and re-parses to itself (normalisation is idempotent)', () => {
    fc.assert(
      fc.property(jidish, (s) => {
        const r = tryParseJid(s);
        if (!r.ok) return;
        const again = parseJid(jidToString(r.jid));
        expect(again).toEqual(r.jid);
        expect(jidToString(again)).toBe(jidToString(r.jid));
      }),
      { numRuns: RUNS },
    );
  });

  it('JIDs built from valid parts round-trip through their string form', () => {
    fc.assert(
      fc.property(
        fc.option(localpart, { nil: undefined }),
        domainpart,
        fc.option(resourcepart, { nil: undefined }),
        (local, domain, resource) => {
          let j: Jid;
          try {
            j = makeJid({ local, domain, resource });
          } catch (e) {
            // A generated part may rightly be refused (ǅ lowercases to ǆ, which has a compatibility
            // decomposition; a grapheme may be default-ignorable), but only ever with a JidError.
            expect(e).toBeInstanceOf(JidError);
            return;
          }
          const s = jidToString(j);
          expect(equalsJid(parseJid(s), j)).toBe(true);
          expect(jidToString(bare(j))).toBe(s.split('/')[0]);
          expect(parseJid(s.toUpperCase()).domain).toBe(j.domain);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('ASCII localparts and domains are accepted and compared case-insensitively', () => {
    const asciiLocal = fc.stringMatching(/^[A-Za-z0-9._+-]{1,16}$/);
    const asciiDomain = fc.array(fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9-]{0,10}[A-Za-z0-9])?$/), { minLength: 1, maxLength: 3 }).map((l) => l.join('.'));
    fc.assert(
      fc.property(asciiLocal, asciiDomain, (l, d) => {
        const a = parseJid(`${l}@${d}`);
        expect(equalsJid(a, parseJid(`${l.toUpperCase()}@${d.toLowerCase()}`))).toBe(true);
        expect(jidToString(a)).toBe(`${l.toLowerCase()}@${d.toLowerCase()}`);
      }),
      { numRuns: RUNS },
    );
  });
});

