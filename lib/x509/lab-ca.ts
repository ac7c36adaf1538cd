/**
 * A lab certificate authority per scenario: a self-signed root (RFC 5280 §3.2 "self-signed
 * certificates", basicConstraints cA, keyCertSign) and the server certificates it issues, with
 * DNS-IDs and XmppAddr-IDs (RFC 6125 §6.4, RFC 6120 §13.7.1.2 / §13.7.1.4). Deterministic: every key,
 * serial number and signature comes from the injected `randomBytes` (ECDSA nonces from RFC 6979),
 * so the same seed gives the same certificates byte for byte. Times are ms since 1970, as the
 * scenario's virtual clock gives them. PEM output is what OpenSSL reads (tests/unit/x509/openssl.test.ts).
 * @module
 */
import { p256 } from '@noble/curves/nist.js';
import { decodeCertificate, type Certificate } from './certificate';
import { keyPairFrom, name, signCertificate, tbsCertificate, type KeyPair, type KeyType } from './encode';
import { certificatePem, privateKeyPem } from './pem';

export type RandomBytes = (n: number) => Uint8Array;

/** Whoever signs: the CA, or (to build bad chains in tests) any issued certificate's holder. */
export interface Issuer {
  key: KeyPair;
  /** the issuer's subject Name, DER: it becomes the new certificate's issuer (§4.1.2.4) */
  subject: Uint8Array;
}

export interface Issued extends Issuer {
  der: Uint8Array;
  cert: Certificate;
  pem: string;
  keyPem: string;
}

export type LabCa = Issued;

/** A private key from the seed: Ed25519 takes any 32 octets; a P-256 scalar must lie in [1, n−1], so draw again until it does. */
export function generateKey(type: KeyType, randomBytes: RandomBytes): KeyPair {
  for (;;) {
    const sk = randomBytes(32);
    if (type === 'ed25519' || p256.utils.isValidSecretKey(sk)) return keyPairFrom(type, sk);
  }
}

/** §4.1.2.2: "a positive integer … no longer than 20 octets"; 16 random octets with the top bit cleared and the next set keep the length fixed. */
function serial(randomBytes: RandomBytes): Uint8Array {
  const s = Uint8Array.from(randomBytes(16));
  s[0] = (s[0]! & 0x7f) | 0x40;
  return s;
}

function finish(der: Uint8Array, key: KeyPair): Issued {
  const decoded = decodeCertificate(der);
  if (!decoded.ok) throw new Error(`x509/lab-ca: wrote a certificate we cannot read: ${decoded.reason}`);
  return { der, cert: decoded.cert, key, subject: decoded.cert.subject.der, pem: certificatePem(der), keyPem: privateKeyPem(key) };
}

export interface CaOptions {
  name: string;
  randomBytes: RandomBytes;
  notBefore: number;
  notAfter: number;
  keyType?: KeyType;
}

export function makeLabCa(o: CaOptions): LabCa {
  const key = generateKey(o.keyType ?? 'p256', o.randomBytes);
  const subject = name({ commonName: o.name, organization: 'Messenger Lab' });
  const tbs = tbsCertificate({
    serial: serial(o.randomBytes),
    issuer: subject,
    subject,
    notBefore: o.notBefore,
    notAfter: o.notAfter,
    subjectKey: key,
    issuerPublicKey: key.publicKey,
    signerType: key.type,
    ca: true,
  });
  return finish(signCertificate(tbs, key), key);
}

export interface ServerCertOptions {
  /** the DNS domain (CN and the dNSName) */
  domain: string;
  /** more dNSNames (e.g. `*.a.example`); defaults to just `domain` */
  dns?: string[];
  /** RFC 6120 §13.7.1.4 XmppAddr values, e.g. the domain itself for a server */
  xmppAddrs?: string[];
  keyType?: KeyType;
  notBefore: number;
  notAfter: number;
  randomBytes: RandomBytes;
  /** issue a CA certificate instead (an intermediate), for chain tests */
  ca?: boolean;
  /** with `ca`: its pathLenConstraint */
  pathLen?: number;
}

export function issueServerCert(issuer: Issuer, o: ServerCertOptions): Issued {
  const key = generateKey(o.keyType ?? 'p256', o.randomBytes);
  const tbs = tbsCertificate({
    serial: serial(o.randomBytes),
    issuer: issuer.subject,
    subject: name({ commonName: o.domain }),
    notBefore: o.notBefore,
    notAfter: o.notAfter,
    subjectKey: key,
    issuerPublicKey: issuer.key.publicKey,
    signerType: issuer.key.type,
    ca: o.ca ?? false,
    ...(o.pathLen === undefined ? {} : { pathLen: o.pathLen }),
    dns: o.dns ?? [o.domain],
    xmppAddrs: o.xmppAddrs ?? [],
  });
  return finish(signCertificate(tbs, issuer.key), key);
}
