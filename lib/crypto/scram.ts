/**
 * SCRAM key derivations (RFC 5802 §2.2, §3; SCRAM-SHA-256: RFC 7677), one named function per
 * line of RFC 5802 §3, over a hash choice. What a server stores is `deriveScramCredentials`:
 * salt, i, StoredKey, ServerKey — never the password.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '../bytes/hex';
import { saslprepResult } from './saslprep';

export type ScramHash = 'SHA-1' | 'SHA-256';

function hashFn(hash: ScramHash) {
  if (hash === 'SHA-1') return sha1;
  if (hash === 'SHA-256') return sha256;
  throw new Error(`sasl/scram: unknown hash ${String(hash)}`);
}

function text(s: Uint8Array | string): Uint8Array {
  return typeof s === 'string' ? utf8(s) : s;
}

/** Output length of H in octets: 20 for SHA-1, 32 for SHA-256. */
export function hashLength(hash: ScramHash): number {
  return hashFn(hash).outputLen;
}

/** RFC 5802 §2.2 H(str): the hash function. */
export function H(hash: ScramHash, str: Uint8Array): Uint8Array {
  return hashFn(hash)(str);
}

/** RFC 5802 §2.2 HMAC(key, str) (RFC 2104). */
export function HMAC(hash: ScramHash, key: Uint8Array, str: Uint8Array): Uint8Array {
  return hmac(hashFn(hash), key, str);
}

/** RFC 5802 §2.2 Hi(str, salt, i): PBKDF2 (RFC 2898) with HMAC as PRF and dkLen = output length of H. */
export function Hi(hash: ScramHash, str: Uint8Array, salt: Uint8Array, i: number): Uint8Array {
  if (!Number.isSafeInteger(i) || i < 1) throw new Error('sasl/scram: iteration count must be a positive integer');
  return pbkdf2(hashFn(hash), str, salt, { c: i, dkLen: hashLength(hash) });
}

/** RFC 5802 §3: SaltedPassword := Hi(Normalize(password), salt, i), Normalize = SASLprep (§2.2). */
export function saltedPassword(password: string, salt: Uint8Array, iterations: number, hash: ScramHash): Uint8Array {
  const prepped = saslprepResult(password);
  if (prepped.type === 'error') throw new Error('sasl/scram: password fails SASLprep (RFC 4013)');
  return Hi(hash, utf8(prepped.value), salt, iterations);
}

/** RFC 5802 §3: ClientKey := HMAC(SaltedPassword, "Client Key"). */
export function clientKey(saltedPassword: Uint8Array, hash: ScramHash): Uint8Array {
  return HMAC(hash, saltedPassword, utf8('Client Key'));
}

/** RFC 5802 §3: StoredKey := H(ClientKey). */
export function storedKey(clientKey: Uint8Array, hash: ScramHash): Uint8Array {
  return H(hash, clientKey);
}

/** RFC 5802 §3: ServerKey := HMAC(SaltedPassword, "Server Key"). */
export function serverKey(saltedPassword: Uint8Array, hash: ScramHash): Uint8Array {
  return HMAC(hash, saltedPassword, utf8('Server Key'));
}

/** RFC 5802 §3: ClientSignature := HMAC(StoredKey, AuthMessage). */
export function clientSignature(storedKey: Uint8Array, authMessage: Uint8Array | string, hash: ScramHash): Uint8Array {
  return HMAC(hash, storedKey, text(authMessage));
}

/** RFC 5802 §3: ClientProof := ClientKey XOR ClientSignature. */
export function clientProof(clientKey: Uint8Array, clientSignature: Uint8Array): Uint8Array {
  return xor(clientKey, clientSignature);
}

function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length !== b.length) throw new Error('sasl/scram: XOR of values that differ in length');
  return a.map((x, i) => x ^ b[i]!);
}

/**
 * RFC 5802 §3 (server side of §5.1 "p="): ClientKey = ClientProof XOR ClientSignature; the server
 * then checks H(ClientKey) = StoredKey. Also the §9 attack: StoredKey plus one observed exchange
 * gives ClientKey, and ClientKey is enough to log in.
 */
export function recoverClientKey(clientProof: Uint8Array, clientSignature: Uint8Array): Uint8Array {
  return xor(clientProof, clientSignature);
}

/** RFC 5802 §3: ServerSignature := HMAC(ServerKey, AuthMessage). */
export function serverSignature(serverKey: Uint8Array, authMessage: Uint8Array | string, hash: ScramHash): Uint8Array {
  return HMAC(hash, serverKey, text(authMessage));
}

/** What a SCRAM server stores per user (RFC 5802 §2.1 "the server stores only the salt, i, StoredKey, ServerKey"). */
export interface ScramCredentials {
  salt: Uint8Array;
  iterations: number;
  storedKey: Uint8Array;
  serverKey: Uint8Array;
}

/** Derive what a server stores for a password, as Prosody's hashed storage does. */
export function deriveScramCredentials(password: string, salt: Uint8Array, iterations: number, hash: ScramHash): ScramCredentials {
  if (salt.length === 0) throw new Error('sasl/scram: empty salt');
  const sp = saltedPassword(password, salt, iterations, hash);
  return { salt: Uint8Array.from(salt), iterations, storedKey: storedKey(clientKey(sp, hash), hash), serverKey: serverKey(sp, hash) };
}

/** Compare two byte strings in time independent of where they differ (RFC 5802 §9 verifies proofs). */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
