/**
 * TURN's methods, attributes and error codes, RFC 8656 §17–§19, on top of the STUN codec: the peer
 * and relayed addresses are XOR-encoded like XOR-MAPPED-ADDRESS (§18.3, §18.5), LIFETIME is seconds
 * (§18.2), CHANNEL-NUMBER is 16 bits and 16 reserved (§18.1), REQUESTED-TRANSPORT a protocol number
 * and 24 reserved bits (§18.8). Decoders return `null` on a malformed value.
 * @module
 */

/** §17: "This STUN extension defines the following methods" (Send and Data are indications only). */
export const METHOD = {
  ALLOCATE: 0x003,
  REFRESH: 0x004,
  SEND: 0x006,
  DATA: 0x007,
  CREATE_PERMISSION: 0x008,
  CHANNEL_BIND: 0x009,
} as const;

/** §18: "This STUN extension defines the following attributes". */
export const TURN_ATTR = {
  CHANNEL_NUMBER: 0x000c,
  LIFETIME: 0x000d,
  XOR_PEER_ADDRESS: 0x0012,
  DATA: 0x0013,
  XOR_RELAYED_ADDRESS: 0x0016,
  REQUESTED_TRANSPORT: 0x0019,
} as const;

/** §18.8: "the value is 17 (UDP)" — the only transport an RFC 8656 allocation relays over by default. */
export const PROTOCOL_UDP = 17;

/** §9 (Permissions): "The Permission Lifetime MUST be 300 seconds (= 5 minutes)." */
export const PERMISSION_LIFETIME_S = 300;

/**
 * The error codes a TURN client meets: RFC 8489 §14.8 and RFC 8656 §19, each with its registered
 * name. A server's reason phrase may differ (coturn says "Unauthorized" where RFC 8489 says
 * "Unauthenticated", RFC 5389's older name); the code is what counts.
 */
export const ERROR_NAMES: Readonly<Record<number, string>> = {
  300: 'Try Alternate',
  400: 'Bad Request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  420: 'Unknown Attribute',
  437: 'Allocation Mismatch',
  438: 'Stale Nonce',
  440: 'Address Family not Supported',
  441: 'Wrong Credentials',
  442: 'Unsupported Transport Protocol',
  443: 'Peer Address Family Mismatch',
  486: 'Allocation Quota Reached',
  500: 'Server Error',
  508: 'Insufficient Capacity',
};

export function encodeLifetime(seconds: number): Uint8Array {
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0xffffffff) throw new RangeError('turn: LIFETIME must be 0..2^32-1 seconds');
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, seconds);
  return out;
}

export const decodeLifetime = (v: Uint8Array): number | null => (v.length === 4 ? new DataView(v.buffer, v.byteOffset, 4).getUint32(0) : null);

/** §18.1: "the channel number ... followed by a two-octet RFFU (Reserved For Future Use) field". */
export function encodeChannelNumber(channel: number): Uint8Array {
  return new Uint8Array([channel >> 8, channel & 0xff, 0, 0]);
}

export const decodeChannelNumber = (v: Uint8Array): number | null => (v.length === 4 ? (v[0]! << 8) | v[1]! : null);

/** §18.8: "Protocol ... followed by ... RFFU", 24 zero bits. */
export const encodeRequestedTransport = (protocol: number): Uint8Array => new Uint8Array([protocol, 0, 0, 0]);
