/**
 * Decoding X.509 v3 certificates (RFC 5280 §4.1 "Basic Certificate Fields" and §4.2.1 "Standard
 * Extensions") into plain data:
 *
 *   Certificate  ::=  SEQUENCE  { tbsCertificate TBSCertificate, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
 *   TBSCertificate  ::=  SEQUENCE  { version [0] EXPLICIT Version DEFAULT v1, serialNumber, signature AlgorithmIdentifier,
 *        issuer Name, validity Validity, subject Name, subjectPublicKeyInfo, issuerUniqueID [1] IMPLICIT OPTIONAL,
 *        subjectUniqueID [2] IMPLICIT OPTIONAL, extensions [3] EXPLICIT Extensions OPTIONAL }
 *
 * A peer's bytes never make this throw: any non-DER or non-profile input is `{ ok: false, reason }`.
 * The extensions we understand (basicConstraints, keyUsage, subjectAltName with dNSName and the
 * RFC 6120 §13.7.1.4 XmppAddr otherName, key identifiers) are parsed; others are kept as raw
 * `{ oid, critical, value }` so the validator can refuse unknown critical ones (§4.2).
 * @module
 */
import { DerError, Reader, STRING_TAGS, ascii7, Tag, ctxTag, readBitString, readBool, readOid, readOne, readSmallUint, readString, readTime, readUint, type Tlv } from './der';
import { OID } from './oids';

export interface NameAttribute {
  oid: string;
  /** the text, or null for string types we do not decode (BMPString, TeletexString …) */
  value: string | null;
}
/** A distinguished name: its attributes in order, and its DER (RFC 5280 §7.1 name chaining compares these bytes here). */
export interface Name {
  attributes: NameAttribute[];
  der: Uint8Array;
}

/** SubjectPublicKeyInfo: `p256` (SEC1 uncompressed point) and `ed25519` (32 octets) are the keys we can use. */
export type PublicKey = { type: 'p256'; bytes: Uint8Array } | { type: 'ed25519'; bytes: Uint8Array } | { type: 'unsupported'; algorithm: string };

export interface Extension {
  oid: string;
  critical: boolean;
  value: Uint8Array;
}

export interface SubjectAltName {
  dns: string[];
  /** RFC 6120 §13.7.1.4 id-on-xmppAddr values (JIDs) */
  xmppAddrs: string[];
  /** how many GeneralNames of other kinds (IP addresses, URIs, other otherNames …) */
  others: number;
}

export interface Certificate {
  der: Uint8Array;
  /** the signed bytes: the whole TBSCertificate TLV */
  tbs: Uint8Array;
  version: number;
  serial: Uint8Array;
  /** OID of the outer signatureAlgorithm (checked equal to the inner one, §4.1.1.2) */
  signatureAlgorithm: string;
  signature: Uint8Array;
  issuer: Name;
  subject: Name;
  /** ms since 1970 */
  notBefore: number;
  notAfter: number;
  publicKey: PublicKey;
  /** the subjectPublicKey BIT STRING contents (what subjectKeyIdentifier hashes, §4.2.1.2) */
  publicKeyBits: Uint8Array;
  extensions: Extension[];
  basicConstraints: { ca: boolean; pathLen: number | null } | null;
  /** RFC 5280 §4.2.1.3 bit numbers that are set */
  keyUsage: number[] | null;
  subjectAltName: SubjectAltName | null;
  subjectKeyId: Uint8Array | null;
  authorityKeyId: Uint8Array | null;
}

export type Decoded = { ok: true; cert: Certificate } | { ok: false; reason: string };

export function decodeCertificate(der: Uint8Array): Decoded {
  try {
    return { ok: true, cert: parse(der) };
  } catch (e) {
    if (e instanceof DerError) return { ok: false, reason: e.message };
    throw e;
  }
}

function parse(der: Uint8Array): Certificate {
  const outer = Reader.of(readOne(der), Tag.SEQUENCE);
  const tbsTlv = outer.next(Tag.SEQUENCE);
  const signatureAlgorithm = readAlgorithm(outer.next(Tag.SEQUENCE));
  const sig = readBitString(outer.next());
  outer.end();
  if (sig.unusedBits !== 0) throw new DerError('signatureValue has unused bits');

  const tbs = Reader.of(tbsTlv, Tag.SEQUENCE);
  const versionTlv = tbs.optional(ctxTag(0, true));
  const version = versionTlv ? readSmallUint(readOne(versionTlv.value)) + 1 : 1;
  if (version !== 3) throw new DerError(`version ${version}: only v3 certificates are accepted`);
  const serial = readUint(tbs.next());
  // §4.1.2.2: "Conforming CAs MUST NOT use serialNumber values longer than 20 octets"
  if (serial.length > 20) throw new DerError('serialNumber longer than 20 octets');
  const innerAlgorithm = readAlgorithm(tbs.next(Tag.SEQUENCE));
  // §4.1.1.2: signatureAlgorithm "MUST contain the same algorithm identifier as the signature field in the sequence tbsCertificate"
  if (innerAlgorithm !== signatureAlgorithm) throw new DerError('signature algorithms inside and outside the TBSCertificate differ');
  const issuer = readName(tbs.next(Tag.SEQUENCE));
  const validity = Reader.of(tbs.next(), Tag.SEQUENCE);
  const notBefore = readTime(validity.next());
  const notAfter = readTime(validity.next());
  validity.end();
  const subject = readName(tbs.next(Tag.SEQUENCE));
  const { publicKey, bits } = readSpki(tbs.next(Tag.SEQUENCE));
  tbs.optional(ctxTag(1, false));
  tbs.optional(ctxTag(2, false));
  const extTlv = tbs.optional(ctxTag(3, true));
  tbs.end();
  const extensions = extTlv ? readExtensions(readOne(extTlv.value)) : [];

  const cert: Certificate = {
    der,
    tbs: tbsTlv.raw,
    version,
    serial,
    signatureAlgorithm,
    signature: sig.bytes,
    issuer,
    subject,
    notBefore,
    notAfter,
    publicKey,
    publicKeyBits: bits,
    extensions,
    basicConstraints: null,
    keyUsage: null,
    subjectAltName: null,
    subjectKeyId: null,
    authorityKeyId: null,
  };
  for (const ext of extensions) applyExtension(cert, ext);
  return cert;
}

/** AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL } → the OID (RFC 5758 / RFC 8410: parameters absent for ours). */
function readAlgorithm(t: Tlv): string {
  const r = Reader.of(t, Tag.SEQUENCE);
  const algorithm = readOid(r.next());
  if (!r.done) r.next(); // parameters: kept opaque; the validator rejects algorithms it does not know
  r.end();
  return algorithm;
}

/** Name ::= SEQUENCE OF RelativeDistinguishedName; RDN ::= SET OF AttributeTypeAndValue ::= SEQUENCE { type OID, value ANY }. */
function readName(t: Tlv): Name {
  const attributes: NameAttribute[] = [];
  const rdns = Reader.of(t, Tag.SEQUENCE);
  while (!rdns.done) {
    const rdn = Reader.of(rdns.next(), Tag.SET);
    if (rdn.done) throw new DerError('empty RelativeDistinguishedName');
    while (!rdn.done) {
      const atv = Reader.of(rdn.next(), Tag.SEQUENCE);
      const oid = readOid(atv.next());
      const v = atv.next();
      atv.end();
      attributes.push({ oid, value: STRING_TAGS.includes(v.tag) ? readString(v) : null });
    }
  }
  return { attributes, der: t.raw };
}

/** SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING } (RFC 5480 §2, RFC 8410 §4). */
function readSpki(t: Tlv): { publicKey: PublicKey; bits: Uint8Array } {
  const r = Reader.of(t, Tag.SEQUENCE);
  const alg = Reader.of(r.next(), Tag.SEQUENCE);
  const algorithm = readOid(alg.next());
  const params = alg.done ? null : alg.next();
  alg.end();
  const key = readBitString(r.next());
  r.end();
  if (key.unusedBits !== 0) throw new DerError('subjectPublicKey has unused bits');
  const bits = key.bytes;
  if (algorithm === OID.ecPublicKey && params?.tag === Tag.OID && readOid(params) === OID.prime256v1) {
    // RFC 5480 §2.2: "The first octet of the OCTET STRING indicates whether the key is compressed or uncompressed"
    if (!((bits.length === 65 && bits[0] === 4) || (bits.length === 33 && (bits[0] === 2 || bits[0] === 3)))) throw new DerError('P-256 point has a wrong length');
    return { publicKey: { type: 'p256', bytes: bits }, bits };
  }
  if (algorithm === OID.ed25519) {
    // RFC 8410 §3: "the parameters MUST be absent"
    if (params !== null) throw new DerError('Ed25519 AlgorithmIdentifier with parameters');
    if (bits.length !== 32) throw new DerError('Ed25519 key is not 32 octets');
    return { publicKey: { type: 'ed25519', bytes: bits }, bits };
  }
  return { publicKey: { type: 'unsupported', algorithm }, bits };
}

/** Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension; Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
function readExtensions(t: Tlv): Extension[] {
  const r = Reader.of(t, Tag.SEQUENCE);
  const out: Extension[] = [];
  while (!r.done) {
    const e = Reader.of(r.next(), Tag.SEQUENCE);
    const oid = readOid(e.next());
    const c = e.optional(Tag.BOOLEAN);
    const critical = c ? readBool(c) : false;
    // X.690 §11.5: a DEFAULT value is not encoded
    if (c && !critical) throw new DerError('critical FALSE encoded explicitly');
    const value = e.next(Tag.OCTET_STRING).value;
    e.end();
    // §4.2: "A certificate MUST NOT include more than one instance of a particular extension"
    if (out.some((x) => x.oid === oid)) throw new DerError(`extension ${oid} appears twice`);
    out.push({ oid, critical, value });
  }
  if (out.length === 0) throw new DerError('empty extensions');
  return out;
}

function applyExtension(cert: Certificate, ext: Extension): void {
  const v = readOne(ext.value);
  switch (ext.oid) {
    case OID.basicConstraints: {
      // §4.2.1.9: BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }
      const r = Reader.of(v, Tag.SEQUENCE);
      const caTlv = r.optional(Tag.BOOLEAN);
      const ca = caTlv ? readBool(caTlv) : false;
      if (caTlv && !ca) throw new DerError('cA FALSE encoded explicitly');
      const pl = r.optional(Tag.INTEGER);
      r.end();
      cert.basicConstraints = { ca, pathLen: pl ? readSmallUint(pl) : null };
      return;
    }
    case OID.keyUsage: {
      // §4.2.1.3: KeyUsage ::= BIT STRING { digitalSignature (0), …, keyCertSign (5), cRLSign (6), … }
      const { bytes, unusedBits } = readBitString(v);
      const bits: number[] = [];
      for (let i = 0; i < bytes.length * 8 - unusedBits; i++) if (bytes[i >> 3]! & (0x80 >> (i & 7))) bits.push(i);
      cert.keyUsage = bits;
      return;
    }
    case OID.subjectAltName:
      cert.subjectAltName = readGeneralNames(v);
      return;
    case OID.subjectKeyIdentifier:
      if (v.tag !== Tag.OCTET_STRING) throw new DerError('subjectKeyIdentifier is not an OCTET STRING');
      cert.subjectKeyId = v.value;
      return;
    case OID.authorityKeyIdentifier: {
      // §4.2.1.1: AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL, authorityCertIssuer [1], authorityCertSerialNumber [2] }
      const r = Reader.of(v, Tag.SEQUENCE);
      const id = r.optional(ctxTag(0, false));
      while (!r.done) r.next();
      cert.authorityKeyId = id ? id.value : null;
      return;
    }
  }
}

/**
 * §4.2.1.6: GeneralName ::= CHOICE { otherName [0] OtherName, rfc822Name [1] IA5String, dNSName [2] IA5String, … }
 * OtherName ::= SEQUENCE { type-id OBJECT IDENTIFIER, value [0] EXPLICIT ANY DEFINED BY type-id }.
 * RFC 6120 §13.7.1.4: "id-on-xmppAddr … XmppAddr ::= UTF8String".
 */
function readGeneralNames(t: Tlv): SubjectAltName {
  const san: SubjectAltName = { dns: [], xmppAddrs: [], others: 0 };
  const r = Reader.of(t, Tag.SEQUENCE);
  if (r.done) throw new DerError('empty subjectAltName'); // §4.2.1.6: SIZE (1..MAX)
  while (!r.done) {
    const gn = r.next();
    if (gn.tag === ctxTag(2, false)) {
      if (gn.value.some((b) => b > 0x7f)) throw new DerError('dNSName is not IA5String');
      san.dns.push(ascii7(gn.value));
    } else if (gn.tag === ctxTag(0, true)) {
      const on = new Reader(gn.value);
      const typeId = readOid(on.next());
      const wrapped = on.next(ctxTag(0, true));
      on.end();
      if (typeId === OID.xmppAddr) {
        const s = readOne(wrapped.value);
        if (s.tag !== Tag.UTF8String) throw new DerError('XmppAddr is not a UTF8String');
        san.xmppAddrs.push(readString(s));
      } else san.others++;
    } else san.others++;
  }
  return san;
}

/** The first commonName in a name (RFC 6125 §6.4.4 fallback, and for display). */
export const commonName = (n: Name): string | null => n.attributes.find((a) => a.oid === OID.commonName)?.value ?? null;
