/**
 * SASL PLAIN (RFC 4616): message = [authzid] UTF8NUL authcid UTF8NUL passwd — the password in
 * clear (base64 is an encoding, not protection), so only inside TLS (RFC 6120 §13.8). The server
 * here stores no password: it checks the one it is sent against the SCRAM record (`credentials.ts`).
 * One message, no challenge: the "state machine" is a single step on each side.
 * @module
 */
import { utf8 } from '../../bytes/hex';
import { saslprepResult } from '../../crypto/saslprep';
import { verifyPassword, type AccountCredentials } from './credentials';
import { saslFailure, type SaslFailure } from './failure';

export interface PlainMessage {
  /** Authorization identity; absent means "the one derived from authcid" (RFC 4616 §2). */
  authzid?: string;
  /** Authentication identity: in XMPP the localpart (RFC 6120 §6.3.8). */
  authcid: string;
  password: string;
}

/** RFC 4616 §2: "MUST accept up to 255 octets" per field; we also refuse more. */
const MAX_OCTETS = 255;

function checkField(name: string, value: string): void {
  if (value === '') throw new Error(`sasl/plain: empty ${name}`);
  if (value.includes('\u0000')) throw new Error(`sasl/plain: NUL in ${name}`);
  if (utf8(value).length > MAX_OCTETS) throw new Error(`sasl/plain: ${name} longer than 255 octets`);
}

/** Build the message (text; `payload.ts` base64-encodes it). Throws `sasl/plain: …` on misuse. */
export function encodePlainMessage(m: PlainMessage): string {
  if (m.authzid !== undefined) checkField('authzid', m.authzid);
  checkField('authcid', m.authcid);
  checkField('password', m.password);
  return `${m.authzid ?? ''}\u0000${m.authcid}\u0000${m.password}`;
}

/** Client side: PLAIN sends everything in the initial response (RFC 4616 §2; RFC 6120 §6.4.2). */
export function plainClientStart(m: PlainMessage): { initialResponse: string } {
  return { initialResponse: encodePlainMessage(m) };
}

/** Parse a peer's message; anything but two NULs and non-empty authcid and passwd is <malformed-request/>. */
export function decodePlainMessage(
  message: string,
): { type: 'ok'; authzid: string | null; authcid: string; password: string } | SaslFailure {
  const parts = message.split('\u0000');
  if (parts.length !== 3) return saslFailure('malformed-request', 'plain-bad-message');
  const [authzid, authcid, password] = parts as [string, string, string];
  if (authcid === '' || password === '') return saslFailure('malformed-request', 'plain-empty-field');
  if ([authzid, authcid, password].some((f) => utf8(f).length > MAX_OCTETS)) return saslFailure('malformed-request', 'plain-field-too-long');
  return { type: 'ok', authzid: authzid === '' ? null : authzid, authcid, password };
}

/**
 * Server side: decode, look the account up by SASLprep'd authcid, verify the password against the
 * stored SCRAM record (`verifyPassword`). Unknown user and wrong password are both <not-authorized/>.
 * The authzid is returned for the XMPP layer to authorize (<invalid-authzid/>).
 */
export function plainServerVerify(
  lookup: (username: string) => AccountCredentials | null,
  message: string,
): { type: 'ok'; username: string; authzid: string | null } | SaslFailure {
  const m = decodePlainMessage(message);
  if (m.type === 'failure') return m;
  const user = saslprepResult(m.authcid);
  if (user.type === 'error') return saslFailure('not-authorized', 'unknown-user');
  const account = lookup(user.value);
  if (account === null) return saslFailure('not-authorized', 'unknown-user');
  if (!verifyPassword(account, m.password)) return saslFailure('not-authorized', 'wrong-password');
  return { type: 'ok', username: account.username, authzid: m.authzid };
}
