/**
 * An observer's knowledge as a fold over the trace: `initialKnowledge(o)`, then `stepKnowledge(o, s, ev)`
 * for each event in order, and `viewKnowledge(o, s)` to read what it knows so far. What it knows after k
 * events is the fold over the first k, so the lens can show any step without reading the run again
 * (lib/knowledge/timeline.ts keeps a copy of the state every few events, as the kernel does).
 *
 * Each event the observer sees (lib/knowledge/observers.ts) is dissected as an eavesdropper would:
 *  - it reassembles the byte stream of each direction and parses the XML stanzas in it;
 *  - without TLS every layer is open to everyone who sees the bytes; inside (modelled) TLS only the two
 *    ends hold the keys (lib/knowledge/tls-keyring.ts). A tap still sees IP addresses, sizes and times:
 *    metadata. Servers read everything they relay: TLS is hop-by-hop;
 *  - end to end (OTR, the static-key contrast) only keys from the devices open a body
 *    (lib/knowledge/e2e-reader.ts): a client holds the keys it made, a thief what it stole
 *    (lib/knowledge/e2e-keyring.ts), servers and taps none.
 *
 * The state is data (structuredClone-safe). What only grows — messages, presence, passwords, bodies —
 * is kept in an append-only log that a state reaches into by counts (`seen`): a copy of the state is
 * small, and states taken from one run share one log.
 * @module
 */
import { fromBase64 } from '../bytes/base64';
import { utf8DecodeStrict } from '../bytes/hex';
import type { TraceEvent } from '../sim/types';
import { child, text, type XmlElement } from '../xml/element';
import { createStreamParser, feed, type StreamParserState } from '../xml/stream-parser';
import { emptyKeyring, emptyTheftRecord, learnE2eKeys, recordForTheft, stolenKeyring, type E2eKeyring, type TheftRecord } from './e2e-keyring';
import { newE2eReaderState, readE2eBody, type E2eReaderState } from './e2e-reader';
import { forgerMetadata, learnSigningKeys, type ForgerObservation } from './forger';
import type { RecordedBody } from './forger-edit';
import { learnMitmSends, mitmPlaintext, type MitmPending } from './mitm';
import type { CredentialSeen, ObservedMessage, Observation, PresenceSeen } from './observation';
import { sees, type Observer } from './observers';
import { learnTlsKeys, openWire, type TlsKeyring } from './tls-keyring';
import { bareOf as bare } from '../xmpp/jid';

/** A message body as read, and which of the log's messages it became. */
interface LoggedBody extends RecordedBody {
  message: number;
}

/** Append-only records of one run; a state covers a prefix of each (`KnowledgeState.seen`). */
export interface KnowledgeLog {
  messages: ObservedMessage[];
  presence: PresenceSeen[];
  credentials: CredentialSeen[];
  /** Every message body read, in order (a thief reads them again with stolen keys, a forger edits them). */
  bodies: LoggedBody[];
  /** Contact identity (from, to, id) → the message that counted it: a server sees each relayed message twice. */
  counted: Map<string, number>;
}

export interface KnowledgeState {
  /** Events folded so far. */
  at: number;
  tls: TlsKeyring;
  e2e: E2eKeyring;
  /** What the end-to-end readers follow on the wire (OTR: the public DH keys seen). */
  e2eReader: E2eReaderState;
  /** One XML stream parser per direction (`from\0to`). */
  parsers: Record<string, StreamParserState>;
  /** IP address → node. */
  addresses: Record<string, string>;
  jids: Record<string, true>;
  /** `from\0to` (bare JIDs) → how many messages. */
  contacts: Record<string, { from: string; to: string; count: number }>;
  sealedRecords: number;
  events: number;
  bytes: number;
  /** A thief's gathering: its victims' keys and its thefts (null for anyone else). */
  theft: TheftRecord | null;
  /** Signing keys published so far, by bare JID (what a forger, like any judge, verifies with). */
  signingKeys: Record<string, string>;
  /** An operator in the middle: texts its relay re-encrypted, until their data messages leave. */
  mitm: MitmPending;
  /** How much of each log this state has written. */
  seen: { messages: number; presence: number; credentials: number; bodies: number };
  /** Shared by the states and checkpoints of one run; never part of a copy. */
  log: KnowledgeLog;
}

export function initialKnowledge(o: Observer): KnowledgeState {
  return {
    at: 0,
    tls: {},
    e2e: emptyKeyring(),
    e2eReader: newE2eReaderState(),
    parsers: {},
    addresses: {},
    jids: {},
    contacts: {},
    sealedRecords: 0,
    events: 0,
    bytes: 0,
    theft: o.thief ? emptyTheftRecord() : null,
    signingKeys: {},
    mitm: {},
    seen: { messages: 0, presence: 0, credentials: 0, bodies: 0 },
    log: { messages: [], presence: [], credentials: [], bodies: [], counted: new Map() },
  };
}


/** Append to a log at this state's position (a state replayed from a checkpoint rewrites the same entries). */
function append<K extends 'messages' | 'presence' | 'credentials' | 'bodies'>(s: KnowledgeState, k: K, item: KnowledgeLog[K][number]): number {
  const i = s.seen[k]++;
  (s.log[k] as KnowledgeLog[K][number][])[i] = item;
  return i;
}

/** Fold one event into the observer's state (mutated and returned, like the kernel's `step`). */
export function stepKnowledge(o: Observer, s: KnowledgeState, ev: TraceEvent): KnowledgeState {
  s.at += 1;
  if (o.forger) learnSigningKeys(ev, s.signingKeys);
  if (o.thief && s.theft) recordForTheft(ev, o.thief, s.theft);
  if (!sees(o, ev)) return s;
  if (o.node !== null) {
    learnTlsKeys(ev, o.node, s.tls);
    learnE2eKeys(ev, o.node, s.e2e);
  }
  if (o.mitmServer !== undefined) learnMitmSends(ev, o.mitmServer, s.mitm);
  if (ev.kind !== 'wire') return s;
  const { plaintext, sealed } = openWire(ev, o.node, s.tls);
  const size = ev.wire?.length ?? 0;
  s.events += 1;
  s.bytes += size;
  for (const node of [ev.from, ev.to]) {
    const ip = o.ips.get(node);
    if (ip) s.addresses[ip] = node;
  }
  if (sealed > 0) {
    s.sealedRecords += sealed;
    // What a tap has: who (IP addresses), when, how big — never what.
    addMessage(o, s, ev, { seq: ev.seq, time: ev.time, from: o.ips.get(ev.from) ?? ev.from, to: o.ips.get(ev.to) ?? ev.to, size, content: null });
  }
  if (!plaintext) return s;
  const direction = `${ev.from}\u0000${ev.to}`;
  // A stream header starts a new stream (after TLS, after SASL, on a new connection): RFC 6120 §4.3.3.
  const head = utf8DecodeStrict(plaintext.slice(0, 64)) ?? '';
  if (!Object.hasOwn(s.parsers, direction) || head.startsWith('<?xml') || head.startsWith('<stream:stream')) s.parsers[direction] = createStreamParser();
  for (const pe of feed(s.parsers[direction]!, plaintext)) {
    if (pe.type === 'element') readElement(o, s, pe.element, ev, size);
  }
  return s;
}

function addMessage(o: Observer, s: KnowledgeState, ev: TraceEvent, m: ObservedMessage): number {
  const relayed = o.mitmServer === undefined ? null : mitmPlaintext(ev, o.mitmServer, m, s.mitm);
  return append(s, 'messages', relayed === null ? m : { ...m, content: relayed });
}

function readElement(o: Observer, s: KnowledgeState, el: XmlElement, ev: TraceEvent, size: number): void {
  for (const attr of ['from', 'to'] as const) {
    const v = el.attrs[attr];
    if (v && v.includes('@')) s.jids[v] = true;
  }
  // Stanzas from a client carry no 'from' (RFC 6120 §8.1.2.1): the connection says who it is.
  const from = el.attrs.from ?? o.clientJids.get(ev.from) ?? ev.from;
  switch (el.name) {
    case 'message': {
      const body = child(el, 'body');
      const to = el.attrs.to ?? o.clientJids.get(ev.to) ?? ev.to;
      if (!body || el.attrs.type === 'error') return;
      const e2e = readE2eBody(s.e2eReader, s.e2e, bare(from), bare(to), text(body));
      const content = o.logsOnly ? null : e2e ? e2e.content : text(body);
      const index = addMessage(o, s, ev, { seq: ev.seq, time: ev.time, from, to, size, content, ...(e2e ? { kind: e2e.kind } : {}), ...(e2e?.keys ? { keys: e2e.keys } : {}) });
      append(s, 'bodies', { seq: ev.seq, time: ev.time, from, to, body: text(body), message: index });
      const key = `${bare(from)}\u0000${bare(to)}`;
      if (el.attrs.id !== undefined) {
        const identity = `${key}\u0000${el.attrs.id}`;
        const first = s.log.counted.get(identity);
        if (first !== undefined && first < index) return;
        s.log.counted.set(identity, index);
      }
      const entry = Object.hasOwn(s.contacts, key) ? s.contacts[key]! : (s.contacts[key] = { from: bare(from), to: bare(to), count: 0 });
      entry.count += 1;
      return;
    }
    case 'presence':
      if (!el.attrs.type) append(s, 'presence', { seq: ev.seq, time: ev.time, jid: from });
      return;
    case 'auth': {
      if (el.attrs.mechanism !== 'PLAIN' || o.logsOnly) return;
      let decoded: Uint8Array;
      try {
        decoded = fromBase64(text(el));
      } catch {
        return; // not valid base64 (the peer's bytes): nothing readable
      }
      const parts = (utf8DecodeStrict(decoded) ?? '').split('\u0000');
      if (parts.length === 3) append(s, 'credentials', { seq: ev.seq, user: parts[1] ?? '', password: parts[2] ?? '' });
      return;
    }
  }
}

interface ViewOptions {
  /**
   * A thief reads its recording with the keys it has stolen by this state (default). False leaves its
   * end-to-end bodies closed and its keys empty: the lens then applies the keys of the whole run itself.
   */
  stolenKeys?: boolean;
}

/** What the observer knows at this state: the same as `observe()` on the events folded so far. */
export function viewKnowledge(o: Observer, s: KnowledgeState, opts: ViewOptions = {}): Observation | ForgerObservation {
  let messages = s.log.messages.slice(0, s.seen.messages);
  let keys = [...Object.keys(s.tls), ...s.e2e.names].sort();
  if (o.thief && s.theft && opts.stolenKeys !== false) {
    const ring = stolenKeyring(o.thief, s.theft);
    messages = readWith(ring, s.log.bodies.slice(0, s.seen.bodies), messages);
    keys = [...ring.names].sort();
  }
  const obs: Observation = {
    observer: o.name,
    messages,
    metadata: {
      addresses: Object.entries(s.addresses)
        .map(([ip, node]) => ({ ip, node }))
        .sort((a, b) => a.ip.localeCompare(b.ip)),
      jids: Object.keys(s.jids).sort(),
      contacts: Object.values(s.contacts)
        .map((c) => ({ ...c }))
        .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
      presence: s.log.presence.slice(0, s.seen.presence),
      credentials: s.log.credentials.slice(0, s.seen.credentials),
      keys,
      sealedRecords: s.sealedRecords,
      events: s.events,
      bytes: s.bytes,
    },
  };
  if (!o.forger) return obs;
  return { ...obs, metadata: { ...obs.metadata, ...forgerMetadata(s.log.bodies.slice(0, s.seen.bodies), s.signingKeys, o.forger) } };
}

/** The recording read again, from its first body, with a keyring held from the start (a thief's, after the fact). */
function readWith(ring: E2eKeyring, bodies: LoggedBody[], messages: ObservedMessage[]): ObservedMessage[] {
  const w = newE2eReaderState();
  const out = [...messages];
  for (const b of bodies) {
    const e2e = readE2eBody(w, ring, bare(b.from), bare(b.to), b.body);
    const m = out[b.message]!;
    if (e2e && e2e.content !== m.content) out[b.message] = { ...m, content: e2e.content };
  }
  return out;
}
