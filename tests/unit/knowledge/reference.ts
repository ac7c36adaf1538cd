/**
 * The knowledge lens as it was before the fold (kept to test lib/knowledge/fold.ts and timeline.ts against):
 * "what X knows by step k" is observe() run again on the first k events, reading the hosts' narration
 * notes ('tls.established', 'otr.dh-generated', 'signed.key-published' …) instead of their facts — except
 * the private halves of keys, which no note carries (a fact of the same event does: privOf). Slow
 * (O(k) per step) and simple on purpose: a readable reference beside the fast version.
 */
import { fromBase64 } from '@/lib/bytes/base64';
import { fromHex, utf8DecodeStrict } from '@/lib/bytes/hex';
import { forge, recordedMessages, type RecordedBody } from '@/lib/knowledge/forger-edit';
import { newE2eReaderState, readE2eBody, type E2eReaderState } from '@/lib/knowledge/e2e-reader';
import type { ForgerObservation } from '@/lib/knowledge/forger';
import type { ObservedMessage, Observation } from '@/lib/knowledge/observation';
import { forgersOf, mitmOf, tapsOf, thievesOf } from '@/lib/sim/observers';
import type { ForgerSpec, Note, Scenario, ThiefSpec, Trace, TraceEvent } from '@/lib/sim/types';
import { child, text, type XmlElement } from '@/lib/xml/element';
import { createStreamParser, feed, type StreamParserState } from '@/lib/xml/stream-parser';
import { splitRecords, unprotectRecord } from '@/lib/tls/record';
import { trafficKeys, type TrafficKeys } from '@/lib/tls/traffic-keys';

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
  const tap = tapsOf(scenario.topology).find((t) => t.id === name);
  if (tap) return { node: null, events: trace.events.filter((e) => e.kind === 'wire' && e.link === tap.link), logsOnly: false };
  const thief = thievesOf(scenario.topology).find((t) => t.id === name);
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
  /** handshake and application traffic keys of each writer, and the next sequence number under each */
  keys: Record<'client' | 'server', { handshake: TrafficKeys; application: TrafficKeys; hsSeq: number; appSeq: number }>;
}

/** Secrets a node derived at this event: its own 'tls-keys' facts (no note carries a secret). */
function learnKeys(ev: TraceEvent, node: string, keyring: Map<string, HeldKey>): void {
  const here = ev.kind === 'wire' ? ev.to === node : ev.from === node;
  if (!here) return;
  for (const k of ev.facts) {
    if (k.type !== 'tls-keys' || k.node !== node) continue;
    const ends = (hs: string, app: string) => ({ handshake: trafficKeys(fromHex(hs)), application: trafficKeys(fromHex(app)), hsSeq: 0, appSeq: 0 });
    keyring.set(k.keyName, {
      role: k.role,
      keys: { client: ends(k.clientHandshakeTrafficSecret, k.clientTrafficSecret0), server: ends(k.serverHandshakeTrafficSecret, k.serverTrafficSecret0) },
    });
  }
}

/**
 * The plaintext chunks of one wire event this observer can read; `sealed` counts records it cannot open.
 * Unlike the fold (which switches keys at each writer's Finished), this tries the writer's handshake keys
 * first and its application keys second: a record opens under exactly one of them.
 */
function plaintextOf(ev: TraceEvent, node: string | null, keyring: Map<string, HeldKey>): { chunks: Uint8Array[]; sealed: number } {
  const wire = ev.wire ?? new Uint8Array(0);
  if (!ev.layers.some((l) => l.layer === 'tls')) return { chunks: [wire], sealed: 0 };
  const keyName = ev.layers.find((l) => l.layer === 'tls' && l.key)?.key;
  const held = node !== null && keyName ? keyring.get(keyName) : undefined;
  const records = splitRecords(wire).records.filter((r) => r.type === 23); // hellos in clear carry no XML
  if (!held) return { chunks: [], sealed: records.length };
  const writer = (ev.from === node) === (held.role === 'client') ? held.keys.client : held.keys.server;
  const chunks: Uint8Array[] = [];
  let sealed = 0;
  for (const rec of records) {
    const hs = unprotectRecord(writer.handshake, writer.hsSeq, rec);
    if (hs.ok) {
      writer.hsSeq++;
      continue;
    }
    const app = unprotectRecord(writer.application, writer.appSeq, rec);
    if (app.ok && app.type === 23) {
      writer.appSeq++;
      chunks.push(app.content);
    } else sealed += 1;
  }
  return { chunks, sealed };
}

/** One wire event as an observer sees it: the plaintext it can read (null: nothing, e.g. sealed TLS records). */
interface ReadEvent {
  event: TraceEvent;
  /** Decrypted or clear bytes, concatenated; null when nothing in the event is readable to this observer. */
  plaintext: Uint8Array | null;
  /** Sealed records it could not open. */
  sealed: number;
}

/** Every wire event the observer sees, opened with the keys it holds at that moment. Null for an unknown observer. */
function readEvents(scenario: Scenario, trace: Trace, name: string): ReadEvent[] | null {
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

export function referenceObserve(scenario: Scenario, trace: Trace, name: string): Observation | null {
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
  const ctx: ReadContext = { clientJid, obs, jids, contacts, counted: new Set(), logsOnly: vp.logsOnly, e2e: { wire: newE2eReaderState(), ring: e2e.ring } };

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
  e2e: { wire: E2eReaderState; ring: E2eKeyring };
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

// --- e2e keyring (notes) ---

interface DhKeyLife {
  node: string;
  peer: string;
  keyid: number;
  priv: bigint;
  pub: bigint;
  born: number;
  /** virtual ms when the node forgot it; null = still held at the end */
  died: number | null;
}

interface LongTermKey {
  node: string;
  kind: 'otr-dsa' | 'static';
  /** hex */
  priv: string;
  pub: string;
  born: number;
}

interface E2eKeyring {
  /** DH private keys by public key (hex) */
  dh: Map<string, bigint>;
  /** static private keys by public key (hex) */
  statics: Map<string, string>;
  /** names for metadata.keys */
  names: Set<string>;
}

const emptyKeyring = (): E2eKeyring => ({ dh: new Map(), statics: new Map(), names: new Set() });

/** The node that handled an event: the receiver of bytes, the actor otherwise. */
const handler = (ev: TraceEvent): string => (ev.kind === 'wire' ? ev.to : ev.from);

const str = (n: Note, k: string): string => String(n.params?.[k] ?? '');

/** The private half of the key a note names by its public half, from the facts of the same event. */
function privOf(ev: TraceEvent, pub: string): string {
  for (const f of ev.facts) {
    if ((f.type === 'dh-key-made' || f.type === 'static-key-made') && f.pub === pub) return f.priv;
    if (f.type === 'long-term-key-made' && f.y === pub) return f.x;
  }
  return '';
}

/** Learn the keys `node` made at this event (its own notes). */
function learnE2eKeys(ev: TraceEvent, node: string, ring: E2eKeyring): void {
  if (handler(ev) !== node) return;
  for (const n of ev.effects) {
    if (str(n, 'node') !== node) continue;
    if (n.key === 'otr.dh-generated') addDh(ring, node, str(n, 'peer'), Number(n.params?.keyid), privOf(ev, str(n, 'pub')), str(n, 'pub'));
    else if (n.key === 'otr.long-term-key') ring.names.add(`otr-dsa:${node}`);
    else if (n.key === 'static.key-generated') addStatic(ring, node, privOf(ev, str(n, 'pub')), str(n, 'pub'));
  }
}

function addDh(ring: E2eKeyring, node: string, peer: string, keyid: number, priv: string, pub: string): void {
  ring.dh.set(pub, BigInt(`0x${priv}`));
  ring.names.add(`otr-dh:${node}#${keyid}:${peer}`);
}

function addStatic(ring: E2eKeyring, node: string, priv: string, pub: string): void {
  ring.statics.set(pub, priv);
  ring.names.add(`static:${node}`);
}

/** Every end-to-end key on the trace, with its lifetime. */
function keyLives(trace: Trace): { dh: DhKeyLife[]; longTerm: LongTermKey[] } {
  const dh: DhKeyLife[] = [];
  const longTerm: LongTermKey[] = [];
  for (const ev of trace.events) {
    const node = handler(ev);
    for (const n of ev.effects) {
      if (str(n, 'node') !== node) continue;
      if (n.key === 'otr.dh-generated') {
        dh.push({ node, peer: str(n, 'peer'), keyid: Number(n.params?.keyid), priv: BigInt(`0x${privOf(ev, str(n, 'pub'))}`), pub: BigInt(`0x${str(n, 'pub')}`), born: ev.time, died: null });
      } else if (n.key.startsWith('otr.dh-forgotten')) {
        const life = dh.find((k) => k.node === node && k.died === null && k.pub === BigInt(`0x${str(n, 'pub')}`));
        if (life) life.died = ev.time;
      } else if (n.key === 'otr.long-term-key') {
        longTerm.push({ node, kind: 'otr-dsa', priv: privOf(ev, str(n, 'y')), pub: str(n, 'y'), born: ev.time });
      } else if (n.key === 'static.key-generated') {
        longTerm.push({ node, kind: 'static', priv: privOf(ev, str(n, 'pub')), pub: str(n, 'pub'), born: ev.time });
      }
    }
  }
  return { dh, longTerm };
}

/**
 * A thief's keyring: for each theft the trace has reached (the kernel's 'keys-stolen' step), what the node held at that moment — DH keys made at or before
 * `at` and not forgotten by then ('otr-session'), its DSA key ('long-term-keys': it signs, it opens
 * nothing) and its static key ('static-key'), if the device had made them by then.
 */
function thiefKeyring(trace: Trace, thief: ThiefSpec): E2eKeyring {
  const ring = emptyKeyring();
  const lives = keyLives(trace);
  for (const t of thief.steals) {
    // A trace that stops before the theft (a prefix, as the lens shows step by step): nothing stolen yet.
    if (!trace.events.some((e) => e.kind === 'action' && e.from === t.node && e.time === t.at && e.note.key === 'action.keys-stolen' && e.note.params?.thief === thief.id)) continue;
    if (t.what.includes('otr-session')) {
      for (const k of lives.dh) {
        if (k.node === t.node && k.born <= t.at && (k.died === null || k.died > t.at)) addDh(ring, k.node, k.peer, k.keyid, k.priv.toString(16), k.pub.toString(16));
      }
    }
    for (const k of lives.longTerm) {
      if (k.node !== t.node || k.born > t.at) continue;
      if (k.kind === 'otr-dsa' && t.what.includes('long-term-keys')) ring.names.add(`otr-dsa:${k.node}`);
      if (k.kind === 'static' && t.what.includes('static-key')) addStatic(ring, k.node, k.priv, k.pub);
    }
  }
  return ring;
}

// --- forger ---

const forgerOf = (scenario: Scenario, name: string): ForgerSpec | undefined => forgersOf(scenario.topology).find((f) => f.id === name);

/** The same scenario with the forger as a tap on its link: what it records is what a tap records. */
function asTap(scenario: Scenario, f: ForgerSpec): Scenario {
  const observers = scenario.topology.observers.map((o) => (o.kind === 'forger' && o.id === f.id ? { kind: 'tap' as const, id: f.id, link: f.link } : o));
  return { ...scenario, topology: { ...scenario.topology, observers } };
}

/** Public signing keys, by bare JID, as their owners published them. */
function publishedSigningKeys(trace: Trace): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const ev of trace.events) {
    for (const n of [ev.note, ...ev.effects]) {
      const p = n.params ?? {};
      if (n.key === 'signed.key-published' && typeof p.jid === 'string' && typeof p.publicKey === 'string') keys[p.jid] ??= p.publicKey;
    }
  }
  return keys;
}

/** Every message body that crossed the forger's link, in order. */
function recordedBodies(scenario: Scenario, trace: Trace, f: ForgerSpec): RecordedBody[] {
  const clientJid = new Map(scenario.topology.clients.map((c) => [c.id, c.jid]));
  const parsers = new Map<string, StreamParserState>();
  const out: RecordedBody[] = [];
  for (const { event: ev, plaintext } of readEvents(asTap(scenario, f), trace, f.id) ?? []) {
    if (!plaintext) continue;
    const direction = `${ev.from}\u0000${ev.to}`;
    const head = utf8DecodeStrict(plaintext.slice(0, 64)) ?? '';
    if (!parsers.has(direction) || head.startsWith('<?xml') || head.startsWith('<stream:stream')) parsers.set(direction, createStreamParser());
    for (const pe of feed(parsers.get(direction)!, plaintext)) {
      if (pe.type !== 'element' || pe.element.name !== 'message' || pe.element.attrs.type === 'error') continue;
      const body = child(pe.element, 'body');
      if (!body) continue;
      const from = pe.element.attrs.from ?? clientJid.get(ev.from) ?? ev.from;
      const to = pe.element.attrs.to ?? clientJid.get(ev.to) ?? ev.to;
      out.push({ seq: ev.seq, time: ev.time, from, to, body: text(body) });
    }
  }
  return out;
}

function observeForger(scenario: Scenario, trace: Trace, f: ForgerSpec): ForgerObservation | null {
  const base = referenceObserve(asTap(scenario, f), trace, f.id);
  if (!base) return null;
  const keys = publishedSigningKeys(trace);
  const recorded = recordedMessages(recordedBodies(scenario, trace, f), keys);
  return { ...base, metadata: { ...base.metadata, recorded, forgeries: forge(recorded, f.edits, keys) } };
}

// --- MITM operator ---

const bareJid = (jid: string): string => (jid.includes('/') ? jid.slice(0, jid.indexOf('/')) : jid);

function withMitmReadings(scenario: Scenario, trace: Trace, name: string, obs: Observation): Observation {
  const server = name.startsWith('operator:') ? scenario.topology.servers.find((s) => `operator:${s.id}` === name) : undefined;
  if (!server || !mitmOf(scenario.topology, server.id)) return obs;
  const bySeq = new Map(trace.events.map((e) => [e.seq, e]));
  const messages = obs.messages.map((m) => {
    const ev = bySeq.get(m.seq);
    if (!ev) return m;
    // Arriving from one end: what the relay read. Leaving to the other: what it re-encrypted.
    const read = ev.effects.find((n) => n.key === 'mitm.read' && n.params?.from === bareJid(m.from) && n.params?.to === bareJid(m.to));
    const made = ev.note.key === 'mitm.deliver-data' && ev.from === server.id ? ev.note : undefined;
    const body = (read ?? made)?.params?.body;
    return typeof body === 'string' ? { ...m, content: body } : m;
  });
  return { ...obs, messages };
}

// --- the lens: observe() on a prefix ---

function prefix(trace: Trace, step: number): Trace {
  return { ...trace, events: trace.events.slice(0, Math.max(0, Math.min(step, trace.events.length))) };
}

/** What `name` learned from steps 1..step; null for an unknown observer. */
export function referenceObserveUpTo(scenario: Scenario, trace: Trace, name: string, step: number): Observation | null {
  const seen = referenceObserve(scenario, prefix(trace, step), name);
  const theft = theftAt(scenario, trace, name, step);
  return seen && theft ? asThiefAt(seen, observeWhole(scenario, trace, name), theft) : seen;
}

/**
 * A thief's view of the whole run does not change from step to step: compute it once per trace and
 * observer, not on every step (one referenceObserve() of a whole OTR run is 20–30 ms). Traces are immutable.
 */
const wholeRuns = new WeakMap<Trace, Map<string, Observation | null>>();

function observeWhole(scenario: Scenario, trace: Trace, name: string): Observation | null {
  let byName = wholeRuns.get(trace);
  if (!byName) wholeRuns.set(trace, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, referenceObserve(scenario, trace, name));
  return byName.get(name) ?? null;
}

/** Bodies only stolen keys open: OTR data and static-key messages (lib/knowledge/observe.ts `kind`). */
const KEYED = new Set(['otr-data', 'static-message']);

interface Theft {
  /** Virtual time of the (last) theft, and whose devices were robbed. */
  at: number;
  nodes: string[];
  /** True once the theft has happened: at or after its time, or at the last step (a theft after the last event is "later"). */
  struck: boolean;
}

/** When a thief observer strikes, relative to a step; null when `name` is no thief. */
function theftAt(scenario: Scenario, trace: Trace, name: string, step: number): Theft | null {
  const thief = thievesOf(scenario.topology).find((t) => t.id === name);
  if (!thief || thief.steals.length === 0) return null;
  const at = Math.max(...thief.steals.map((s) => s.at));
  const now = step >= 1 ? (trace.events[Math.min(step, trace.events.length) - 1]?.time ?? -1) : -1;
  return { at, nodes: [...new Set(thief.steals.map((s) => s.node))], struck: now >= at || (step >= trace.events.length && trace.events.length > 0) };
}

/**
 * A thief records its link from the start and reads the recording once it has struck: before that,
 * end-to-end bodies stay closed and it holds no keys; after it, each body is open exactly when the keys it
 * stole open it — which is referenceObserve() on the whole run, with the keys as they were at theft time (a prefix of
 * the run would not yet show which keys were forgotten before the theft).
 */
function asThiefAt(seen: Observation, whole: Observation | null, theft: Theft): Observation {
  const later = new Map<number, (string | null)[]>();
  for (const m of whole?.messages ?? []) later.set(m.seq, [...(later.get(m.seq) ?? []), m.content]);
  const taken = new Map<number, number>();
  const messages = seen.messages.map((m) => {
    const i = taken.get(m.seq) ?? 0;
    taken.set(m.seq, i + 1);
    if (!m.kind || !KEYED.has(m.kind)) return m;
    return { ...m, content: theft.struck ? (later.get(m.seq)?.[i] ?? null) : null };
  });
  return { ...seen, messages, metadata: { ...seen.metadata, keys: theft.struck ? (whole?.metadata.keys ?? []) : [] } };
}
