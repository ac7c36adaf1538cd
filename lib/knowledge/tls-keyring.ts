/**
 * Modelled TLS as an observer meets it: only the two ends of a link hold its keys. A node's keyring is
 * filled by the 'tls-keys' facts it emits — the moment it computed the keys — and opens the records of
 * its own connections in order (each direction has its own sequence number, as in TLS 1.3, RFC 8446
 * §5.3). Everyone else sees sealed records: sizes and times, never what is inside.
 * @module
 */
import { factsOf } from '../sim/facts';
import type { TraceEvent } from '../sim/types';
import { openRecord, splitRecords } from '../xmpp/tls-model/record';

interface HeldKey {
  role: 'client' | 'server';
  clientWriteKey: string;
  clientWriteIv: string;
  serverWriteKey: string;
  serverWriteIv: string;
  /** Records opened so far in each direction (the next record's sequence number). */
  sent: number;
  received: number;
}

/** TLS keys held, by key name (`tls:alice~a.example`); plain data. */
export type TlsKeyring = Record<string, HeldKey>;

/** The node that handled an event: the receiver of bytes, the actor otherwise. */
export const handlerOf = (ev: TraceEvent): string => (ev.kind === 'wire' ? ev.to : ev.from);

/** Learn the keys `node` computed at this event (its own 'tls-keys' facts); a new handshake on a link starts its counters afresh. */
export function learnTlsKeys(ev: TraceEvent, node: string, ring: TlsKeyring): void {
  if (handlerOf(ev) !== node) return;
  for (const f of factsOf(ev.facts, 'tls-keys')) {
    if (f.node !== node) continue;
    ring[f.keyName] = {
      role: f.role,
      clientWriteKey: f.clientWriteKey,
      clientWriteIv: f.clientWriteIv,
      serverWriteKey: f.serverWriteKey,
      serverWriteIv: f.serverWriteIv,
      sent: 0,
      received: 0,
    };
  }
}

/**
 * The bytes of one wire event an observer can read, given the keys it holds (`node` null: it holds
 * none): the whole payload without TLS, the opened records inside it, nothing for a hello in clear.
 * `sealed` counts the records it could not open. Advances the record counters of the key it used.
 */
export function openWire(ev: TraceEvent, node: string | null, ring: TlsKeyring): { plaintext: Uint8Array | null; sealed: number } {
  const wire = ev.wire ?? new Uint8Array(0);
  const tlsLayer = ev.layers.find((l) => l.layer === 'tls');
  if (!tlsLayer) return { plaintext: wire, sealed: 0 };
  if (!tlsLayer.key) return { plaintext: null, sealed: 0 }; // a hello record in clear: no XML inside
  const held = node !== null && Object.hasOwn(ring, tlsLayer.key) ? ring[tlsLayer.key] : undefined;
  const { records } = splitRecords(wire);
  if (!held) return { plaintext: null, sealed: records.length };
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
