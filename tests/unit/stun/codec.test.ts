// The STUN codec beyond the RFC 5769 vectors: type bits, framing errors as values, attribute values.
import { describe, expect, it } from 'vitest';
import {
  ATTR,
  bytesToIp,
  decodeErrorCode,
  decodeMappedAddress,
  decodeUnknownAttributes,
  decodeXorMappedAddress,
  encodeErrorCode,
  encodeMappedAddress,
  encodeUnknownAttributes,
  encodeXorMappedAddress,
  ipToBytes,
  textValue,
} from '../../../lib/stun/attributes';
import { crc32 } from '../../../lib/stun/crc32';
import { checkFingerprint, checkIntegrity, encodeSigned } from '../../../lib/stun/integrity';
import { decodeMessage, encodeMessage, messageType, splitMessageType, type StunClass } from '../../../lib/stun/message';

const tid = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
const ok = (bytes: Uint8Array) => {
  const r = decodeMessage(bytes);
  if (!r.ok) throw new Error(r.error);
  return r.message;
};

describe('message type bits (RFC 8489 §5, Figure 3)', () => {
  it.each([
    [0x001, 'request', 0x0001],
    [0x001, 'indication', 0x0011],
    [0x001, 'success', 0x0101],
    [0x001, 'error', 0x0111],
    [0x003, 'request', 0x0003], // TURN Allocate (RFC 8656 §18)
    [0x003, 'error', 0x0113],
    [0xfff, 'error', 0x3fff],
    [0x080, 'request', 0x0200],
  ] as [number, StunClass, number][])('method 0x%s %s → 0x%s', (method, cls, type) => {
    expect(messageType(method, cls)).toBe(type);
    expect(splitMessageType(type)).toEqual({ method, cls });
  });
  it('rejects a method wider than 12 bits (our misuse: throws)', () => {
    expect(() => messageType(0x1000, 'request')).toThrow(/12 bits/);
  });
});

describe('framing errors are values, never exceptions', () => {
  const good = encodeMessage({ method: 1, cls: 'request', transactionId: tid, attributes: [{ type: ATTR.SOFTWARE, value: textValue('abc') }] });
  const mutate = (f: (b: Uint8Array) => void): Uint8Array => {
    const b = good.slice();
    f(b);
    return b;
  };
  it.each([
    ['short', good.slice(0, 19), /20-byte header/],
    ['top bits', mutate((b) => (b[0]! |= 0x80)), /first two bits/],
    ['length not /4', mutate((b) => (b[3] = 6)), /multiple of 4/],
    ['length overruns', mutate((b) => (b[3] = 12)), /overruns the/],
    ['attribute overruns', mutate((b) => (b[23] = 9)), /overruns the message/],
  ])('%s', (_name, bytes, error) => {
    const r = decodeMessage(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
  it('the padding is on the wire (3 → 4 bytes) and trailing datagram bytes are not part of the message', () => {
    expect(good.length).toBe(20 + 8);
    expect(ok(new Uint8Array([...good, 9, 9, 9, 9])).raw).toEqual(good);
  });
  it('a message without the magic cookie decodes as RFC 3489 (classic)', () => {
    const m = ok(mutate((b) => (b[4] = 0)));
    expect(m.classic).toBe(true);
    expect(m.classicId?.length).toBe(16);
  });
  it('random bytes never throw', () => {
    let seed = 7;
    for (let i = 0; i < 3000; i++) {
      const b = new Uint8Array(20 + (i % 60)).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24));
      b[0]! &= 0x3f;
      b[2] = 0;
      b[3] = (i % 15) * 4;
      expect(() => decodeMessage(b)).not.toThrow();
    }
  });
});

describe('integrity and fingerprint', () => {
  const key = textValue('pw');
  const msg = { method: 1, cls: 'request' as const, transactionId: tid, attributes: [{ type: ATTR.USERNAME, value: textValue('a:b') }] };
  it('MESSAGE-INTEGRITY-SHA256 (§14.6) after MESSAGE-INTEGRITY, then FINGERPRINT; each verifies', () => {
    const m = ok(encodeSigned(msg, { integrityKey: key, integritySha256Key: key, fingerprint: true }));
    expect(m.attributes.map((a) => a.type)).toEqual([ATTR.USERNAME, ATTR.MESSAGE_INTEGRITY, ATTR.MESSAGE_INTEGRITY_SHA256, ATTR.FINGERPRINT]);
    expect([checkIntegrity(m, key), checkIntegrity(m, key, 'sha256'), checkFingerprint(m)]).toEqual(['valid', 'valid', 'valid']);
    expect(checkIntegrity(m, textValue('PW'), 'sha256')).toBe('invalid');
  });
  it('absent when not sent', () => {
    const m = ok(encodeSigned(msg));
    expect([checkIntegrity(m, key), checkIntegrity(m, key, 'sha256'), checkFingerprint(m)]).toEqual(['absent', 'absent', 'absent']);
  });
  it('attributes after MESSAGE-INTEGRITY are ignored (§14.5), so appending one cannot smuggle it in', () => {
    const signed = encodeSigned(msg, { integrityKey: key });
    const extra = [0x80, 0x22, 0x00, 0x04, 0x65, 0x76, 0x69, 0x6c];
    const tampered = new Uint8Array([...signed, ...extra]);
    tampered[3] = tampered.length - 20;
    const m = ok(tampered);
    expect(m.attributes.some((a) => a.type === ATTR.SOFTWARE)).toBe(false);
    expect(checkIntegrity(m, key)).toBe('valid');
  });
  it('FINGERPRINT must be last (§14.7): anything after it is dropped and the check fails', () => {
    const fp = encodeSigned(msg, { fingerprint: true });
    const withExtra = new Uint8Array([...fp, 0x80, 0x22, 0, 0]);
    withExtra[3] = withExtra.length - 20;
    expect(checkFingerprint(ok(fp))).toBe('valid');
    expect(checkFingerprint(ok(withExtra))).toBe('invalid');
    expect(ok(withExtra).attributes.at(-1)!.type).toBe(ATTR.FINGERPRINT);
  });
  it('CRC-32 is the IEEE one ("123456789" → 0xCBF43926)', () => {
    expect(crc32(textValue('123456789'))).toBe(0xcbf43926);
  });
});

describe('attribute values', () => {
  it('XOR-MAPPED-ADDRESS round-trips IPv4 and IPv6; MAPPED-ADDRESS too', () => {
    for (const a of [
      { family: 4, address: '127.0.0.1', port: 3478 },
      { family: 6, address: '2001:db8::1', port: 65535 },
      { family: 6, address: '::', port: 1 },
    ] as const) {
      expect(decodeXorMappedAddress(encodeXorMappedAddress(a, tid), tid)).toEqual(a);
      expect(decodeMappedAddress(encodeMappedAddress(a))).toEqual(a);
    }
    expect(decodeMappedAddress(new Uint8Array([0, 3, 0, 0, 1, 2, 3, 4]))).toBeNull();
    expect(decodeMappedAddress(new Uint8Array([0, 1, 0, 0, 1, 2, 3]))).toBeNull();
  });
  it('IPv6 text: RFC 5952 canonical form', () => {
    expect(bytesToIp(ipToBytes('2001:0DB8:0:0:1:0:0:1')!)).toBe('2001:db8::1:0:0:1');
    expect(bytesToIp(ipToBytes('1:0:2:0:3:0:4:0')!)).toBe('1:0:2:0:3:0:4:0');
    expect(ipToBytes('1::2::3')).toBeNull();
    expect(ipToBytes('256.1.1.1')).toBeNull();
  });
  it('ERROR-CODE splits class and number (§14.8); UNKNOWN-ATTRIBUTES lists types (§14.13)', () => {
    const v = encodeErrorCode(420, 'Unknown Attribute');
    expect([v[2], v[3]]).toEqual([4, 20]);
    expect(decodeErrorCode(v)).toEqual({ code: 420, reason: 'Unknown Attribute' });
    expect(decodeErrorCode(new Uint8Array([0, 0, 2, 0]))).toBeNull();
    expect(() => encodeErrorCode(200, 'OK')).toThrow();
    expect(decodeUnknownAttributes(encodeUnknownAttributes([0x0003, 0x7fff]))).toEqual([0x0003, 0x7fff]);
    expect(decodeUnknownAttributes(new Uint8Array(3))).toBeNull();
  });
});
