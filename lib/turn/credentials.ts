/**
 * The long-term credential mechanism, RFC 8489 §9.2, as a TURN client uses it: the server answers a
 * request without credentials with 401 and a REALM and a NONCE (§9.2.4); the client retries with
 * USERNAME, REALM, NONCE and MESSAGE-INTEGRITY keyed with MD5(username ":" realm ":" password)
 * (§9.2.2); a 438 (Stale Nonce) carries the NONCE to use instead (§9.2.5).
 * @module
 */
import { ATTR, decodeText, textValue } from '../stun/attributes';
import { encodeSigned, longTermKey } from '../stun/integrity';
import { findAttribute, type DecodedMessage, type StunMessage } from '../stun/message';

export interface Credentials {
  readonly username: string;
  readonly realm: string;
  readonly nonce: string;
  /** §9.2.2: MD5(username ":" OpaqueString(realm) ":" OpaqueString(password)), 16 bytes. */
  readonly key: Uint8Array;
}

export const credentialsFor = (username: string, password: string, realm: string, nonce: string): Credentials => ({
  username,
  realm,
  nonce,
  key: longTermKey(username, realm, password),
});

/**
 * §9.2.4 ("Forming a Request"): "The request MUST contain USERNAME, REALM, NONCE and
 * MESSAGE-INTEGRITY". In RFC 5769 §2.4's order (USERNAME, NONCE, REALM), so that vector rebuilds.
 */
export function withCredentials(msg: StunMessage, c: Credentials): Uint8Array {
  const attributes = [
    ...msg.attributes,
    { type: ATTR.USERNAME, value: textValue(c.username) },
    { type: ATTR.NONCE, value: textValue(c.nonce) },
    { type: ATTR.REALM, value: textValue(c.realm) },
  ];
  return encodeSigned({ ...msg, attributes }, { integrityKey: c.key });
}

/** The REALM and NONCE of a 401 or 438 response, or null when either is missing. */
export function challengeOf(m: DecodedMessage): { realm: string | null; nonce: string } | null {
  const nonce = findAttribute(m, ATTR.NONCE);
  if (!nonce) return null;
  const realm = findAttribute(m, ATTR.REALM);
  return { realm: realm ? decodeText(realm.value) : null, nonce: decodeText(nonce.value) };
}
