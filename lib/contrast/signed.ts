/**
 * Signed messages: the contrast to OTR's deniability. A modelled scheme, not a real standard — shaped
 * like an OpenPGP clear-signed message (RFC 4880 §7) but with an Ed25519 signature (RFC 8032) over
 * the signer's JID and the text, in an armored body any client can read. Whoever holds the signer's
 * public key can check it, today and in ten years, and no one without the private key can change a
 * single byte: a signed transcript proves who said what. That is exactly what OTR avoids.
 * Peer input never throws: a body that is not a signed message parses to null.
 * @module
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { fromBase64, toBase64 } from '../bytes/base64';
import { fromHex, toHex, utf8 } from '../bytes/hex';

const BEGIN = '-----BEGIN SIGNED MESSAGE-----';
const SIG = '-----BEGIN SIGNATURE-----';
const END = '-----END SIGNATURE-----';

export interface SigningKey {
  /** 32-byte Ed25519 secret key, hex */
  secretKey: string;
  /** 32-byte Ed25519 public key, hex */
  publicKey: string;
}

export interface SignedMessage {
  text: string;
  signer: string;
  /** the public key the signature claims, hex */
  publicKey: string;
  signature: Uint8Array;
}

export type Verdict = { valid: true } | { valid: false; reason: 'bad-signature' | 'unknown-key' | 'not-signed' };

/** A fresh key from the injected randomness (the simulator's seeded RNG). */
export function newSigningKey(randomBytes: (n: number) => Uint8Array): SigningKey {
  const secret = randomBytes(32);
  return { secretKey: toHex(secret), publicKey: toHex(ed25519.getPublicKey(secret)) };
}

/** What the signature covers: the signer's bare JID, a NUL, the text (so a signature cannot be moved to another name). */
const signedBytes = (signer: string, text: string): Uint8Array => utf8(`${signer}\u0000${text}`);

/** The armored body: text, then the signer, its key and the signature. */
export function signMessage(key: SigningKey, signer: string, text: string): string {
  const sig = ed25519.sign(signedBytes(signer, text), fromHex(key.secretKey));
  return encodeSigned({ text, signer, publicKey: key.publicKey, signature: sig });
}

export function encodeSigned(m: SignedMessage): string {
  return [BEGIN, m.text, SIG, `Signer: ${m.signer}`, `Key: ed25519 ${m.publicKey}`, toBase64(m.signature), END].join('\n');
}

/** Parse an armored body; null when it is not one. */
export function parseSigned(body: string): SignedMessage | null {
  if (!body.startsWith(`${BEGIN}\n`) || !body.endsWith(`\n${END}`)) return null;
  const cut = body.lastIndexOf(`\n${SIG}\n`);
  if (cut < BEGIN.length) return null;
  const text = body.slice(BEGIN.length + 1, cut);
  const tail = body.slice(cut + SIG.length + 2, body.length - END.length - 1).split('\n');
  const signer = /^Signer: (\S+)$/.exec(tail[0] ?? '')?.[1];
  const publicKey = /^Key: ed25519 ([0-9a-f]{64})$/.exec(tail[1] ?? '')?.[1];
  if (tail.length !== 3 || !signer || !publicKey) return null;
  let signature: Uint8Array;
  try {
    signature = fromBase64(tail[2]!);
  } catch {
    return null;
  }
  return signature.length === 64 ? { text, signer, publicKey, signature } : null;
}

/**
 * Check a body against the signer's published key (`published`: bare JID → public key hex). A key
 * other than the published one proves nothing, however well it signs: that is the forger's only way out.
 */
export function verifySigned(body: string, published: Record<string, string>): Verdict {
  const m = parseSigned(body);
  if (!m) return { valid: false, reason: 'not-signed' };
  if (published[m.signer] !== m.publicKey) return { valid: false, reason: 'unknown-key' };
  let ok = false;
  try {
    ok = ed25519.verify(m.signature, signedBytes(m.signer, m.text), fromHex(m.publicKey));
  } catch {
    ok = false;
  }
  return ok ? { valid: true } : { valid: false, reason: 'bad-signature' };
}
