/**
 * CertificateVerify signatures (RFC 8446 §4.4.3). "The digital signature is then computed over the
 * concatenation of:
 *   - A string that consists of octet 32 (0x20) repeated 64 times
 *   - The context string
 *   - A single 0 byte which serves as the separator
 *   - The content to be signed" — Transcript-Hash(Handshake Context, Certificate).
 * Context strings: "TLS 1.3, server CertificateVerify" and "TLS 1.3, client CertificateVerify".
 * Schemes (§4.2.3): ecdsa_secp256r1_sha256 (ECDSA over P-256 with SHA-256, the signature DER-encoded
 * as in RFC 8446 §4.2.3 / X9.62) and ed25519 (RFC 8032, pure). RSA-PSS is recognised, not computed.
 * @module
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { SignatureScheme } from './constants';

export type Signer = 'server' | 'client';

export function signedContent(who: Signer, transcriptHash: Uint8Array): Uint8Array {
  const context = new TextEncoder().encode(`TLS 1.3, ${who} CertificateVerify`);
  const out = new Uint8Array(64 + context.length + 1 + transcriptHash.length);
  out.fill(0x20, 0, 64);
  out.set(context, 64);
  out[64 + context.length] = 0;
  out.set(transcriptHash, 64 + context.length + 1);
  return out;
}

/** The schemes we can compute. */
export const SIGNING_SCHEMES: readonly number[] = [SignatureScheme.ecdsa_secp256r1_sha256, SignatureScheme.ed25519];

/** Signs `content` with a raw private key: 32-octet P-256 scalar or 32-octet Ed25519 seed. */
export function sign(scheme: number, privateKey: Uint8Array, content: Uint8Array): Uint8Array {
  if (scheme === SignatureScheme.ecdsa_secp256r1_sha256)
    // RFC 6979 deterministic k (extraEntropy off): the same inputs give the same bytes — replayable.
    return p256.sign(content, privateKey, { prehash: true, format: 'der', extraEntropy: false });
  if (scheme === SignatureScheme.ed25519) return ed25519.sign(content, privateKey);
  throw new Error(`tls/certificate-verify: cannot sign with scheme 0x${scheme.toString(16)}`);
}

/** Verifies; any malformed key or signature is simply "not valid" (the caller sends decrypt_error). */
export function verify(scheme: number, publicKey: Uint8Array, content: Uint8Array, signature: Uint8Array): boolean {
  try {
    if (scheme === SignatureScheme.ecdsa_secp256r1_sha256)
      // lowS off: a valid X9.62 signature with a high s is still valid in TLS (OpenSSL makes them).
      return p256.verify(signature, content, publicKey, { prehash: true, format: 'der', lowS: false });
    if (scheme === SignatureScheme.ed25519) return ed25519.verify(signature, content, publicKey);
    return false;
  } catch {
    return false;
  }
}

/** Public key for a private key, in the form `verify` takes (P-256: SEC1 uncompressed; Ed25519: 32 octets). */
export function publicKeyOf(scheme: number, privateKey: Uint8Array): Uint8Array {
  if (scheme === SignatureScheme.ecdsa_secp256r1_sha256) return p256.getPublicKey(privateKey, false);
  if (scheme === SignatureScheme.ed25519) return ed25519.getPublicKey(privateKey);
  throw new Error(`tls/certificate-verify: no key for scheme 0x${scheme.toString(16)}`);
}
