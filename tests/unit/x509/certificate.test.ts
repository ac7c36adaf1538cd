import { describe, expect, it } from 'vitest';
import { toHex } from '../../../lib/bytes/hex';
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
