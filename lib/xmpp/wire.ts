/**
 * Composing what a host puts on a link: the UTF-8 bytes of one or more XML pieces, with the
 * dissection (layers) the inspector and the observers read, optionally sealed in TLS records.
 * The TCP layer is described, not encoded: the wire bytes are the TCP payload (no segment headers);
 * the same endpoints go to the kernel as the send's transport (lib/sim/transport.ts).
 * @module
 */
import { utf8 } from '../bytes/hex';
import type { Delivery, HostOutput, Layer, Note, SendTransport } from '../sim/types';
import { MAX_PLAINTEXT } from '../tls/record';
import { channelSeal, type TlsChannel } from './tls-channel/channel';
import type { DissectedRecords } from './tls-channel/records';
import { SIM_EPOCH_MS } from './tls-channel/pki';

export interface WirePiece {
  text: string;
  /** Label of the XML layer: `<auth/>`, `stream header` … */
  label: string;
  /** An inner layer inside this piece, as a substring of `text` (e.g. the SASL payload, an OTR body with its key name). */
  inner?: { layer: Layer['layer']; text: string; label: string; key?: string };
}

export interface TcpEndpoints {
  srcIp: string;
  srcPort: number;
  dstIp: string;
  dstPort: number;
}

/** RFC 6120 §14.7: the port clients connect to (IANA `xmpp-client`). */
export const XMPP_CLIENT_PORT = 5222;

/** The kernel's view of these endpoints: a TCP send from src to dst. */
function tcpTransport(tcp: TcpEndpoints): SendTransport {
  return { proto: 'tcp', src: { ip: tcp.srcIp, port: tcp.srcPort }, dst: { ip: tcp.dstIp, port: tcp.dstPort } };
}

/** Our endpoints for answering on the connection these bytes came on: theirs reversed. */
export function answering(d: Delivery): TcpEndpoints {
  return { srcIp: d.dst.ip, srcPort: d.dst.port, dstIp: d.src.ip, dstPort: d.src.port };
}

/** This send opens a new TCP connection (a client's first stream header after `connect`). */
export function opening<T extends HostOutput>(out: T): T {
  return out.type === 'send' && out.transport ? { ...out, transport: { ...out.transport, open: true } } : out;
}

/** The sender closes its side of the connection after this send (RFC 6120 §4.4: after `</stream:stream>`). */
export function closing<T extends HostOutput>(out: T): T {
  return out.type === 'send' && out.transport ? { ...out, transport: { ...out.transport, close: true } } : out;
}

function composeWire(pieces: WirePiece[], tcp: TcpEndpoints): { data: Uint8Array; layers: Layer[] } {
  const layers: Layer[] = [];
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const p of pieces) {
    const bytes = utf8(p.text);
    layers.push({ layer: 'xml', start: offset, end: offset + bytes.length, label: p.label });
    if (p.inner) {
      const at = p.text.indexOf(p.inner.text);
      if (at >= 0) {
        const start = offset + utf8(p.text.slice(0, at)).length;
        layers.push({ layer: p.inner.layer, start, end: start + utf8(p.inner.text).length, label: p.inner.label, ...(p.inner.key ? { key: p.inner.key } : {}) });
      }
    }
    chunks.push(bytes);
    offset += bytes.length;
  }
  // One piece (most sends): its bytes are the wire bytes, no second copy.
  const data = chunks.length === 1 ? chunks[0]! : new Uint8Array(offset);
  if (chunks.length !== 1) {
    let o = 0;
    for (const c of chunks) {
      data.set(c, o);
      o += c.length;
    }
  }
  layers.unshift({ layer: 'tcp', start: 0, end: offset, label: `TCP ${tcp.srcIp}:${tcp.srcPort} → ${tcp.dstIp}:${tcp.dstPort}` });
  return { data, layers };
}

/**
 * Inside TLS (lib/xmpp/tls-channel): the XML bytes go out as application_data records of at most 2^14
 * bytes (RFC 8446 §5.1), after any handshake record this end still owes (the client's Finished).
 * AES-GCM is a stream cipher, so each XML piece keeps its offset inside the record's ciphertext; its
 * layer keeps that range and names the key needed to read it.
 */
function composeTlsWire(pieces: WirePiece[], tcp: TcpEndpoints, ch: TlsChannel): { data: Uint8Array; layers: Layer[] } {
  const inner = composeWire(pieces, tcp);
  const sealed = channelSeal(ch, inner.data);
  const layers: Layer[] = [...sealed.layers];
  // Map every inner layer (XML pieces, SASL payloads) onto the ciphertext range of its record.
  for (const l of inner.layers) {
    if (l.layer === 'tcp') continue;
    const r = Math.min(Math.floor(l.start / MAX_PLAINTEXT), sealed.appData.length - 1);
    const base = sealed.appData[r]!.start - r * MAX_PLAINTEXT;
    // An end-to-end layer keeps its own key: TLS opens the record, only the OTR key opens the body.
    layers.push({ ...l, start: l.start + base, end: Math.min(l.end + base, sealed.data.length), key: l.layer === 'otr' && l.key ? l.key : ch.keyName });
  }
  layers.unshift(tcpLayer(tcp, sealed.data.length));
  return { data: sealed.data, layers };
}

const tcpLayer = (tcp: TcpEndpoints, length: number): Layer => ({ layer: 'tcp', start: 0, end: length, label: `TCP ${tcp.srcIp}:${tcp.srcPort} → ${tcp.dstIp}:${tcp.dstPort}` });

/** TLS records as lib/tls wrote them (a ClientHello, the server's flight, an alert), with their dissection. */
export function sendRecords(to: string, records: DissectedRecords, tcp: TcpEndpoints, note: Note) {
  return { type: 'send' as const, to, data: records.data, layers: [tcpLayer(tcp, records.data.length), ...records.layers], note, transport: tcpTransport(tcp) };
}

export function sendOutput(to: string, pieces: WirePiece[], tcp: TcpEndpoints, note: Note, tls?: TlsChannel | null) {
  const { data, layers } = tls && tls.phase === 'open' && !tls.external ? composeTlsWire(pieces, tcp, tls) : composeWire(pieces, tcp);
  return { type: 'send' as const, to, data, layers, note, transport: tcpTransport(tcp) };
}

/** Raw bytes with one labelled layer (a TLS hello record, bytes a user typed). */
export function sendBytes(to: string, data: Uint8Array, tcp: TcpEndpoints, note: Note, layer: Layer) {
  const layers: Layer[] = [{ layer: 'tcp', start: 0, end: data.length, label: `TCP ${tcp.srcIp}:${tcp.srcPort} → ${tcp.dstIp}:${tcp.dstPort}` }, layer];
  return { type: 'send' as const, to, data, layers, note, transport: tcpTransport(tcp) };
}

/** A client's TCP source port: a stable FNV-1a hash of its node id into the ephemeral range (RFC 6335). */
export function clientPort(nodeId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < nodeId.length; i++) {
    h ^= nodeId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return 49152 + (h % 16384);
}

/** A UUID-shaped id from random bytes (RFC 9562 version 4 layout), as Prosody writes stream ids. */
export function uuidFromBytes(b: Uint8Array): string {
  const h = Array.from(b.slice(0, 16), (v, i) => (i === 6 ? (v & 0x0f) | 0x40 : i === 8 ? (v & 0x3f) | 0x80 : v).toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** XEP-0082 date-time for a virtual time: the simulation's clock starts at 2026-01-01T09:00:00Z. */
export function stampFor(virtualMs: number): string {
  return new Date(SIM_EPOCH_MS + Math.round(virtualMs)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
