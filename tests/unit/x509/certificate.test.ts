import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../lib/bytes/hex';
import { rfc8448Simple1Rtt } from '../../fixtures/rfc8448-simple-1rtt';
import { validateChain } from '../../../lib/x509/validate';
import { commonName, decodeCertificate } from '../../../lib/x509/certificate';
import { keyIdentifier, verifySignature } from '../../../lib/x509/encode';
import { KeyUsageBit, OID } from '../../../lib/x509/oids';
import { fromPem, fromPkcs8, pkcs8 } from '../../../lib/x509/pem';
import { NOW, T0, T1, lab } from './fixtures';

describe.each(['p256', 'ed25519'] as const)('lab CA with %s keys', (keyType) => {
  const { ca, server } = lab(keyType);

  it('the same seed gives the same certificates and keys, byte for byte; another seed does not', () => {
    const again = lab(keyType);
    expect(toHex(again.ca.der)).toBe(toHex(ca.der));
    expect(toHex(again.server.der)).toBe(toHex(server.der));
    expect(again.server.keyPem).toBe(server.keyPem);
    expect(toHex(lab(keyType, 'other').server.der)).not.toBe(toHex(server.der));
  });

  it('the CA is a self-signed v3 CA certificate', () => {
    const c = ca.cert;
    expect(c.version).toBe(3);
    expect(c.issuer.der).toEqual(c.subject.der);
    expect(commonName(c.subject)).toBe('Messenger Lab CA');
    expect(c.basicConstraints).toEqual({ ca: true, pathLen: null });
    expect(c.keyUsage).toEqual([KeyUsageBit.digitalSignature, KeyUsageBit.keyCertSign, KeyUsageBit.cRLSign]);
    expect(c.extensions.find((e) => e.oid === OID.basicConstraints)?.critical).toBe(true);
    expect(c.subjectKeyId).toEqual(keyIdentifier(ca.key.publicKey));
    expect(c.signatureAlgorithm).toBe(keyType === 'p256' ? OID.ecdsaWithSha256 : OID.ed25519);
    expect(verifySignature(c, c.publicKey)).toBe('ok');
  });

  it('the server certificate decodes to what was issued', () => {
    const c = server.cert;
    expect(commonName(c.subject)).toBe('a.example');
    expect(c.issuer.der).toEqual(ca.cert.subject.der);
    expect(c.notBefore).toBe(T0);
    expect(c.notAfter).toBe(T1);
    expect(c.basicConstraints).toEqual({ ca: false, pathLen: null });
    expect(c.keyUsage).toEqual([KeyUsageBit.digitalSignature]);
    expect(c.subjectAltName).toEqual({ dns: ['a.example'], xmppAddrs: ['a.example'], others: 0 });
    expect(c.authorityKeyId).toEqual(ca.cert.subjectKeyId);
    expect(c.publicKey).toEqual({ type: keyType, bytes: server.key.publicKey });
    expect(c.serial.length).toBe(16);
    expect(verifySignature(c, ca.cert.publicKey)).toBe('ok');
    expect(verifySignature(c, c.publicKey)).toBe('bad-signature');
    expect(NOW).toBeGreaterThan(T0);
  });

  it('PEM and PKCS #8 round-trip', () => {
    const [der] = fromPem(server.pem, 'CERTIFICATE');
    expect(der).toEqual(server.der);
    expect(server.pem.split('\n').every((l) => l.length <= 64)).toBe(true);
    const [key] = fromPem(server.keyPem, 'PRIVATE KEY');
    expect(fromPkcs8(key!)).toEqual(server.key);
    expect(pkcs8(fromPkcs8(key!))).toEqual(key);
  });

  it('flipping one signature bit breaks verification, not decoding', () => {
    const bad = Uint8Array.from(server.der);
    bad[bad.length - 5]! ^= 1;
    const d = decodeCertificate(bad);
    expect(d.ok).toBe(true);
    if (d.ok) expect(verifySignature(d.cert, ca.cert.publicKey)).toBe('bad-signature');
  });
});

describe('decoding refuses what the profile refuses', () => {
  const { server } = lab();
  it('trailing garbage, truncation and empty input are malformed, as values', () => {
    expect(decodeCertificate(new Uint8Array(0)).ok).toBe(false);
    expect(decodeCertificate(Uint8Array.of(...server.der, 0)).ok).toBe(false);
    expect(decodeCertificate(server.der.subarray(0, server.der.length - 1)).ok).toBe(false);
  });
  it('inner and outer signature algorithms must agree (RFC 5280 §4.1.1.2)', () => {
    const hex = toHex(server.der);
    const ecdsa = '300a06082a8648ce3d040302';
    const other = '300a06082a8648ce3d040303'; // ecdsa-with-SHA384 outside
    const last = hex.lastIndexOf(ecdsa);
    const mutated = hex.slice(0, last) + other + hex.slice(last + ecdsa.length);
    const d = decodeCertificate(Uint8Array.from(Buffer.from(mutated, 'hex')));
    expect(d).toMatchObject({ ok: false, reason: expect.stringContaining('differ') });
  });
});

describe('a certificate from the RFCs: RFC 8448 §3 server certificate (RSA, CN=rsa)', () => {
  // the Certificate message: 4-octet handshake header, context length, list length, entry length, then 0x1b0 octets of DER
  const der = fromHex(rfc8448Simple1Rtt.certificate).slice(11, 11 + 0x1b0);
  it('decodes: v3, sha256WithRSAEncryption, validity 2016-07-30 01:23:59 to 2026-07-30 01:23:59, basicConstraints and keyUsage', () => {
    const d = decodeCertificate(der);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(commonName(d.cert.subject)).toBe('rsa');
    expect(d.cert.signatureAlgorithm).toBe('1.2.840.113549.1.1.11');
    expect(d.cert.publicKey).toEqual({ type: 'unsupported', algorithm: '1.2.840.113549.1.1.1' });
    expect(d.cert.notBefore).toBe(Date.UTC(2016, 6, 30, 1, 23, 59));
    expect(d.cert.notAfter).toBe(Date.UTC(2026, 6, 30, 1, 23, 59));
    expect(d.cert.basicConstraints).toEqual({ ca: false, pathLen: null });
    expect(d.cert.keyUsage).toEqual([KeyUsageBit.digitalSignature, 2]); // digitalSignature, keyEncipherment
    expect(toHex(d.cert.serial)).toBe('02');
  });
  it('is refused as a TLS key we cannot use, even as its own trust anchor', () => {
    expect(validateChain([der], { anchors: [der], now: Date.UTC(2020, 0, 1), name: 'rsa' })).toMatchObject({ ok: false, failure: 'unsupported-algorithm', alert: 'unsupported_certificate' });
    expect(validateChain([der], { anchors: [der], now: Date.UTC(2027, 0, 1), name: 'rsa' })).toMatchObject({ failure: 'expired' });
  });
});
