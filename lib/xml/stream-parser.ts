/**
 * Incremental parser for XMPP XML streams (RFC 6120 §4 streams, §11 XML usage), built on saxes.
 *
 * The state is plain data — the simulator checkpoints it with structuredClone — so no parser
 * object survives between calls. Each `feed()` creates a fresh SaxesParser and writes to it
 *   1. a re-serialised copy of the stream header (if the stream is already open), so that
 *      namespace prefixes declared there stay bound (RFC 6120 §4.8);
 *   2. `pending`: the text after the last complete first-level child, i.e. a partial stanza;
 *   3. the newly decoded text.
 * Complete first-level children (stanzas and nonzas, RFC 6120 §4.1) are emitted with the exact
 * text they were written as; the unconsumed rest becomes the new `pending`. Re-parsing the partial
 * stanza costs at most `maxStanzaBytes` per feed, which is what bounds it.
 *
 * Every fatal condition becomes one `error` event naming the RFC 6120 §4.9.3 condition; after that
 * the parser is dead and `feed()` returns []. Events never depend on how the bytes were chunked.
 *
 * RFC 6120 §11 as enforced here:
 *   §11.1 restricted XML — comments, PIs, DTDs, undefined entities → restricted-xml
 *   §11.3 well-formedness, incl. namespace well-formedness (unbound prefixes) → not-well-formed
 *   §11.5 an XML declaration only before the stream header (again after a restart)
 *   §11.6 UTF-8 only → unsupported-encoding; U+FEFF is not a byte order mark
 *   §11.7 whitespace between first-level elements is ignored; other character data → bad-format
 *   §11.8 parsed as XML 1.0 whatever version the declaration names
 * Not here: §11.4 validation (invalid-xml is never raised), §11.2 checks on which prefix a
 * stream-level element uses (bad-namespace-prefix belongs to the stream layer).
 * Stream header checks (RFC 6120 §4.8, §4.9.3.10 invalid-namespace) live in stream-header.ts.
 * @module
 */
import { SaxesParser } from 'saxes';
import type { SaxesTagNS } from 'saxes';
import type { XmlElement } from './element';
import { serializeOpenTag } from './serialize';
import { guardEntityReferences } from './saxes-entity-guard';
import { classifySaxesError } from './stream-errors';
import type { StreamErrorCondition } from './stream-errors';
import { checkStreamHeader } from './stream-header';
import { decodeValidUtf8, scanUtf8, utf8Offsets } from './utf8-stream';

export type { StreamErrorCondition } from './stream-errors';

export interface StreamParserLimits {
  /** Largest first-level element (stanza) — and stream header — in UTF-8 bytes, counted from its `<`.
   *  RFC 6120 §4.9.3.14 <policy-violation/>: "e.g., a stanza exceeds a configured size limit". */
  maxStanzaBytes: number;
  /** Deepest element nesting within a stanza; the stanza itself is depth 1. */
  maxDepth: number;
}

const DEFAULT_LIMITS: StreamParserLimits = { maxStanzaBytes: 256 * 1024, maxDepth: 64 };

export type StreamParserPhase = 'awaiting-header' | 'open' | 'closed' | 'failed';

/** Plain data only (structuredClone-safe, JSON-safe). */
export interface StreamParserState {
  limits: StreamParserLimits;
  phase: StreamParserPhase;
  /** The open stream header as received: qualified name and attributes as written. */
  header: { name: string; attrs: Record<string, string> } | null;
  /** Decoded text not yet consumed: a partial first-level element, or (before the header) everything so far. */
  pending: string;
  /** Trailing bytes of a UTF-8 character split across chunks (at most 3). */
  undecoded: number[];
}

export type StreamParseEvent =
  | { type: 'stream-open'; name: string; attrs: Record<string, string> }
  | { type: 'element'; element: XmlElement; raw: string }
  | { type: 'stream-close' }
  | { type: 'error'; condition: StreamErrorCondition; text: string };

export function createStreamParser(limits?: Partial<StreamParserLimits>): StreamParserState {
  const l = { ...DEFAULT_LIMITS, ...limits };
  if (!(Number.isInteger(l.maxStanzaBytes) && l.maxStanzaBytes > 0)) throw new Error('xml/parser: maxStanzaBytes must be a positive integer');
  if (!(Number.isInteger(l.maxDepth) && l.maxDepth > 0)) throw new Error('xml/parser: maxDepth must be a positive integer');
  return { limits: l, phase: 'awaiting-header', header: null, pending: '', undecoded: [] };
}

/**
 * RFC 6120 §4.3.3: after STARTTLS or SASL success both sides start a new stream "without closing
 * the existing stream"; the parser then expects a fresh header (an XML declaration may precede it
 * again). Text already buffered stays and is parsed on the next `feed()` — feed an empty array
 * to drain it. From a failed or closed state it starts afresh with nothing buffered.
 */
export function restartStream(state: StreamParserState): void {
  if (isDone(state)) {
    // After an error or a close there is nothing left to keep: this is a new stream on a new
    // (or newly observed) connection, e.g. an eavesdropper's parser meeting the next header.
    state.pending = '';
    state.undecoded = [];
  }
  state.phase = 'awaiting-header';
  state.header = null;
}

/** Feed received bytes; returns the events they complete. Mutates `state`; never throws on peer input. */
export function feed(state: StreamParserState, data: Uint8Array): StreamParseEvent[] {
  if (!(data instanceof Uint8Array)) throw new Error('xml/parser: feed() expects a Uint8Array');
  if (isDone(state)) return [];
  let bytes = data;
  if (state.undecoded.length > 0) {
    bytes = new Uint8Array(state.undecoded.length + data.length);
    bytes.set(state.undecoded, 0);
    bytes.set(data, state.undecoded.length);
  }
  const scan = scanUtf8(bytes);
  state.undecoded = scan.tail === 'incomplete' ? Array.from(bytes.subarray(scan.validEnd)) : [];
  const events: StreamParseEvent[] = [];
  // Text before a bad byte is still parsed, so that elements completed before it are delivered
  // exactly as if the stream had been chunked right at the bad byte.
  parseText(state, decodeValidUtf8(bytes.subarray(0, scan.validEnd)), events);
  if (scan.tail === 'invalid' && !isDone(state)) {
    // RFC 6120 §11.6 / §4.9.3.22: data not in UTF-8 → <unsupported-encoding/>.
    events.push({ type: 'error', condition: 'unsupported-encoding', text: 'data is not valid UTF-8' });
    state.phase = 'failed';
    state.pending = '';
    state.undecoded = [];
  }
  return events;
}

/** A function, not an inline test, so that TypeScript does not narrow `phase` across calls that mutate it. */
function isDone(state: StreamParserState): boolean {
  return state.phase === 'failed' || state.phase === 'closed';
}

/** Thrown inside saxes handlers to stop parsing at once; never escapes this module. */
const STOP: unique symbol = Symbol('stop');

/** XML whitespace, XML 1.0 §2.3 production S. */
function skipWhitespace(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    i++;
  }
  return i;
}

/** Largest index L ≥ from with off[L] − off[from] ≤ budget (off is non-decreasing). */
function budgetEnd(off: Uint32Array, from: number, budget: number): number {
  const target = (off[from] as number) + budget;
  let lo = from;
  let hi = off.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((off[mid] as number) <= target) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Index of the first character of character data before the root element, or -1 if there is none
 * (yet). XML 1.0 §2.8: prolog ::= XMLDecl? Misc*, and Misc is whitespace, comments and PIs; the
 * latter two are restricted XML (RFC 6120 §11.1) and saxes reports them, so only the text after
 * an optional XML declaration and whitespace needs looking at here.
 */
function textBeforeRoot(input: string): number {
  let i = 0;
  if (input.startsWith('<?xml')) {
    if (input.length < 6) return -1;
    if (/[ \t\r\n]/.test(input.charAt(5))) {
      const end = input.indexOf('?>', 6);
      if (end < 0) return -1;
      i = end + 2;
    }
  }
  i = skipWhitespace(input, i);
  return i < input.length && input.charAt(i) !== '<' ? i : -1;
}

function attrsOf(tag: SaxesTagNS): Record<string, string> {
  const out: Record<string, string> = {};
  // saxes keeps attributes in document order and includes xmlns declarations: exactly as written.
  for (const a of Object.values(tag.attributes)) out[a.name] = a.value;
  return out;
}

/**
 * The per-feed facts the saxes handlers read. The handlers close over this object, not over
 * locals, so that a live parser can be resumed by a later feed with a fresh context.
 */
interface FeedContext {
  state: StreamParserState;
  /** The text written to the parser in this feed (replayed header + pending + new text, or only the new text when resumed). */
  input: string;
  /** parser.position when `input` began: positions in `input` are parser.position − base. */
  base: number;
  /** Length of the replayed header at the start of `input` (0 when resumed). */
  replayLength: number;
  /** Index in `input` just after the last consumed first-level item. */
  lastEnd: number;
  rootSeen: boolean;
  stack: XmlElement[];
  events: StreamParseEvent[];
}

interface LiveParser {
  parser: SaxesParser;
  ctx: FeedContext;
  /** The header object of the state when the parser was left: a restart replaces it. */
  header: StreamParserState['header'];
  /** Characters written to the parser so far. saxes's `position` over-counts between writes (it adds the last chunk's index to a total that already includes it), so positions are based on this. */
  total: number;
}

/**
 * A parser left at a first-level boundary (nothing pending) can simply be written to again: its
 * namespace context is exactly the one a fresh parser would rebuild by replaying the header.
 * Keyed by the state object, so a checkpoint copy (structuredClone) never finds it and rebuilds,
 * giving the same events; only the cost differs (a fresh saxes parser per chunk costs ~0.4 ms).
 */
const live = new WeakMap<StreamParserState, LiveParser>();

function makeParser(ctx: FeedContext): SaxesParser {
  const { maxDepth } = ctx.state.limits;
  const parser = new SaxesParser({ xmlns: true, position: false, defaultXMLVersion: '1.0', forceXMLVersion: true });
  guardEntityReferences(parser);
  const c = () => ctx; // the same object for the parser's whole life; each feed updates its fields
  const pos = () => parser.position - ctx.base;

  const fail = (condition: StreamErrorCondition, why: string): never => {
    c().events.push({ type: 'error', condition, text: why });
    c().state.phase = 'failed';
    throw STOP;
  };

  const addText = (t: string): void => {
    const { stack, rootSeen } = c();
    const top = stack[stack.length - 1];
    if (top === undefined) {
      // Between stanzas only whitespace (e.g. RFC 6120 §4.6.1 whitespace keepalives) makes sense;
      // other character data at depth 1 cannot be processed (RFC 6120 §4.9.3.1 <bad-format/>).
      if (rootSeen && /[^ \t\r\n]/.test(t)) fail('bad-format', 'character data between stanzas');
      return;
    }
    const last = top.children[top.children.length - 1];
    if (typeof last === 'string') top.children[top.children.length - 1] = last + t;
    else top.children.push(t);
  };

  parser.on('error', (err) => {
    const { condition, text: why } = classifySaxesError(err.message);
    // An unbound prefix on the header itself (`<stream:stream>` without xmlns:stream) means the
    // stream namespace is missing: RFC 6120 §4.9.3.10 <invalid-namespace/>, not a mere XML slip.
    if (!c().rootSeen && why.startsWith('unbound namespace prefix')) fail('invalid-namespace', why);
    fail(condition, why);
  });
  parser.on('xmldecl', (decl) => {
    // RFC 6120 §11.6: UTF-8 is the only encoding; §11.5 allows the declaration itself.
    if (decl.encoding !== undefined && decl.encoding.toLowerCase() !== 'utf-8') fail('unsupported-encoding', `encoding ${decl.encoding} is not UTF-8`);
  });
  // RFC 6120 §11.1: no comments, no processing instructions, no DTD subsets.
  parser.on('comment', () => fail('restricted-xml', 'comments are not allowed'));
  parser.on('processinginstruction', (pi) => fail('restricted-xml', `processing instruction <?${pi.target}?> is not allowed`));
  parser.on('doctype', () => fail('restricted-xml', 'document type declarations are not allowed'));
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('opentag', (tag) => {
    const ctx = c();
    if (!ctx.rootSeen) {
      ctx.rootSeen = true;
      if (ctx.replayLength > 0) return; // our own replayed header, already reported
      const attrs = attrsOf(tag);
      const bad = checkStreamHeader(tag.local, tag.uri, attrs);
      if (bad) fail(bad.condition, bad.text);
      ctx.state.phase = 'open';
      ctx.state.header = { name: tag.name, attrs };
      ctx.events.push({ type: 'stream-open', name: tag.name, attrs: { ...attrs } });
      ctx.lastEnd = pos();
      return;
    }
    if (ctx.stack.length + 1 > maxDepth) fail('policy-violation', `element nesting deeper than ${maxDepth}`);
    const el: XmlElement = { name: tag.name, attrs: attrsOf(tag), children: [] };
    ctx.stack[ctx.stack.length - 1]?.children.push(el);
    ctx.stack.push(el);
  });
  parser.on('closetag', () => {
    const ctx = c();
    const el = ctx.stack.pop();
    if (el === undefined) {
      // RFC 6120 §4.4: </stream:stream> closes the stream; anything after it is ignored.
      ctx.events.push({ type: 'stream-close' });
      ctx.state.phase = 'closed';
      throw STOP;
    }
    if (ctx.stack.length === 0) {
      const start = skipWhitespace(ctx.input, ctx.lastEnd);
      ctx.lastEnd = pos();
      ctx.events.push({ type: 'element', element: el, raw: ctx.input.slice(start, ctx.lastEnd) });
    }
  });
  return parser;
}

function parseText(state: StreamParserState, text: string, events: StreamParseEvent[]): void {
  const { maxStanzaBytes } = state.limits;
  const resumable = live.get(state);
  live.delete(state);
  let parser: SaxesParser;
  let ctx: FeedContext;
  if (resumable && state.phase === 'open' && state.pending === '' && state.header === resumable.header) {
    if (text.length === 0) {
      live.set(state, resumable);
      return;
    }
    parser = resumable.parser;
    ctx = resumable.ctx;
    Object.assign(ctx, { input: text, base: resumable.total, replayLength: 0, lastEnd: 0, events });
  } else {
    const replay = state.phase === 'open' && state.header ? serializeOpenTag(state.header.name, state.header.attrs) : '';
    const input = replay + state.pending + text;
    if (input.length === replay.length) return;

    // RFC 6120 §11.6: no byte order mark; U+FEFF "MUST [be interpreted] as a zero-width non-breaking
    // space" — which before the root element is character data outside it. saxes would skip it
    // silently as a BOM, so refuse it here.
    if (state.phase === 'awaiting-header' && input.charCodeAt(0) === 0xfeff) {
      events.push({ type: 'error', condition: 'not-well-formed', text: 'U+FEFF before the stream header (no byte order mark in XMPP)' });
      state.phase = 'failed';
      state.pending = '';
      state.undecoded = [];
      return;
    }
    ctx = { state, input, base: 0, replayLength: replay.length, lastEnd: replay.length, rootSeen: false, stack: [], events };
    parser = makeParser(ctx);
  }
  const input = ctx.input;
  // Character data before the header is refused where it stands: saxes would report it only when
  // its text run ends (the next '<' or the end of the chunk), after any other error in that run,
  // which would make the report depend on chunking.
  const junk = state.phase === 'awaiting-header' ? textBeforeRoot(input) : -1;
  const stopAt = junk >= 0 ? junk : input.length;

  // A UTF-16 unit is at most 3 UTF-8 bytes: when even that bound fits the budget, no slicing is needed.
  const off = input.length * 3 > maxStanzaBytes ? utf8Offsets(input) : null;
  let written = 0;
  try {
    if (ctx.replayLength > 0) {
      parser.write(input.slice(0, ctx.replayLength));
      written = ctx.replayLength;
    }
    // Write no further than maxStanzaBytes past the start of the current first-level element
    // (or of the header): an element that does not close within that budget is refused at the
    // same byte however the input was chunked.
    while (written < stopAt) {
      const start = skipWhitespace(input, ctx.lastEnd);
      const budget = off ? budgetEnd(off, start, maxStanzaBytes) : input.length;
      if (budget <= written) {
        events.push({ type: 'error', condition: 'policy-violation', text: `element larger than ${maxStanzaBytes} bytes` });
        state.phase = 'failed';
        throw STOP;
      }
      const end = Math.min(budget, stopAt);
      parser.write(input.slice(written, end));
      written = end;
    }
    if (junk >= 0) {
      events.push({ type: 'error', condition: 'not-well-formed', text: 'text before the stream header' });
      state.phase = 'failed';
      throw STOP;
    }
  } catch (e) {
    if (e !== STOP) {
      // saxes should never throw with an error handler installed; if it does, the input was
      // still the peer's fault, so report rather than crash the simulation.
      events.push({ type: 'error', condition: 'not-well-formed', text: `parser failure: ${e instanceof Error ? e.message : String(e)}` });
      state.phase = 'failed';
    }
  }
  if (state.phase === 'failed' || state.phase === 'closed') {
    state.pending = '';
    state.undecoded = [];
    return;
  }
  // Before the header nothing is consumed (whitespace before an XML declaration would make it
  // misplaced, so it must be re-fed as it was); inside the stream, whitespace between stanzas is dropped.
  state.pending = input.slice(state.phase === 'open' ? skipWhitespace(input, ctx.lastEnd) : ctx.lastEnd);
  // Resumable only at a clean boundary: everything written has been consumed, and saxes holds back
  // no trailing CR or high surrogate for its next chunk (which would shift later positions).
  const last = input.charCodeAt(input.length - 1);
  const carried = last === 0x0d || (last >= 0xd800 && last <= 0xdbff);
  if (state.phase === 'open' && state.pending === '' && ctx.stack.length === 0 && written === input.length && !carried) {
    live.set(state, { parser, ctx, header: state.header, total: ctx.base + input.length });
  }
}
