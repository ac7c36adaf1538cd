/**
 * Composing what a host puts on a link: the UTF-8 bytes of one or more XML pieces, with the
 * dissection (layers) the inspector and the observers read. The TCP layer is described, not
 * encoded: the wire bytes are the TCP payload (segment headers are not simulated).
 * @module
 */
import { utf8 } from '../bytes/hex';
import type { Layer, Note } from '../sim/types';

export interface WirePiece {
  text: string;
  /** Label of the XML layer: `<auth/>`, `stream header` … */
  label: string;
  /** An inner layer inside this piece, as a substring of `text` (e.g. the SASL payload). */
  inner?: { layer: Layer['layer']; text: string; label: string };
}

export interface TcpEndpoints {
  srcIp: string;
  srcPort: number;
  dstIp: string;
  dstPort: number;
}

export function composeWire(pieces: WirePiece[], tcp: TcpEndpoints): { data: Uint8Array; layers: Layer[] } {
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
        layers.push({ layer: p.inner.layer, start, end: start + utf8(p.inner.text).length, label: p.inner.label });
      }
    }
    chunks.push(bytes);
    offset += bytes.length;
  }
  const data = new Uint8Array(offset);
  let o = 0;
  for (const c of chunks) {
    data.set(c, o);
    o += c.length;
  }
  layers.unshift({ layer: 'tcp', start: 0, end: offset, label: `TCP ${tcp.srcIp}:${tcp.srcPort} → ${tcp.dstIp}:${tcp.dstPort}` });
  return { data, layers };
}

export function sendOutput(to: string, pieces: WirePiece[], tcp: TcpEndpoints, note: Note) {
  const { data, layers } = composeWire(pieces, tcp);
  return { type: 'send' as const, to, data, layers, note };
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
  return new Date(Date.UTC(2026, 0, 1, 9, 0, 0) + Math.round(virtualMs)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
