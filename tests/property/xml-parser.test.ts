import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createStreamParser, feed, type StreamParseEvent, type StreamParserLimits, type StreamParserState } from '@/lib/xml/stream-parser';
import { serialize } from '@/lib/xml/serialize';
import type { XmlElement, XmlNode } from '@/lib/xml/element';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";
const RUNS = 10_000;

// ---- generators -------------------------------------------------------------------------------

/** Any XML 1.0 Char (§2.2), biased towards the ones that need escaping or normalising. */
const xmlChar = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.constantFrom('&', '<', '>', "'", '"', '\t', '\n', '\r', ']', ';', '\r\n') },
  { weight: 1, arbitrary: fc.integer({ min: 0xa0, max: 0xd7ff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xe000, max: 0xfffd }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
);
const xmlString = (maxLength: number): fc.Arbitrary<string> => fc.array(xmlChar, { maxLength }).map((a) => a.join(''));

const ncName = fc
  .tuple(fc.constantFrom('a', 'b', 'm', 'q', 'é', 'Ж', '_', 'z'), fc.stringMatching(/^[a-z0-9._-]{0,5}$/))
  .map(([h, t]) => h + t);
const elementName = fc.oneof({ weight: 5, arbitrary: ncName }, { weight: 1, arbitrary: ncName.map((n) => `stream:${n}`) });
const attrs = fc
  .tuple(
    fc.option(fc.constantFrom('jabber:client', 'urn:example:a', 'urn:ietf:params:xml:ns:xmpp-sasl'), { nil: undefined }),
    fc.dictionary(ncName, xmlString(8), { maxKeys: 3 }),
  )
  .map(([ns, rest]) => {
    const out: Record<string, string> = {};
    if (ns !== undefined) out.xmlns = ns;
    for (const [k, v] of Object.entries(rest)) out[k] = v;
    return out;
  });

/** Children as the parser reports them: no empty strings, no two strings side by side. */
function normalise(children: XmlNode[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of children) {
    const last = out[out.length - 1];
    if (typeof c === 'string') {
      if (c === '') continue;
      if (typeof last === 'string') out[out.length - 1] = last + c;
      else out.push(c);
    } else out.push(c);
  }
  return out;
}

const { element } = fc.letrec<{ element: XmlElement; node: XmlNode }>((tie) => ({
  element: fc
    .tuple(elementName, attrs, fc.array(tie('node'), { maxLength: 4, depthIdentifier: 'el' }))
    .map(([name, a, kids]) => ({ name, attrs: a, children: normalise(kids) })),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true, depthIdentifier: 'el' }, xmlString(10), tie('element')),
}));

const limits: fc.Arbitrary<Partial<StreamParserLimits>> = fc.oneof(
  fc.constant({}),
  // The header is 120 bytes: budgets around it exercise both sides of the limit.
  fc.record({ maxStanzaBytes: fc.integer({ min: 100, max: 500 }), maxDepth: fc.integer({ min: 1, max: 6 }) }),
);

/** Fragments that steer random documents through the parser's interesting paths. */
const junk = fc.constantFrom(
  '<', '>', '/>', '</', '&', '&amp;', '&#', '&#x41;', '&foo;', ';', '=', "'", '"', ' ', '\n', '\r',
  '<!--', '-->', '<?', '?>', '<?xml version="1.0"?>', '<!DOCTYPE a>', '<![CDATA[', ']]>',
  '<a>', '</a>', '<b/>', '<x:y>', 'é', '😀', '\u0001', '\ufeff', '</stream:stream>', HEADER,
);
const junkBytes = fc.oneof(
  { weight: 8, arbitrary: junk.map(enc) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(new Uint8Array([0xc3]), new Uint8Array([0xa9]), new Uint8Array([0xf0, 0x9f]), new Uint8Array([0xed, 0xa0, 0x80])) },
);

/** A stream: header, some serialised elements with whitespace, and now and then junk spliced in. */
const streamBytes = fc
  .tuple(
    fc.array(fc.tuple(element, fc.constantFrom('', ' ', '\n', '\r\n\t')), { maxLength: 4 }),
    fc.array(fc.tuple(fc.nat(), junkBytes), { maxLength: 3 }),
    fc.boolean(),
  )
  .map(([els, splices, close]) => {
    let bytes = enc(HEADER + els.map(([e, ws]) => ws + serialize(e)).join('') + (close ? '</stream:stream>' : ''));
    for (const [at, j] of splices) {
      const k = at % (bytes.length + 1);
      bytes = new Uint8Array([...bytes.subarray(0, k), ...j, ...bytes.subarray(k)]);
    }
    return bytes;
  });

/** Cut points → chunks of the same bytes. */
function chunk(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  out.push(bytes.subarray(prev));
  return out;
}

/** Feed chunk by chunk, continuing each time from a structuredClone (as the simulator's checkpoints do). */
function feedChunks(chunks: Uint8Array[], l: Partial<StreamParserLimits>): StreamParseEvent[] {
  let st: StreamParserState = createStreamParser(l);
  const out: StreamParseEvent[] = [];
  for (const c of chunks) {
    out.push(...feed(st, c));
    st = structuredClone(st);
  }
  return out;
}

function checkEventGrammar(events: StreamParseEvent[]): void {
  let opened = false;
  events.forEach((e, i) => {
    const last = i === events.length - 1;
    expect(['stream-open', 'element', 'stream-close', 'error']).toContain(e.type);
    if (e.type === 'stream-open') {
      expect(opened).toBe(false);
      opened = true;
    }
    if (e.type === 'element') {
      expect(opened).toBe(true);
      expect(typeof e.raw).toBe('string');
    }
    if (e.type === 'stream-close' || e.type === 'error') expect(last).toBe(true);
    if (e.type === 'error') {
      expect(['not-well-formed', 'restricted-xml', 'policy-violation', 'unsupported-encoding', 'invalid-namespace', 'bad-format', 'invalid-xml']).toContain(e.condition);
    }
  });
}

// ---- properties -------------------------------------------------------------------------------

describe('xml/stream-parser properties', () => {
  it('parse ∘ serialize is the identity on elements, and raw is the serialised text', () => {
    fc.assert(
      fc.property(element, (el) => {
        const text = serialize(el);
        const ev = feed(createStreamParser(), enc(HEADER + text));
        expect(ev).toEqual([
          { type: 'stream-open', name: 'stream:stream', attrs: expect.any(Object) },
          { type: 'element', element: el, raw: text },
        ]);
      }),
      { numRuns: RUNS },
    );
  });

  it('however the same bytes are chunked, the events are the same', () => {
    fc.assert(
      fc.property(streamBytes, fc.array(fc.nat(), { maxLength: 8 }), limits, (bytes, cuts, l) => {
        const whole = feed(createStreamParser(l), bytes);
        expect(feedChunks(chunk(bytes, cuts), l)).toEqual(whole);
      }),
      { numRuns: RUNS },
    );
  });

  it('arbitrary bytes never throw and yield only well-ordered, allowed events', () => {
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.tuple(fc.boolean(), fc.array(junkBytes, { maxLength: 12 })).map(([h, parts]) => {
        const all = [...(h ? enc(HEADER) : []), ...parts.flatMap((p) => [...p])];
        return new Uint8Array(all);
      }),
    );
    fc.assert(
      fc.property(input, fc.array(fc.nat(), { maxLength: 8 }), limits, (bytes, cuts, l) => {
        const events = feedChunks(chunk(bytes, cuts), l);
        checkEventGrammar(events);
      }),
      { numRuns: RUNS },
    );
  });
});
