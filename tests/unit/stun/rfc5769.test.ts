// RFC 5769 test vectors, byte for byte: decode, check MESSAGE-INTEGRITY and FINGERPRINT, rebuild.
import { describe, expect, it } from 'vitest';
import * as V from '../../fixtures/rfc5769';
import { ATTR, decodeText, decodeXorMappedAddress, encodeXorMappedAddress, textValue } from '../../../lib/stun/attributes';
import { checkFingerprint, checkIntegrity, encodeSigned, longTermKey, shortTermKey } from '../../../lib/stun/integrity';
import { decodeMessage, findAttribute, METHOD_BINDING, type DecodedMessage, type StunAttribute } from '../../../lib/stun/message';

function decoded(bytes: Uint8Array): DecodedMessage {
  const r = decodeMessage(bytes);
  if (!r.ok) throw new Error(r.error);
  return r.message;
}
/** The attributes before MESSAGE-INTEGRITY, which encodeSigned computes again. */
const unsigned = (m: DecodedMessage): StunAttribute[] =>
  m.attributes.filter((a) => a.type !== ATTR.MESSAGE_INTEGRITY && a.type !== ATTR.FINGERPRINT).map(({ type, value }) => ({ type, value }));
const key = shortTermKey(V.SHORT_TERM_PASSWORD);

describe('RFC 5769 §2.1 sample request', () => {
  const m = decoded(V.SAMPLE_REQUEST);
  it('decodes a Binding request with the vector transaction ID and attributes', () => {
    expect([m.method, m.cls, m.classic]).toEqual([METHOD_BINDING, 'request', undefined]);
    expect(m.transactionId).toEqual(V.TRANSACTION_ID);
    expect(decodeText(findAttribute(m, ATTR.SOFTWARE)!.value)).toBe('STUN test client');
    expect(decodeText(findAttribute(m, ATTR.USERNAME)!.value)).toBe('evtj:h6vY');
  });
  it('MESSAGE-INTEGRITY verifies with the password and fails with another', () => {
    expect(checkIntegrity(m, key)).toBe('valid');
    expect(checkIntegrity(m, shortTermKey('VOkJxbRl1RmTxUk/WvJxBT'))).toBe('invalid');
    expect(checkFingerprint(m)).toBe('valid');
  });
  it('is rebuilt byte for byte (space padding, as the RFC pads)', () => {
    expect(encodeSigned({ method: m.method, cls: m.cls, transactionId: m.transactionId, attributes: unsigned(m) }, { pad: 0x20, integrityKey: key, fingerprint: true })).toEqual(V.SAMPLE_REQUEST);
  });
  it('a flipped bit fails both checks', () => {
    const bad = V.SAMPLE_REQUEST.slice();
    bad[30]! ^= 1;
    const b = decoded(bad);
    expect([checkIntegrity(b, key), checkFingerprint(b)]).toEqual(['invalid', 'invalid']);
  });
});

describe('RFC 5769 §2.2 and §2.3 responses', () => {
  for (const [name, bytes, mapped] of [
    ['IPv4', V.SAMPLE_IPV4_RESPONSE, { family: 4, address: '192.0.2.1', port: 32853 }],
    ['IPv6', V.SAMPLE_IPV6_RESPONSE, { family: 6, address: '2001:db8:1234:5678:11:2233:4455:6677', port: 32853 }],
  ] as const) {
    it(`${name}: XOR-MAPPED-ADDRESS, integrity, fingerprint, byte-exact rebuild`, () => {
      const m = decoded(bytes);
      expect(m.cls).toBe('success');
      const xma = findAttribute(m, ATTR.XOR_MAPPED_ADDRESS)!;
      expect(decodeXorMappedAddress(xma.value, m.transactionId)).toEqual(mapped);
      expect(encodeXorMappedAddress(mapped, V.TRANSACTION_ID)).toEqual(xma.value);
      expect(checkIntegrity(m, key)).toBe('valid');
      expect(checkFingerprint(m)).toBe('valid');
      const attributes = [
        { type: ATTR.SOFTWARE, value: textValue('test vector') },
        { type: ATTR.XOR_MAPPED_ADDRESS, value: encodeXorMappedAddress(mapped, V.TRANSACTION_ID) },
      ];
      expect(encodeSigned({ method: METHOD_BINDING, cls: 'success', transactionId: V.TRANSACTION_ID, attributes }, { pad: 0x20, integrityKey: key, fingerprint: true })).toEqual(bytes);
    });
  }
});

describe('RFC 5769 §2.4 long-term authentication', () => {
  const m = decoded(V.LONG_TERM_REQUEST);
  const ltKey = longTermKey(V.LONG_TERM_USERNAME, V.LONG_TERM_REALM, V.LONG_TERM_PASSWORD);
  it('USERNAME, NONCE, REALM decode; no FINGERPRINT', () => {
    expect(decodeText(findAttribute(m, ATTR.USERNAME)!.value)).toBe(V.LONG_TERM_USERNAME);
    expect(decodeText(findAttribute(m, ATTR.NONCE)!.value)).toBe(V.LONG_TERM_NONCE);
    expect(decodeText(findAttribute(m, ATTR.REALM)!.value)).toBe(V.LONG_TERM_REALM);
    expect(checkFingerprint(m)).toBe('absent');
  });
  it('MESSAGE-INTEGRITY verifies with MD5(username:realm:SASLprep(password))', () => {
    expect(longTermKey(V.LONG_TERM_USERNAME, V.LONG_TERM_REALM, 'TheMatrIX')).toEqual(ltKey);
    expect(checkIntegrity(m, ltKey)).toBe('valid');
    expect(checkIntegrity(m, longTermKey(V.LONG_TERM_USERNAME, V.LONG_TERM_REALM, 'thematrix'))).toBe('invalid');
  });
  it('is rebuilt byte for byte (zero padding)', () => {
    expect(encodeSigned({ method: METHOD_BINDING, cls: 'request', transactionId: m.transactionId, attributes: unsigned(m) }, { integrityKey: ltKey })).toEqual(V.LONG_TERM_REQUEST);
  });
});
