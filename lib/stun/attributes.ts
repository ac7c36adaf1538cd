/**
 * STUN attribute values, RFC 8489 §14: MAPPED-ADDRESS (§14.1), XOR-MAPPED-ADDRESS (§14.2, IPv4 and
 * IPv6), USERNAME (§14.3), ERROR-CODE (§14.8), UNKNOWN-ATTRIBUTES (§14.13), SOFTWARE (§14.14).
 * Decoders return `null` on a malformed value (the peer's fault, never an exception).
 * @module
 */
import { MAGIC_COOKIE } from './message';

/** §18.3: attribute type registry (comprehension-required below 0x8000). */
export const ATTR = {
  MAPPED_ADDRESS: 0x0001,
  USERNAME: 0x0006,
  MESSAGE_INTEGRITY: 0x0008,
  ERROR_CODE: 0x0009,
  UNKNOWN_ATTRIBUTES: 0x000a,
  REALM: 0x0014,
  NONCE: 0x0015,
  MESSAGE_INTEGRITY_SHA256: 0x001c,
  XOR_MAPPED_ADDRESS: 0x0020,
  SOFTWARE: 0x8022,
  FINGERPRINT: 0x8028,
} as const;

/** §14: "Attributes with type values between 0x0000 and 0x7FFF are comprehension-required". */
export const isComprehensionRequired = (type: number): boolean => type < 0x8000;

export interface TransportAddress {
  readonly family: 4 | 6;
  /** Dotted quad, or IPv6 in the RFC 5952 canonical form. */
  readonly address: string;
  readonly port: number;
}

// ---------------------------------------------------------------------------------------------
// IP text <-> bytes

export function ipToBytes(ip: string): Uint8Array | null {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (v4) {
    const b = v4.slice(1).map(Number);
    return b.every((n) => n <= 255) ? new Uint8Array(b) : null;
  }
  const halves = ip.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string): number[] | null => {
    if (s === '') return [];
    const parts = s.split(':');
    return parts.every((p) => /^[0-9a-fA-F]{1,4}$/.test(p)) ? parts.map((p) => parseInt(p, 16)) : null;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return null;
  const fill = 8 - head.length - tail.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return null;
  const all = [...head, ...new Array<number>(fill).fill(0), ...tail];
  return new Uint8Array(all.flatMap((g) => [g >> 8, g & 0xff]));
}

export function bytesToIp(b: Uint8Array): string {
  if (b.length === 4) return Array.from(b).join('.');
  const g: number[] = [];
  for (let i = 0; i < 16; i += 2) g.push((b[i]! << 8) | b[i + 1]!);
  // RFC 5952 §4.2: "::" replaces the longest run (>= 2) of zero groups, the first if tied.
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

// ---------------------------------------------------------------------------------------------
// MAPPED-ADDRESS and XOR-MAPPED-ADDRESS

/** §14.1: 0x00, family (0x01 IPv4, 0x02 IPv6), 16-bit port, 32 or 128 bits of address. */
export function encodeMappedAddress(a: TransportAddress): Uint8Array {
  const ip = ipToBytes(a.address);
  if (!ip || ip.length !== (a.family === 4 ? 4 : 16)) throw new TypeError(`stun: ${a.address} is not an IPv${a.family} address`);
  const out = new Uint8Array(4 + ip.length);
  out[1] = a.family === 4 ? 0x01 : 0x02;
  out[2] = a.port >> 8;
  out[3] = a.port & 0xff;
  out.set(ip, 4);
  return out;
}

export function decodeMappedAddress(v: Uint8Array): TransportAddress | null {
  if (v.length < 4) return null;
  const family = v[1] === 0x01 ? 4 : v[1] === 0x02 ? 6 : null;
  if (family === null || v.length !== (family === 4 ? 8 : 20)) return null;
  return { family, address: bytesToIp(v.slice(4)), port: (v[2]! << 8) | v[3]! };
}

/**
 * §14.2: "X-Port is computed by XOR'ing the mapped port with the most significant 16 bits of the
 * magic cookie. If the IP address family is IPv4, X-Address is computed by XOR'ing the mapped IP
 * address with the magic cookie. If the IP address family is IPv6, X-Address is computed by
 * XOR'ing the mapped IP address with the concatenation of the magic cookie and the 96-bit
 * transaction ID." XOR is its own inverse, so one function encodes and decodes.
 */
function xorValue(v: Uint8Array, transactionId: Uint8Array): Uint8Array {
  const mask = new Uint8Array(16);
  new DataView(mask.buffer).setUint32(0, MAGIC_COOKIE);
  mask.set(transactionId, 4);
  const out = v.slice();
  out[2]! ^= mask[0]!;
  out[3]! ^= mask[1]!;
  for (let i = 4; i < out.length; i++) out[i]! ^= mask[i - 4]!;
  return out;
}

export const encodeXorMappedAddress = (a: TransportAddress, transactionId: Uint8Array): Uint8Array =>
  xorValue(encodeMappedAddress(a), transactionId);

export function decodeXorMappedAddress(v: Uint8Array, transactionId: Uint8Array): TransportAddress | null {
  if (transactionId.length !== 12) return null;
  return decodeMappedAddress(xorValue(v, transactionId));
}

// ---------------------------------------------------------------------------------------------
// ERROR-CODE, UNKNOWN-ATTRIBUTES, text

/**
 * §14.8: 21 reserved bits, Class (3 bits: the hundreds digit, 3..6), Number (8 bits: the code
 * modulo 100), then a UTF-8 reason phrase "MUST be less than 128 characters".
 */
export function encodeErrorCode(code: number, reason: string): Uint8Array {
  if (!Number.isInteger(code) || code < 300 || code > 699) throw new RangeError('stun: error code must be 300..699');
  const text = new TextEncoder().encode(reason);
  const out = new Uint8Array(4 + text.length);
  out[2] = Math.floor(code / 100);
  out[3] = code % 100;
  out.set(text, 4);
  return out;
}

export function decodeErrorCode(v: Uint8Array): { code: number; reason: string } | null {
  if (v.length < 4) return null;
  const cls = v[2]! & 0x07;
  const num = v[3]!;
  if (cls < 3 || cls > 6 || num > 99) return null;
  return { code: cls * 100 + num, reason: new TextDecoder().decode(v.slice(4)) };
}

/** §14.13: "a list of 16-bit values, each of which represents an attribute type". */
export function encodeUnknownAttributes(types: readonly number[]): Uint8Array {
  const out = new Uint8Array(types.length * 2);
  types.forEach((t, i) => new DataView(out.buffer).setUint16(i * 2, t));
  return out;
}

export function decodeUnknownAttributes(v: Uint8Array): number[] | null {
  if (v.length % 2) return null;
  const out: number[] = [];
  for (let i = 0; i < v.length; i += 2) out.push((v[i]! << 8) | v[i + 1]!);
  return out;
}

/** USERNAME (§14.3, < 509 bytes) and SOFTWARE (§14.14, < 128 characters) are UTF-8 text. */
export const textValue = (s: string): Uint8Array => new TextEncoder().encode(s);
export const decodeText = (v: Uint8Array): string => new TextDecoder().decode(v);
