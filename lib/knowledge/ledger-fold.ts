/**
 * The metadata ledger's own fold: what an observer learns besides the messages and contacts the
 * knowledge fold (lib/knowledge/fold.ts) already counts — addresses and ports, connections with their
 * sizes and times, JIDs, presence, bound resources (the devices of an account), rosters, subscription
 * requests, offline storage, credentials, federation peers. Each fact names the event (`seq`) that
 * leaked it.
 *
 * It runs beside the knowledge fold, not inside it, so that `observe()` stays as it is. It reads what
 * the observer reads: its own TLS keyring (lib/knowledge/tls-keyring.ts) opens only its own
 * connections, so a tap after STARTTLS keeps addresses, ports, sizes and times and nothing inside;
 * an operator (the server's logs) keeps metadata and never a password or a stored key.
 *
 * The state is plain data (structuredClone-safe, checkpointed by lib/knowledge/ledger.ts); facts
 * that only grow sit in an append-only log shared by the states of one run, reached by a count.
 * @module
 */
import { fromBase64 } from '../bytes/base64';
import { toHex, utf8DecodeStrict } from '../bytes/hex';
import { deriveScramCredentials, type ScramHash } from '../crypto/scram';
import { factsOf } from '../sim/facts';
import type { Scenario, TraceEvent } from '../sim/types';
import { child, children, text, type XmlElement } from '../xml/element';
import { createStreamParser, feed, type StreamParserState } from '../xml/stream-parser';
import { sees, type Observer } from './observers';
import { learnTlsKeys, openWire, type TlsKeyring } from './tls-keyring';
import { bareOf as bare } from '../xmpp/jid';

/** One thing an observer learned, and the event that leaked it. */
export type LedgerFact =
  /** A chat message (from the knowledge fold): who, to whom, when, how big; the text when readable. */
  | { kind: 'message'; seq: number; time: number; from: string; to: string; size: number; content: string | null; e2e?: string }
  /** Traffic it could not open (TLS records): from which address to which, when, how big — not what, nor whose. */
  | { kind: 'sealed'; seq: number; time: number; from: string; to: string; size: number; records: number }
  /** Who wrote to whom (bare JIDs) and how often; `seq` is the first such message, `lastSeq` the latest. */
  | { kind: 'contact'; seq: number; from: string; to: string; count: number; lastSeq: number }
  /** An IP address, first seen here, and the node it belongs to. */
  | { kind: 'address'; seq: number; ip: string; node: string }
  /** A transport connection (`ip:port` of the side that spoke first → the other): packets, bytes and times seen on it. */
  | { kind: 'connection'; seq: number; time: number; proto: string; src: string; dst: string; conn: string | null; packets: number; bytes: number; lastSeq: number; lastTime: number }
  /** A stream header read (in clear before STARTTLS, as SNI would be): the domains it names, first seen here. */
  | { kind: 'stream'; seq: number; from: string | null; to: string | null }
  /** A JID read in an address attribute, first seen here. */
  | { kind: 'jid'; seq: number; jid: string }
  /** Presence: online (available) or gone (unavailable), and when. */
  | { kind: 'presence'; seq: number; time: number; jid: string; available: boolean }
  /** A resource bound: one device of an account is online under this full JID. */
  | { kind: 'resource'; seq: number; time: number; jid: string }
  /** A roster read (a result or a push): whose, and its items. */
  | { kind: 'roster'; seq: number; owner: string; items: { jid: string; subscription: string }[] }
  /** A subscription request or answer (RFC 6121 §3). */
  | { kind: 'subscription'; seq: number; time: number; from: string; to: string; type: string }
  /** A message held for a user who was offline (XEP-0160): stored by the server, or delivered later with its stamp (XEP-0203). */
  | { kind: 'offline'; seq: number; time: number; for: string; from: string; state: 'stored' | 'delivered'; stamp?: string; size: number }
  /** A password read in clear (SASL PLAIN). */
  | { kind: 'password'; seq: number; user: string; password: string }
  /** A SCRAM exchange read: the salt and iteration count — what an offline guesser needs besides the proof. */
  | { kind: 'scram'; seq: number; user: string; mechanism: string; salt: string; iterations: number }
  /** What the server stores for an account (RFC 5802 §3), shown when the account is first used. */
  | { kind: 'stored-credential'; seq: number; user: string; mechanism: string; salt: string; iterations: number; storedKey: string; serverKey: string }
  /** A federation peer: dialback accepted a domain pair (XEP-0220). */
  | { kind: 'peer-domain'; seq: number; domain: string; peerDomain: string };

export type LedgerKind = LedgerFact['kind'];

type ConnectionFact = Extract<LedgerFact, { kind: 'connection' }>;

/** What the fold needs from the scenario, fixed for the run. */
export interface LedgerContext {
  observer: Observer;
  /** The domain of the observer's server (server, operator), else null. */
  domain: string | null;
  /** The observer's server's accounts, user → password (to show what it stores); empty for anyone else. */
  passwords: Map<string, string>;
  /** Stored records computed so far (PBKDF2 is slow; a replay asks again). Not state: the same for every replay. */
  derived: Map<string, { storedKey: string; serverKey: string }>;
}

export interface LedgerState {
  at: number;
  tls: TlsKeyring;
  parsers: Record<string, StreamParserState>;
  ips: Record<string, true>;
  jids: Record<string, true>;
  /** Stream headers seen, `from\0to`. */
  streams: Record<string, true>;
  /** Connections by their endpoint pair; their counts grow, so they live in the state (few per run). */
  conns: Record<string, ConnectionFact>;
  /** Client node → its bound full JID (a server learns it when it answers the bind). */
  bound: Record<string, string>;
  /** Bare JID → its available full JIDs, as a server tracks them (offline storage when none). */
  available: Record<string, string[]>;
  /** `client\0server` → the SCRAM exchange under way: user and mechanism from the client-first message. */
  sasl: Record<string, { user: string; mechanism: string }>;
  stored: Record<string, true>;
  /** How much of the log this state has written. */
  seen: number;
  /** Shared by the states of one run; never part of a copy. */
  log: LedgerFact[];
}

export function ledgerContext(scenario: Scenario, o: Observer): LedgerContext {
  const server = o.node === null ? undefined : scenario.topology.servers.find((s) => s.id === o.node);
  const passwords = new Map(server && o.kind === 'server' ? server.accounts.map((a) => [a.user, a.password]) : []);
  return { observer: o, domain: server?.domain ?? null, passwords, derived: new Map() };
}

export function initialLedger(): LedgerState {
  return { at: 0, tls: {}, parsers: {}, ips: {}, jids: {}, streams: {}, conns: {}, bound: {}, available: {}, sasl: {}, stored: {}, seen: 0, log: [] };
}

const domainOf = (jid: string): string => {
  const b = bare(jid);
  return b.slice(b.indexOf('@') + 1);
};

function add(s: LedgerState, f: LedgerFact): void {
  s.log[s.seen++] = f;
}

/** Fold one event into the ledger state (mutated and returned). */
export function stepLedger(ctx: LedgerContext, s: LedgerState, ev: TraceEvent): LedgerState {
  s.at += 1;
  const o = ctx.observer;
  if (!sees(o, ev)) return s;
  if (o.node !== null) learnTlsKeys(ev, o.node, s.tls);
  if (o.node !== null && (o.kind === 'server' || o.kind === 'operator')) {
    for (const f of factsOf(ev.facts, 'dialback-accepted')) if (f.node === o.node) add(s, { kind: 'peer-domain', seq: ev.seq, domain: f.domain, peerDomain: f.peerDomain });
  }
  if (ev.kind !== 'wire') return s;
  learnTransport(o, s, ev);
  const { plaintext, sealed } = openWire(ev, o.node, s.tls);
  if (sealed > 0) add(s, { kind: 'sealed', seq: ev.seq, time: ev.time, from: o.ips.get(ev.from) ?? ev.from, to: o.ips.get(ev.to) ?? ev.to, size: ev.wire?.length ?? 0, records: sealed });
  if (!plaintext) return s;
  const direction = `${ev.from}\u0000${ev.to}`;
  // A stream header starts a new stream (RFC 6120 §4.3.3), as in the knowledge fold.
  const head = utf8DecodeStrict(plaintext.slice(0, 64)) ?? '';
  if (!Object.hasOwn(s.parsers, direction) || head.startsWith('<?xml') || head.startsWith('<stream:stream')) s.parsers[direction] = createStreamParser();
  for (const pe of feed(s.parsers[direction]!, plaintext)) {
    if (pe.type === 'element') readElement(ctx, s, pe.element, ev);
    if (pe.type === 'stream-open') readHeader(s, pe.attrs, ev);
  }
  return s;
}

/** Addresses, ports and connections: what every observer of the bytes has, encrypted or not. */
function learnTransport(o: Observer, s: LedgerState, ev: TraceEvent): void {
  const size = ev.wire?.length ?? 0;
  for (const node of [ev.from, ev.to]) {
    const ip = o.ips.get(node);
    if (ip && !Object.hasOwn(s.ips, ip)) {
      s.ips[ip] = true;
      add(s, { kind: 'address', seq: ev.seq, ip, node });
    }
  }
  const t = ev.transport;
  if (!t) return;
  for (const ep of [t.src, t.dst]) {
    if (!Object.hasOwn(s.ips, ep.ip)) {
      s.ips[ep.ip] = true;
      add(s, { kind: 'address', seq: ev.seq, ip: ep.ip, node: [...o.ips].find(([, ip]) => ip === ep.ip)?.[0] ?? '' });
    }
  }
  const a = `${t.src.ip}:${t.src.port}`;
  const b = `${t.dst.ip}:${t.dst.port}`;
  const key = `${t.proto} ${[a, b].sort().join(' ')}`;
  const row = Object.hasOwn(s.conns, key)
    ? s.conns[key]!
    : (s.conns[key] = { kind: 'connection', seq: ev.seq, time: ev.time, proto: t.proto, src: a, dst: b, conn: t.conn ?? null, packets: 0, bytes: 0, lastSeq: ev.seq, lastTime: ev.time });
  row.packets += 1;
  row.bytes += size;
  row.lastSeq = ev.seq;
  row.lastTime = ev.time;
}

function readHeader(s: LedgerState, attrs: Record<string, string>, ev: TraceEvent): void {
  learnJids(s, attrs, ev);
  const id = `${attrs.from ?? ''}\u0000${attrs.to ?? ''}`;
  if (Object.hasOwn(s.streams, id)) return;
  s.streams[id] = true;
  add(s, { kind: 'stream', seq: ev.seq, from: attrs.from ?? null, to: attrs.to ?? null });
}

function learnJids(s: LedgerState, attrs: Record<string, string>, ev: TraceEvent): void {
  for (const attr of ['from', 'to'] as const) {
    const v = attrs[attr];
    if (v && v.includes('@') && !Object.hasOwn(s.jids, v)) {
      s.jids[v] = true;
      add(s, { kind: 'jid', seq: ev.seq, jid: v });
    }
  }
}

function readElement(ctx: LedgerContext, s: LedgerState, el: XmlElement, ev: TraceEvent): void {
  const o = ctx.observer;
  learnJids(s, el.attrs, ev);
  // Stanzas from a client carry no 'from' (RFC 6120 §8.1.2.1): the connection says who it is.
  const from = el.attrs.from ?? s.bound[ev.from] ?? o.clientJids.get(ev.from) ?? ev.from;
  const to = el.attrs.to ?? s.bound[ev.to] ?? o.clientJids.get(ev.to) ?? ev.to;
  switch (el.name) {
    case 'message':
      return readMessage(ctx, s, el, ev, from, to);
    case 'presence':
      return readPresence(ctx, s, el, ev, from, to);
    case 'iq':
      return readIq(o, s, el, ev);
    case 'auth':
    case 'challenge':
      return readSasl(ctx, s, el, ev);
  }
}

function readMessage(ctx: LedgerContext, s: LedgerState, el: XmlElement, ev: TraceEvent, from: string, to: string): void {
  if (!child(el, 'body') || el.attrs.type === 'error') return;
  const size = ev.wire?.length ?? 0;
  const delay = child(el, 'delay', 'urn:xmpp:delay');
  if (delay) {
    add(s, { kind: 'offline', seq: ev.seq, time: ev.time, for: bare(to), from, state: 'delivered', size, ...(delay.attrs.stamp ? { stamp: delay.attrs.stamp } : {}) });
    return;
  }
  // A server holds a message for a local user with no available resource (RFC 6121 §8.5.2, XEP-0160).
  const o = ctx.observer;
  if (ctx.domain !== null && ev.to === o.node && el.attrs.to && domainOf(el.attrs.to) === ctx.domain && el.attrs.to.includes('@')) {
    if ((s.available[bare(el.attrs.to)] ?? []).length === 0) add(s, { kind: 'offline', seq: ev.seq, time: ev.time, for: bare(el.attrs.to), from, state: 'stored', size });
  }
}

const SUBSCRIPTION = new Set(['subscribe', 'subscribed', 'unsubscribe', 'unsubscribed']);

function readPresence(ctx: LedgerContext, s: LedgerState, el: XmlElement, ev: TraceEvent, from: string, to: string): void {
  const type = el.attrs.type;
  if (type !== undefined && SUBSCRIPTION.has(type)) {
    add(s, { kind: 'subscription', seq: ev.seq, time: ev.time, from: bare(from), to: bare(to), type });
    return;
  }
  if (type !== undefined && type !== 'unavailable') return;
  const available = type === undefined;
  add(s, { kind: 'presence', seq: ev.seq, time: ev.time, jid: from, available });
  // Directed presence to another account says nothing about the sender's sessions here; broadcasts do.
  if (ctx.domain === null || el.attrs.to !== undefined) return;
  const list = (s.available[bare(from)] ??= []).filter((j) => j !== from);
  s.available[bare(from)] = available ? [...list, from] : list;
}

function readIq(o: Observer, s: LedgerState, el: XmlElement, ev: TraceEvent): void {
  const bind = child(el, 'bind', 'urn:ietf:params:xml:ns:xmpp-bind');
  const jid = bind && child(bind, 'jid');
  if (el.attrs.type === 'result' && jid) {
    const full = text(jid);
    s.bound[ev.to] = full;
    add(s, { kind: 'resource', seq: ev.seq, time: ev.time, jid: full });
    return;
  }
  const query = child(el, 'query', 'jabber:iq:roster');
  if (!query || (el.attrs.type !== 'result' && el.attrs.type !== 'set')) return;
  const items = children(query, 'item').map((i) => ({ jid: i.attrs.jid ?? '', subscription: i.attrs.subscription ?? 'none' }));
  // Whose roster: the client's end of the connection (a set from it, a result or a push to it).
  const owner = s.bound[ev.to] ?? o.clientJids.get(ev.to) ?? s.bound[ev.from] ?? o.clientJids.get(ev.from) ?? el.attrs.to ?? ev.to;
  if (items.length > 0) add(s, { kind: 'roster', seq: ev.seq, owner: bare(owner), items });
}

const SCRAM_HASH: Record<string, ScramHash> = { 'SCRAM-SHA-1': 'SHA-1', 'SCRAM-SHA-256': 'SHA-256', 'SCRAM-SHA-256-PLUS': 'SHA-256' };

/** SASL PLAIN reveals the password; SCRAM its salt and iterations, and the server what it stores. */
function readSasl(ctx: LedgerContext, s: LedgerState, el: XmlElement, ev: TraceEvent): void {
  const o = ctx.observer;
  // The server's logs hold no credentials; a client's own password is no leak to itself.
  if (o.logsOnly || o.kind === 'client') return;
  let decoded: string;
  try {
    decoded = utf8DecodeStrict(fromBase64(text(el))) ?? '';
  } catch {
    return; // not base64 (the peer's bytes): nothing readable
  }
  if (el.name === 'auth') {
    const mechanism = el.attrs.mechanism ?? '';
    if (mechanism === 'PLAIN') {
      const parts = decoded.split('\u0000');
      if (parts.length === 3) add(s, { kind: 'password', seq: ev.seq, user: parts[1] ?? '', password: parts[2] ?? '' });
    } else if (SCRAM_HASH[mechanism]) {
      const user = /(?:^|,)n=([^,]*)/.exec(decoded.replace(/^[^,]*,[^,]*,/, ''))?.[1];
      if (user !== undefined) s.sasl[`${ev.from}\u0000${ev.to}`] = { user: user.replace(/=2C/g, ',').replace(/=3D/g, '='), mechanism };
    }
    return;
  }
  // <challenge/>: the server-first message, r=…,s=…,i=… (RFC 5802 §5.1), to the client that started.
  const started = s.sasl[`${ev.to}\u0000${ev.from}`];
  const salt = /(?:^|,)s=([^,]*)/.exec(decoded)?.[1];
  const iterations = Number(/(?:^|,)i=(\d+)/.exec(decoded)?.[1]);
  if (!started || salt === undefined || !Number.isSafeInteger(iterations)) return;
  let saltBytes: Uint8Array;
  try {
    saltBytes = fromBase64(salt);
  } catch {
    return;
  }
  const { user, mechanism } = started;
  const saltHex = toHex(saltBytes);
  const password = o.kind === 'server' && ev.from === o.node ? ctx.passwords.get(user) : undefined;
  if (password === undefined || saltBytes.length === 0) {
    add(s, { kind: 'scram', seq: ev.seq, user, mechanism, salt: saltHex, iterations });
    return;
  }
  const id = `${user}\u0000${mechanism}`;
  if (Object.hasOwn(s.stored, id)) return;
  s.stored[id] = true;
  const cacheKey = `${id}\u0000${saltHex}\u0000${iterations}`;
  let keys = ctx.derived.get(cacheKey);
  if (!keys) {
    const c = deriveScramCredentials(password, saltBytes, iterations, SCRAM_HASH[mechanism]!);
    keys = { storedKey: toHex(c.storedKey), serverKey: toHex(c.serverKey) };
    ctx.derived.set(cacheKey, keys);
  }
  add(s, { kind: 'stored-credential', seq: ev.seq, user, mechanism, salt: saltHex, iterations, ...keys });
}
