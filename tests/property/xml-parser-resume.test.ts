import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createStreamParser, feed, restartStream, type StreamParseEvent, type StreamParserState } from '@/lib/xml/stream-parser';

/**
 * The parser resumes a live saxes instance when a chunk ends at a stanza boundary, and rebuilds
 * one from the plain state otherwise (always, after a checkpoint copy). Both must give the same
 * events: this compares a parser fed directly with one cloned before every chunk.
 */
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";

const text = fc.constantFrom('hi', 'a &amp; b', 'Grüße 👋', '&lt;tag&gt;', ' ', '\r\n', 'x]]>y', '&#x1F600;');
const stanza = fc.oneof(
  fc.tuple(fc.constantFrom('message', 'presence', 'iq', 'stream:features'), text).map(([n, t]) => `<${n} id='1'><body>${t}</body></${n}>`),
  fc.constantFrom('<presence/>', ' ', '\n', '\r', '<a xmlns="urn:x"><b/></a>', '<!-- c -->', '<?pi x?>', 'junk', '<broken', '</stream:stream>', '<stream:error/>', '\uD83D', '&bogus;'),
);
/** A stream as a list of chunks; a chunk is one or more pieces, or a split inside one, or a restart marker. */
const script = fc.array(fc.oneof({ weight: 6, arbitrary: stanza }, { weight: 1, arbitrary: fc.constant('RESTART') }, { weight: 1, arbitrary: fc.tuple(stanza, fc.nat(40)).map(([s, k]) => s.slice(0, k % (s.length + 1))) }), { maxLength: 25 });

function run(chunks: string[], clone: boolean): StreamParseEvent[][] {
  let state: StreamParserState = createStreamParser();
  const out: StreamParseEvent[][] = [feed(state, enc(HEADER))];
  for (const c of chunks) {
    if (clone) state = structuredClone(state);
    if (c === 'RESTART') {
      restartStream(state);
      out.push(feed(state, enc(HEADER)));
    } else out.push(feed(state, enc(c)));
  }
  return out;
}

describe('stream parser: resuming a live parser equals rebuilding from the plain state', () => {
  it('gives identical events for any stream, cut anywhere', () => {
    fc.assert(
      fc.property(script, (chunks) => {
        expect(run(chunks, false)).toEqual(run(chunks, true));
      }),
      { numRuns: 3_000 },
    );
  });
});
