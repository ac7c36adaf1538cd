// ChannelData framing (RFC 8656 §12.4–§12.6) and the long-term credentials of RFC 8489 §9.2 as the
// TURN client signs requests, checked against RFC 5769 §2.4 byte for byte.
import { describe, expect, it } from 'vitest';
import * as V from '../../fixtures/rfc5769';
import { decodeChannelData, encodeChannelData, isChannelData } from '../../../lib/turn/channel-data';
import { credentialsFor, withCredentials } from '../../../lib/turn/credentials';
import { METHOD_BINDING } from '../../../lib/stun/message';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

describe('ChannelData', () => {
  it('is 4 header bytes (channel, length of the data) and the data; unpadded over UDP', () => {
    expect(encodeChannelData(0x4000, bytes(1, 2, 3, 4, 5))).toEqual(bytes(0x40, 0x00, 0x00, 0x05, 1, 2, 3, 4, 5));
  });
  it('padded (as over TCP) to a multiple of 4, the Length still counting the data only', () => {
    const framed = encodeChannelData(0x4fff, bytes(9, 9, 9, 9, 9), { pad: true });
    expect(framed).toEqual(bytes(0x4f, 0xff, 0x00, 0x05, 9, 9, 9, 9, 9, 0, 0, 0));
    expect(encodeChannelData(0x4001, bytes(7, 7, 7, 7), { pad: true })).toHaveLength(8);
  });
  it('decodes padded and unpadded alike', () => {
    for (const pad of [false, true]) expect(decodeChannelData(encodeChannelData(0x4123, bytes(1, 2, 3), { pad }))).toEqual({ ok: true, channel: 0x4123, data: bytes(1, 2, 3) });
  });
  it('a datagram shorter than 4 + Length is discarded (§12.6), as is a channel outside 0x4000–0x4FFF', () => {
    expect(decodeChannelData(bytes(0x40, 0x00, 0x00, 0x05, 1, 2, 3, 4))).toMatchObject({ ok: false, error: expect.stringMatching(/overruns/) });
    expect(decodeChannelData(bytes(0x50, 0x00, 0x00, 0x00))).toMatchObject({ ok: false, error: expect.stringMatching(/outside/) });
    expect(decodeChannelData(bytes(0x40, 0x00, 0x00))).toMatchObject({ ok: false });
    expect(() => encodeChannelData(0x3fff, bytes())).toThrow(RangeError);
    expect(() => encodeChannelData(0x5000, bytes())).toThrow(RangeError);
  });
  it('tells ChannelData (first byte 0x40–0x4F) from STUN (first two bits zero) on one socket', () => {
    expect(isChannelData(encodeChannelData(0x4000, bytes(1)))).toBe(true);
    expect(isChannelData(V.SAMPLE_REQUEST)).toBe(false);
    expect(isChannelData(bytes(0x50, 0, 0, 0))).toBe(false);
    expect(isChannelData(bytes())).toBe(false);
  });
});

describe('long-term credentials (RFC 8489 §9.2)', () => {
  it('rebuild RFC 5769 §2.4 byte for byte: USERNAME, NONCE, REALM, MESSAGE-INTEGRITY with MD5(user:realm:SASLprep(password))', () => {
    const c = credentialsFor(V.LONG_TERM_USERNAME, V.LONG_TERM_PASSWORD, V.LONG_TERM_REALM, V.LONG_TERM_NONCE);
    const transactionId = V.LONG_TERM_REQUEST.slice(8, 20);
    expect(withCredentials({ method: METHOD_BINDING, cls: 'request', transactionId, attributes: [] }, c)).toEqual(V.LONG_TERM_REQUEST);
  });
  it('another password gives other bytes', () => {
    const c = credentialsFor(V.LONG_TERM_USERNAME, 'TheMatrix', V.LONG_TERM_REALM, V.LONG_TERM_NONCE);
    const transactionId = V.LONG_TERM_REQUEST.slice(8, 20);
    expect(withCredentials({ method: METHOD_BINDING, cls: 'request', transactionId, attributes: [] }, c)).not.toEqual(V.LONG_TERM_REQUEST);
  });
});
