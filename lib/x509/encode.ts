/**
 * Writing and signing X.509 v3 certificates (RFC 5280 §4.1, §4.2.1) for the two key types the
 * lab uses: ECDSA P-256 with ecdsa-with-SHA256 (RFC 5480, RFC 5758 §3.2) and Ed25519 (RFC 8410).
 * Signatures come from lib/tls/certificate-verify (the same primitives the TLS CertificateVerify
 * uses: RFC 6979 deterministic ECDSA, pure Ed25519), so a seed always gives the same bytes.
 * @module
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { publicKeyOf, sign, verify } from '../tls/certificate-verify';
import { SignatureScheme } from '../tls/constants';
import { bitString, bool, ctx, ctxTag, ia5Bytes, int, octets, oid, printableString, seq, set, time, tlv, uint, utf8String } from './der';
import type { Certificate } from './certificate';
import { KeyUsageBit, OID } from './oids';

export type KeyType = 'p256' | 'ed25519';

/** A private key as raw bytes: the 32-octet P-256 scalar or the 32-octet Ed25519 seed. */
export interface KeyPair {
  type: KeyType;
  privateKey: Uint8Array;
  publicKey: Uint8Array;
}

/** The TLS SignatureScheme (RFC 8446 §4.2.3) a key of this type signs with. */
export const schemeOf = (type: KeyType): number => (type === 'p256' ? SignatureScheme.ecdsa_secp256r1_sha256 : SignatureScheme.ed25519);

export function keyPairFrom(type: KeyType, privateKey: Uint8Array): KeyPair {
  return { type, privateKey, publicKey: publicKeyOf(schemeOf(type), privateKey) };
}

/** AlgorithmIdentifier of the signature a key of this type makes (parameters absent for both: RFC 5758 §3.2, RFC 8410 §3). */
const signatureAlgorithm = (type: KeyType): Uint8Array => seq(oid(type === 'p256' ? OID.ecdsaWithSha256 : OID.ed25519));

/** SubjectPublicKeyInfo (RFC 5480 §2.1.1 with namedCurve prime256v1; RFC 8410 §4). */
function spki(key: { type: KeyType; publicKey: Uint8Array }): Uint8Array {
  const alg = key.type === 'p256' ? seq(oid(OID.ecPublicKey), oid(OID.prime256v1)) : seq(oid(OID.ed25519));
  return seq(alg, bitString(key.publicKey));
}

/** RFC 5280 §4.2.1.2 method (1): "the 160-bit SHA-1 hash of the value of the BIT STRING subjectPublicKey". */
export const keyIdentifier = (publicKey: Uint8Array): Uint8Array => sha1(publicKey);

/** Name with one RDN per attribute: optional C (PrintableString), O, and CN (UTF8String, §4.1.2.4 "MUST use the UTF8String encoding"). */
export function name(n: { commonName: string; organization?: string; country?: string }): Uint8Array {
  const rdn = (type: string, value: Uint8Array) => set(seq(oid(type), value));
  return seq(
    ...(n.country ? [rdn(OID.countryName, printableString(n.country))] : []),
    ...(n.organization ? [rdn(OID.organizationName, utf8String(n.organization))] : []),
    rdn(OID.commonName, utf8String(n.commonName)),
  );
}

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE (omitted when false, X.690 §11.5), extnValue OCTET STRING }. */
export const extension = (id: string, critical: boolean, value: Uint8Array): Uint8Array => seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));

/** KeyUsage as a DER named BIT STRING: X.690 §11.2.2 drops trailing zero bits and counts them as unused. */
function keyUsage(bits: number[]): Uint8Array {
  const last = Math.max(...bits);
  const bytes = new Uint8Array((last >> 3) + 1);
  for (const b of bits) bytes[b >> 3]! |= 0x80 >> (b & 7);
  return bitString(bytes, 7 - (last & 7));
}

/** GeneralNames with dNSName [2] and otherName [0] { id-on-xmppAddr, [0] EXPLICIT UTF8String } (RFC 6120 §13.7.1.4). */
function subjectAltName(dns: string[], xmppAddrs: string[]): Uint8Array {
  return seq(
    ...dns.map((d) => tlv(ctxTag(2, false), ia5Bytes(d))),
    ...xmppAddrs.map((j) => ctx(0, oid(OID.xmppAddr), ctx(0, utf8String(j)))),
  );
}

export interface TbsFields {
  serial: Uint8Array;
  issuer: Uint8Array;
  subject: Uint8Array;
  notBefore: number;
  notAfter: number;
  subjectKey: { type: KeyType; publicKey: Uint8Array };
  /** the issuer's public key, for authorityKeyIdentifier */
  issuerPublicKey: Uint8Array;
  signerType: KeyType;
  ca: boolean;
  /** §4.2.1.9 pathLenConstraint, for a CA: how many intermediates may follow below it */
  pathLen?: number;
  dns?: string[];
  xmppAddrs?: string[];
  /** overrides the usual key usage (tests build wrong certificates with it) */
  keyUsage?: number[];
  /** more Extension TLVs, appended (tests: an unknown critical extension) */
  extraExtensions?: Uint8Array[];
}

/** TBSCertificate (§4.1) with v3, and the extensions §4.2.1 asks of a CA (§4.2.1.9 critical basicConstraints) or a TLS server. */
export function tbsCertificate(f: TbsFields): Uint8Array {
  const exts = [
    extension(OID.basicConstraints, true, f.ca ? seq(bool(true), ...(f.pathLen === undefined ? [] : [int(f.pathLen)])) : seq()),
    // §4.2.1.3: "conforming CAs SHOULD mark this extension as critical"
    extension(OID.keyUsage, true, keyUsage(f.keyUsage ?? (f.ca ? [KeyUsageBit.digitalSignature, KeyUsageBit.keyCertSign, KeyUsageBit.cRLSign] : [KeyUsageBit.digitalSignature]))),
    extension(OID.subjectKeyIdentifier, false, octets(keyIdentifier(f.subjectKey.publicKey))),
    extension(OID.authorityKeyIdentifier, false, seq(tlv(ctxTag(0, false), keyIdentifier(f.issuerPublicKey)))),
  ];
  const dns = f.dns ?? [];
  const xmpp = f.xmppAddrs ?? [];
  // §4.2.1.6: a SAN with an empty subject must be critical; our subjects always carry a CN, so non-critical
  if (dns.length + xmpp.length > 0) exts.push(extension(OID.subjectAltName, false, subjectAltName(dns, xmpp)));
  exts.push(...(f.extraExtensions ?? []));
  return seq(
    ctx(0, int(2)), // version v3 (§4.1.2.1: "When extensions are used … version MUST be 3 (value is 2)")
    uint(f.serial),
    signatureAlgorithm(f.signerType),
    f.issuer,
    seq(time(f.notBefore), time(f.notAfter)),
    f.subject,
    spki(f.subjectKey),
    ctx(3, seq(...exts)),
  );
}

/** Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING } signed by `signer`. */
export function signCertificate(tbs: Uint8Array, signer: KeyPair): Uint8Array {
  const signature = sign(schemeOf(signer.type), signer.privateKey, tbs);
  return seq(tbs, signatureAlgorithm(signer.type), bitString(signature));
}

/** Does `cert`'s signature verify under `issuerKey`? Only ecdsa-with-SHA256 with a P-256 key and Ed25519 are known. */
export function verifySignature(cert: Certificate, issuerKey: Certificate['publicKey']): 'ok' | 'bad-signature' | 'unsupported-algorithm' {
  if (issuerKey.type === 'unsupported') return 'unsupported-algorithm';
  const scheme =
    cert.signatureAlgorithm === OID.ecdsaWithSha256 && issuerKey.type === 'p256'
      ? SignatureScheme.ecdsa_secp256r1_sha256
      : cert.signatureAlgorithm === OID.ed25519 && issuerKey.type === 'ed25519'
        ? SignatureScheme.ed25519
        : null;
  if (scheme === null) return 'unsupported-algorithm';
  return verify(scheme, issuerKey.bytes, cert.tbs, cert.signature) ? 'ok' : 'bad-signature';
}
