/**
 * The ChannelData message, RFC 8656 §12.4–§12.6: a 4-byte header (channel number, length of the
 * application data) in front of the data, instead of a 36-byte Send or Data indication. Bytes from
 * the network decode to a value, never an exception.
 * @module
 */

/** §12: "0x4000 through 0x4FFF: These values are the allowed channel numbers (4096 possible values)." */
export const CHANNEL_MIN = 0x4000;
export const CHANNEL_MAX = 0x4fff;

const isChannelNumber = (n: number): boolean => Number.isInteger(n) && n >= CHANNEL_MIN && n <= CHANNEL_MAX;

/**
 * Demultiplexing on one socket (RFC 7983 §7): a first byte 0–3 is STUN (its two top bits are zero),
 * 64–79 is a ChannelData message (a channel number's top byte).
 */
export const isChannelData = (bytes: Uint8Array): boolean => bytes.length > 0 && bytes[0]! >= 0x40 && bytes[0]! <= 0x4f;

/**
 * §12.5: "Over TCP and TLS-over-TCP, the ChannelData message MUST be padded to a multiple of four
 * bytes ... Over UDP, the padding is not required but MAY be included." The Length never counts the
 * padding, so a receiver over UDP does not care which was chosen.
 */
export function encodeChannelData(channel: number, data: Uint8Array, options: { readonly pad?: boolean } = {}): Uint8Array {
  if (!isChannelNumber(channel)) throw new RangeError(`turn: channel 0x${channel.toString(16)} is outside 0x4000–0x4FFF`);
  if (data.length > 0xffff) throw new RangeError('turn: ChannelData carries at most 65535 bytes');
  const size = 4 + data.length;
  const out = new Uint8Array(options.pad ? (size + 3) & ~3 : size);
  const v = new DataView(out.buffer);
  v.setUint16(0, channel);
  v.setUint16(2, data.length);
  out.set(data, 4);
  return out;
}

export type ChannelDataResult = { ok: true; channel: number; data: Uint8Array } | { ok: false; error: string };

/**
 * §12.6: a channel number outside the range is not ChannelData; "If the ChannelData message is
 * received in a UDP datagram and if the UDP datagram is too short to contain the claimed length of
 * the ChannelData message ... then the message is silently discarded." Bytes after the data are
 * padding and are ignored.
 */
export function decodeChannelData(bytes: Uint8Array): ChannelDataResult {
  if (bytes.length < 4) return { ok: false, error: 'shorter than the 4-byte ChannelData header' };
  const channel = (bytes[0]! << 8) | bytes[1]!;
  if (!isChannelNumber(channel)) return { ok: false, error: `channel 0x${channel.toString(16).padStart(4, '0')} is outside 0x4000–0x4FFF` };
  const length = (bytes[2]! << 8) | bytes[3]!;
  if (4 + length > bytes.length) return { ok: false, error: `length ${length} overruns the ${bytes.length}-byte datagram` };
  return { ok: true, channel, data: bytes.slice(4, 4 + length) };
}
