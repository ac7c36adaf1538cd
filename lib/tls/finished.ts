/**
 * The Finished message (RFC 8446 §4.4.4):
 *   finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length)
 *   verify_data  = HMAC(finished_key, Transcript-Hash(Handshake Context, Certificate*, CertificateVerify*))
 * BaseKey is the sender's handshake traffic secret. "Recipients of Finished messages MUST verify that
 * the contents are correct and if incorrect MUST terminate the connection with a "decrypt_error" alert."
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { HASH_LEN, hkdfExpandLabel, transcriptHash } from './key-schedule';

export const finishedKey = (baseKey: Uint8Array): Uint8Array =>
  hkdfExpandLabel(baseKey, 'finished', new Uint8Array(0), HASH_LEN);

export const verifyData = (baseKey: Uint8Array, transcript: readonly Uint8Array[]): Uint8Array =>
  hmac(sha256, finishedKey(baseKey), transcriptHash(transcript));

/** Constant-time comparison: how long it takes says nothing about where the first difference is. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
