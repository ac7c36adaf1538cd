import { describe, expect, it } from 'vitest';
import { createStreamParser, feed, restartStream, type StreamParseEvent, type StreamParserState } from '@/lib/xml/stream-parser';
import { x } from '@/lib/xml/element';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const NS = "xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'";
const HEADER = `<?xml version='1.0'?><stream:stream from='juliet@im.example.com' to='im.example.com' version='1.0' xml:lang='en' ${NS}>`;

function feedAll(s: string | Uint8Array, state: StreamParserState = createStreamParser()): StreamParseEvent[] {
  return feed(state, typeof s === 'string' ? enc(s) : s);
}
function feedBytewise(bytes: Uint8Array, state: StreamParserState = createStreamParser()): StreamParseEvent[] {
  const out: StreamParseEvent[] = [];
  for (let i = 0; i < bytes.length; i++) out.push(...feed(state, bytes.subarray(i, i + 1)));
  return out;
}
function lastError(events: StreamParseEvent[]): string | undefined {
  const e = events[events.length - 1];
  return e?.type === 'error' ? e.condition : undefined;
}
const types = (ev: StreamParseEvent[]): string[] => ev.map((e) => e.type);

describe('xml/stream-parser: RFC 6120 §9.1 client-to-server transcript', () => {
  // RFC 6120 §9.1.1 step 2 and §9.1.1 step 3 (stream header and STARTTLS features).
  const transcript =
    HEADER +
    "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>" +
    "\n  <starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>";

  it('reports the header with attributes and namespace declarations as written', () => {
    const ev = feedAll(transcript);
    expect(ev[0]).toEqual({
      type: 'stream-open',
      name: 'stream:stream',
      attrs: {
        from: 'juliet@im.example.com',
        to: 'im.example.com',
        version: '1.0',
        'xml:lang': 'en',
        xmlns: 'jabber:client',
        'xmlns:stream': 'http://etherx.jabber.org/streams',
      },
    });
  });

  it('emits first-level elements with qualified names and exact raw text', () => {
    const ev = feedAll(transcript);
    expect(types(ev)).toEqual(['stream-open', 'element', 'element']);
    expect(ev[1]).toEqual({
      type: 'element',
      element: x('stream:features', null, x('starttls', { xmlns: 'urn:ietf:params:xml:ns:xmpp-tls' }, x('required'))),
      raw: "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>",
    });
    expect(ev[2]).toMatchObject({ type: 'element', raw: "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>" });
  });

  it('gives the same events when fed one byte at a time', () => {
    expect(feedBytewise(enc(transcript))).toEqual(feedAll(transcript));
  });

  it('keeps an unfinished stanza pending until it completes', () => {
    const st = createStreamParser();
    expect(types(feed(st, enc(`${HEADER}<message to='romeo@example.net'><body>Wherefore`)))).toEqual(['stream-open']);
    const ev = feed(st, enc(' art thou?</body></message>'));
    expect(ev).toEqual([
      {
        type: 'element',
        element: x('message', { to: 'romeo@example.net' }, x('body', null, 'Wherefore art thou?')),
        raw: "<message to='romeo@example.net'><body>Wherefore art thou?</body></message>",
      },
    ]);
  });

  it('state is plain data: a structuredClone mid-stanza continues identically', () => {
    const st = createStreamParser();
    feed(st, enc(`${HEADER}<message><body>half`));
    const copy = structuredClone(st);
    expect(JSON.parse(JSON.stringify(st))).toEqual(st);
    const rest = enc(' done</body></message><presence/>');
    expect(feed(copy, rest)).toEqual(feed(st, rest));
  });

  it('closes on </stream:stream> and ignores anything after it (RFC 6120 §4.4)', () => {
    const st = createStreamParser();
    const ev = feed(st, enc(`${HEADER}<presence type='unavailable'/></stream:stream>junk<`));
    expect(types(ev)).toEqual(['stream-open', 'element', 'stream-close']);
    expect(st.phase).toBe('closed');
    expect(feed(st, enc('<message/>'))).toEqual([]);
  });

  it('a self-closing stream header opens and closes the stream', () => {
    expect(types(feedAll(`<stream:stream ${NS}/>`))).toEqual(['stream-open', 'stream-close']);
  });
});

describe('xml/stream-parser: content', () => {
  it('decodes predefined entities and character references, in text and attributes', () => {
    const ev = feedAll(`<stream:stream ${NS}><message id='a&amp;b&#x41;&#66;'><body>&lt;&gt;&amp;&apos;&quot;&#233;&#x1F600;</body></message>`);
    expect(ev[1]).toMatchObject({ type: 'element', element: x('message', { id: 'a&bAB' }, x('body', null, `<>&'"é😀`)) });
  });

  it('CDATA sections are character data (RFC 6120 §11.1 does not forbid them)', () => {
    const ev = feedAll(`<stream:stream ${NS}><message><body>a<![CDATA[<b>&]]>c</body></message>`);
    expect(ev[1]).toMatchObject({ element: x('message', null, x('body', null, 'a<b>&c')) });
  });

  it('keeps whitespace inside stanzas exactly, drops whitespace keepalives between them (RFC 6120 §4.6.1, §11.7)', () => {
    const ev = feedAll(`<stream:stream ${NS}> \n <message>\n  <body> x </body>\n</message>\n \n<iq/>`);
    expect(types(ev)).toEqual(['stream-open', 'element', 'element']);
    expect(ev[1]).toMatchObject({ element: { name: 'message', children: ['\n  ', x('body', null, ' x '), '\n'] } });
  });

  it('keeps prefixed names and declarations as written', () => {
    const ev = feedAll(`<stream:stream ${NS}><db:result xmlns:db='jabber:server:dialback' from='a' to='b'>key</db:result>`);
    expect(ev[1]).toMatchObject({ element: x('db:result', { 'xmlns:db': 'jabber:server:dialback', from: 'a', to: 'b' }, 'key') });
  });

  it('normalises line ends (XML 1.0 §2.11), also when CR and LF arrive in different chunks', () => {
    const doc = `<stream:stream ${NS}><message><body>a\r\nb\rc</body></message>`;
    const expected = x('message', null, x('body', null, 'a\nb\nc'));
    expect(feedAll(doc)[1]).toMatchObject({ element: expected });
    expect(feedBytewise(enc(doc))[1]).toMatchObject({ element: expected });
  });

  it('accepts a stream in jabber:server and a stream prefix other than "stream" (RFC 6120 §4.8.5)', () => {
    expect(types(feedAll(`<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'>`))).toEqual(['stream-open']);
    expect(feedAll(`<s:stream xmlns='jabber:client' xmlns:s='http://etherx.jabber.org/streams'><s:features/>`)).toMatchObject([
      { type: 'stream-open', name: 's:stream' },
      { type: 'element', element: { name: 's:features' } },
    ]);
  });
});

describe('xml/stream-parser: UTF-8 (RFC 6120 §11.6, RFC 3629)', () => {
  // RFC 3629 §7 examples: "A≢Α." and the Japanese "日本語", here inside a body.
  const body = 'A\u2262\u0391. 日本語 😀';
  const doc = `<stream:stream ${NS}><message><body>${body}</body></message>`;

  it('reassembles multi-byte characters split across chunks at every byte', () => {
    const bytes = enc(doc);
    for (let cut = 1; cut < bytes.length; cut++) {
      const st = createStreamParser();
      const ev = [...feed(st, bytes.subarray(0, cut)), ...feed(st, bytes.subarray(cut))];
      expect(ev[1]).toMatchObject({ element: x('message', null, x('body', null, body)) });
    }
  });

  it.each([
    ['a stray continuation byte', [0x80]],
    ['0xFF', [0xff]],
    ['an overlong NUL C0 80', [0xc0, 0x80]],
    ['an overlong E0 80 AF', [0xe0, 0x80, 0xaf]],
    ['a UTF-16 surrogate ED A0 80', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a truncated sequence followed by ASCII', [0xe2, 0x82, 0x41]],
  ])('refuses %s with unsupported-encoding, after delivering earlier stanzas', (_name, bad) => {
    const head = enc(`<stream:stream ${NS}><presence/><message><body>`);
    const bytes = new Uint8Array([...head, ...bad, ...enc('</body></message>')]);
    for (const ev of [feedAll(bytes), feedBytewise(bytes)]) {
      expect(types(ev)).toEqual(['stream-open', 'element', 'error']);
      expect(lastError(ev)).toBe('unsupported-encoding');
    }
  });

  it('a U+FEFF (byte order mark) before the header is refused (RFC 6120 §11.6)', () => {
    expect(lastError(feedAll(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(`<stream:stream ${NS}>`)])))).toBe('not-well-formed');
  });

  it('an XML declaration naming another encoding is unsupported-encoding', () => {
    expect(lastError(feedAll(`<?xml version='1.0' encoding='ISO-8859-1'?><stream:stream ${NS}>`))).toBe('unsupported-encoding');
    expect(types(feedAll(`<?xml version='1.0' encoding='UTF-8'?><stream:stream ${NS}>`))).toEqual(['stream-open']);
  });
});

describe('xml/stream-parser: restricted XML (RFC 6120 §11.1)', () => {
  const open = `<stream:stream ${NS}>`;
  it.each([
    ['a comment between stanzas', `${open}<!-- hi -->`],
    ['a comment inside a stanza', `${open}<message><!-- hi --></message>`],
    ['a comment before the header', `<!-- hi -->${open}`],
    ['a processing instruction inside a stanza', `${open}<message><?php echo 1 ?></message>`],
    ['a processing instruction before the header', `<?xml-stylesheet href='a'?>${open}`],
    ['a DOCTYPE before the header', `<!DOCTYPE stream:stream>${open}`],
    ['a DOCTYPE with internal subset', `<!DOCTYPE stream:stream [<!ENTITY x 'y'>]>${open}`],
    ['a DOCTYPE inside the stream', `${open}<message><!DOCTYPE foo></message>`],
    ['an undefined entity reference in text', `${open}<message>&nbsp;</message>`],
    ['an undefined entity reference in an attribute', `${open}<message id='&foo;'/>`],
  ])('%s → restricted-xml', (_name, doc) => {
    for (const ev of [feedAll(doc), feedBytewise(enc(doc))]) expect(lastError(ev)).toBe('restricted-xml');
  });

  it('the XML declaration before the header is allowed (RFC 6120 §11.5)', () => {
    expect(types(feedAll(`<?xml version='1.0'?>\n${open}`))).toEqual(['stream-open']);
  });

  it('after an error, feed() returns nothing', () => {
    const st = createStreamParser();
    feed(st, enc(`${open}<!---->`));
    expect(st.phase).toBe('failed');
    expect(feed(st, enc('<message/>'))).toEqual([]);
  });
});

describe('xml/stream-parser: well-formedness (RFC 6120 §11.3) and other errors', () => {
  const open = `<stream:stream ${NS}>`;
  it.each([
    ['mismatched tags', `${open}<message></presence>`],
    ['an unbound prefix', `${open}<foo:bar/>`],
    ['a duplicate attribute', `${open}<message to='a' to='b'/>`],
    ['an unquoted attribute', `${open}<message to=a/>`],
    ['a control character', `${open}<message>\u0001</message>`],
    ['a bare ampersand', `${open}<message>a & b</message>`],
    ['a bare ampersand in an attribute', `${open}<message id='a&b c'/>`],
    ['a malformed character reference', `${open}<message>&#xD800;</message>`],
    ['"]]>" in text', `${open}<message>]]></message>`],
    ['text before the header', `hello${open}`],
    ['an XML declaration inside the stream', `${open}<?xml version='1.0'?>`],
  ])('%s → not-well-formed', (_name, doc) => {
    for (const ev of [feedAll(doc), feedBytewise(enc(doc))]) expect(lastError(ev)).toBe('not-well-formed');
  });

  it('character data between stanzas → bad-format (RFC 6120 §4.9.3.1)', () => {
    expect(lastError(feedAll(`${open}<presence/>hello<presence/>`))).toBe('bad-format');
  });

  it.each([
    ['a root element that is not <stream>', `<message ${NS}>`],
    ['<stream> in the wrong namespace', `<stream:stream xmlns='jabber:client' xmlns:stream='http://example.com/streams'>`],
    ['<stream> with no namespace', `<stream xmlns='jabber:client'>`],
    ['no stream namespace declaration', `<stream:stream xmlns='jabber:client'>`],
    ['no content namespace', `<stream:stream xmlns:stream='http://etherx.jabber.org/streams'>`],
    ['an unsupported content namespace', `<stream:stream xmlns='jabber:iq:roster' xmlns:stream='http://etherx.jabber.org/streams'>`],
  ])('%s → invalid-namespace (RFC 6120 §4.9.3.10)', (_name, doc) => {
    expect(feedAll(doc)).toEqual([expect.objectContaining({ type: 'error', condition: 'invalid-namespace' })]);
  });
});

describe('xml/stream-parser: limits → policy-violation (RFC 6120 §4.9.3.14, §13.12)', () => {
  const open = `<stream:stream ${NS}>`;
  const stanzaOf = (n: number): string => {
    const shell = '<message><body></body></message>';
    return `<message><body>${'é'.repeat(0).padEnd(n - shell.length, 'a')}</body></message>`;
  };

  it('a stanza of exactly maxStanzaBytes passes; one byte more does not', () => {
    const ok = stanzaOf(100);
    expect(enc(ok).length).toBe(100);
    expect(types(feedAll(open + ok, createStreamParser({ maxStanzaBytes: 100 })))).toEqual(['stream-open', 'element']);
    const big = stanzaOf(101);
    for (const ev of [feedAll(open + big, createStreamParser({ maxStanzaBytes: 100 })), feedBytewise(enc(open + big), createStreamParser({ maxStanzaBytes: 100 }))]) {
      expect(types(ev)).toEqual(['stream-open', 'error']);
      expect(lastError(ev)).toBe('policy-violation');
    }
  });

  it('counts UTF-8 bytes, not characters', () => {
    const doc = `${open}<message><body>${'é'.repeat(40)}</body></message>`; // 32 + 80 bytes
    expect(lastError(feedAll(doc, createStreamParser({ maxStanzaBytes: 100 })))).toBe('policy-violation');
    expect(types(feedAll(doc, createStreamParser({ maxStanzaBytes: 112 })))).toEqual(['stream-open', 'element']);
  });

  it('whitespace keepalives do not count against the next stanza', () => {
    const st = createStreamParser({ maxStanzaBytes: 120 }); // the header is 93 bytes
    expect(types(feed(st, enc(open)))).toEqual(['stream-open']);
    for (let i = 0; i < 200; i++) expect(feed(st, enc(i % 2 ? ' ' : '\n'))).toEqual([]);
    expect(types(feed(st, enc('<presence/>')))).toEqual(['element']);
  });

  it('refuses an endless unfinished stanza without buffering it all', () => {
    const st = createStreamParser({ maxStanzaBytes: 1000 });
    feed(st, enc(`${open}<message><body>`));
    let ev: StreamParseEvent[] = [];
    for (let i = 0; i < 100 && ev.length === 0; i++) ev = feed(st, enc('a'.repeat(100)));
    expect(lastError(ev)).toBe('policy-violation');
    expect(st.pending).toBe('');
  });

  it('nesting deeper than maxDepth', () => {
    const nest = (d: number): string => '<a>'.repeat(d) + '</a>'.repeat(d);
    expect(types(feedAll(open + nest(5), createStreamParser({ maxDepth: 5 })))).toEqual(['stream-open', 'element']);
    expect(lastError(feedAll(open + nest(6), createStreamParser({ maxDepth: 5 })))).toBe('policy-violation');
    // Reported as soon as the too-deep start tag arrives, before the stanza ends.
    expect(lastError(feedAll(open + '<a>'.repeat(100)))).toBe('policy-violation');
  });
});

describe('xml/stream-parser: stream restart (RFC 6120 §4.3.3)', () => {
  it('after SASL success a new header (with XML declaration) opens a new stream', () => {
    const st = createStreamParser();
    feed(st, enc(`<?xml version='1.0'?><stream:stream ${NS}><success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>`));
    restartStream(st);
    expect(st.phase).toBe('awaiting-header');
    const ev = feed(st, enc(`<?xml version='1.0'?><stream:stream ${NS} id='2'><stream:features/>`));
    expect(ev).toMatchObject([{ type: 'stream-open', attrs: { id: '2' } }, { type: 'element', element: { name: 'stream:features' } }]);
  });

  it('revives a failed or closed parser with nothing buffered', () => {
    for (const first of [`<stream:stream ${NS}><!-- x -->`, `<stream:stream ${NS}></stream:stream>`]) {
      const st = createStreamParser();
      feed(st, enc(first));
      restartStream(st);
      expect(st).toMatchObject({ phase: 'awaiting-header', pending: '', undecoded: [], header: null });
      expect(types(feed(st, enc(`<stream:stream ${NS}><presence/>`)))).toEqual(['stream-open', 'element']);
    }
  });

  it('bytes already buffered are parsed on the next feed after the restart', () => {
    const st = createStreamParser();
    const ev1 = feed(st, enc(`<stream:stream ${NS}><proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/><stream:stream ${NS} id='2'>`));
    expect(types(ev1)).toEqual(['stream-open', 'element']);
    restartStream(st);
    expect(feed(st, new Uint8Array(0))).toMatchObject([{ type: 'stream-open', attrs: { id: '2' } }]);
  });
});

describe('xml/stream-parser: misuse is a labelled throw', () => {
  it('rejects bad limits and non-byte input', () => {
    expect(() => createStreamParser({ maxDepth: 0 })).toThrow(/^xml\/parser: /);
    expect(() => createStreamParser({ maxStanzaBytes: 1.5 })).toThrow(/^xml\/parser: /);
    expect(() => feed(createStreamParser(), 'text' as unknown as Uint8Array)).toThrow(/^xml\/parser: /);
  });
});
