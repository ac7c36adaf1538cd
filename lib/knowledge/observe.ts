/**
 * What an observer learns from a trace. Every party is an observer: a client and a server see the
 * wire events of their own connections; a tap sees every byte on one link; an operator is a server's
 * logs handed over (who, when, from where, how big — no message bodies). Each reassembles the byte
 * stream of each direction, as a real eavesdropper does, and reads what its keyring opens:
 *  - without TLS every layer is open to everyone who sees the bytes;
 *  - inside (modelled) TLS only the two ends of that link hold the keys. A node's keyring is filled
 *    by the 'tls.established' notes at that node — the moment it computed the keys. A tap still
 *    sees IP addresses, sizes and times: metadata. Servers read everything they relay: TLS is hop-by-hop.
 *  - end to end (OTR, the static-key contrast) only keys from the devices open a body: a client holds
 *    the keys it made; a thief (`topology.thieves`) records a link like a tap and holds what it stole
 *    from devices (lib/knowledge/e2e-keyring.ts); servers and taps hold none (lib/knowledge/e2e-reader.ts).
 * @module
 */
import { fromBase64 } from '../bytes/base64';
import { utf8DecodeStrict } from '../bytes/hex';
import type { Scenario, ThiefSpec, Trace, TraceEvent } from '../sim/types';
import { child, text, type XmlElement } from '../xml/element';
import { createStreamParser, feed, type StreamParserState } from '../xml/stream-parser';
import { openRecord, splitRecords } from '../xmpp/tls-model/record';
import { emptyKeyring, learnE2eKeys, thiefKeyring, type E2eKeyring } from './e2e-keyring';
import { newOtrWireState, readE2eBody, type E2eKind, type OtrWireState } from './e2e-reader';
import { forgerOf, observeForger } from './forger';
import { withMitmReadings } from './mitm';

export type ObserverKind = 'client' | 'server' | 'tap' | 'thief' | 'operator' | 'forger';

export interface ObserverInfo {
  name: string;
  kind: ObserverKind;
}

export interface ObservedMessage {
  seq: number;
  time: number;
  from: string;
  to: string;
  /** Bytes on the wire of the event that carried it. */
  size: number;
  /** The plaintext the observer could read, or null when it could not open it. */
  content: string | null;
  /** End-to-end bodies only: what kind of OTR or static-key message it is (plain messages have none). */
  kind?: E2eKind;
  /** OTR data messages: sender/recipient key ids, "2/3". */
  keys?: string;
}

export interface Observation {
  observer: string;
  messages: ObservedMessage[];
  metadata: {
    /** IP addresses seen, with the node they belong to when known. */
    addresses: { ip: string; node: string }[];
    /** Every JID seen in an address attribute, sorted. */
    jids: string[];
    /** Who wrote to whom (from → to, bare JIDs), with how many messages. */
    contacts: { from: string; to: string; count: number }[];
    /** Presence seen: who was online when. */
    presence: { seq: number; time: number; jid: string }[];
    /** Passwords that crossed readable (SASL PLAIN without TLS, or PLAIN seen by the server). */
    credentials: { seq: number; user: string; password: string }[];
    /** TLS keys this observer holds, by name. */
    keys: string[];
    /** Encrypted records this observer saw but could not open. */
    sealedRecords: number;
    /** Wire events seen and their total size. */
    events: number;
    bytes: number;
  };
}

export function listObservers(scenario: Scenario): ObserverInfo[] {
  return [
    ...scenario.topology.clients.map((c): ObserverInfo => ({ name: c.id, kind: 'client' })),
    ...scenario.topology.servers.map((s): ObserverInfo => ({ name: s.id, kind: 'server' })),
    ...scenario.topology.taps.map((t): ObserverInfo => ({ name: t.id, kind: 'tap' })),
    ...(scenario.topology.thieves ?? []).map((t): ObserverInfo => ({ name: t.id, kind: 'thief' })),
    ...scenario.topology.servers.map((s): ObserverInfo => ({ name: `operator:${s.id}`, kind: 'operator' })),
    ...(scenario.topology.forgers ?? []).map((f): ObserverInfo => ({ name: f.id, kind: 'forger' })),
  ];
}

interface Viewpoint {
  /** The node whose keys and connections this observer has, or null for a tap. */
  node: string | null;
  events: TraceEvent[];
  /** Operators get the logs: metadata, no content and no passwords. */
  logsOnly: boolean;
  /** A thief: records a link like a tap, holds the end-to-end keys it stole. */
  thief?: ThiefSpec;
}

function viewpoint(scenario: Scenario, trace: Trace, name: string): Viewpoint | null {
  const tap = scenario.topology.taps.find((t) => t.id === name);
  if (tap) return { node: null, events: trace.events.filter((e) => e.kind === 'wire' && e.link === tap.link), logsOnly: false };
  const thief = scenario.topology.thieves?.find((t) => t.id === name);
  if (thief) return { node: null, events: trace.events.filter((e) => e.kind === 'wire' && e.link === thief.link), logsOnly: false, thief };
  const operator = name.startsWith('operator:') ? name.slice('operator:'.length) : null;
  const node = operator ?? name;
  const isNode = scenario.topology.clients.some((c) => c.id === node) || scenario.topology.servers.some((s) => s.id === node);
  if (!isNode || (operator !== null && !scenario.topology.servers.some((s) => s.id === operator))) return null;
  // Wire events of its own connections, plus its own local events (where its keys appear).
  return { node, events: trace.events.filter((e) => e.from === node || e.to === node), logsOnly: operator !== null };
}

function bare(jid: string): string {
  const i = jid.indexOf('/');
  return i < 0 ? jid : jid.slice(0, i);
}

interface HeldKey {
  role: 'client' | 'server';
  clientWriteKey: string;
  clientWriteIv: string;
  serverWriteKey: string;
  serverWriteIv: string;
  sent: number;
  received: number;
}

/** Keys a node computed at this event (its own 'tls.established' notes). */
function learnKeys(ev: TraceEvent, node: string, keyring: Map<string, HeldKey>): void {
  const here = ev.kind === 'wire' ? ev.to === node : ev.from === node;
  if (!here) return;
  for (const n of ev.effects) {
    const p = n.params ?? {};
    if (n.key !== 'tls.established' || p.node !== node || typeof p.keyName !== 'string') continue;
    keyring.set(p.keyName, {
      role: p.role === 'server' ? 'server' : 'client',
      clientWriteKey: String(p.clientWriteKey),
      clientWriteIv: String(p.clientWriteIv),
      serverWriteKey: String(p.serverWriteKey),
      serverWriteIv: String(p.serverWriteIv),
      sent: 0,
      received: 0,
    });
  }
}

/** The plaintext chunks of one wire event this observer can read; `sealed` counts records it cannot open. */
function plaintextOf(ev: TraceEvent, node: string | null, keyring: Map<string, HeldKey>): { chunks: Uint8Array[]; sealed: number } {
  const wire = ev.wire ?? new Uint8Array(0);
  const tlsLayer = ev.layers.find((l) => l.layer === 'tls');
  if (!tlsLayer) return { chunks: [wire], sealed: 0 };
  if (!tlsLayer.key) return { chunks: [], sealed: 0 }; // a hello record in clear: no XML inside
  const held = node !== null ? keyring.get(tlsLayer.key) : undefined;
  const { records } = splitRecords(wire);
  if (!held) return { chunks: [], sealed: records.length };
  const outgoing = ev.from === node;
  const senderIsClient = outgoing === (held.role === 'client');
  const [key, iv] = senderIsClient ? [held.clientWriteKey, held.clientWriteIv] : [held.serverWriteKey, held.serverWriteIv];
  const chunks: Uint8Array[] = [];
  let sealed = 0;
  for (const rec of records) {
    const seq = outgoing ? held.sent++ : held.received++;
    const pt = openRecord(key, iv, seq, rec);
    if (pt) chunks.push(pt);
    else sealed += 1;
  }
  return { chunks, sealed };
}

/** One wire event as an observer sees it: the plaintext it can read (null: nothing, e.g. sealed TLS records). */
export interface ReadEvent {
  event: TraceEvent;
  /** Decrypted or clear bytes, concatenated; null when nothing in the event is readable to this observer. */
  plaintext: Uint8Array | null;
  /** Sealed records it could not open. */
  sealed: number;
}

/** Every wire event the observer sees, opened with the keys it holds at that moment. Null for an unknown observer. */
export function readEvents(scenario: Scenario, trace: Trace, name: string): ReadEvent[] | null {
  const vp = viewpoint(scenario, trace, name);
  if (!vp) return null;
  const keyring = new Map<string, HeldKey>();
  const out: ReadEvent[] = [];
  for (const ev of vp.events) {
    if (vp.node !== null) learnKeys(ev, vp.node, keyring);
    if (ev.kind !== 'wire') continue;
    const { chunks, sealed } = plaintextOf(ev, vp.node, keyring);
    const total = chunks.reduce((n, c) => n + c.length, 0);
    let plaintext: Uint8Array | null = null;
    if (chunks.length) {
      plaintext = new Uint8Array(total);
      let o = 0;
      for (const c of chunks) {
        plaintext.set(c, o);
        o += c.length;
      }
    }
    out.push({ event: ev, plaintext, sealed });
  }
  return out;
}

/** The keys an observer holds by the end of the trace. */
function keysHeld(scenario: Scenario, trace: Trace, name: string): string[] {
  const vp = viewpoint(scenario, trace, name);
  if (!vp) return [];
  if (vp.thief) return [...thiefKeyring(trace, vp.thief).names].sort();
  if (vp.node === null) return [];
  const keyring = new Map<string, HeldKey>();
  const e2e = emptyKeyring();
  for (const ev of vp.events) {
    learnKeys(ev, vp.node, keyring);
    learnE2eKeys(ev, vp.node, e2e);
  }
  return [...keyring.keys(), ...e2e.names].sort();
}

/** The end-to-end keyring as it grows along the observer's events (a thief's is fixed from the start). */
function e2eKeyringFor(trace: Trace, vp: Viewpoint): { ring: E2eKeyring; upTo(seq: number): void } {
  if (vp.thief) return { ring: thiefKeyring(trace, vp.thief), upTo: () => undefined };
  const ring = emptyKeyring();
  let i = 0;
  const node = vp.node;
  return {
    ring,
    upTo(seq: number) {
      for (; i < vp.events.length && vp.events[i]!.seq <= seq; i++) if (node !== null) learnE2eKeys(vp.events[i]!, node, ring);
    },
  };
}

export function observe(scenario: Scenario, trace: Trace, name: string): Observation | null {
  const forger = forgerOf(scenario, name);
  if (forger) return observeForger(scenario, trace, forger);
  const read = readEvents(scenario, trace, name);
  const vp = viewpoint(scenario, trace, name);
  if (!read || !vp) return null;
  const nodeIp = new Map<string, string>();
  for (const n of trace.nodes) nodeIp.set(n.id, n.ip);
  const clientJid = new Map(scenario.topology.clients.map((c) => [c.id, c.jid]));

  const parsers = new Map<string, StreamParserState>();
  const addresses = new Map<string, string>();
  const jids = new Set<string>();
  const contacts = new Map<string, { from: string; to: string; count: number }>();
  const obs: Observation = {
    observer: name,
    messages: [],
    metadata: { addresses: [], jids: [], contacts: [], presence: [], credentials: [], keys: keysHeld(scenario, trace, name), sealedRecords: 0, events: 0, bytes: 0 },
  };
  const e2e = e2eKeyringFor(trace, vp);
  const ctx: ReadContext = { clientJid, obs, jids, contacts, counted: new Set(), logsOnly: vp.logsOnly, e2e: { wire: newOtrWireState(), ring: e2e.ring } };

  for (const { event: ev, plaintext, sealed } of read) {
    e2e.upTo(ev.seq);
    const wire = ev.wire ?? new Uint8Array(0);
    obs.metadata.events += 1;
    obs.metadata.bytes += wire.length;
    for (const node of [ev.from, ev.to]) {
      const ip = nodeIp.get(node);
      if (ip) addresses.set(ip, node);
    }
    if (sealed > 0) {
      obs.metadata.sealedRecords += sealed;
      // What a tap has: who (IP addresses), when, how big — never what.
      obs.messages.push({ seq: ev.seq, time: ev.time, from: nodeIp.get(ev.from) ?? ev.from, to: nodeIp.get(ev.to) ?? ev.to, size: wire.length, content: null });
    }
    if (!plaintext) continue;
    const direction = `${ev.from}\u0000${ev.to}`;
    // A stream header starts a new stream (after TLS, after SASL, on a new connection): RFC 6120 §4.3.3.
    const head = utf8DecodeStrict(plaintext.slice(0, 64)) ?? '';
    if (!parsers.has(direction) || head.startsWith('<?xml') || head.startsWith('<stream:stream')) parsers.set(direction, createStreamParser());
    for (const pe of feed(parsers.get(direction)!, plaintext)) {
      if (pe.type === 'element') readElement(pe.element, ev, wire.length, ctx);
    }
  }
  obs.metadata.addresses = [...addresses].map(([ip, node]) => ({ ip, node })).sort((a, b) => a.ip.localeCompare(b.ip));
  obs.metadata.jids = [...jids].sort();
  obs.metadata.contacts = [...contacts.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return withMitmReadings(scenario, trace, name, obs);
}

interface ReadContext {
  clientJid: Map<string, string>;
  obs: Observation;
  jids: Set<string>;
  contacts: Map<string, { from: string; to: string; count: number }>;
  /** Messages already counted as contacts: a server sees each relayed message twice (in and out). */
  counted: Set<string>;
  logsOnly: boolean;
  e2e: { wire: OtrWireState; ring: E2eKeyring };
}

function readElement(el: XmlElement, ev: TraceEvent, size: number, c: ReadContext): void {
  for (const attr of ['from', 'to'] as const) {
    const v = el.attrs[attr];
    if (v && v.includes('@')) c.jids.add(v);
  }
  // Stanzas from a client carry no 'from' (RFC 6120 §8.1.2.1): the connection says who it is.
  const from = el.attrs.from ?? c.clientJid.get(ev.from) ?? ev.from;
  switch (el.name) {
    case 'message': {
      const body = child(el, 'body');
      const to = el.attrs.to ?? c.clientJid.get(ev.to) ?? ev.to;
      if (!body || el.attrs.type === 'error') return;
      const e2e = readE2eBody(c.e2e.wire, c.e2e.ring, bare(from), bare(to), text(body));
      const content = c.logsOnly ? null : e2e ? e2e.content : text(body);
      c.obs.messages.push({ seq: ev.seq, time: ev.time, from, to, size, content, ...(e2e ? { kind: e2e.kind } : {}), ...(e2e?.keys ? { keys: e2e.keys } : {}) });
      const key = `${bare(from)}\u0000${bare(to)}`;
      const identity = el.attrs.id === undefined ? null : `${key}\u0000${el.attrs.id}`;
      if (identity !== null && c.counted.has(identity)) return;
      if (identity !== null) c.counted.add(identity);
      const entry = c.contacts.get(key) ?? { from: bare(from), to: bare(to), count: 0 };
      entry.count += 1;
      c.contacts.set(key, entry);
      return;
    }
    case 'presence':
      if (!el.attrs.type) c.obs.metadata.presence.push({ seq: ev.seq, time: ev.time, jid: from });
      return;
    case 'auth': {
      if (el.attrs.mechanism !== 'PLAIN' || c.logsOnly) return;
      try {
        const parts = (utf8DecodeStrict(fromBase64(text(el))) ?? '').split('\u0000');
        if (parts.length === 3) c.obs.metadata.credentials.push({ seq: ev.seq, user: parts[1] ?? '', password: parts[2] ?? '' });
      } catch {
        // Not valid base64: nothing readable.
      }
      return;
    }
  }
}
