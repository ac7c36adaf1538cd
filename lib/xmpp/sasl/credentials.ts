/**
 * The server's credential store, one plain-data record per account, holding what RFC 5802 §2.1
 * lets a SCRAM server keep: salt, i, StoredKey, ServerKey per hash — never the password, like
 * Prosody's `internal_hashed` storage. PLAIN (RFC 4616) is verified against the same record.
 *
 * What a server operator, a database thief or a court order gets from this record (RFC 5802 §9):
 *  - salt, i, StoredKey, ServerKey: enough for an offline dictionary attack (`dictionaryAttack`),
 *    slowed down only by i PBKDF2 iterations per guess; the salt stops precomputed tables.
 *  - ServerKey: enough to impersonate the *server* to the user (forge ServerSignature).
 *  - StoredKey plus one recorded exchange (AuthMessage and ClientProof, e.g. from a TLS-stripping
 *    tap or the server's own logs): ClientKey = ClientProof XOR HMAC(StoredKey, AuthMessage), enough
 *    to log in as the user, though not the password (`recoverClientKey` in lib/crypto/scram).
 *  - Not the password itself — unless the user logs in with PLAIN, which hands it to the server.
 * Bytes are hex strings here so the record is JSON- and structuredClone-safe and readable in the inspector.
 * @module
 */
import { fromHex, toHex, utf8 } from '../../bytes/hex';
import { Hi, clientKey, deriveScramCredentials, storedKey, timingSafeEqual, type ScramHash } from '../../crypto/scram';
import { saslprepResult } from '../../crypto/saslprep';

/** One hash's SCRAM secrets (RFC 5802 §2.1, §3), hex-encoded. */
export interface ScramStoredCredentials {
  /** Salt, hex (on the wire it is base64 in `s=`). */
  salt: string;
  iterations: number;
  /** StoredKey := H(ClientKey), hex. */
  storedKey: string;
  /** ServerKey := HMAC(SaltedPassword, "Server Key"), hex. */
  serverKey: string;
}

/** An account as the server stores it. No `password` field exists, by design. */
export interface AccountCredentials {
  /** The SASL simple user name (RFC 6120 §6.3.8: the localpart of the bare JID), SASLprep'd. */
  username: string;
  scramSha1: ScramStoredCredentials;
  scramSha256: ScramStoredCredentials;
}

export interface CreateAccountInput {
  username: string;
  password: string;
  iterations: number;
  /** Salts injected by the caller (the simulator's seeded RNG), one per hash, as a server draws them. */
  salts: { sha1: Uint8Array; sha256: Uint8Array };
}

function stored(password: string, salt: Uint8Array, iterations: number, hash: ScramHash): ScramStoredCredentials {
  const c = deriveScramCredentials(password, salt, iterations, hash);
  return { salt: toHex(c.salt), iterations: c.iterations, storedKey: toHex(c.storedKey), serverKey: toHex(c.serverKey) };
}

/** Register an account: derive both SCRAM records and forget the password. Throws `sasl/credentials: …` on misuse. */
export function createAccountCredentials(input: CreateAccountInput): AccountCredentials {
  const user = saslprepResult(input.username);
  if (user.type === 'error' || user.value === '') throw new Error('sasl/credentials: username empty or fails SASLprep');
  const pw = saslprepResult(input.password);
  if (pw.type === 'error' || pw.value === '') throw new Error('sasl/credentials: password empty or fails SASLprep');
  return {
    username: user.value,
    scramSha1: stored(input.password, input.salts.sha1, input.iterations, 'SHA-1'),
    scramSha256: stored(input.password, input.salts.sha256, input.iterations, 'SHA-256'),
  };
}

/** The record for one SCRAM hash. */
export function scramCredentialsFor(account: AccountCredentials, hash: ScramHash): ScramStoredCredentials {
  return hash === 'SHA-1' ? account.scramSha1 : account.scramSha256;
}

/** Find an account by SASL user name (exact match after SASLprep of the query). */
export function findAccount(accounts: readonly AccountCredentials[], username: string): AccountCredentials | null {
  const u = saslprepResult(username);
  if (u.type === 'error') return null;
  return accounts.find((a) => a.username === u.value) ?? null;
}

/** The lookup function `scramServerStart` takes, over a list of accounts. */
export function scramLookup(accounts: readonly AccountCredentials[], hash: ScramHash): (username: string) => ScramStoredCredentials | null {
  return (username) => {
    const a = findAccount(accounts, username);
    return a === null ? null : scramCredentialsFor(a, hash);
  };
}

/**
 * Does `password` match the record? What a hashed-storage server does for PLAIN (Prosody's
 * `internal_hashed`): SaltedPassword := Hi(Normalize(password), salt, i) with the stored salt and i,
 * then compare H(HMAC(SaltedPassword, "Client Key")) with StoredKey (RFC 5802 §3). Never throws:
 * a password that fails SASLprep simply does not match.
 */
export function verifyScramPassword(record: ScramStoredCredentials, password: string, hash: ScramHash): boolean {
  const p = saslprepResult(password);
  if (p.type === 'error') return false;
  const sp = Hi(hash, utf8(p.value), fromHex(record.salt), record.iterations);
  return timingSafeEqual(storedKey(clientKey(sp, hash), hash), fromHex(record.storedKey));
}

/** PLAIN verification against an account: uses the SCRAM-SHA-256 record. */
export function verifyPassword(account: AccountCredentials, password: string): boolean {
  return verifyScramPassword(account.scramSha256, password, 'SHA-256');
}

/**
 * RFC 5802 §9 offline dictionary attack by whoever holds the record: try each candidate password
 * (i iterations of PBKDF2 each) and return the first that yields StoredKey, or null.
 */
export function dictionaryAttack(record: ScramStoredCredentials, hash: ScramHash, candidates: readonly string[]): string | null {
  for (const guess of candidates) if (verifyScramPassword(record, guess, hash)) return guess;
  return null;
}
