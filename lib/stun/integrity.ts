/**
 * STUN message authentication and framing checks, RFC 8489: MESSAGE-INTEGRITY (§14.5, HMAC-SHA1),
 * MESSAGE-INTEGRITY-SHA256 (§14.6), FINGERPRINT (§14.7, CRC-32 XOR 0x5354554e), and the keys of
 * short-term (§9.1.1) and long-term (§9.2.2) credentials. A check answers 'absent' | 'valid' |
 * 'invalid' over the received bytes, never throws.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { saslprep } from '../crypto/saslprep';
import { macEquals } from '../crypto/otr-mac';
import { crc32 } from './crc32';
import {
  ATTR_FINGERPRINT,
  ATTR_MESSAGE_INTEGRITY,
  ATTR_MESSAGE_INTEGRITY_SHA256,
  encodeAttribute,
  encodeMessage,
  findAttribute,
  HEADER_LENGTH,
  type DecodedMessage,
  type EncodeOptions,
  type StunMessage,
} from './message';

/** §14.7: "XOR'ed with the 32-bit value 0x5354554e" (ASCII "STUN"). */
const FINGERPRINT_XOR = 0x5354554e;

export type Check = 'absent' | 'valid' | 'invalid';

/**
 * §9.1.1: "key = OpaqueString(password)". OpaqueString (RFC 8265) is approximated by SASLprep,
 * which RFC 5389 used; the two agree on ASCII passwords such as ICE's.
 */
export const shortTermKey = (password: string): Uint8Array => new TextEncoder().encode(saslprep(password));

/**
 * §9.2.2: "key = MD5(username ":" OpaqueString(realm) ":" OpaqueString(password))" — RFC 5769 §2.4
 * (written for RFC 5389) applies SASLprep to the password, which this does too.
 */
export const longTermKey = (username: string, realm: string, password: string): Uint8Array =>
  md5(new TextEncoder().encode(`${username}:${realm}:${saslprep(password)}`));

/**
 * The bytes a MAC or CRC covers: §14.5 "the STUN message, up to and including the attribute
 * preceding the MESSAGE-INTEGRITY attribute. The Length field of the STUN message header is adjusted
 * to point to the end of the MESSAGE-INTEGRITY attribute." §14.6 and §14.7 say the same for theirs.
 */
function coveredBytes(prefix: Uint8Array, valueLength: number): Uint8Array {
  const input = prefix.slice();
  new DataView(input.buffer).setUint16(2, prefix.length - HEADER_LENGTH + 4 + valueLength);
  return input;
}

const hmacSha1 = (key: Uint8Array, data: Uint8Array): Uint8Array => hmac(sha1, key, data);
const hmacSha256 = (key: Uint8Array, data: Uint8Array): Uint8Array => hmac(sha256, key, data);

function fingerprintValue(prefix: Uint8Array): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, (crc32(coveredBytes(prefix, 4)) ^ FINGERPRINT_XOR) >>> 0);
  return out;
}

function append(prefix: Uint8Array, type: number, value: Uint8Array): Uint8Array {
  const tlv = encodeAttribute({ type, value });
  const out = new Uint8Array(prefix.length + tlv.length);
  out.set(prefix);
  out.set(tlv, prefix.length);
  new DataView(out.buffer).setUint16(2, out.length - HEADER_LENGTH);
  return out;
}

export interface SignOptions extends EncodeOptions {
  /** Adds MESSAGE-INTEGRITY (HMAC-SHA1) keyed with this. */
  readonly integrityKey?: Uint8Array;
  /** Adds MESSAGE-INTEGRITY-SHA256 keyed with this (after MESSAGE-INTEGRITY if both, §14.6). */
  readonly integritySha256Key?: Uint8Array;
  /** Adds FINGERPRINT, always last (§14.7). */
  readonly fingerprint?: boolean;
}

/** Encodes a message and appends the requested MESSAGE-INTEGRITY(-SHA256) and FINGERPRINT. */
export function encodeSigned(msg: StunMessage, options: SignOptions = {}): Uint8Array {
  let out = encodeMessage(msg, options);
  if (options.integrityKey) out = append(out, ATTR_MESSAGE_INTEGRITY, hmacSha1(options.integrityKey, coveredBytes(out, 20)));
  if (options.integritySha256Key)
    out = append(out, ATTR_MESSAGE_INTEGRITY_SHA256, hmacSha256(options.integritySha256Key, coveredBytes(out, 32)));
  if (options.fingerprint) out = append(out, ATTR_FINGERPRINT, fingerprintValue(out));
  return out;
}

/** §14.5 / §14.6: recompute the HMAC over the received bytes before the attribute and compare. */
export function checkIntegrity(msg: DecodedMessage, key: Uint8Array, algorithm: 'sha1' | 'sha256' = 'sha1'): Check {
  const attr = findAttribute(msg, algorithm === 'sha1' ? ATTR_MESSAGE_INTEGRITY : ATTR_MESSAGE_INTEGRITY_SHA256);
  if (!attr) return 'absent';
  const prefix = msg.raw.slice(0, attr.offset);
  if (algorithm === 'sha1') {
    if (attr.value.length !== 20) return 'invalid';
    return macEquals(hmacSha1(key, coveredBytes(prefix, 20)), attr.value) ? 'valid' : 'invalid';
  }
  // §14.6: "MAY be truncated ... MUST be at least 16 bytes and ... a multiple of 4".
  const n = attr.value.length;
  if (n < 16 || n > 32 || n % 4) return 'invalid';
  return macEquals(hmacSha256(key, coveredBytes(prefix, n)).slice(0, n), attr.value) ? 'valid' : 'invalid';
}

/** §14.7: the CRC-32 of the message up to FINGERPRINT, XOR 0x5354554e; it must be the last attribute. */
export function checkFingerprint(msg: DecodedMessage): Check {
  const attr = findAttribute(msg, ATTR_FINGERPRINT);
  if (!attr) return 'absent';
  if (attr.value.length !== 4 || attr.offset + 8 !== msg.raw.length) return 'invalid';
  return macEquals(fingerprintValue(msg.raw.slice(0, attr.offset)), attr.value) ? 'valid' : 'invalid';
}
