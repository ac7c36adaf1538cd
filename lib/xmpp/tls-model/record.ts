/**
 * TLS 1.3 records (RFC 8446 §5): header = type(1) legacy_record_version(2)=0x0303 length(2).
 * Application data is protected as in §5.2–5.3: TLSInnerPlaintext = content ‖ type(23), sealed with
 * AES-128-GCM, nonce = IV XOR the 64-bit record sequence number (left-padded), additional data =
 * the record header. Per-direction sequence numbers start at 0 when the keys are installed.
 * MODELLED: the keys come from the modelled handshake (handshake.ts), not RFC 8446's key schedule.
 * @module
 */
import { gcm } from '@noble/ciphers/aes.js';
import { concat, fromHex } from '../../bytes/hex';
import { CONTENT_APPLICATION_DATA } from './handshake';

/** RFC 8446 §5.1: records carry at most 2^14 bytes of plaintext. */
export const MAX_PLAINTEXT = 16384;
export const HEADER_LENGTH = 5;
const TAG_LENGTH = 16;

function recordHeader(type: number, length: number): Uint8Array {
  return new Uint8Array([type, 0x03, 0x03, (length >> 8) & 0xff, length & 0xff]);
}

/** A plaintext record (the hellos are sent in clear, RFC 8446 §5.1). */
export function plainRecord(type: number, fragment: Uint8Array): Uint8Array {
  return concat(recordHeader(type, fragment.length), fragment);
}

/** RFC 8446 §5.3: per-record nonce = iv XOR (seq as 64-bit big-endian, left-padded to the IV length). */
export function recordNonce(ivHex: string, seq: number): Uint8Array {
  const nonce = fromHex(ivHex);
  let s = seq;
  for (let i = nonce.length - 1; i >= nonce.length - 8 && s > 0; i--) {
    nonce[i] = nonce[i]! ^ (s & 0xff);
    s = Math.floor(s / 256);
  }
  return nonce;
}

/** Seal one fragment (≤ MAX_PLAINTEXT bytes) as an application_data record. */
export function sealRecord(keyHex: string, ivHex: string, seq: number, content: Uint8Array): Uint8Array {
  if (content.length > MAX_PLAINTEXT) throw new Error('tls-model: fragment longer than 2^14 bytes');
  const inner = concat(content, new Uint8Array([CONTENT_APPLICATION_DATA]));
  const header = recordHeader(CONTENT_APPLICATION_DATA, inner.length + TAG_LENGTH);
  return concat(header, gcm(fromHex(keyHex), recordNonce(ivHex, seq), header).encrypt(inner));
}

/** Open a sealed record (header included); null when the tag does not verify or the shape is wrong. */
export function openRecord(keyHex: string, ivHex: string, seq: number, record: Uint8Array): Uint8Array | null {
  if (record.length < HEADER_LENGTH + TAG_LENGTH + 1 || record[0] !== CONTENT_APPLICATION_DATA) return null;
  const header = record.slice(0, HEADER_LENGTH);
  try {
    const inner = gcm(fromHex(keyHex), recordNonce(ivHex, seq), header).decrypt(record.slice(HEADER_LENGTH));
    // RFC 8446 §5.4: strip zero padding, the last non-zero byte is the real content type.
    let end = inner.length;
    while (end > 0 && inner[end - 1] === 0) end--;
    if (end === 0 || inner[end - 1] !== CONTENT_APPLICATION_DATA) return null;
    return inner.slice(0, end - 1);
  } catch {
    return null;
  }
}

/** Split a byte stream into complete records; the incomplete tail is returned as `rest`. */
export function splitRecords(bytes: Uint8Array): { records: Uint8Array[]; rest: Uint8Array } {
  const records: Uint8Array[] = [];
  let o = 0;
  while (bytes.length - o >= HEADER_LENGTH) {
    const len = (bytes[o + 3]! << 8) | bytes[o + 4]!;
    if (bytes.length - o < HEADER_LENGTH + len) break;
    records.push(bytes.slice(o, o + HEADER_LENGTH + len));
    o += HEADER_LENGTH + len;
  }
  return { records, rest: bytes.slice(o) };
}
