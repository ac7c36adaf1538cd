import { describe, expect, it } from 'vitest';
import { plainDataProblems } from '../../helpers/plain-data';
import { bare, equalsJid, full, isBare, JidError, jidToString, makeJid, parseJid, tryParseJid, withResource } from '@/lib/xmpp/jid';

describe('xmpp/jid: RFC 7622 §3.5 examples of valid JIDs', () => {
  // [input, local, domain, resource] — the RFC's own list, with the normalised parts we expect.
  const valid: [string, string | undefined, string, string | undefined][] = [
    ['juliet@example.com', 'juliet', 'example.com', undefined],
    ['juliet@example.com/foo', 'juliet', 'example.com', 'foo'],
    ['juliet@example.com/foo bar', 'juliet', 'example.com', 'foo bar'],
    ['juliet@example.com/foo@bar', 'juliet', 'example.com', 'foo@bar'],
    ['foo\\20bar@example.com', 'foo\\20bar', 'example.com', undefined],
    ['fussball@example.com', 'fussball', 'example.com', undefined],
    ['fußball@example.com', 'fußball', 'example.com', undefined],
    ['π@example.com', 'π', 'example.com', undefined],
    ['Σ@example.com/foo', 'σ', 'example.com', 'foo'],
    ['σ@example.com/foo', 'σ', 'example.com', 'foo'],
    ['ς@example.com/foo', 'ς', 'example.com', 'foo'],
    ['king@example.com/♚', 'king', 'example.com', '♚'],
    ['example.com', undefined, 'example.com', undefined],
    ['example.com/foobar', undefined, 'example.com', 'foobar'],
    ['a.example.com/b@example.net', undefined, 'a.example.com', 'b@example.net'],
  ];
  it.each(valid)('%s', (input, local, domain, resource) => {
    const j = parseJid(input);
    expect(j.local).toBe(local);
    expect(j.domain).toBe(domain);
    expect(j.resource).toBe(resource);
    expect(Object.isFrozen(j)).toBe(true);
    expect(equalsJid(parseJid(jidToString(j)), j)).toBe(true);
  });

  it('fußball and fussball stay different JIDs (no case folding to "ss" in UsernameCaseMapped)', () => {
    expect(equalsJid(parseJid('fußball@example.com'), parseJid('fussball@example.com'))).toBe(false);
  });
});

describe('xmpp/jid: RFC 7622 §3.5 examples of invalid JIDs', () => {
  const invalid: [string, string, string][] = [
    ['"juliet"@example.com', 'localpart', 'forbidden-character'], // §3.3.1 quotation marks
    ['foo bar@example.com', 'localpart', 'disallowed-character'], // space (U+0020) not in IdentifierClass
    ['juliet@example.com/', 'resourcepart', 'empty'],
    ['@example.com', 'localpart', 'empty'],
    ['henryⅣ@example.com', 'localpart', 'disallowed-character'], // U+2163 ROMAN NUMERAL FOUR has a compatibility decomposition
    ['♚@example.com', 'localpart', 'disallowed-character'], // U+265A is a symbol
    ['juliet@', 'domainpart', 'empty'],
    ['/foobar', 'domainpart', 'empty'],
  ];
  it.each(invalid)('%s → %s %s', (input, field, reason) => {
    const r = tryParseJid(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(JidError);
      expect(r.error.field).toBe(field);
      expect(r.error.reason).toBe(reason);
      expect(r.error.message).toMatch(/^xmpp\/jid: /);
    }
    expect(() => parseJid(input)).toThrow(JidError);
  });
});

describe('xmpp/jid: parsing order (RFC 7622 §3.1)', () => {
  it('the first "/" starts the resource, even if an "@" follows', () => {
    expect(parseJid('example.com/a@b/c')).toEqual({ domain: 'example.com', resource: 'a@b/c' });
  });
  it('an "@" after the first one is in the domainpart, which refuses it', () => {
    expect(tryParseJid('a@b@example.com')).toMatchObject({ ok: false, error: { field: 'domainpart' } });
    expect(tryParseJid('juliet@@example.com')).toMatchObject({ ok: false, error: { field: 'domainpart' } });
  });
});

describe('xmpp/jid: localpart (RFC 7622 §3.3, UsernameCaseMapped)', () => {
  it.each(['"', '&', "'", '/', ':', '<', '>', '@'])('refuses the §3.3.1 character %s', (c) => {
    const r = tryParseJid(`a${c === '/' || c === '@' ? '' : c}b@example.com`);
    if (c !== '/' && c !== '@') expect(r).toMatchObject({ ok: false, error: { field: 'localpart', reason: 'forbidden-character' } });
    expect(() => makeJid({ local: `a${c}b`, domain: 'example.com' })).toThrow(/localpart/);
  });
  it('lowercases, maps fullwidth forms, and applies NFC', () => {
    expect(parseJid('JULIET@example.com').local).toBe('juliet');
    expect(parseJid('ＪＵＬＩＥＴ@example.com').local).toBe('juliet'); // RFC 8265 §3.3.2 width mapping
    expect(parseJid('e\u0301@example.com').local).toBe('\u00e9'); // NFC
    expect(parseJid('É@example.com').local).toBe('é');
  });
  it('refuses controls, spaces and ignorable characters', () => {
    for (const bad of ['a\u0000b', 'a\tb', 'a\u00a0b', 'a\u200db', 'a\u00adb']) {
      expect(tryParseJid(`${bad}@example.com`)).toMatchObject({ ok: false, error: { field: 'localpart' } });
    }
  });
  it('is at most 1023 octets of UTF-8', () => {
    expect(parseJid(`${'a'.repeat(1023)}@example.com`).local).toHaveLength(1023);
    expect(tryParseJid(`${'a'.repeat(1024)}@example.com`)).toMatchObject({ ok: false, error: { reason: 'too-long' } });
    expect(tryParseJid(`${'é'.repeat(512)}@example.com`)).toMatchObject({ ok: false, error: { reason: 'too-long' } }); // 1024 octets
  });
});

describe('xmpp/jid: domainpart (RFC 7622 §3.2)', () => {
  it('lowercases and strips one trailing dot', () => {
    expect(parseJid('Juliet@EXAMPLE.Com.').domain).toBe('example.com');
    expect(equalsJid(parseJid('example.com.'), parseJid('example.com'))).toBe(true);
  });
  it('accepts IPv4 and bracketed IPv6 literals', () => {
    expect(parseJid('a@192.0.2.1').domain).toBe('192.0.2.1');
    for (const ip of ['[::1]', '[2001:db8::7]', '[2001:DB8:0:0:8:800:200C:417A]', '[::ffff:192.0.2.1]', '[1:2:3:4:5:6:7:8]']) {
      expect(parseJid(`a@${ip}/r`).domain).toBe(ip.toLowerCase());
    }
  });
  it.each([
    ['[127.0.0.1]', 'bad-ip-literal'],
    ['[::1', 'bad-ip-literal'],
    ['[1:2:3:4:5:6:7:8:9]', 'bad-ip-literal'],
    ['[1::2::3]', 'bad-ip-literal'],
    ['::1]', 'disallowed-character'],
    ['example..com', 'empty-label'],
    ['.example.com', 'empty-label'],
    ['-example.com', 'bad-hyphen'],
    ['example-.com', 'bad-hyphen'],
    ['exa_mple.com', 'disallowed-character'],
    ['exa mple.com', 'disallowed-character'],
    [`${'a'.repeat(64)}.com`, 'label-too-long'],
    ['.', 'empty'],
  ])('refuses %s (%s)', (domain, reason) => {
    expect(tryParseJid(`a@${domain}`)).toMatchObject({ ok: false, error: { field: 'domainpart', reason } });
  });
  it('accepts a 63-octet label and a 1023-octet domain', () => {
    expect(parseJid(`${'a'.repeat(63)}.com`).domain).toHaveLength(67);
    const long = Array.from({ length: 16 }, () => 'a'.repeat(63)).join('.'); // 16·63 + 15 = 1023
    expect(parseJid(long).domain).toHaveLength(1023);
    expect(tryParseJid(`${long}.a`)).toMatchObject({ ok: false, error: { reason: 'too-long' } });
    expect(parseJid(`${long}.`).domain).toBe(long); // the trailing dot does not count
  });
  it('refuses non-ASCII symbols and compatibility characters in labels', () => {
    for (const d of ['a♚.example', 'ﬁle.example', 'ａ.example']) expect(tryParseJid(d)).toMatchObject({ ok: false, error: { field: 'domainpart' } });
  });
  it('accepts internationalised labels (as U-labels; no Punycode conversion)', () => {
    expect(parseJid('MÜNCHEN.de').domain).toBe('münchen.de');
    expect(parseJid('xn--mnchen-3ya.de').domain).toBe('xn--mnchen-3ya.de');
  });
});

describe('xmpp/jid: resourcepart (RFC 7622 §3.4, OpaqueString)', () => {
  it('keeps case and spaces, maps non-ASCII spaces to U+0020, applies NFC', () => {
    expect(parseJid('a@b/Balcony Phone').resource).toBe('Balcony Phone');
    expect(parseJid('a@b/x\u00a0y\u3000z').resource).toBe('x y z');
    expect(parseJid('a@b/Re\u0301s').resource).toBe('Rés');
    expect(parseJid('a@b/ ').resource).toBe(' ');
  });
  it('refuses controls and default-ignorable characters', () => {
    for (const bad of ['a\u0000', 'a\u0007', 'a\u200b', 'a\ufeff', 'a\ue000', 'a\ud800']) {
      expect(tryParseJid(`a@b/${bad}`)).toMatchObject({ ok: false, error: { field: 'resourcepart', reason: 'disallowed-character' } });
    }
  });
});

describe('xmpp/jid: values', () => {
  it('bare, full, isBare, withResource', () => {
    const j = parseJid('Juliet@Example.com/Balcony');
    expect(full(j)).toBe('juliet@example.com/Balcony');
    expect(jidToString(bare(j))).toBe('juliet@example.com');
    expect(isBare(j)).toBe(false);
    expect(isBare(bare(j))).toBe(true);
    expect(bare(bare(j))).toEqual(bare(j));
    expect(equalsJid(withResource(bare(j), 'Balcony'), j)).toBe(true);
    expect(Object.keys(j)).toEqual(['local', 'domain', 'resource']);
    expect(Object.keys(parseJid('example.com/r'))).toEqual(['domain', 'resource']);
  });
  it('equal JIDs are structurally equal and survive structuredClone/JSON', () => {
    const j = parseJid('romeo@montague.example/orchard');
    expect(plainDataProblems(j)).toEqual([]);
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });
  it('is immutable', () => {
    const j = parseJid('romeo@montague.example');
    expect(() => {
      (j as { domain: string }).domain = 'evil.example';
    }).toThrow(TypeError);
  });
  it('misuse: non-string input is a labelled Error, not a JidError', () => {
    expect(() => parseJid(42 as unknown as string)).toThrow(/^xmpp\/jid: /);
  });
});
