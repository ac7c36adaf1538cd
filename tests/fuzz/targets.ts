/**
 * The fuzz targets: every parser that takes outside input, with the generators that feed it and the
 * properties checked on each input. scripts/fuzz.ts runs them at length (`npm run fuzz`);
 * tests/property/fuzz-short.test.ts runs each a few hundred times in `npm test`.
 *
 * Common to all: no exception escapes (an escaped exception fails the input), no input takes longer
 * than the harness's time limit, and every rejection is one of the errors the parser documents —
 * which the target returns as the outcome kind the summary table counts.
 */
import fc from 'fast-check';
import { createStreamParser, feed, type StreamParseEvent } from '../../lib/xml/stream-parser';
import { JidError, jidToString, parseJid, tryParseJid } from '../../lib/xmpp/jid';
import { CodecError, armor, dearmor, Reader } from '../../lib/otr/codec';
import { parseDataMessage } from '../../lib/otr/data-message';
import { emptyFragmentBuffer, parseFragment, receiveFragment } from '../../lib/otr/fragment';
import { dissect } from '../../lib/otr/inspect';
import { classify, parseError, parseQuery, stripWhitespaceTag, WHITESPACE_BASE, WHITESPACE_V1, WHITESPACE_V2, WHITESPACE_V3 } from '../../lib/otr/query';
import { receiveMessage, sendMessage, smpStart, startOtr, type OtrSession } from '../../lib/otr/session';
import { DH_MODULUS, DH_Q } from '../../lib/otr/dh';
import { encodeSmp1Q, encodeSmpMpis, type Tlv } from '../../lib/otr/tlv';
import { MSG_DATA, readHeader } from '../../lib/otr/wire';
import { loadScenario, parseScenarioJson, type LoadResult } from '../../lib/scenarios/load';
import { formatIssues } from '../../lib/scenarios/schema/messages';
import { createAccountCredentials, scramLookup, findAccount, type AccountCredentials } from '../../lib/xmpp/sasl/credentials';
import { SASL_FAILURE_CONDITIONS, type SaslFailure } from '../../lib/xmpp/sasl/failure';
import { decodeSaslPayload, decodeSaslText } from '../../lib/xmpp/sasl/payload';
import { plainServerVerify } from '../../lib/xmpp/sasl/plain';
import { scramClientFinal, scramClientStart, scramClientVerify, scramServerFinal, scramServerStart, type ScramClientState } from '../../lib/xmpp/sasl/scram';
import type { ScramHash } from '../../lib/crypto/scram';
import { makeSide, relay, seededCtx, type Side } from '../unit/otr/pair';
import { receiveClient, type ClientState } from '../../lib/tls/client';
import { sendApplicationData } from '../../lib/tls/connection';
import { encodeRecord } from '../../lib/tls/record';
import { receiveServer, type ServerState } from '../../lib/tls/server';
import type { TlsEvent } from '../../lib/tls/state';
import { identity, makePair, run as runTls } from '../unit/tls/pair';
import { corpus } from './corpus';
import type { FuzzTarget } from './harness';
import { mutatedBody, mutatedBytes, mutatedText } from './mutate';
import { ensure, PropertyBroken } from './property';
import { x509Target } from './targets-x509';
import { shareLinksTarget } from './targets-share';
import { omemoTarget } from './targets-omemo';

export { PropertyBroken };

const enc = new TextEncoder();
const showBytes = (b: Uint8Array) => JSON.stringify(new TextDecoder().decode(b)) + ` (${b.length} bytes: ${Buffer.from(b).toString('hex').slice(0, 400)})`;

// ---------------------------------------------------------------------------------------------
// XML stream parser

/** The conditions lib/xml/stream-parser.ts raises (RFC 6120 §4.9.3); invalid-xml is named but never raised. */
const XML_CONDITIONS = new Set(['not-well-formed', 'restricted-xml', 'policy-violation', 'unsupported-encoding', 'invalid-namespace', 'bad-format']);

const HEADER = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='a.example' version='1.0'>";
const xmlToken = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(HEADER, "<?xml version='1.0'?>", "<?xml version='1.0' encoding='UTF-16'?>", '</stream:stream>', '<stream:stream>', "<stream xmlns='http://etherx.jabber.org/streams'>") },
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      '<message>', '</message>', "<message to='bob@a.example' type='chat'>", '<body>', '</body>', '<iq/>', "<presence xmlns='jabber:client'/>",
      '<x:y>', '</x:y>', "<a b='c' b='d'/>", '<a', '>', '/>', '</', '<', '&amp;', '&lt;', '&foo;', '&#0;', '&#x1F600;', '&#xD800;', '&',
      '<!-- c -->', '<?pi x?>', '<!DOCTYPE x>', '<![CDATA[x<y]]>', ']]>', '\uFEFF', '\r\n', ' ', '\t', '\u0000', '\u0085', 'hello', "'", '"', '=',
      "<stream:error><not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>", "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>",
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);
const generatedXml = fc.array(xmlToken, { maxLength: 40 }).map((t) => enc.encode(t.join('')));

interface XmlInput {
  bytes: Uint8Array;
  /** Cut points as fractions of the length: the second feeding is chunked there. */
  cuts: number[];
  /** Small limits exercise policy-violation. */
  small: boolean;
  /** Continue the chunked feeding from a structuredClone of the state at each cut (a checkpoint restore: the parser is rebuilt, not resumed). */
  clone: boolean;
}

function xmlArb(): fc.Arbitrary<XmlInput> {
  const c = corpus();
  const withHeader = c.streams.filter((s) => s.length > 0);
  const bytes = fc.oneof(
    { weight: 3, arbitrary: generatedXml },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
    { weight: 4, arbitrary: mutatedBytes(withHeader) },
    { weight: 1, arbitrary: fc.constantFrom(...withHeader) },
  );
  const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });
  return fc.record({ bytes, cuts, small: fc.boolean(), clone: fc.boolean() });
}

function parseAll(bytes: Uint8Array, cutAt: number[], small: boolean, clone = false): StreamParseEvent[] {
  let st = createStreamParser(small ? { maxStanzaBytes: 200, maxDepth: 4 } : {});
  const events: StreamParseEvent[] = [];
  let from = 0;
  for (const at of [...cutAt, bytes.length]) {
    if (clone) st = structuredClone(st);
    events.push(...feed(st, bytes.subarray(from, at)));
    from = at;
  }
  return events;
}

export const xmlStreamTarget: FuzzTarget<XmlInput> = {
  name: 'xml-stream',
  description:
    'lib/xml/stream-parser.ts feed(): generated XML, random bytes, mutated preset wire streams, each fed whole, in random chunks (half the time through a structuredClone of the state at every cut, as a checkpoint restore) and (up to 96 bytes) byte by byte. ' +
    'No throw; errors only the RFC 6120 conditions the parser names (no internal "parser failure"); nothing after an error or a close; the same events however chunked.',
  arbitrary: xmlArb,
  show: (i) => `${showBytes(i.bytes)} cuts=${JSON.stringify(i.cuts)} small=${i.small} clone=${i.clone}`,
  check: ({ bytes, cuts, small, clone }) => {
    const whole = parseAll(bytes, [], small);
    const cutAt = [...new Set(cuts.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b);
    const chunked = parseAll(bytes, cutAt, small, clone);
    ensure(JSON.stringify(chunked) === JSON.stringify(whole), `chunking changed the events:\n whole:   ${JSON.stringify(whole).slice(0, 600)}\n chunked: ${JSON.stringify(chunked).slice(0, 600)}`);
    if (bytes.length <= 96) {
      // Short inputs also byte by byte: every UTF-8 sequence and every token cut.
      const bytewise = parseAll(bytes, [...bytes.keys()].slice(1), small);
      ensure(JSON.stringify(bytewise) === JSON.stringify(whole), `byte-by-byte feeding changed the events:\n whole:    ${JSON.stringify(whole).slice(0, 600)}\n bytewise: ${JSON.stringify(bytewise).slice(0, 600)}`);
    }
    let outcome = 'accepted';
    whole.forEach((e, i) => {
      if (e.type === 'stream-open') ensure(i === 0, 'stream-open not first');
      if (e.type === 'error' || e.type === 'stream-close') ensure(i === whole.length - 1, `events after ${e.type}`);
      if (e.type === 'error') {
        ensure(XML_CONDITIONS.has(e.condition), `undocumented condition ${e.condition}`);
        ensure(!e.text.startsWith('parser failure'), `saxes threw inside the parser: ${e.text}`);
        outcome = e.condition;
      }
      if (e.type === 'stream-close') outcome = 'stream-close';
    });
    return outcome;
  },
};

// ---------------------------------------------------------------------------------------------
// JIDs

const jidChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcxyzABC019.-_'.split('')) },
  { weight: 3, arbitrary: fc.constantFrom('@', '/', '.', ' ', '[', ']', ':', '\u0000', '\u00a0', '\u200b', '\u0301', 'Ⅳ', '♚', '"', '&', "'", '<', '>') },
  { weight: 2, arbitrary: fc.constantFrom('é', 'ß', 'π', 'Σ', 'ς', 'Ж', '日', 'Ａ', 'İ', 'ǅ', 'ﬁ', '\u{1F600}', '\uD800', '\uFFFF', 'ẞ', '\u0345') },
);

export const jidTarget: FuzzTarget<string> = {
  name: 'jid',
  description:
    'lib/xmpp/jid.ts tryParseJid(): random strings, JID-ish character soup, mutated JIDs from the presets. ' +
    'Never throws; a refusal is a JidError with its field and reason; an accepted JID prints and re-parses to itself, and printing is stable.',
  arbitrary: () => {
    const jids = corpus().jids;
    return fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.array(jidChar, { maxLength: 30 }).map((a) => a.join('')),
      mutatedText(jids, 3),
      fc.tuple(fc.constantFrom(...jids), fc.string({ maxLength: 1100 })).map(([j, s]) => j + s),
    );
  },
  check: (s) => {
    const r = tryParseJid(s);
    if (!r.ok) {
      ensure(r.error instanceof JidError, 'refusal is not a JidError');
      return `${r.error.field}/${r.error.reason}`;
    }
    const printed = jidToString(r.jid);
    const again = parseJid(printed);
    ensure(JSON.stringify(again) === JSON.stringify(r.jid), `re-parse differs: ${JSON.stringify(r.jid)} vs ${JSON.stringify(again)}`);
    ensure(jidToString(again) === printed, 'printing is not stable');
    return 'accepted';
  },
};

// ---------------------------------------------------------------------------------------------
// OTR wire messages (stateless parsers)

const hex8 = fc.integer({ min: 0, max: 0xffffffff }).map((v) => v.toString(16));
const fragmentText = fc.oneof(
  fc.tuple(hex8, hex8, fc.integer({ min: 0, max: 70000 }), fc.integer({ min: 0, max: 70000 }), fc.string({ maxLength: 40 })).map(([a, b, k, n, p]) => `?OTR|${a}|${b},${k},${n},${p},`),
  fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99999 }), fc.string({ maxLength: 40 })).map(([k, n, p]) => `?OTR,${k},${n},${p},`),
);
const queryText = fc.array(fc.constantFrom('?OTR', '?', 'v', '2', '3', '1', ' ', 'x', '\n', ':', 'Error:'), { maxLength: 14 }).map((a) => a.join(''));
const whitespaceText = fc
  .tuple(fc.string({ maxLength: 10 }), fc.array(fc.constantFrom(WHITESPACE_V1, WHITESPACE_V2, WHITESPACE_V3, ' \t \t \t \t', '\t\t\t\t\t\t\t\t', '   '), { maxLength: 5 }), fc.string({ maxLength: 10 }))
  .map(([a, tags, b]) => a + WHITESPACE_BASE + tags.join('') + b);

function otrBinaries(): Uint8Array[] {
  return corpus().otr.map((t) => dearmor(t)).filter((b): b is Uint8Array => b !== null);
}

const isCodecError = (e: unknown) => e instanceof CodecError;

export const otrWireTarget: FuzzTarget<string> = {
  name: 'otr-wire',
  description:
    'lib/otr codec/wire/fragment/query/inspect: random text, fragments, query and whitespace tags, mutated preset OTR texts and re-armoured mutated binaries, ' +
    'through classify, dissect (the inspector), dearmor, readHeader, parseDataMessage, parseFragment + receiveFragment, parseQuery, stripWhitespaceTag, parseError. ' +
    'No throw except CodecError from the binary readers (the documented peer error); dissect always answers one of its kinds; a fragment buffer stays within 0 ≤ K ≤ N ≤ 65535.',
  arbitrary: () => {
    const c = corpus();
    const bins = otrBinaries();
    const header = fc.constantFrom(
      Uint8Array.of(0, 3, 3), Uint8Array.of(0, 2, 3), Uint8Array.of(0, 3, 2), Uint8Array.of(0, 3, 0x0a), Uint8Array.of(0, 3, 0x11),
      Uint8Array.of(0, 3, 0x12), Uint8Array.of(0, 2, 0x02), Uint8Array.of(0, 1, 3), new Uint8Array(0),
    );
    return fc.oneof(
      { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
      { weight: 2, arbitrary: fragmentText },
      { weight: 2, arbitrary: queryText },
      { weight: 1, arbitrary: whitespaceText },
      { weight: 3, arbitrary: mutatedText(c.otr) },
      { weight: 4, arbitrary: mutatedBytes(bins).map(armor) },
      { weight: 2, arbitrary: mutatedBody(bins, 11).map(armor) },
      { weight: 2, arbitrary: fc.tuple(header, fc.uint8Array({ maxLength: 400 })).map(([h, b]) => armor(Uint8Array.from([...h, ...b]))) },
    );
  },
  check: (text) => {
    const kind = classify(text);
    const d = dissect(text);
    ensure(['plaintext', 'query', 'error', 'fragment', 'malformed', 'encoded'].includes(d.kind), `dissect kind ${d.kind}`);
    parseQuery(text);
    stripWhitespaceTag(text);
    parseError(text);
    const frag = parseFragment(text);
    if (frag) {
      const buf = emptyFragmentBuffer();
      receiveFragment(buf, frag);
      receiveFragment(buf, frag);
      ensure(buf.k >= 0 && buf.k <= buf.n && buf.n <= 65535, `fragment buffer out of range: ${JSON.stringify({ k: buf.k, n: buf.n })}`);
    }
    const bin = dearmor(text);
    if (bin) {
      try {
        const r = new Reader(bin);
        const h = readHeader(r);
        if (h.type === MSG_DATA) parseDataMessage(h, r);
      } catch (e) {
        if (!isCodecError(e)) throw e;
      }
    }
    if (d.kind === 'malformed') return `malformed: ${d.reason.replace(/otr\/codec: /, '').replace(/\d+/g, 'N')}`;
    if (d.kind === 'encoded') return `${kind}/${d.typeName}`;
    return d.kind;
  },
};

// ---------------------------------------------------------------------------------------------
// OTR session: receiveMessage

interface OtrSetup {
  /** Sessions to feed, by name: fresh, mid-AKE, encrypted (v3). */
  states: { name: string; st: OtrSession }[];
  /** Real texts: AKE messages, data messages, query, fragments (the harness's own, then the presets'). */
  genuine: string[];
  /** Only the texts alice and bob exchanged here. */
  own: string[];
  /** The next message alice sends bob (not yet delivered), and its text. */
  probe: string;
  probeText: string;
  /** alice and bob, encrypted with each other: alice (with the keys) can send bob any plaintext. */
  alice: OtrSession;
  bob: OtrSession;
  /** bob after starting an SMP with alice (expecting SMP message 2). */
  bobInSmp: OtrSession;
}

let otrSetup: OtrSetup | null = null;

function setupOtr(): OtrSetup {
  if (otrSetup) return otrSetup;
  const a = makeSide('alice', 'bob', 'fuzz-a');
  const b = makeSide('bob', 'alice', 'fuzz-b');
  const fresh: Side = makeSide('carol', 'alice', 'fuzz-c');
  const midAke = makeSide('dave', 'alice', 'fuzz-d');
  receiveMessage(midAke.st, startOtr(a.st).send[0]!, midAke.ctx); // dave answers a query: awaiting-dhkey
  relay(a, b, startOtr(a.st));
  const genuine: string[] = [...a.wires, ...b.wires];
  for (const text of ['hello bob', 'second', 'ünïcödé ✓']) {
    const out = sendMessage(a.st, text, a.ctx);
    relay(a, b, out);
    genuine.push(...out.send);
  }
  const reply = sendMessage(b.st, 'hi alice', b.ctx);
  relay(b, a, reply);
  genuine.push(...reply.send);
  a.st.mms = 140;
  const fragmented = sendMessage(a.st, 'a long message that alice sends in fragments, '.repeat(4), a.ctx);
  relay(a, b, fragmented);
  genuine.push(...fragmented.send);
  a.st.mms = 0;
  const probe = sendMessage(a.st, 'probe after garbage', a.ctx).send[0]!;
  otrSetup = {
    states: [
      { name: 'fresh', st: fresh.st },
      { name: 'mid-ake', st: midAke.st },
      { name: 'encrypted', st: b.st },
    ],
    genuine: [...genuine, ...corpus().otr],
    own: genuine,
    probe,
    probeText: 'probe after garbage',
    alice: a.st,
    bob: b.st,
    bobInSmp: (() => {
      const st = structuredClone(b.st);
      smpStart(st, 'secret', null, seededCtx('fuzz-smp'));
      return st;
    })(),
  };
  return otrSetup;
}

/**
 * The harness's real messages went between alice and bob; a v3 message addressed to either is
 * readdressed to the session fed, so that it gets past the instance check to the AKE and data code.
 * (Messages from the preset traces keep their strangers' instance tags.)
 */
function readdress(wire: string, from: readonly number[], to: number): string {
  if (!wire.startsWith('?OTR:')) return wire;
  const bin = dearmor(wire);
  if (!bin || bin.length < 11 || bin[0] !== 0 || bin[1] !== 3) return wire;
  const view = new DataView(bin.buffer, bin.byteOffset, bin.byteLength);
  if (!from.includes(view.getUint32(7))) return wire;
  view.setUint32(7, to);
  return armor(bin) + wire.slice(wire.indexOf('.', 5) + 1);
}

interface SessionInput {
  state: number;
  wire: string;
}

export const otrSessionTarget: FuzzTarget<SessionInput> = {
  name: 'otr-session',
  description:
    "lib/otr/session.ts receiveMessage() in three states (fresh, mid-AKE, encrypted v3): garbage text, mutated real AKE/data messages and fragments, re-armoured mutated binaries. " +
    'Never throws; the state stays plain data (structuredClone) and usable: sendMessage works, and when the garbage changed neither msgstate nor keys (no gone-secure, data-received or disconnect), ' +
    "alice's next genuine data message still decrypts to its text in the encrypted session.",
  arbitrary: () => {
    const s = setupOtr();
    const bins = s.genuine.map((t) => dearmor(t)).filter((b): b is Uint8Array => b !== null);
    const ownBins = s.own.map((t) => dearmor(t)).filter((b): b is Uint8Array => b !== null);
    const wire = fc.oneof(
      { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
      { weight: 1, arbitrary: fc.oneof(fragmentText, queryText, whitespaceText) },
      { weight: 3, arbitrary: mutatedText(s.genuine) },
      { weight: 4, arbitrary: mutatedBytes(bins).map(armor) },
      // v3 header (version, type, instance tags) kept: the mutation reaches the AKE and data message parsers.
      { weight: 4, arbitrary: mutatedBody(ownBins, 11).map(armor) },
      { weight: 1, arbitrary: fc.constantFrom(...s.genuine) },
    );
    return fc.record({ state: fc.nat({ max: s.states.length - 1 }), wire });
  },
  show: (i) => `state=${setupOtr().states[i.state]!.name} wire=${JSON.stringify(i.wire)}`,
  check: ({ state, wire }) => {
    const s = setupOtr();
    const { name, st: original } = s.states[state]!;
    const st = structuredClone(original);
    // A fresh, seeded context per input: the same input gives the same run (replayable).
    const ctx = seededCtx(`fuzz-${name}`);
    const out = receiveMessage(st, readdress(wire, [s.bob.ourInstance, s.alice.ourInstance], st.ourInstance), ctx);
    ensure(Array.isArray(out.send) && out.send.every((t) => typeof t === 'string'), 'send is not a list of texts');
    structuredClone(st);
    const types = new Set(out.events.map((e) => e.type));
    const kept = original.msgstate === 'encrypted' && st.msgstate === 'encrypted' && !types.has('gone-secure') && !types.has('data-received') && !types.has('disconnected');
    if (kept) {
      const probe = receiveMessage(st, s.probe, ctx);
      const msg = probe.events.find((e) => e.type === 'message');
      ensure(msg && msg.type === 'message' && msg.encrypted && msg.text === s.probeText, `session no longer usable: probe gave ${JSON.stringify(probe.events)}`);
    }
    sendMessage(st, 'after the garbage', ctx);
    const ev = out.events.find((e) => e.type === 'ignored' || e.type === 'unreadable' || e.type === 'not-in-private');
    if (ev) return `${name}: ${ev.type}${ev.type === 'ignored' ? ` (${ev.reason.replace(/otr\/codec: /, '').replace(/\d+/g, 'N').replace(/^(DH-Commit|DH-Key|Reveal-Signature|Signature|unknown\(N\)): .*/, '$1: …')})` : ''}`;
    return `${name}: ${out.events[0]?.type ?? 'no event'}`;
  },
};

// ---------------------------------------------------------------------------------------------
// OTR: a malicious correspondent inside the encrypted session (any plaintext, any TLVs)

const smpMpi = fc.oneof(
  fc.constantFrom(0n, 1n, 2n, DH_Q, DH_Q + 1n, DH_MODULUS - 1n, DH_MODULUS, DH_MODULUS + 1n, 2n ** 2000n),
  fc.bigInt({ min: 0n, max: DH_MODULUS }),
);
const tlvArb: fc.Arbitrary<Tlv> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ type: fc.integer({ min: 0, max: 9 }), value: fc.uint8Array({ maxLength: 64 }) }) },
  { weight: 3, arbitrary: fc.record({ type: fc.integer({ min: 2, max: 5 }), value: fc.array(smpMpi, { maxLength: 12 }).map(encodeSmpMpis) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant(7), value: fc.tuple(fc.string({ maxLength: 20 }), fc.array(smpMpi, { minLength: 6, maxLength: 6 })).map(([q, m]) => encodeSmp1Q(q, m)) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.integer({ min: 0, max: 0xffff }), value: fc.uint8Array({ maxLength: 32 }) }) },
);

interface PeerInput {
  inSmp: boolean;
  text: string;
  tlvs: Tlv[];
}

export const otrPeerTarget: FuzzTarget<PeerInput> = {
  name: 'otr-peer',
  description:
    'lib/otr/session.ts receiveMessage() of Data Messages a malicious correspondent encrypts with the real session keys: any text (NULs included) and any TLVs — ' +
    'SMP messages 1–4 and 1Q with out-of-group, boundary and random MPIs, wrong MPI counts, unknown types — to bob idle and bob in the middle of his own SMP. ' +
    "Never throws; unless alice disconnected, bob still decrypts alice's next message.",
  arbitrary: () => {
    setupOtr();
    return fc.record({ inSmp: fc.boolean(), text: fc.string({ unit: 'binary', maxLength: 40 }), tlvs: fc.array(tlvArb, { maxLength: 4 }) });
  },
  check: ({ inSmp, text, tlvs }) => {
    const s = setupOtr();
    const alice = structuredClone(s.alice);
    const bob = structuredClone(inSmp ? s.bobInSmp : s.bob);
    const ctx = seededCtx('fuzz-peer');
    const wire = sendMessage(alice, text, ctx, tlvs).send;
    const events = wire.flatMap((w) => receiveMessage(bob, w, ctx).events);
    structuredClone(bob);
    const next = sendMessage(alice, 'after the TLVs', ctx).send;
    const got = next.flatMap((w) => receiveMessage(bob, w, ctx).events);
    if (bob.msgstate === 'encrypted') {
      ensure(got.some((e) => e.type === 'message' && e.encrypted && e.text === 'after the TLVs'), `session no longer usable: ${JSON.stringify(got)}`);
    } else ensure(tlvs.some((t) => t.type === 1), `bob left the encrypted state without a disconnect TLV: ${bob.msgstate}`);
    const where = inSmp ? 'in SMP' : 'idle';
    for (const e of events) {
      if (e.type === 'smp') return `${where}: smp ${e.kind}${e.kind === 'cheated' ? ` (${e.reason.replace(/\d+/g, 'N')})` : ''}`;
      if (e.type === 'disconnected') return `${where}: disconnected`;
    }
    return `${where}: message`;
  },
};

// ---------------------------------------------------------------------------------------------
// Scenario files

type ScenarioInput = { kind: 'text'; text: string } | { kind: 'value'; value: unknown };

/** Every path into a JSON value (arrays by index), for structural mutation. */
function pathsOf(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...prefix, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...prefix, k], out);
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  if (root === null || typeof root !== 'object') return root;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) {
    const next = node[k];
    // The first mutation may have removed or replaced what a second path walks through.
    if (next === null || typeof next !== 'object') return copy;
    node = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

function checkLoad(r: LoadResult): string {
  ensure(r !== null && typeof r === 'object' && typeof r.ok === 'boolean', 'not a LoadResult');
  if (r.ok) return 'accepted';
  ensure(Array.isArray(r.errors) && r.errors.length > 0, 'refused without issues');
  for (const e of r.errors) {
    // '' is the path of the scenario as a whole (printed "(scenario)"), "(file)" that of unparsable text.
    ensure(typeof e.path === 'string', `issue without a path: ${JSON.stringify(e)}`);
    ensure(typeof e.code === 'string' && e.code.length > 0, `issue without a code: ${JSON.stringify(e)}`);
  }
  // Every issue has its message in both languages.
  ensure(formatIssues(r.errors, 'en').length > 0 && formatIssues(r.errors, 'de').length > 0, 'issues without messages');
  return r.errors[0]!.code;
}

export const scenarioTarget: FuzzTarget<ScenarioInput> = {
  name: 'scenario',
  description:
    'lib/scenarios/load.ts parseScenarioJson() and loadScenario(): random text and JSON, mutated preset JSON text, presets with one field replaced by a random value or removed and another replaced. ' +
    'Never throws; a refusal lists at least one issue, each with a path and a code, formatted in English and German.',
  arbitrary: () => {
    const texts = corpus().scenarios;
    const objects = texts.map((t) => JSON.parse(t) as unknown);
    const paths = objects.map((o) => pathsOf(o));
    const structural = fc
      .tuple(fc.nat({ max: objects.length - 1 }), fc.nat(), fc.jsonValue({ maxDepth: 3 }), fc.boolean(), fc.nat(), fc.jsonValue({ maxDepth: 2 }))
      .map(([i, p, v, remove, p2, v2]) => {
        const ps = paths[i]!;
        const once = setAt(objects[i], ps[p % ps.length]!, v, remove);
        return setAt(once, ps[p2 % ps.length]!, v2, false);
      });
    return fc.oneof(
      { weight: 1, arbitrary: fc.string({ maxLength: 100 }).map((text) => ({ kind: 'text' as const, text })) },
      { weight: 1, arbitrary: fc.json({ maxDepth: 4 }).map((text) => ({ kind: 'text' as const, text })) },
      { weight: 3, arbitrary: mutatedText(texts).map((text) => ({ kind: 'text' as const, text })) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }).map((value) => ({ kind: 'value' as const, value })) },
      { weight: 4, arbitrary: structural.map((value) => ({ kind: 'value' as const, value })) },
    );
  },
  show: (i) => (i.kind === 'text' ? `text ${JSON.stringify(i.text)}` : `value ${fc.stringify(i.value)}`),
  check: (i) => checkLoad(i.kind === 'text' ? parseScenarioJson(i.text) : loadScenario(i.value)),
};

// ---------------------------------------------------------------------------------------------
// SASL payloads and SCRAM / PLAIN messages

interface SaslSetup {
  accounts: AccountCredentials[];
  /** A real exchange per hash: client-first, server-first, client-final, server-final. */
  exchanges: { hash: ScramHash; clientFirst: string; serverFirst: string; clientFinal: string; serverFinal: string; client: ScramClientState; clientAfterFirst: ScramClientState }[];
  plain: string[];
}

let saslSetup: SaslSetup | null = null;
const CLIENT_NONCE = 'fyko+d2lbbFgONRv9qkxdawL';
const SERVER_NONCE = '3rfcNHYJY1ZVvWVs7j';

function setupSasl(): SaslSetup {
  if (saslSetup) return saslSetup;
  // Few iterations: the fuzzer exercises parsing, not PBKDF2 (each accepted PLAIN message costs one derivation).
  const salts = { sha1: enc.encode('salt-sha1-fuzz!!'), sha256: enc.encode('salt-sha256-fuzz') };
  const accounts = [createAccountCredentials({ username: 'alice', password: 'wonderland', iterations: 64, salts })];
  const exchanges: SaslSetup['exchanges'] = [];
  for (const hash of ['SHA-1', 'SHA-256'] as const) {
    const { state: client, clientFirstMessage: clientFirst } = scramClientStart({ username: 'alice', password: 'wonderland', hash, nonce: CLIENT_NONCE, minIterations: 1, maxIterations: 4096 });
    const s1 = scramServerStart(hash, scramLookup(accounts, hash), clientFirst, SERVER_NONCE);
    if (s1.type !== 'ok') throw new Error('fuzz setup: server-first failed');
    const c2 = scramClientFinal(client, s1.serverFirstMessage);
    if (c2.type !== 'ok') throw new Error('fuzz setup: client-final failed');
    const s2 = scramServerFinal(s1.state, c2.clientFinalMessage);
    if (s2.type !== 'ok') throw new Error('fuzz setup: server-final failed');
    exchanges.push({ hash, clientFirst, serverFirst: s1.serverFirstMessage, clientFinal: c2.clientFinalMessage, serverFinal: s2.serverFinalMessage, client, clientAfterFirst: c2.state });
  }
  saslSetup = { accounts, exchanges, plain: ['\u0000alice\u0000wonderland', 'alice@a.example\u0000alice\u0000wonderland'] };
  return saslSetup;
}

type SaslInput =
  | { side: 'payload'; text: string }
  | { side: 'server'; hash: number; first: string; final: string }
  | { side: 'client'; hash: number; first: string; final: string }
  | { side: 'plain'; text: string };

function failureKind(stage: string, r: { type: string } | SaslFailure): string | null {
  if (r.type === 'ok') return null;
  ensure(r.type === 'failure', `result type ${r.type}`);
  const f = r as SaslFailure;
  ensure(SASL_FAILURE_CONDITIONS.includes(f.condition), `undocumented condition ${f.condition}`);
  ensure(typeof f.reason === 'string' && /^[a-z0-9-]+$/.test(f.reason), `reason ${f.reason}`);
  return `${stage}: ${f.condition} (${f.reason})`;
}

export const saslTarget: FuzzTarget<SaslInput> = {
  name: 'sasl',
  description:
    'lib/xmpp/sasl: payload decoding (decodeSaslPayload/decodeSaslText), SCRAM server (scramServerStart then scramServerFinal), SCRAM client (scramClientFinal then scramClientVerify, ' +
    'iterations capped at 4096 as a client would configure), PLAIN server (plainServerVerify): garbage and mutated messages of a real exchange, SHA-1 and SHA-256, plus the preset traces\' SASL texts. ' +
    'Never throws; every refusal is a SaslFailure with an RFC 6120 §6.5 condition and a kebab-case reason.',
  arbitrary: () => {
    const s = setupSasl();
    const c = corpus();
    const msgs = s.exchanges.flatMap((e) => [e.clientFirst, e.serverFirst, e.clientFinal, e.serverFinal]);
    const text = fc.oneof(
      { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
      { weight: 1, arbitrary: fc.array(fc.constantFrom('n', 'y', 'p', 'a', 'r', 's', 'i', 'c', 'v', 'e', 'm', ',', '=', '=2C', '=3D', '=', 'biws', CLIENT_NONCE, SERVER_NONCE, '4096'), { maxLength: 16 }).map((a) => a.join('')) },
      { weight: 4, arbitrary: mutatedText([...msgs, ...c.sasl, ...s.plain]) },
    );
    const pair = (first: fc.Arbitrary<string>, finalText: fc.Arbitrary<string>) => fc.tuple(fc.nat({ max: s.exchanges.length - 1 }), first, finalText);
    const exact = (pick: (e: SaslSetup['exchanges'][number]) => string) => fc.constantFrom(...s.exchanges.map(pick));
    return fc.oneof(
      fc.oneof(fc.base64String({ maxLength: 80 }), fc.string({ maxLength: 40 }), mutatedText(msgs.map((m) => Buffer.from(m).toString('base64')))).map((t) => ({ side: 'payload' as const, text: t })),
      pair(fc.oneof(text, exact((e) => e.clientFirst)), fc.oneof(text, exact((e) => e.clientFinal))).map(([hash, first, final]) => ({ side: 'server' as const, hash, first, final })),
      pair(fc.oneof(text, exact((e) => e.serverFirst)), fc.oneof(text, exact((e) => e.serverFinal))).map(([hash, first, final]) => ({ side: 'client' as const, hash, first, final })),
      fc.oneof(text, mutatedText(s.plain)).map((t) => ({ side: 'plain' as const, text: t })),
    );
  },
  check: (i) => {
    const s = setupSasl();
    switch (i.side) {
      case 'payload': {
        const p = decodeSaslPayload(i.text);
        const t = decodeSaslText(i.text);
        return failureKind('payload', p) ?? failureKind('payload-text', t) ?? 'payload: accepted';
      }
      case 'plain':
        return failureKind('plain', plainServerVerify((u) => findAccount(s.accounts, u), i.text)) ?? 'plain: accepted';
      case 'server': {
        const e = s.exchanges[i.hash]!;
        const r1 = scramServerStart(e.hash, scramLookup(s.accounts, e.hash), i.first, SERVER_NONCE);
        if (r1.type !== 'ok') return failureKind('server-first', r1)!;
        const r2 = scramServerFinal(r1.state, i.final);
        if (r2.type !== 'ok') {
          ensure(typeof r2.serverFinalMessage === 'string' && r2.serverFinalMessage.startsWith('e='), 'server refusal without e=');
          return failureKind('server-final', r2)!;
        }
        return 'server: accepted';
      }
      case 'client': {
        const e = s.exchanges[i.hash]!;
        const r1 = scramClientFinal(structuredClone(e.client), i.first);
        if (r1.type !== 'ok') return failureKind('client-final', r1)!;
        const r2 = scramClientVerify(r1.state, i.final);
        if (r2.type !== 'ok') return failureKind('client-verify', r2)!;
        return 'client: accepted';
      }
    }
  },
};

// ---------------------------------------------------------------------------------------------
// TLS 1.3 records (lib/tls)

interface TlsSetup {
  ends: { name: string; kind: 'client' | 'server'; state: ClientState | ServerState }[];
  /** Every record of a real handshake and of application data both ways. */
  records: Uint8Array[];
}

let tlsSetup: TlsSetup | null = null;

function setupTls(): TlsSetup {
  if (tlsSetup) return tlsSetup;
  const fresh = makePair(identity('ed25519', 'fuzz'));
  const connected = runTls(fresh.pair, fresh.firstFlight);
  const fromClient = sendApplicationData(connected.client, enc.encode('<message><body>hi</body></message>')).out;
  const fromServer = sendApplicationData(connected.server, enc.encode('<message><body>hello</body></message>')).out;
  tlsSetup = {
    ends: [
      { name: 'fresh server', kind: 'server', state: fresh.pair.server },
      { name: 'client awaiting ServerHello', kind: 'client', state: fresh.pair.client },
      { name: 'connected client', kind: 'client', state: connected.client },
      { name: 'connected server', kind: 'server', state: connected.server },
    ],
    records: [...connected.clientRecords, ...connected.serverRecords, ...fromClient, ...fromServer],
  };
  return tlsSetup;
}

interface TlsInput {
  end: number;
  chunks: Uint8Array[];
}

export const tlsTarget: FuzzTarget<TlsInput> = {
  name: 'tls',
  description:
    'lib/tls receiveClient()/receiveServer() at four ends (fresh server, client awaiting the ServerHello, both ends connected): random bytes, records with random bodies, ' +
    'and mutated records of a real handshake and of application data, in 1–3 chunks. Never throws; an alert we raise (other than close_notify) leaves the end failed.',
  arbitrary: () => {
    const s = setupTls();
    const chunk = fc.oneof(
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(20, 21, 22, 23), fc.uint8Array({ maxLength: 200 })).map(([t, b]) => encodeRecord(t, b)) },
      { weight: 4, arbitrary: mutatedBytes(s.records) },
      { weight: 2, arbitrary: mutatedBody(s.records, 5) },
      { weight: 1, arbitrary: fc.constantFrom(...s.records) },
    );
    return fc.record({ end: fc.nat({ max: s.ends.length - 1 }), chunks: fc.array(chunk, { minLength: 1, maxLength: 3 }) });
  },
  show: (i) => `end=${setupTls().ends[i.end]!.name} chunks=${JSON.stringify(i.chunks.map((c) => Buffer.from(c).toString('hex')))}`,
  check: ({ end, chunks }) => {
    const e = setupTls().ends[end]!;
    let state = structuredClone(e.state);
    const events: TlsEvent[] = [];
    for (const c of chunks) {
      const step = e.kind === 'client' ? receiveClient(state as ClientState, c) : receiveServer(state as ServerState, c);
      ensure(Array.isArray(step.out) && step.out.every((r) => r instanceof Uint8Array), 'out is not a list of records');
      const raised = step.events.some((ev) => ev.type === 'alert' && ev.sent && ev.alert.name !== 'close_notify');
      ensure(!raised || step.state.phase === 'failed', `raised an alert but phase is ${step.state.phase}`);
      events.push(...step.events);
      state = step.state;
    }
    const alert = events.find((ev) => ev.type === 'alert');
    // A peer's alert may carry any description byte: unknown(N) counts as one kind.
    if (alert && alert.type === 'alert') return `${e.name}: ${alert.sent ? 'sent' : 'received'} ${alert.alert.name.replace(/\(\d+\)/, '(N)')}`;
    return `${e.name}: ${state.phase}`;
  },
};

export const targets: readonly FuzzTarget<any>[] = [xmlStreamTarget, jidTarget, otrWireTarget, otrSessionTarget, otrPeerTarget, scenarioTarget, saslTarget, tlsTarget, x509Target, shareLinksTarget, omemoTarget];
