/**
 * A TLS server's identity from PEM files (RFC 7468): the certificate chain (leaf first, as RFC 8446
 * §4.4.2 sends it) and the PKCS #8 private key, checked to belong together — what `lib/tls`'s
 * `ServerConfig` takes. Works for our lab CA's files and for OpenSSL's (`openssl req -x509 -newkey
 * ec|ed25519`). Mismatches are values, so a CLI can print them.
 * @module
 */
import { decodeCertificate } from './certificate';
import { DerError } from './der';
import { schemeOf } from './encode';
import { fromPem, fromPkcs8 } from './pem';

export type ServerIdentity =
  | { ok: true; certificateChain: Uint8Array[]; signatureScheme: number; privateKey: Uint8Array }
  | { ok: false; reason: string };

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export function serverIdentity(certificatePem: string, privateKeyPem: string): ServerIdentity {
  try {
    const chain = fromPem(certificatePem, 'CERTIFICATE');
    if (chain.length === 0) return { ok: false, reason: 'no CERTIFICATE block' };
    const keys = fromPem(privateKeyPem, 'PRIVATE KEY');
    if (keys.length !== 1) return { ok: false, reason: 'expected exactly one PKCS #8 PRIVATE KEY block' };
    const key = fromPkcs8(keys[0]!);
    const leaf = decodeCertificate(chain[0]!);
    if (!leaf.ok) return { ok: false, reason: `the certificate is malformed: ${leaf.reason}` };
    const pk = leaf.cert.publicKey;
    if (pk.type !== key.type || !sameBytes(pk.bytes, key.publicKey)) return { ok: false, reason: 'the private key does not belong to the certificate' };
    return { ok: true, certificateChain: chain, signatureScheme: schemeOf(key.type), privateKey: key.privateKey };
  } catch (e) {
    if (e instanceof DerError) return { ok: false, reason: e.message };
    throw e;
  }
}
