/**
 * Found by the fuzzer (npm run fuzz, target xml-stream): character data before the stream header
 * was reported differently depending on where the bytes were cut — saxes reports text outside the
 * root only when its text run ends (the next '<' or the end of a chunk), so a later error in the same
 * run ("disallowed character" for a NUL) won when the text arrived whole, and "text data outside of
 * root node" won when it arrived cut. The parser refuses such text where it stands (commit 7e87a81;
 * lost when the parser became resumable), so the error event is the same however the bytes arrive.
 */
import { describe, expect, it } from 'vitest';
import { createStreamParser, feed, type StreamParseEvent } from '@/lib/xml/stream-parser';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const NS = "xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'";

function chunked(bytes: Uint8Array, cuts: number[]): StreamParseEvent[] {
  const st = createStreamParser();
  const out: StreamParseEvent[] = [];
  let from = 0;
  for (const at of [...cuts, bytes.length]) {
    out.push(...feed(st, bytes.subarray(from, at)));
    from = at;
  }
  return out;
}

describe('xml/stream-parser: text before the stream header', () => {
  it.each([
    ['the fuzzer\'s counterexample', '𐀀𐀀\u0000'],
    ['text then a NUL', 'ab\u0000c'],
    ['text then a header', `hello<stream:stream ${NS}>`],
    ['an XML declaration, then text', `<?xml version='1.0'?> x\u0000<stream:stream ${NS}>`],
  ])('%s: the same error event whole, cut anywhere, and byte by byte', (_name, text) => {
    const bytes = enc(text);
    const whole = chunked(bytes, []);
    expect(whole).toEqual([{ type: 'error', condition: 'not-well-formed', text: 'text before the stream header' }]);
    for (let cut = 1; cut < bytes.length; cut++) expect(chunked(bytes, [cut])).toEqual(whole);
    expect(chunked(bytes, [...bytes.keys()].slice(1))).toEqual(whole);
  });

  it('a U+FEFF before the header keeps its own message (RFC 6120 §11.6: not a byte order mark)', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(`<stream:stream ${NS}>`)]);
    const expected = [{ type: 'error', condition: 'not-well-formed', text: 'U+FEFF before the stream header (no byte order mark in XMPP)' }];
    expect(chunked(bytes, [])).toEqual(expected);
    expect(chunked(bytes, [1, 2, 3, 4])).toEqual(expected);
  });
});
