/**
 * A STUN Binding server, RFC 8489 §6.3 ("Receiving a STUN Message") and §6.3.1 (requests): for a
 * Binding request it answers with the source transport address it saw (XOR-MAPPED-ADDRESS; for an
 * RFC 3489 client MAPPED-ADDRESS, §12). Sans-I/O and stateless (§6.3.1: "the server ... does not
 * retain state"): a datagram and its source in, a reply (or none) and what happened out.
 * @module
 */
import { ATTR, decodeText, isComprehensionRequired, type TransportAddress } from './attributes';
import { bindingSuccess, errorResponse } from './binding';
import { checkFingerprint, checkIntegrity, encodeSigned, shortTermKey } from './integrity';
import { decodeMessage, findAttribute, METHOD_BINDING } from './message';

export interface ServerOptions {
  readonly software?: string;
  /**
   * Short-term credentials (§9.1), username → password: when given, every request must carry
   * USERNAME and MESSAGE-INTEGRITY(-SHA256), as ICE's connectivity checks do; without, anyone may ask.
   */
  readonly users?: Readonly<Record<string, string>>;
}

/** Attribute types this server understands in a Binding request (RFC 3489's CHANGE-REQUEST too, see below). */
const KNOWN = new Set<number>([ATTR.USERNAME, ATTR.MESSAGE_INTEGRITY, ATTR.MESSAGE_INTEGRITY_SHA256, ATTR.FINGERPRINT]);
/** RFC 3489 §11.2.4 CHANGE-REQUEST: a classic client sends it with no flags set on its first test. */
const CHANGE_REQUEST = 0x0003;

export type ServerEvent =
  | { readonly type: 'answered'; readonly mapped: TransportAddress; readonly classic: boolean }
  | { readonly type: 'rejected'; readonly code: number; readonly reason: string }
  | { readonly type: 'dropped'; readonly reason: string };

export interface ServerResult {
  readonly reply: Uint8Array | null;
  readonly event: ServerEvent;
}

export function handleDatagram(bytes: Uint8Array, source: TransportAddress, options: ServerOptions = {}): ServerResult {
  const drop = (reason: string): ServerResult => ({ reply: null, event: { type: 'dropped', reason } });
  const d = decodeMessage(bytes);
  // §6.3: a message that fails these checks "is discarded" — no reply, it may not even be STUN.
  if (!d.ok) return drop(d.error);
  const req = d.message;
  if (checkFingerprint(req) === 'invalid') return drop('FINGERPRINT does not match');
  // §6.3.2: indications get no response; §6.3.3: a response we never asked for is discarded.
  if (req.cls !== 'request') return drop(`a ${req.cls}, not a request`);
  // A reply carries FINGERPRINT when the request did: the sender multiplexes STUN with other traffic.
  const sign = (m: Parameters<typeof encodeSigned>[0]): Uint8Array =>
    encodeSigned(m, { fingerprint: !req.classic && findAttribute(req, ATTR.FINGERPRINT) !== undefined });
  const reject = (code: number, reason: string, unknown: number[] = []): ServerResult => ({
    reply: sign(errorResponse(req, code, reason, unknown, options.software)),
    event: { type: 'rejected', code, reason },
  });
  if (req.method !== METHOD_BINDING) return reject(400, 'Bad Request: only Binding is served here');
  // §6.3.1: "If the request contains one or more unknown comprehension-required attributes, the
  // server replies with an error response with an error code of 420 (Unknown Attribute) and
  // includes an UNKNOWN-ATTRIBUTES attribute in the response that lists the unknown
  // comprehension-required attributes."
  const unknown = req.attributes
    .filter((a) => isComprehensionRequired(a.type) && !KNOWN.has(a.type))
    .filter((a) => !(req.classic && a.type === CHANGE_REQUEST && a.value.every((b) => b === 0)))
    .map((a) => a.type);
  if (unknown.length) return reject(420, 'Unknown Attribute', unknown);
  let key: Uint8Array | undefined;
  if (options.users) {
    // §9.1.3, in its order. 1. "If the message does not contain 1) a MESSAGE-INTEGRITY or a
    // MESSAGE-INTEGRITY-SHA256 attribute and 2) a USERNAME attribute: ... 400 (Bad Request)."
    const user = findAttribute(req, ATTR.USERNAME);
    const sha256 = findAttribute(req, ATTR.MESSAGE_INTEGRITY_SHA256) !== undefined;
    if (!user || (!sha256 && !findAttribute(req, ATTR.MESSAGE_INTEGRITY))) return reject(400, 'Bad Request: USERNAME and MESSAGE-INTEGRITY required');
    // 2. "If the USERNAME does not contain a username value currently valid within the server: ... 401 (Unauthenticated)."
    const password = Object.hasOwn(options.users, decodeText(user.value)) ? options.users[decodeText(user.value)] : undefined;
    if (password === undefined) return reject(401, 'Unauthenticated: unknown USERNAME');
    // 3./4. MESSAGE-INTEGRITY-SHA256 if present, else MESSAGE-INTEGRITY; a mismatch is 401 too.
    key = shortTermKey(password);
    if (checkIntegrity(req, key, sha256 ? 'sha256' : 'sha1') !== 'valid') return reject(401, 'Unauthenticated: MESSAGE-INTEGRITY does not match');
  }
  // §9.1.4: a success response to an authenticated request carries MESSAGE-INTEGRITY with the same key.
  const reply = encodeSigned(bindingSuccess(req, source, options.software), {
    fingerprint: !req.classic && findAttribute(req, ATTR.FINGERPRINT) !== undefined,
    ...(key ? { integrityKey: key } : {}),
  });
  return { reply, event: { type: 'answered', mapped: source, classic: req.classic === true } };
}
