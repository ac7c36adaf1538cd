/**
 * PEM text (RFC 7468 §2 "General Considerations", §5 certificates, §10 PKCS #8 "PRIVATE KEY") and the
 * PKCS #8 OneAsymmetricKey / PrivateKeyInfo (RFC 5958 §2) of our two key types:
 *   - Ed25519, RFC 8410 §7: privateKey is an OCTET STRING holding `CurvePrivateKey ::= OCTET STRING` (the 32-octet seed);
 *   - P-256, RFC 5915 §3 ECPrivateKey { version 1, privateKey OCTET STRING, [1] publicKey } with the curve in the
 *     AlgorithmIdentifier (RFC 5480 §2.1.1), so §3's [0] parameters are left out.
 * What OpenSSL writes for `openssl genpkey` is what this writes, so `openssl pkey -in key.pem` reads it.
 * @module
 */
import { fromBase64, toBase64 } from '../bytes/base64';
import { DerError, Reader, Tag, bitString, ctx, int, octets, oid, readOid, readOne, readSmallUint, seq } from './der';
import type { KeyPair, KeyType } from './encode';
import { keyPairFrom } from './encode';
import { OID } from './oids';

/** RFC 7468 §2: base64 lines of exactly 64 characters except the last, between BEGIN/END lines with the same label. */
function toPem(label: string, der: Uint8Array): string {
  const b64 = toBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Every block with `label` in `text`, in order (a chain file holds several certificates). Bad base64 → DerError. */
export function fromPem(text: string, label: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  for (const m of text.matchAll(re)) {
    try {
      out.push(fromBase64(m[1]!.replace(/\s+/g, '')));
    } catch {
      throw new DerError(`PEM ${label} block is not valid base64`);
    }
  }
  return out;
}

export const certificatePem = (der: Uint8Array): string => toPem('CERTIFICATE', der);

/** PrivateKeyInfo ::= SEQUENCE { version 0, privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING }. */
export function pkcs8(key: KeyPair): Uint8Array {
  if (key.type === 'ed25519') return seq(int(0), seq(oid(OID.ed25519)), octets(octets(key.privateKey)));
  const ecPrivateKey = seq(int(1), octets(key.privateKey), ctx(1, bitString(key.publicKey)));
  return seq(int(0), seq(oid(OID.ecPublicKey), oid(OID.prime256v1)), octets(ecPrivateKey));
}

export const privateKeyPem = (key: KeyPair): string => toPem('PRIVATE KEY', pkcs8(key));

/** Reads a PKCS #8 key of our two types (as OpenSSL writes them); anything else → DerError. */
export function fromPkcs8(der: Uint8Array): KeyPair {
  const r = Reader.of(readOne(der), Tag.SEQUENCE);
  const version = readSmallUint(r.next());
  if (version !== 0 && version !== 1) throw new DerError('PKCS#8 version');
  const alg = Reader.of(r.next(), Tag.SEQUENCE);
  const algorithm = readOid(alg.next());
  const inner = readOne(r.next(Tag.OCTET_STRING).value);
  let type: KeyType;
  let privateKey: Uint8Array;
  if (algorithm === OID.ed25519) {
    type = 'ed25519';
    if (inner.tag !== Tag.OCTET_STRING || inner.value.length !== 32) throw new DerError('Ed25519 CurvePrivateKey');
    privateKey = inner.value;
  } else if (algorithm === OID.ecPublicKey && readOid(alg.next()) === OID.prime256v1) {
    type = 'p256';
    const ec = Reader.of(inner, Tag.SEQUENCE);
    if (readSmallUint(ec.next()) !== 1) throw new DerError('ECPrivateKey version');
    privateKey = ec.next(Tag.OCTET_STRING).value;
    if (privateKey.length !== 32) throw new DerError('P-256 private key is not 32 octets');
  } else throw new DerError(`private key algorithm ${algorithm} is not supported`);
  try {
    return keyPairFrom(type, Uint8Array.from(privateKey));
  } catch {
    throw new DerError('private key out of range');
  }
}
