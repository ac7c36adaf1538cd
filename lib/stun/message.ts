/**
 * The STUN message codec, RFC 8489 §5 (header, class and method bits, magic cookie, transaction
 * ID) and §14 (attribute TLVs padded to 4 bytes). Bytes in, plain data out; a malformed datagram
 * is a value (`{ ok: false, error }`), never an exception — it comes from the network.
 * RFC 3489 "classic" messages (no magic cookie, §12) decode too, with `classic: true`.
 * @module
 */

/** §5: "The magic cookie field MUST contain the fixed value 0x2112A442 in network byte order." */
export const MAGIC_COOKIE = 0x2112a442;
export const HEADER_LENGTH = 20;

export type StunClass = 'request' | 'indication' | 'success' | 'error';

/** §18.2: the one method this module needs by name; TURN adds its own. */
export const METHOD_BINDING = 0x001;

export interface StunAttribute {
  readonly type: number;
  readonly value: Uint8Array;
}

export interface StunMessage {
  /** 12 bits (§5: "the method ... is 12 bits"). */
  readonly method: number;
  readonly cls: StunClass;
  /** 96 bits; for a classic RFC 3489 message, the last 12 of its 16-byte ID. */
  readonly transactionId: Uint8Array;
  readonly attributes: readonly StunAttribute[];
  /** RFC 3489 message: the 4 bytes where the cookie would be were something else. */
  readonly classic?: boolean;
  /** The whole 128-bit field of a classic message (cookie position included), echoed in replies. */
  readonly classicId?: Uint8Array;
}

/** A decoded attribute keeps its offset in the message: integrity checks hash the bytes before it. */
export interface DecodedAttribute extends StunAttribute {
  readonly offset: number;
}

export interface DecodedMessage extends StunMessage {
  readonly attributes: readonly DecodedAttribute[];
  /** Exactly the message's bytes (20 + Length), what MESSAGE-INTEGRITY and FINGERPRINT cover. */
  readonly raw: Uint8Array;
}

export type DecodeResult = { ok: true; message: DecodedMessage } | { ok: false; error: string };

const CLASSES: readonly StunClass[] = ['request', 'indication', 'success', 'error'];

/**
 * §5, Figure 3: the 14-bit message type interleaves method bits M0–M11 with class bits C0 C1:
 *   0                 1
 *   2  3  4 5 6 7 8 9 0 1 2 3 4 5
 *  +--+--+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |M |M |M|M|M|C|M|M|M|C|M|M|M|M|
 *  |11|10|9|8|7|1|6|5|4|0|3|2|1|0|
 *  +--+--+-+-+-+-+-+-+-+-+-+-+-+-+
 */
export function messageType(method: number, cls: StunClass): number {
  if (!Number.isInteger(method) || method < 0 || method > 0xfff) throw new RangeError('stun: method must be 12 bits');
  const c = CLASSES.indexOf(cls);
  return (method & 0x000f) | ((method & 0x0070) << 1) | ((method & 0x0f80) << 2) | ((c & 1) << 4) | ((c & 2) << 7);
}

export function splitMessageType(type: number): { method: number; cls: StunClass } {
  const method = (type & 0x000f) | ((type & 0x00e0) >> 1) | ((type & 0x3e00) >> 2);
  const c = ((type >> 4) & 1) | ((type >> 7) & 2);
  return { method, cls: CLASSES[c]! };
}

/** §14: "each STUN attribute MUST end on a 32-bit boundary". */
const padded = (n: number): number => (n + 3) & ~3;

export interface EncodeOptions {
  /**
   * §14: padding "MUST be ignored by the receiver and MAY be any value"; we send zeros. RFC 5769's
   * vectors 2.1–2.3 pad with 0x20 (spaces), so tests rebuilding them byte for byte pass 0x20.
   */
  readonly pad?: number;
}

/** Writes one attribute TLV (type, length, value, padding) into a fresh array. */
export function encodeAttribute(attr: StunAttribute, pad = 0): Uint8Array {
  if (attr.value.length > 0xffff) throw new RangeError('stun: attribute value longer than 65535 bytes');
  const out = new Uint8Array(4 + padded(attr.value.length)).fill(pad, 4 + attr.value.length);
  const v = new DataView(out.buffer);
  v.setUint16(0, attr.type);
  v.setUint16(2, attr.value.length); // §14: "the length of the value ... prior to padding"
  out.set(attr.value, 4);
  return out;
}

/** Header + attributes, Length set to the attributes' size. No integrity: see integrity.ts. */
export function encodeMessage(msg: StunMessage, options: EncodeOptions = {}): Uint8Array {
  if (msg.transactionId.length !== 12) throw new RangeError('stun: transaction ID must be 12 bytes');
  const attrs = msg.attributes.map((a) => encodeAttribute(a, options.pad ?? 0));
  const length = attrs.reduce((n, a) => n + a.length, 0);
  const out = new Uint8Array(HEADER_LENGTH + length);
  const v = new DataView(out.buffer);
  v.setUint16(0, messageType(msg.method, msg.cls)); // §5: "The most significant 2 bits ... MUST be zeroes"
  v.setUint16(2, length);
  if (msg.classic && msg.classicId?.length === 16) out.set(msg.classicId, 4);
  else {
    v.setUint32(4, MAGIC_COOKIE);
    out.set(msg.transactionId, 8);
  }
  let off = HEADER_LENGTH;
  for (const a of attrs) {
    out.set(a, off);
    off += a.length;
  }
  return out;
}

/**
 * §6.3 ("Receiving a STUN Message"): the first two bits zero, the Length a multiple of 4 that the
 * datagram holds, then attributes that fit. A datagram longer than 20 + Length is cut (bytes after
 * a message are not part of it). Attributes after FINGERPRINT are dropped (§14.7: it "MUST be the
 * last attribute"), and after MESSAGE-INTEGRITY only MESSAGE-INTEGRITY-SHA256 and FINGERPRINT count
 * (§14.5: "any attributes that follow MESSAGE-INTEGRITY ... MUST be ignored" with those exceptions).
 */
export function decodeMessage(bytes: Uint8Array): DecodeResult {
  if (bytes.length < HEADER_LENGTH) return { ok: false, error: 'shorter than the 20-byte header' };
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = v.getUint16(0);
  if (type & 0xc000) return { ok: false, error: 'first two bits are not zero (not STUN)' };
  const length = v.getUint16(2);
  if (length % 4 !== 0) return { ok: false, error: `length ${length} is not a multiple of 4` };
  if (HEADER_LENGTH + length > bytes.length) return { ok: false, error: `length ${length} overruns the ${bytes.length}-byte datagram` };
  const raw = bytes.slice(0, HEADER_LENGTH + length);
  const classic = v.getUint32(4) !== MAGIC_COOKIE;
  const attributes: DecodedAttribute[] = [];
  let afterIntegrity = false;
  let afterFingerprint = false;
  for (let off = HEADER_LENGTH; off < raw.length; ) {
    if (off + 4 > raw.length) return { ok: false, error: `attribute header cut at byte ${off}` };
    const at = (raw[off]! << 8) | raw[off + 1]!;
    const len = (raw[off + 2]! << 8) | raw[off + 3]!;
    if (off + 4 + len > raw.length) return { ok: false, error: `attribute 0x${at.toString(16).padStart(4, '0')} overruns the message` };
    const keep = !afterFingerprint && (!afterIntegrity || at === ATTR_MESSAGE_INTEGRITY_SHA256 || at === ATTR_FINGERPRINT);
    if (keep) attributes.push({ type: at, value: raw.slice(off + 4, off + 4 + len), offset: off });
    if (at === ATTR_MESSAGE_INTEGRITY || at === ATTR_MESSAGE_INTEGRITY_SHA256) afterIntegrity = true;
    if (at === ATTR_FINGERPRINT) afterFingerprint = true;
    off += 4 + padded(len);
  }
  const { method, cls } = splitMessageType(type);
  const message: DecodedMessage = classic
    ? { method, cls, transactionId: raw.slice(8, 20), attributes, raw, classic: true, classicId: raw.slice(4, 20) }
    : { method, cls, transactionId: raw.slice(8, 20), attributes, raw };
  return { ok: true, message };
}

/** The first attribute of a type (§14: later duplicates need not be processed). */
export const findAttribute = <A extends StunAttribute>(msg: { attributes: readonly A[] }, type: number): A | undefined =>
  msg.attributes.find((a) => a.type === type);

// Attribute types that shape decoding itself (§18.3); the rest live in attributes.ts.
export const ATTR_MESSAGE_INTEGRITY = 0x0008;
export const ATTR_MESSAGE_INTEGRITY_SHA256 = 0x001c;
export const ATTR_FINGERPRINT = 0x8028;
