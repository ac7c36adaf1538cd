/**
 * The TLS 1.3 handshakes of a run, message by message, for the Handshake view: which connections the run
 * has (one per ClientHello on the wire), and for one of them every handshake message in the order it
 * crossed the link — ClientHello and ServerHello as sent in clear, EncryptedExtensions … Finished as the
 * two ends read them after opening their records (RFC 8446 §5.2) with the handshake traffic keys that the
 * ends reported in their `tls-keys` facts. Each entry keeps the record that carried it, so that an observer
 * without the keys can be shown exactly that: a header and ciphertext. Pure, from the trace alone.
 * @module
 */
import { fromHex, toHex } from '../bytes/hex';
import { factsOf, type TlsKeysFact } from '../sim/facts';
import type { Trace, TraceEvent } from '../sim/types';
import { ContentType, HandshakeType } from '../tls/constants';
import { decodeHandshake, splitHandshakes } from '../tls/handshake-codec';
import { splitRecords, unprotectRecord } from '../tls/record';
import { trafficKeys, type TrafficKeys } from '../tls/traffic-keys';
import { layoutHandshake, layoutRecord, type FieldLayout } from './tls-fields';

export interface TlsConnection {
  /** the key name layers and keyrings use (`tls:alice~a.example`); `hello:<step>` when no end reported keys */
  keyName: string;
  client: string;
  server: string;
  /** the step (event seq + 1) at which the ClientHello arrived */
  helloStep: number;
  /** the ends' `tls-keys` facts (both agree); absent when the handshake did not complete */
  keys: TlsKeysFact | null;
  /** the step at which the last end derived its keys (the schedule is complete), null without keys */
  keysStep: number | null;
}

/** RFC 8446's names of the messages this view shows. */
export type MessageName = 'ClientHello' | 'ServerHello' | 'EncryptedExtensions' | 'Certificate' | 'CertificateRequest' | 'CertificateVerify' | 'Finished' | 'NewSessionTicket' | 'KeyUpdate' | 'other';
const NAMES: Record<number, MessageName> = {
  [HandshakeType.client_hello]: 'ClientHello',
  [HandshakeType.server_hello]: 'ServerHello',
  [HandshakeType.encrypted_extensions]: 'EncryptedExtensions',
  [HandshakeType.certificate]: 'Certificate',
  [HandshakeType.certificate_request]: 'CertificateRequest',
  [HandshakeType.certificate_verify]: 'CertificateVerify',
  [HandshakeType.finished]: 'Finished',
  [HandshakeType.new_session_ticket]: 'NewSessionTicket',
  [HandshakeType.key_update]: 'KeyUpdate',
};

export interface HsRecord {
  /** `<step>.<index>`: the same for every message one record carried */
  id: string;
  bytes: Uint8Array;
  layout: FieldLayout;
}

export interface HsEntry {
  /** the message's name; null for a protected record nobody in the run could open for us (no keys reported) */
  name: MessageName | null;
  /** sender and receiver node ids, and the step (event seq + 1) at which it arrived */
  from: string;
  to: string;
  step: number;
  /** which end wrote it */
  by: 'client' | 'server';
  /** true: it crossed the link inside a protected record (the handshake traffic keys open it) */
  protected: boolean;
  /** the message with its fields; null when it could not be opened or decoded */
  message: { bytes: Uint8Array; layout: FieldLayout } | null;
  /** the protected record that carried it; null for messages sent in clear */
  record: HsRecord | null;
}

const isWire = (ev: TraceEvent): boolean => ev.kind === 'wire' && ev.wire !== undefined && ev.layers.some((l) => l.layer === 'tls');

/** The ClientHello an event carries in clear as its first record, with its random; null otherwise. */
function clientHelloOf(ev: TraceEvent): { random: string } | null {
  if (!isWire(ev)) return null;
  const first = splitRecords(ev.wire!).records[0];
  if (!first || first.type !== ContentType.handshake || first.fragment[0] !== HandshakeType.client_hello) return null;
  const msg = splitHandshakes(first.fragment).messages[0];
  const decoded = msg && decodeHandshake(msg);
  return decoded?.ok && decoded.value.type === 'client_hello' ? { random: toHex(decoded.value.random) } : null;
}

/** Every TLS connection of the run, in the order its ClientHello arrived. */
export function tlsConnections(trace: Trace): TlsConnection[] {
  const facts = trace.events.flatMap((e) => factsOf(e.facts, 'tls-keys').map((f) => ({ f, step: e.seq + 1 })));
  const out: TlsConnection[] = [];
  for (const ev of trace.events) {
    const hello = clientHelloOf(ev);
    if (!hello) continue;
    const mine = facts.filter((x) => x.f.clientRandom === hello.random);
    const keys = mine[0]?.f ?? null;
    out.push({
      keyName: keys?.keyName ?? `hello:${ev.seq + 1}`,
      client: ev.from,
      server: ev.to,
      helloStep: ev.seq + 1,
      keys,
      keysStep: mine.length ? Math.max(...mine.map((x) => x.step)) : null,
    });
  }
  return out;
}

/** One direction of the handshake as its reader follows it. */
interface Reading {
  keys: TrafficKeys | null;
  seq: number;
  buffer: Uint8Array;
  /** protected records read so far carried (part of) a message that is still incomplete */
  openRecord: HsRecord | null;
  done: boolean;
}

const join = (a: Uint8Array, b: Uint8Array) => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/**
 * The handshake of `c`, entry by entry: from its ClientHello to each side's Finished. Records after a
 * side's Finished carry application data and are not part of it.
 */
export function handshakeEntries(trace: Trace, c: TlsConnection): HsEntry[] {
  const start = trace.events[c.helloStep - 1];
  if (!start) return [];
  const keyOf = (hex: string | undefined) => (hex ? trafficKeys(fromHex(hex)) : null);
  const fromClient: Reading = { keys: keyOf(c.keys?.clientHandshakeTrafficSecret), seq: 0, buffer: new Uint8Array(0), openRecord: null, done: false };
  const fromServer: Reading = { keys: keyOf(c.keys?.serverHandshakeTrafficSecret), seq: 0, buffer: new Uint8Array(0), openRecord: null, done: false };
  const out: HsEntry[] = [];
  for (const ev of trace.events.slice(c.helloStep - 1)) {
    if (fromClient.done && fromServer.done) break;
    if (!isWire(ev) || ev.conn !== start.conn) continue;
    const byClient = ev.from === c.client && ev.to === c.server;
    if (!byClient && !(ev.from === c.server && ev.to === c.client)) continue;
    if (ev.seq + 1 > c.helloStep && byClient && clientHelloOf(ev)) break; // a new handshake on the same pair
    const reading = byClient ? fromClient : fromServer;
    const base = { from: ev.from, to: ev.to, step: ev.seq + 1, by: byClient ? ('client' as const) : ('server' as const) };
    const take = (content: Uint8Array, record: HsRecord | null) => {
      reading.buffer = join(reading.buffer, content);
      const { messages, rest } = splitHandshakes(reading.buffer);
      reading.buffer = rest;
      for (const bytes of messages) {
        const layout = layoutHandshake(bytes);
        out.push({ ...base, name: NAMES[bytes[0]!] ?? 'other', protected: record !== null, message: layout ? { bytes, layout } : null, record });
        if (bytes[0] === HandshakeType.finished) reading.done = true;
      }
    };
    splitRecords(ev.wire!).records.forEach((rec, i) => {
      if (reading.done) return;
      if (rec.type === ContentType.handshake) return take(rec.fragment, null);
      if (rec.type !== ContentType.application_data) return; // change_cipher_spec (§D.4), alerts
      const raw = join(Uint8Array.of(rec.type, rec.legacyVersion >> 8, rec.legacyVersion & 0xff, rec.fragment.length >> 8, rec.fragment.length & 0xff), rec.fragment);
      const record: HsRecord = { id: `${ev.seq + 1}.${i}`, bytes: raw, layout: layoutRecord(raw) };
      const opened = reading.keys ? unprotectRecord(reading.keys, reading.seq, rec) : null;
      if (!opened?.ok || opened.type !== ContentType.handshake) {
        // Nobody reported the keys (the handshake failed), or not a handshake record: what the link shows.
        out.push({ ...base, name: null, protected: true, message: null, record });
        return;
      }
      reading.seq += 1;
      take(opened.content, record);
    });
  }
  return out;
}

/** The entry a view opens at `step`: the last one that had arrived by then, else the first. */
export function entryAt(entries: readonly HsEntry[], step: number): number {
  let at = 0;
  entries.forEach((e, i) => {
    if (e.step <= step) at = i;
  });
  return at;
}

/** Does the run have a TLS handshake to show (the Handshake tab appears only then)? */
export const hasTls = (trace: Trace): boolean => trace.events.some((ev) => clientHelloOf(ev) !== null);
