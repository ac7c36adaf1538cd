/**
 * A MODELLED TLS 1.3 handshake (RFC 8446 shapes, not its wire format or key schedule), standing in
 * until the TLS engine lands: one ClientHello and one ServerHello record (content type 22,
 * 'handshake'), each carrying 32 random bytes and an X25519 key share (RFC 7748). Both ends compute
 * the shared secret and derive per-direction AES-128-GCM keys and IVs with HKDF-SHA-256 (RFC 5869).
 * No certificates, no Finished messages: nothing here authenticates the server. What it does show
 * truthfully: an eavesdropper who sees both hellos still cannot compute the keys.
 * @module
 */
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concat, toHex, utf8 } from '../../bytes/hex';

/** RFC 8446 §5.1 ContentType values used here. */
export const CONTENT_HANDSHAKE = 22;
export const CONTENT_APPLICATION_DATA = 23;
/** RFC 8446 §4 HandshakeType. */
export const HS_CLIENT_HELLO = 1;
export const HS_SERVER_HELLO = 2;

/** The keys of one connection, hex; what a keyring holds to open its records. */
export interface TlsKeys {
  clientWriteKey: string;
  clientWriteIv: string;
  serverWriteKey: string;
  serverWriteIv: string;
}

export interface HelloMessage {
  type: typeof HS_CLIENT_HELLO | typeof HS_SERVER_HELLO;
  random: Uint8Array;
  keyShare: Uint8Array;
}

/** Handshake message: msg_type(1) length(3) legacy_version(2)=0x0303 random(32) key_share(32). */
export function encodeHello(m: HelloMessage): Uint8Array {
  if (m.random.length !== 32 || m.keyShare.length !== 32) throw new Error('tls-model: random and key share must be 32 bytes');
  const body = concat(new Uint8Array([0x03, 0x03]), m.random, m.keyShare);
  return concat(new Uint8Array([m.type, 0, (body.length >> 8) & 0xff, body.length & 0xff]), body);
}

/** Parse a hello; null when it is not one (the peer's bad input is a value, never an exception). */
export function decodeHello(bytes: Uint8Array): HelloMessage | null {
  if (bytes.length !== 4 + 66) return null;
  const type = bytes[0];
  if ((type !== HS_CLIENT_HELLO && type !== HS_SERVER_HELLO) || bytes[1] !== 0 || bytes[2] !== 0 || bytes[3] !== 66) return null;
  if (bytes[4] !== 0x03 || bytes[5] !== 0x03) return null;
  return { type, random: bytes.slice(6, 38), keyShare: bytes.slice(38, 70) };
}

export function keySharePublic(privateKey: Uint8Array): Uint8Array {
  return x25519.getPublicKey(privateKey);
}

/**
 * Both ends: shared = X25519(own private, peer public); PRK = HKDF-Extract(client_random ‖ server_random, shared);
 * 56 bytes = HKDF-Expand(PRK, "messenger-lab tls-model v1") split into client key, server key, client IV, server IV.
 * Returns null for a degenerate peer key share (all-zero shared secret, RFC 7748 §6.1).
 */
export function deriveKeys(privateKey: Uint8Array, peerShare: Uint8Array, clientRandom: Uint8Array, serverRandom: Uint8Array): TlsKeys | null {
  let shared: Uint8Array;
  try {
    shared = x25519.getSharedSecret(privateKey, peerShare);
  } catch {
    return null;
  }
  const okm = hkdf(sha256, shared, concat(clientRandom, serverRandom), utf8('messenger-lab tls-model v1'), 56);
  return {
    clientWriteKey: toHex(okm.slice(0, 16)),
    serverWriteKey: toHex(okm.slice(16, 32)),
    clientWriteIv: toHex(okm.slice(32, 44)),
    serverWriteIv: toHex(okm.slice(44, 56)),
  };
}

