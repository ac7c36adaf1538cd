import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prettyPrint } from '@/lib/xml/pretty';
import { createStreamParser, feed } from '@/lib/xml/stream-parser';
import { serialize } from '@/lib/xml/serialize';
import { x, type XmlElement, type XmlNode } from '@/lib/xml/element';

const HEADER = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

const name = fc.constantFrom('message', 'body', 'x', 'stream:features', 'item');
const textNode = fc.oneof(fc.string({ maxLength: 6 }).map((s) => s.replace(/[^\t\n\r\x20-\ud7ff\ue000-\ufffd]/g, '')), fc.constantFrom(' ', '\n  ', 'a > b'));
const { element } = fc.letrec<{ element: XmlElement; node: XmlNode }>((tie) => ({
  element: fc.tuple(name, fc.array(tie('node'), { maxLength: 3, depthIdentifier: 'p' })).map(([n, kids]) => x(n, { id: 'a>b' }, ...kids)),
  node: fc.oneof({ depthSize: 'small', depthIdentifier: 'p' }, textNode, tie('element')),
}));

/** Whitespace-only text is layout, the only thing prettyPrint may change; merge what remains. */
function strip(el: XmlElement): XmlElement {
  const kids: XmlNode[] = [];
  const hasText = el.children.some((c) => typeof c === 'string' && /[^ \t\r\n]/.test(c));
  for (const c of el.children) {
    if (typeof c !== 'string') kids.push(strip(c));
    else if (hasText && c !== '') {
      const last = kids[kids.length - 1];
      if (typeof last === 'string') kids[kids.length - 1] = last + c;
      else kids.push(c);
    }
  }
  return { name: el.name, attrs: el.attrs, children: kids };
}

describe('xml/pretty properties', () => {
  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.array(fc.constantFrom('<', '>', '/', 'a', "'", '"', '<!--', '?>', ' ', '\n'), { maxLength: 20 }).map((a) => a.join(''))), (s) => {
        expect(typeof prettyPrint(s)).toBe('string');
      }),
      { numRuns: 5_000 },
    );
  });

  it('only re-lays out whitespace: the pretty text parses to the same element, text kept exactly', () => {
    fc.assert(
      fc.property(element, (el) => {
        const pretty = prettyPrint(serialize(el));
        const ev = feed(createStreamParser(), new TextEncoder().encode(HEADER + pretty));
        expect(ev[1]?.type).toBe('element');
        if (ev[1]?.type === 'element') expect(strip(ev[1].element)).toEqual(strip(el));
      }),
      { numRuns: 2_000 },
    );
  });
});
