/**
 * The one computation of the SCRAM exercise, run by the build (to know the answer) and by the reader's
 * browser (to test a candidate): StoredKey = H(HMAC(Hi(password, salt, i), "Client Key")), RFC 5802 §3,
 * with the engine's own SCRAM functions over @noble/hashes.
 * @module
 */
import { fromHex, toHex } from '../../../lib/bytes/hex';
import { deriveScramCredentials, type ScramHash } from '../../../lib/crypto/scram';

/** StoredKey in hex for `password` under a leaked salt (hex) and iteration count; null when SASLprep refuses the password. */
export function storedKeyHex(password: string, saltHex: string, iterations: number, hash: ScramHash): string | null {
  try {
    return toHex(deriveScramCredentials(password, fromHex(saltHex), iterations, hash).storedKey);
  } catch {
    return null; // expected: a password SASLprep prohibits (RFC 4013 §2.3) has no StoredKey
  }
}
