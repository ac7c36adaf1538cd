/**
 * What an observer learns from a trace. Every party is an observer: a client and a server see the
 * wire events of their own connections; a tap sees every byte on one link. Each reassembles the
 * byte stream of each direction, as a real eavesdropper does, and reads what its keys open.
 * Without TLS (the foundation's slice), every layer is open to everyone who sees the bytes.
 * @module
 */
import { fromBase64 } from '../bytes/base64';
import { utf8DecodeStrict } from '../bytes/hex';
import type { Scenario, Trace, TraceEvent } from '../sim/types';
import { child, text, type XmlElement } from '../xml/element';
import { createStreamParser, feed, restartStream, type StreamParserState } from '../xml/stream-parser';

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
    /** Passwords that crossed in the clear (SASL PLAIN without TLS). */
    credentials: { seq: number; user: string; password: string }[];
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
  ];
}

/** The wire events an observer sees, or null when there is no such observer. */
function visibleEvents(scenario: Scenario, trace: Trace, name: string): TraceEvent[] | null {
  const tap = scenario.topology.taps.find((t) => t.id === name);
  if (tap) return trace.events.filter((e) => e.kind === 'wire' && e.link === tap.link);
  const isNode = scenario.topology.clients.some((c) => c.id === name) || scenario.topology.servers.some((s) => s.id === name);
  if (!isNode) return null;
  return trace.events.filter((e) => e.kind === 'wire' && (e.from === name || e.to === name));
}

function bare(jid: string): string {
  const i = jid.indexOf('/');
  return i < 0 ? jid : jid.slice(0, i);
}

export function observe(scenario: Scenario, trace: Trace, name: string): Observation | null {
  const seen = visibleEvents(scenario, trace, name);
  if (!seen) return null;
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
    metadata: { addresses: [], jids: [], contacts: [], presence: [], credentials: [], events: 0, bytes: 0 },
  };

  for (const ev of seen) {
    const wire = ev.wire ?? new Uint8Array(0);
    obs.metadata.events += 1;
    obs.metadata.bytes += wire.length;
    for (const node of [ev.from, ev.to]) {
      const ip = nodeIp.get(node);
      if (ip) addresses.set(ip, node);
    }
    const direction = `${ev.from}\u0000${ev.to}`;
    let parser = parsers.get(direction);
    if (!parser) parsers.set(direction, (parser = createStreamParser()));
    // A new stream header on a running connection is a stream restart (RFC 6120 §4.3.3).
    const head = utf8DecodeStrict(wire.slice(0, 64)) ?? '';
    if (head.startsWith('<?xml') || head.startsWith('<stream:stream')) restartStream(parser);
    for (const pe of feed(parser, wire)) {
      if (pe.type !== 'element') continue;
      readElement(pe.element, ev, wire.length, clientJid, obs, jids, contacts);
    }
  }
  obs.metadata.addresses = [...addresses].map(([ip, node]) => ({ ip, node })).sort((a, b) => a.ip.localeCompare(b.ip));
  obs.metadata.jids = [...jids].sort();
  obs.metadata.contacts = [...contacts.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return obs;
}

function readElement(
  el: XmlElement,
  ev: TraceEvent,
  size: number,
  clientJid: Map<string, string>,
  obs: Observation,
  jids: Set<string>,
  contacts: Map<string, { from: string; to: string; count: number }>,
): void {
  for (const attr of ['from', 'to'] as const) {
    const v = el.attrs[attr];
    if (v && v.includes('@')) jids.add(v);
  }
  // Stanzas from a client carry no 'from' (RFC 6120 §8.1.2.1): the connection says who it is.
  const from = el.attrs.from ?? clientJid.get(ev.from) ?? ev.from;
  switch (el.name) {
    case 'message': {
      const body = child(el, 'body');
      const to = el.attrs.to ?? clientJid.get(ev.to) ?? ev.to;
      if (!body) return;
      obs.messages.push({ seq: ev.seq, time: ev.time, from, to, size, content: text(body) });
      const key = `${bare(from)}\u0000${bare(to)}`;
      const c = contacts.get(key) ?? { from: bare(from), to: bare(to), count: 0 };
      c.count += 1;
      contacts.set(key, c);
      return;
    }
    case 'presence':
      if (!el.attrs.type) obs.metadata.presence.push({ seq: ev.seq, time: ev.time, jid: from });
      return;
    case 'auth': {
      if (el.attrs.mechanism !== 'PLAIN') return;
      try {
        const parts = (utf8DecodeStrict(fromBase64(text(el))) ?? '').split('\u0000');
        if (parts.length === 3) obs.metadata.credentials.push({ seq: ev.seq, user: parts[1] ?? '', password: parts[2] ?? '' });
      } catch {
        // Not valid base64: nothing readable.
      }
      return;
    }
  }
}
