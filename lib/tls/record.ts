/**
 * The record layer (RFC 8446 §5): framing of TLSPlaintext (§5.1), record payload protection with an
 * AEAD (§5.2) using per-record nonces (§5.3), and padding (§5.4).
 *
 *   struct { ContentType type; ProtocolVersion legacy_record_version; uint16 length;
 *            opaque fragment[TLSPlaintext.length]; } TLSPlaintext;
 *   struct { opaque content[TLSPlaintext.length]; ContentType type; uint8 zeros[length_of_padding]; } TLSInnerPlaintext;
 *   struct { ContentType opaque_type = application_data; /* 23 *\/ ProtocolVersion legacy_record_version = 0x0303;
 *            uint16 length; opaque encrypted_record[TLSCiphertext.length]; } TLSCiphertext;
 * @module
 */
import { gcm } from '@noble/ciphers/aes.js';
import { fail, type Alert } from './alert';
import { ContentType, TLS12 } from './constants';
import { recordNonce, type TrafficKeys } from './traffic-keys';

/** §5.1 "The length MUST NOT exceed 2^14 bytes." */
export const MAX_PLAINTEXT = 2 ** 14;
/** §5.2 "The length MUST NOT exceed 2^14 + 256 bytes." */
const MAX_CIPHERTEXT = 2 ** 14 + 256;
const TAG_LEN = 16;

export interface RawRecord {
  type: number;
  legacyVersion: number;
  fragment: Uint8Array;
}

/** `TLSPlaintext` (or `TLSCiphertext`) as bytes. */
export function encodeRecord(type: number, fragment: Uint8Array, legacyVersion: number = TLS12): Uint8Array {
  const out = new Uint8Array(5 + fragment.length);
  out[0] = type;
  out[1] = legacyVersion >> 8;
  out[2] = legacyVersion & 0xff;
  out[3] = fragment.length >> 8;
  out[4] = fragment.length & 0xff;
  out.set(fragment, 5);
  return out;
}

/**
 * Cuts whole records off the front of a byte stream. A record longer than §5.2 allows is a
 * record_overflow ("a record … that has a length … exceeding 2^14 + 256 octets … MUST terminate
 * the connection with a "record_overflow" alert"); an unknown content type an unexpected_message (§5).
 */
export function splitRecords(buffer: Uint8Array): { records: RawRecord[]; rest: Uint8Array; alert?: Alert } {
  const records: RawRecord[] = [];
  let pos = 0;
  while (buffer.length - pos >= 5) {
    const type = buffer[pos]!;
    const length = (buffer[pos + 3]! << 8) | buffer[pos + 4]!;
    if (type < ContentType.change_cipher_spec || type > ContentType.application_data)
      return { records, rest: buffer.slice(pos), alert: fail('unexpected_message', `record of unknown content type ${type}`) };
    if (length > MAX_CIPHERTEXT)
      return { records, rest: buffer.slice(pos), alert: fail('record_overflow', `record of ${length} octets`) };
    if (buffer.length - pos < 5 + length) break;
    records.push({ type, legacyVersion: (buffer[pos + 1]! << 8) | buffer[pos + 2]!, fragment: buffer.slice(pos + 5, pos + 5 + length) });
    pos += 5 + length;
  }
  return { records, rest: buffer.slice(pos) };
}

/**
 * §5.2: `AEADEncrypted = AEAD-Encrypt(write_key, nonce, additional_data, plaintext)` with
 * `additional_data = TLSCiphertext.opaque_type || TLSCiphertext.legacy_record_version || TLSCiphertext.length`.
 * §5.4: `padding` zero octets follow the content type.
 */
export function protectRecord(keys: TrafficKeys, seq: number, type: number, content: Uint8Array, padding = 0): Uint8Array {
  const inner = new Uint8Array(content.length + 1 + padding);
  inner.set(content);
  inner[content.length] = type;
  const length = inner.length + TAG_LEN;
  const aad = Uint8Array.of(ContentType.application_data, TLS12 >> 8, TLS12 & 0xff, length >> 8, length & 0xff);
  const encrypted = gcm(keys.key, recordNonce(keys.iv, seq), aad).encrypt(inner);
  return encodeRecord(ContentType.application_data, encrypted);
}

export type Unprotected = { ok: true; type: number; content: Uint8Array } | { ok: false; alert: Alert };

/**
 * §5.2: "If the decryption fails, the receiver MUST terminate the connection with a "bad_record_mac"
 * alert." §5.4: the content type is the last non-zero octet; "If a receiving implementation does not
 * find a non-zero octet in the cleartext, it MUST terminate the connection with an
 * "unexpected_message" alert." §5.2: "If the length of the resulting plaintext exceeds 2^14 + 1 …
 * record_overflow".
 */
export function unprotectRecord(keys: TrafficKeys, seq: number, record: RawRecord): Unprotected {
  if (record.type !== ContentType.application_data)
    return { ok: false, alert: fail('unexpected_message', `protected record with outer type ${record.type}`) };
  if (record.fragment.length < TAG_LEN + 1)
    return { ok: false, alert: fail('bad_record_mac', 'protected record shorter than its tag') };
  const length = record.fragment.length;
  const aad = Uint8Array.of(record.type, record.legacyVersion >> 8, record.legacyVersion & 0xff, length >> 8, length & 0xff);
  let inner: Uint8Array;
  try {
    inner = gcm(keys.key, recordNonce(keys.iv, seq), aad).decrypt(record.fragment);
  } catch {
    return { ok: false, alert: fail('bad_record_mac', 'AEAD decryption failed') };
  }
  if (inner.length > MAX_PLAINTEXT + 1) return { ok: false, alert: fail('record_overflow', 'inner plaintext too long') };
  let end = inner.length - 1;
  while (end >= 0 && inner[end] === 0) end--;
  if (end < 0) return { ok: false, alert: fail('unexpected_message', 'no content type in TLSInnerPlaintext') };
  return { ok: true, type: inner[end]!, content: inner.slice(0, end) };
}
