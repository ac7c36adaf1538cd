/**
 * TLS 1.3 as an observer meets it: only the two ends of a connection hold its secrets. A node's
 * keyring is filled by the 'tls-keys' facts it emits (contract C1: the handshake and first
 * application traffic secrets, RFC 8446 §7.1) and opens the protected records of its own connections
 * in order: each direction has its own keys and sequence number (§5.3), first under the handshake
 * traffic keys — EncryptedExtensions … Finished — then, after that direction's Finished, under the
 * application traffic keys (§7.3). Everyone else sees records: type, length, time — never what is inside.
 * ClientHello and ServerHello travel in clear; they carry no XML.
 * @module
 */
import { fromHex } from '../bytes/hex';
import { factsOf } from '../sim/facts';
import type { TraceEvent } from '../sim/types';
import { ContentType, HandshakeType } from '../tls/constants';
import { splitRecords, unprotectRecord } from '../tls/record';
import { trafficKeys, type TrafficKeys } from '../tls/traffic-keys';

/** One direction of a connection as the holder reads it: which keys, and the next record's sequence number. */
interface Reading {
  epoch: 'handshake' | 'application';
  seq: number;
}

interface HeldKey {
  role: 'client' | 'server';
  clientHandshake: TrafficKeys;
  serverHandshake: TrafficKeys;
  clientApplication: TrafficKeys;
  serverApplication: TrafficKeys;
  /** records written by the client, and by the server */
  fromClient: Reading;
  fromServer: Reading;
}

/** TLS keys held, by key name (`tls:alice~a.example`); plain data. */
export type TlsKeyring = Record<string, HeldKey>;

/** The node that handled an event: the receiver of bytes, the actor otherwise. */
export const handlerOf = (ev: TraceEvent): string => (ev.kind === 'wire' ? ev.to : ev.from);

/** Learn the secrets `node` derived at this event (its own 'tls-keys' facts); a new handshake on a link starts afresh. */
export function learnTlsKeys(ev: TraceEvent, node: string, ring: TlsKeyring): void {
  if (handlerOf(ev) !== node) return;
  for (const f of factsOf(ev.facts, 'tls-keys')) {
    if (f.node !== node) continue;
    ring[f.keyName] = {
      role: f.role,
      clientHandshake: trafficKeys(fromHex(f.clientHandshakeTrafficSecret)),
      serverHandshake: trafficKeys(fromHex(f.serverHandshakeTrafficSecret)),
      clientApplication: trafficKeys(fromHex(f.clientTrafficSecret0)),
      serverApplication: trafficKeys(fromHex(f.serverTrafficSecret0)),
      fromClient: { epoch: 'handshake', seq: 0 },
      fromServer: { epoch: 'handshake', seq: 0 },
    };
  }
}

/** Does this run of handshake messages end with a Finished (§4.4.4)? Then the writer's next records use its application keys. */
function endsWithFinished(messages: Uint8Array): boolean {
  let at = 0;
  let last = -1;
  while (at + 4 <= messages.length) {
    last = messages[at]!;
    at += 4 + ((messages[at + 1]! << 16) | (messages[at + 2]! << 8) | messages[at + 3]!);
  }
  return last === HandshakeType.finished;
}

/**
 * The bytes of one wire event an observer can read, given the keys it holds (`node` null: it holds
 * none): the whole payload without TLS, the application data of the records it opens, nothing for
 * records in clear (ClientHello, ServerHello) or for the handshake messages it opens (no XML inside).
 * `sealed` counts the protected records it could not open. Advances the counters of the key it used.
 */
export function openWire(ev: TraceEvent, node: string | null, ring: TlsKeyring): { plaintext: Uint8Array | null; sealed: number } {
  const wire = ev.wire ?? new Uint8Array(0);
  if (!ev.layers.some((l) => l.layer === 'tls')) return { plaintext: wire, sealed: 0 };
  const keyName = ev.layers.find((l) => l.layer === 'tls' && l.key !== undefined)?.key;
  const held = node !== null && keyName !== undefined && Object.hasOwn(ring, keyName) ? ring[keyName] : undefined;
  const chunks: Uint8Array[] = [];
  let sealed = 0;
  const senderIsClient = held !== undefined && (ev.from === node) === (held.role === 'client');
  for (const rec of splitRecords(wire).records) {
    if (rec.type !== ContentType.application_data) continue; // in clear: a hello, an alert before the keys
    if (!held) {
      sealed += 1;
      continue;
    }
    const reading = senderIsClient ? held.fromClient : held.fromServer;
    const keys =
      reading.epoch === 'handshake'
        ? senderIsClient ? held.clientHandshake : held.serverHandshake
        : senderIsClient ? held.clientApplication : held.serverApplication;
    const opened = unprotectRecord(keys, reading.seq, rec);
    if (!opened.ok) {
      sealed += 1;
      continue;
    }
    reading.seq += 1;
    if (opened.type === ContentType.handshake && reading.epoch === 'handshake' && endsWithFinished(opened.content)) {
      reading.epoch = 'application';
      reading.seq = 0;
    } else if (opened.type === ContentType.application_data) chunks.push(opened.content);
  }
  return { plaintext: chunks.length ? concat(chunks) : null, sealed };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
