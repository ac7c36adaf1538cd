/**
 * Certificate path validation against a virtual clock: a reduced RFC 5280 §6.1 "Basic Path
 * Validation" plus RFC 6125 §6 name checking, each failure its own value with the TLS alert
 * (RFC 8446 §6.2) a client sends for it. Steps, in order:
 *   1. decode every presented certificate (malformed);
 *   2. build the path leaf → trust anchor: each certificate's issuer Name equals the next one's subject
 *      (§6.1.3 (a)(4)); the next is a trust anchor's subject, or one of the certificates presented
 *      (RFC 8446 §4.4.2: the sender's chain, leaf first) — none is unknown-ca;
 *   3. every issuer is a CA: basicConstraints cA TRUE (§4.2.1.9, §6.1.4 (k)), keyCertSign if keyUsage is
 *      present (§6.1.4 (n)), within pathLenConstraint (§6.1.4 (l)/(m));
 *   4. every signature verifies with its issuer's key (§6.1.3 (a)(1)), for the algorithms we know;
 *   5. `now` lies within every certificate's validity, anchor included (§6.1.3 (a)(2));
 *   6. no certificate carries a critical extension we do not understand (§4.2, §6.1.4 (o));
 *   7. the leaf: keyUsage digitalSignature if present (RFC 8446 §4.4.2.2), a key TLS can use;
 *   8. the leaf names the server we asked for (names.ts).
 * Not implemented, deliberately: revocation (CRL/OCSP), name constraints, policies, extendedKeyUsage.
 * @module
 */
import type { AlertName } from '../tls/alert';
import type { CertificateCheck, CheckCertificate, LeafKey } from '../tls/client';
import { commonName, decodeCertificate, type Certificate } from './certificate';
import { schemeOf, verifySignature } from './encode';
import { nameMatches, type Service } from './names';
import { KeyUsageBit, OID } from './oids';

export type Failure =
  | 'malformed'
  | 'unknown-ca'
  | 'not-a-ca'
  | 'path-too-long'
  | 'bad-signature'
  | 'unsupported-algorithm'
  | 'expired'
  | 'not-yet-valid'
  | 'unsupported-critical-extension'
  | 'bad-key-usage'
  | 'name-mismatch';

/** RFC 8446 §6.2: "bad_certificate: A certificate was corrupt, contained signatures that did not verify correctly, etc." … */
const ALERT_FOR: Record<Failure, AlertName> = {
  malformed: 'bad_certificate',
  'unknown-ca': 'unknown_ca', // "a valid certificate chain … was received, but the certificate was not accepted because the CA certificate could not be located"
  'not-a-ca': 'bad_certificate',
  'path-too-long': 'bad_certificate',
  'bad-signature': 'bad_certificate',
  'unsupported-algorithm': 'unsupported_certificate', // "A certificate was of an unsupported type"
  expired: 'certificate_expired', // "A certificate has expired or is not currently valid"
  'not-yet-valid': 'certificate_expired',
  'unsupported-critical-extension': 'unsupported_certificate',
  'bad-key-usage': 'unsupported_certificate',
  'name-mismatch': 'bad_certificate', // as rustls and Go's crypto/tls do
};

export type Validation =
  | { ok: true; leaf: Certificate; /** leaf first, trust anchor last */ path: Certificate[]; key: LeafKey }
  | {
      ok: false;
      failure: Failure;
      alert: AlertName;
      /** position in the presented chain (0 = leaf); -1 for the trust anchor */
      index: number;
      /** the subject CN of that certificate, when there is one (for narration) */
      subject: string | null;
      reason: string;
    };

export interface ValidateOptions {
  /** trust anchors: DER certificates (self-signed roots) */
  anchors: readonly Uint8Array[];
  /** the virtual clock, ms since 1970 */
  now: number;
  /** the reference identifier: the domain we meant to reach (RFC 6125 §6.2); null fails the name check */
  name: string | null;
  service?: Service;
  allowCommonName?: boolean;
  /** longest path (certificates, anchor included) we follow */
  maxDepth?: number;
}

const KNOWN_EXTENSIONS: readonly string[] = [OID.basicConstraints, OID.keyUsage, OID.subjectAltName, OID.subjectKeyIdentifier, OID.authorityKeyIdentifier, OID.extKeyUsage];

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Does `issuer` (by Name, and by key identifier when both sides carry one, §4.2.1.1) look like who signed `cert`? */
const issuedBy = (cert: Certificate, issuer: Certificate): boolean =>
  sameBytes(cert.issuer.der, issuer.subject.der) && (cert.authorityKeyId === null || issuer.subjectKeyId === null || sameBytes(cert.authorityKeyId, issuer.subjectKeyId));

export function validateChain(chain: readonly Uint8Array[], o: ValidateOptions): Validation {
  const fail = (failure: Failure, index: number, cert: Certificate | null, reason: string): Validation => ({
    ok: false,
    failure,
    alert: ALERT_FOR[failure],
    index,
    subject: cert ? commonName(cert.subject) : null,
    reason,
  });
  const anchors = o.anchors.map((der) => {
    const d = decodeCertificate(der);
    if (!d.ok) throw new Error(`x509/validate: a trust anchor is malformed: ${d.reason}`);
    return d.cert;
  });

  // 1. decode
  const certs: Certificate[] = [];
  for (const [i, der] of chain.entries()) {
    const d = decodeCertificate(der);
    if (!d.ok) return fail('malformed', i, null, `certificate ${i} is malformed: ${d.reason}`);
    certs.push(d.cert);
  }
  if (certs.length === 0) return fail('malformed', 0, null, 'empty certificate chain');

  // 2–4. path building, CA checks, signatures
  const path: { cert: Certificate; index: number }[] = [{ cert: certs[0]!, index: 0 }];
  const used = new Set<number>([0]);
  const maxDepth = o.maxDepth ?? 8;
  for (;;) {
    const { cert, index } = path[path.length - 1]!;
    if (anchors.some((a) => sameBytes(a.der, cert.der))) {
      path[path.length - 1] = { cert, index: -1 }; // the anchor itself was sent: trusted as it stands
      break;
    }
    const anchor = anchors.find((a) => issuedBy(cert, a));
    const nextIndex = anchor ? -1 : certs.findIndex((c, i) => !used.has(i) && issuedBy(cert, c));
    const issuer = anchor ?? certs[nextIndex];
    if (!issuer) return fail('unknown-ca', index, cert, `no trusted issuer for ${commonName(cert.issuer) ?? 'this certificate'}`);
    if (path.length + 1 > maxDepth) return fail('path-too-long', index, cert, `path longer than ${maxDepth}`);
    if (!issuer.basicConstraints?.ca) return fail('not-a-ca', nextIndex, issuer, `${commonName(issuer.subject) ?? 'the issuer'} is not a CA (basicConstraints)`);
    if (issuer.keyUsage && !issuer.keyUsage.includes(KeyUsageBit.keyCertSign))
      return fail('not-a-ca', nextIndex, issuer, `${commonName(issuer.subject) ?? 'the issuer'} may not sign certificates (keyUsage)`);
    // §6.1.4 (l): pathLenConstraint counts the intermediates below the issuer (the leaf is not counted)
    const below = path.length - 1;
    if (issuer.basicConstraints.pathLen !== null && below > issuer.basicConstraints.pathLen)
      return fail('path-too-long', nextIndex, issuer, `pathLenConstraint ${issuer.basicConstraints.pathLen} exceeded`);
    const sig = verifySignature(cert, issuer.publicKey);
    if (sig === 'unsupported-algorithm') return fail('unsupported-algorithm', index, cert, `signature algorithm ${cert.signatureAlgorithm} with this issuer key is not supported`);
    if (sig === 'bad-signature') return fail('bad-signature', index, cert, 'the signature does not verify with the issuer key');
    path.push({ cert: issuer, index: nextIndex });
    if (anchor) break;
    used.add(nextIndex);
  }

  // 5–6. validity and critical extensions, every certificate on the path
  for (const { cert, index } of path) {
    if (o.now < cert.notBefore) return fail('not-yet-valid', index, cert, `not valid before ${new Date(cert.notBefore).toISOString()}`);
    if (o.now > cert.notAfter) return fail('expired', index, cert, `expired at ${new Date(cert.notAfter).toISOString()}`);
    const unknown = cert.extensions.find((e) => e.critical && !KNOWN_EXTENSIONS.includes(e.oid));
    if (unknown) return fail('unsupported-critical-extension', index, cert, `critical extension ${unknown.oid} is not understood`);
  }

  // 7. the leaf as a TLS server key
  const leaf = certs[0]!;
  if (leaf.keyUsage && !leaf.keyUsage.includes(KeyUsageBit.digitalSignature)) return fail('bad-key-usage', 0, leaf, 'keyUsage lacks digitalSignature');
  if (leaf.publicKey.type === 'unsupported') return fail('unsupported-algorithm', 0, leaf, `public key algorithm ${leaf.publicKey.algorithm} is not supported`);

  // 8. the name
  if (o.name === null || !nameMatches(leaf, o.name, o.service ?? 'xmpp', o.allowCommonName ?? true))
    return fail('name-mismatch', 0, leaf, `the certificate does not name ${o.name ?? '(no name asked for)'}`);

  return {
    ok: true,
    leaf,
    path: path.map((p) => p.cert),
    key: { scheme: schemeOf(leaf.publicKey.type), publicKey: leaf.publicKey.bytes },
  };
}

/** lib/tls's client hook: validate the server's chain for the server_name the client asked for. */
export function certificateChecker(o: Omit<ValidateOptions, 'name'>): CheckCertificate {
  return (chain, serverName): CertificateCheck => {
    const v = validateChain(chain, { ...o, name: serverName });
    return v.ok ? { ok: true, key: v.key } : { ok: false, alert: v.alert, reason: `${v.failure}: ${v.reason}` };
  };
}
