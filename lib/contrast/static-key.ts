/**
 * The static-key contrast to OTR: a PGP-like scheme, MODELLED, NOT OpenPGP (no packets, no RFC 9580
 * formats). What it shares with PGP is the property the lessons compare: every message to a person is
 * encrypted to that person's one long-lived public key. Construction: ephemeral-static X25519
 * (a fresh sender key per message, the recipient's static key), HKDF-SHA-256 over the shared secret
 * (salt = ephemeral public ‖ recipient public), AES-256-GCM. Whoever steals the static private key
 * later opens every message ever sent to it: no forward secrecy.
 * @module
 */
import { gcm } from '@noble/ciphers/aes.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64, toBase64 } from '../bytes/base64';
import { concat, fromHex, toHex, utf8, utf8DecodeStrict } from '../bytes/hex';

export const STATIC_MESSAGE_BEGIN = '-----BEGIN MODELLED STATIC-KEY MESSAGE-----';
const STATIC_MESSAGE_END = '-----END MODELLED STATIC-KEY MESSAGE-----';
const STATIC_KEY_BEGIN = '-----BEGIN MODELLED STATIC PUBLIC KEY-----';
const STATIC_KEY_END = '-----END MODELLED STATIC PUBLIC KEY-----';

const VERSION = 1;
const INFO = utf8('messenger-lab static-key v1 (modelled, not OpenPGP)');

export interface StaticKeyPair {
  /** hex, 32 bytes */
  priv: string;
  /** hex, 32 bytes */
  pub: string;
}

export function generateStaticKey(randomBytes: (n: number) => Uint8Array): StaticKeyPair {
  const priv = randomBytes(32);
  return { priv: toHex(priv), pub: toHex(x25519.getPublicKey(priv)) };
}

function messageKey(shared: Uint8Array, ephPub: Uint8Array, recipientPub: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, concat(ephPub, recipientPub), INFO, 32);
}

function armor(begin: string, end: string, bytes: Uint8Array): string {
  return `${begin}\n${toBase64(bytes)}\n${end}`;
}

function dearmor(text: string, begin: string, end: string): Uint8Array | null {
  const t = text.trim();
  if (!t.startsWith(begin) || !t.endsWith(end)) return null;
  try {
    return fromBase64(t.slice(begin.length, t.length - end.length).trim());
  } catch {
    return null;
  }
}

/** version (1 byte) ‖ ephemeral public key (32) ‖ nonce (12) ‖ AES-256-GCM ciphertext and tag, armored. */
export function sealStatic(recipientPubHex: string, plaintext: string, randomBytes: (n: number) => Uint8Array): string {
  const recipientPub = fromHex(recipientPubHex);
  const eph = randomBytes(32);
  const ephPub = x25519.getPublicKey(eph);
  const nonce = randomBytes(12);
  const key = messageKey(x25519.getSharedSecret(eph, recipientPub), ephPub, recipientPub);
  const ct = gcm(key, nonce).encrypt(utf8(plaintext));
  return armor(STATIC_MESSAGE_BEGIN, STATIC_MESSAGE_END, concat(Uint8Array.of(VERSION), ephPub, nonce, ct));
}

export const isStaticMessage = (body: string): boolean => body.trimStart().startsWith(STATIC_MESSAGE_BEGIN);
export const isStaticPublicKey = (body: string): boolean => body.trimStart().startsWith(STATIC_KEY_BEGIN);

/** The plaintext, or null when the key does not fit, the tag fails or the text is malformed. Never throws. */
export function openStatic(key: StaticKeyPair, armored: string): string | null {
  const bin = dearmor(armored, STATIC_MESSAGE_BEGIN, STATIC_MESSAGE_END);
  if (!bin || bin.length < 1 + 32 + 12 + 16 || bin[0] !== VERSION) return null;
  const ephPub = bin.slice(1, 33);
  const nonce = bin.slice(33, 45);
  try {
    const recipientPub = fromHex(key.pub);
    const k = messageKey(x25519.getSharedSecret(fromHex(key.priv), ephPub), ephPub, recipientPub);
    return utf8DecodeStrict(gcm(k, nonce).decrypt(bin.slice(45)));
  } catch {
    return null;
  }
}

export function armorPublicKey(pubHex: string): string {
  return armor(STATIC_KEY_BEGIN, STATIC_KEY_END, fromHex(pubHex));
}

/** The public key (hex) in an armored public-key block, or null. */
export function readPublicKey(text: string): string | null {
  const bin = dearmor(text, STATIC_KEY_BEGIN, STATIC_KEY_END);
  return bin && bin.length === 32 ? toHex(bin) : null;
}
