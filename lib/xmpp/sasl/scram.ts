/**
 * SCRAM-SHA-1 (RFC 5802) and SCRAM-SHA-256 (RFC 7677) as plain-data state machines, client and
 * server side, with channel binding for SCRAM-SHA-256-PLUS (RFC 5802 §6, type `tls-exporter` of
 * RFC 9266: the TLS exporter's 32 bytes, which differ on every TLS connection — a man in the middle
 * who holds two connections cannot make them agree). Messages are the decoded UTF-8 strings of
 * RFC 5802 §7; base64 for the XMPP elements is `payload.ts`. Nonces, salts and the binding data are
 * injected by the caller.
 *
 *   client                                   server
 *   scramClientStart ── client-first ──────▶ scramServerStart
 *   scramClientFinal ◀── server-first ─────┘
 *                    ── client-final ──────▶ scramServerFinal
 *   scramClientVerify ◀─ server-final (v= or e=)
 *
 * Messages follow the ABNF of RFC 5802 §7 strictly: attributes in their fixed order, case-sensitive
 * names, `m=` refused (§5.1), a known attribute name in an extension slot refused; well-formed
 * extensions where the ABNF allows them (`["," extensions]`) are accepted and ignored.
 * @module
 */
import { fromBase64, toBase64 } from '../../bytes/base64';
import { concat, fromHex, toHex, utf8 } from '../../bytes/hex';
import { saslprepResult } from '../../crypto/saslprep';
import {
  H, HMAC, clientKey, clientProof, clientSignature, hashLength, recoverClientKey, saltedPassword, serverKey,
  serverSignature, storedKey, timingSafeEqual, type ScramHash,
} from '../../crypto/scram';
import type { ScramStoredCredentials } from './credentials';
import { saslFailure, type SaslFailure, type SaslFailureCondition } from './failure';

/** The one channel-binding type this engine speaks (RFC 9266 §2). */
const CHANNEL_BINDING_TYPE = 'tls-exporter';

/**
 * The client's side of channel binding (RFC 5802 §6, the gs2-cbind-flag): bind to this connection
 * (`p`, with the binding data), or say that it could but the server offered no -PLUS (`y`). Absent: `n`.
 */
export type ClientChannelBinding = { flag: 'p'; data: Uint8Array } | { flag: 'y' };

/** RFC 5802 §7 server-error-value (without the open-ended server-error-value-ext). */
export type ScramServerError =
  | 'invalid-encoding' | 'extensions-not-supported' | 'invalid-proof' | 'channel-bindings-dont-match'
  | 'server-does-support-channel-binding' | 'channel-binding-not-supported' | 'unsupported-channel-binding-type'
  | 'unknown-user' | 'invalid-username-encoding' | 'no-resources' | 'other-error';

/** How a server-error-value maps onto the RFC 6120 §6.5 condition the XMPP layer reports. */
const SCRAM_ERROR_CONDITION: Readonly<Record<ScramServerError, SaslFailureCondition>> = {
  'invalid-encoding': 'incorrect-encoding',
  'extensions-not-supported': 'malformed-request',
  'invalid-proof': 'not-authorized',
  'channel-bindings-dont-match': 'not-authorized',
  'server-does-support-channel-binding': 'not-authorized',
  'channel-binding-not-supported': 'malformed-request',
  'unsupported-channel-binding-type': 'malformed-request',
  'unknown-user': 'not-authorized',
  'invalid-username-encoding': 'malformed-request',
  'no-resources': 'temporary-auth-failure',
  'other-error': 'not-authorized',
};

// ---------------------------------------------------------------------------------------------
// RFC 5802 §7 grammar helpers

interface Attr { name: string; value: string }

/** Attribute names RFC 5802 §5.1 defines; none of them may appear in an extension slot. */
const RESERVED = new Set(['a', 'n', 'm', 'r', 'c', 's', 'i', 'p', 'v', 'e']);

/** `attr-val *("," attr-val)`, attr-val = ALPHA "=" value, value = 1*value-char (no NUL, no ","). */
function parseAttributes(msg: string): Attr[] | null {
  if (msg.includes('\u0000')) return null;
  const out: Attr[] = [];
  for (const part of msg.split(',')) {
    const m = /^([A-Za-z])=(.+)$/su.exec(part);
    if (m === null) return null;
    out.push({ name: m[1]!, value: m[2]! });
  }
  return out;
}

/** Exactly `names` in order, then only extensions with unreserved names (§7 "extensions"). */
function hasShape(attrs: readonly Attr[], names: readonly string[]): boolean {
  if (attrs.length < names.length) return false;
  return attrs.every((a, i) => (i < names.length ? a.name === names[i] : !RESERVED.has(a.name)));
}

/** §7 printable = %x21-2B / %x2D-7E: printable ASCII except ",". */
const PRINTABLE = /^[\x21-\x2b\x2d-\x7e]+$/;
/** §7 posit-number = %x31-39 *DIGIT. */
const POSIT_NUMBER = /^[1-9][0-9]*$/;

/** RFC 5802 §5.1 saslname: "," → "=2C", "=" → "=3D". */
export function escapeSaslname(name: string): string {
  return name.replace(/=/g, '=3D').replace(/,/g, '=2C');
}

/** Inverse of `escapeSaslname`; null if "=" is followed by anything but "2C" or "3D" (§5.1 MUST fail). */
export function unescapeSaslname(saslname: string): string | null {
  if (/=(?!2C|3D)/.test(saslname)) return null;
  return saslname.replace(/=2C/g, ',').replace(/=3D/g, '=');
}

function decodeB64(value: string): Uint8Array | null {
  try {
    return fromBase64(value);
  } catch {
    return null;
  }
}

function nonceText(nonce: Uint8Array | string, who: string): string {
  if (typeof nonce !== 'string') {
    if (nonce.length === 0) throw new Error(`sasl/scram: empty ${who} nonce`);
    return toBase64(nonce);
  }
  if (!PRINTABLE.test(nonce)) throw new Error(`sasl/scram: ${who} nonce must be printable ASCII without ","`);
  return nonce;
}

// ---------------------------------------------------------------------------------------------
// Client

/** Every value of RFC 5802 §3 the client computed, hex (authMessage as text): for the Keys tab and a key thief. */
export interface ScramClientKeys {
  salt: string;
  iterations: number;
  saltedPassword: string;
  clientKey: string;
  storedKey: string;
  serverKey: string;
  authMessage: string;
  clientSignature: string;
  clientProof: string;
  /** The ServerSignature the client expects in `v=` (mutual authentication). */
  serverSignature: string;
}

export interface ScramClientState {
  type: 'scram-client';
  step: 'awaiting-server-first' | 'awaiting-server-final' | 'done';
  hash: ScramHash;
  /** gs2-header (RFC 5802 §7): "n,,", "y,,", "p=tls-exporter,," — each with "a=authzid" between the commas when asked for. */
  gs2Header: string;
  /** The channel-binding data (hex) that `c=` carries after the gs2-header; empty without `p`. */
  cbindData: string;
  clientNonce: string;
  clientFirstMessageBare: string;
  minIterations: number;
  maxIterations: number;
  /** Held only until the server-first-message arrives (SaltedPassword needs the salt). */
  password?: string;
  /** From the server-first-message on. */
  keys?: ScramClientKeys;
}

export interface ScramClientStartInput {
  username: string;
  password: string;
  hash: ScramHash;
  /** c-nonce: bytes from the caller's RNG (sent as base64), or a printable string as in the RFC examples. */
  nonce: Uint8Array | string;
  /** Authorization identity (`a=` in the gs2-header), e.g. a bare JID; absent = same as authenticated. */
  authzid?: string;
  /** Refuse a server-first-message with a smaller i (default 4096: RFC 7677 §4 "at least 4096"). */
  minIterations?: number;
  /** Refuse a larger i, which would freeze the browser (default 1 000 000). */
  maxIterations?: number;
  /** Channel binding (RFC 5802 §6): `p` for SCRAM-…-PLUS, `y` when the client could bind but the server offered no -PLUS. */
  channelBinding?: ClientChannelBinding;
}

/** RFC 5802 §5 step 1: client-first-message = gs2-header client-first-message-bare. */
export function scramClientStart(input: ScramClientStartInput): { state: ScramClientState; clientFirstMessage: string } {
  // RFC 5802 §5.1 "n=": the client SHOULD prepare the username using SASLprep.
  const user = saslprepResult(input.username);
  if (user.type === 'error' || user.value === '') throw new Error('sasl/scram: username empty or fails SASLprep');
  const pw = saslprepResult(input.password);
  if (pw.type === 'error' || pw.value === '') throw new Error('sasl/scram: password empty or fails SASLprep');
  if (input.authzid === '') throw new Error('sasl/scram: empty authzid');
  if (input.authzid?.includes('\u0000')) throw new Error('sasl/scram: NUL in authzid');
  const clientNonce = nonceText(input.nonce, 'client');
  const cb = input.channelBinding;
  const flag = cb === undefined ? 'n' : cb.flag === 'p' ? `p=${CHANNEL_BINDING_TYPE}` : 'y';
  const gs2Header = flag + ',' + (input.authzid === undefined ? '' : 'a=' + escapeSaslname(input.authzid)) + ',';
  const clientFirstMessageBare = `n=${escapeSaslname(user.value)},r=${clientNonce}`;
  const state: ScramClientState = {
    type: 'scram-client', step: 'awaiting-server-first', hash: input.hash, gs2Header, cbindData: cb?.flag === 'p' ? toHex(cb.data) : '', clientNonce, clientFirstMessageBare,
    minIterations: input.minIterations ?? 4096, maxIterations: input.maxIterations ?? 1_000_000, password: input.password,
  };
  return { state, clientFirstMessage: gs2Header + clientFirstMessageBare };
}

/** What `c=` carries (RFC 5802 §7 cbind-input): the gs2-header's bytes, then the binding data (RFC 9266: the exporter's 32 bytes). */
function cbindInput(gs2Header: string, cbindData: string): Uint8Array {
  return cbindData === '' ? utf8(gs2Header) : concat(utf8(gs2Header), fromHex(cbindData));
}

function serverErrorFailure(value: string): SaslFailure {
  // RFC 5802 §7: "Unrecognized errors should be treated as other-error".
  const e = (value in SCRAM_ERROR_CONDITION ? value : 'other-error') as ScramServerError;
  return saslFailure(SCRAM_ERROR_CONDITION[e], 'server-error', { serverError: e });
}

/**
 * RFC 5802 §5 step 3: read the server-first-message (r, s, i), compute ClientProof (§3), answer with
 * client-final-message = client-final-message-without-proof "," proof. A failure means: send <abort/>.
 */
export function scramClientFinal(
  state: ScramClientState, serverFirstMessage: string,
): { type: 'ok'; state: ScramClientState; clientFinalMessage: string } | SaslFailure {
  if (state.step !== 'awaiting-server-first' || state.password === undefined) throw new Error('sasl/scram: scramClientFinal called in step ' + state.step);
  const attrs = parseAttributes(serverFirstMessage);
  if (attrs === null) return saslFailure('malformed-request', 'bad-server-first');
  if (attrs[0]!.name === 'e') return serverErrorFailure(attrs[0]!.value);
  // §5.1 "m": its presence MUST cause authentication failure.
  if (attrs[0]!.name === 'm') return saslFailure('malformed-request', 'mandatory-extension');
  if (!hasShape(attrs, ['r', 's', 'i'])) return saslFailure('malformed-request', 'bad-server-first');
  const [r, s, i] = [attrs[0]!.value, attrs[1]!.value, attrs[2]!.value];
  if (!PRINTABLE.test(r)) return saslFailure('malformed-request', 'bad-server-first');
  // §5.1 "r": the server appends its nonce to ours. We also insist that it did append something.
  if (!r.startsWith(state.clientNonce) || r.length === state.clientNonce.length) return saslFailure('malformed-request', 'nonce-mismatch');
  const salt = decodeB64(s);
  if (salt === null || salt.length === 0) return saslFailure('incorrect-encoding', 'bad-salt');
  if (!POSIT_NUMBER.test(i)) return saslFailure('malformed-request', 'bad-iteration-count');
  const iterations = Number(i);
  if (iterations > state.maxIterations) return saslFailure('malformed-request', 'iteration-count-too-high');
  if (iterations < state.minIterations) return saslFailure('mechanism-too-weak', 'iteration-count-too-low');

  const h = state.hash;
  // §7 channel-binding = "c=" base64(gs2-header [cbind-data]); cbind-data only with "p" (-PLUS).
  const withoutProof = `c=${toBase64(cbindInput(state.gs2Header, state.cbindData))},r=${r}`;
  // §3 AuthMessage := client-first-message-bare + "," + server-first-message + "," + client-final-message-without-proof
  const authMessage = `${state.clientFirstMessageBare},${serverFirstMessage},${withoutProof}`;
  const sp = saltedPassword(state.password, salt, iterations, h);
  const ck = clientKey(sp, h);
  const stk = storedKey(ck, h);
  const cs = clientSignature(stk, authMessage, h);
  const proof = clientProof(ck, cs);
  const sk = serverKey(sp, h);
  const keys: ScramClientKeys = {
    salt: toHex(salt), iterations, saltedPassword: toHex(sp), clientKey: toHex(ck), storedKey: toHex(stk), serverKey: toHex(sk),
    authMessage, clientSignature: toHex(cs), clientProof: toHex(proof), serverSignature: toHex(serverSignature(sk, authMessage, h)),
  };
  const { password: _dropped, ...rest } = state;
  return {
    type: 'ok',
    state: { ...rest, step: 'awaiting-server-final', keys },
    clientFinalMessage: `${withoutProof},p=${toBase64(proof)}`,
  };
}

/**
 * RFC 5802 §5 step 4: check the server-final-message. `v=` must equal our ServerSignature — only a
 * server that knows ServerKey can produce it (mutual authentication); `e=` is the server's refusal.
 */
export function scramClientVerify(state: ScramClientState, serverFinalMessage: string): { type: 'ok'; state: ScramClientState } | SaslFailure {
  if (state.step !== 'awaiting-server-final' || state.keys === undefined) throw new Error('sasl/scram: scramClientVerify called in step ' + state.step);
  const attrs = parseAttributes(serverFinalMessage);
  if (attrs === null) return saslFailure('malformed-request', 'bad-server-final');
  // §7 server-final-message = (server-error / verifier) ["," extensions]
  if (hasShape(attrs, ['e'])) return serverErrorFailure(attrs[0]!.value);
  if (!hasShape(attrs, ['v'])) return saslFailure('malformed-request', 'bad-server-final');
  const v = decodeB64(attrs[0]!.value);
  if (v === null) return saslFailure('incorrect-encoding', 'bad-server-final');
  if (!timingSafeEqual(v, fromHex(state.keys.serverSignature))) return saslFailure('not-authorized', 'server-signature-mismatch');
  return { type: 'ok', state: { ...state, step: 'done' } };
}

// ---------------------------------------------------------------------------------------------
// Server

export interface ScramServerState {
  type: 'scram-server';
  step: 'awaiting-client-final' | 'done';
  hash: ScramHash;
  /** Authentication identity, unescaped and SASLprep'd. */
  username: string;
  /** Requested authorization identity (`a=`), unescaped; the XMPP layer decides (invalid-authzid). */
  authzid: string | null;
  /** The gs2-header exactly as received: `c=` must carry it back (RFC 5802 §5.1 "c"). */
  gs2Header: string;
  /** The binding data (hex) `c=` must carry after it: this server's side of the channel, for -PLUS; else empty. */
  cbindData: string;
  /** c-nonce + s-nonce. */
  nonce: string;
  clientFirstMessageBare: string;
  serverFirstMessage: string;
  /** From the credential record (hex); empty for an unknown user answered with a mock challenge. */
  storedKey: string;
  serverKey: string;
  unknownUser: boolean;
}

export interface ScramServerOptions {
  /** This server offers -PLUS: a client's "y" then means a downgrade (RFC 5802 §6). Default false. */
  channelBindingOffered?: boolean;
  /**
   * The client chose SCRAM-…-PLUS: the binding data of this server's end of the channel (RFC 9266:
   * its TLS exporter), which the client's `c=` must match. Absent: a mechanism without -PLUS.
   */
  channelBinding?: Uint8Array;
  /**
   * Answer an unknown user with a mock challenge instead of failing at once, so that the exchange does
   * not reveal which accounts exist (RFC 5802 §9). The salt is HMAC(mockSecret, username): stable per name.
   */
  unknownUser?: { mockSecret: Uint8Array; iterations: number };
}

/**
 * RFC 5802 §5 step 2: read the client-first-message, look the user up, answer with
 * server-first-message = nonce "," salt "," iteration-count.
 */
export function scramServerStart(
  hash: ScramHash,
  lookup: (username: string) => ScramStoredCredentials | null,
  clientFirstMessage: string,
  serverNonce: Uint8Array | string,
  options: ScramServerOptions = {},
): { type: 'ok'; state: ScramServerState; serverFirstMessage: string } | SaslFailure {
  const sNonce = nonceText(serverNonce, 'server');
  if (clientFirstMessage.includes('\u0000')) return saslFailure('malformed-request', 'bad-client-first');
  // §7 gs2-header = gs2-cbind-flag "," [ authzid ] ","
  const c1 = clientFirstMessage.indexOf(',');
  const c2 = c1 < 0 ? -1 : clientFirstMessage.indexOf(',', c1 + 1);
  if (c2 < 0) return saslFailure('malformed-request', 'bad-gs2-header');
  const flag = clientFirstMessage.slice(0, c1);
  const authzPart = clientFirstMessage.slice(c1 + 1, c2);
  const gs2Header = clientFirstMessage.slice(0, c2 + 1);
  const bare = clientFirstMessage.slice(c2 + 1);
  let cbindData = '';
  if (/^p=[A-Za-z0-9.-]+$/.test(flag)) {
    // §6: "p" asks for channel binding; a mechanism without -PLUS cannot do it.
    if (options.channelBinding === undefined) return saslFailure('malformed-request', 'channel-binding-requested', { serverError: 'channel-binding-not-supported' });
    if (flag !== `p=${CHANNEL_BINDING_TYPE}`) return saslFailure('malformed-request', 'unsupported-channel-binding-type', { serverError: 'unsupported-channel-binding-type' });
    cbindData = toHex(options.channelBinding);
  } else if (flag !== 'n' && flag !== 'y') {
    return saslFailure('malformed-request', 'bad-gs2-header');
  } else if (options.channelBinding !== undefined) {
    // §6: -PLUS was chosen, so the client must bind ("p").
    return saslFailure('malformed-request', 'plus-without-binding', { serverError: 'other-error' });
  }
  // §6: "If the flag is set to "y" and the server supports channel binding, the server MUST fail authentication."
  if (flag === 'y' && options.channelBindingOffered === true) {
    return saslFailure('not-authorized', 'channel-binding-downgrade', { serverError: 'server-does-support-channel-binding' });
  }
  let authzid: string | null = null;
  if (authzPart !== '') {
    if (!authzPart.startsWith('a=') || authzPart.length === 2) return saslFailure('malformed-request', 'bad-gs2-header');
    authzid = unescapeSaslname(authzPart.slice(2));
    if (authzid === null) return saslFailure('malformed-request', 'bad-authzid', { serverError: 'invalid-username-encoding' });
  }

  // §7 client-first-message-bare = [reserved-mext ","] username "," nonce ["," extensions]
  const attrs = parseAttributes(bare);
  if (attrs === null) return saslFailure('malformed-request', 'bad-client-first');
  if (attrs[0]!.name === 'm') return saslFailure('malformed-request', 'mandatory-extension', { serverError: 'extensions-not-supported' });
  if (!hasShape(attrs, ['n', 'r'])) return saslFailure('malformed-request', 'bad-client-first');
  const unescaped = unescapeSaslname(attrs[0]!.value);
  const prepped = unescaped === null ? null : saslprepResult(unescaped);
  if (prepped === null || prepped.type === 'error' || prepped.value === '') {
    return saslFailure('malformed-request', 'bad-username', { serverError: 'invalid-username-encoding' });
  }
  const username = prepped.value;
  const cNonce = attrs[1]!.value;
  if (!PRINTABLE.test(cNonce)) return saslFailure('malformed-request', 'bad-nonce');

  const creds = lookup(username);
  let salt: Uint8Array;
  let iterations: number;
  if (creds !== null) {
    salt = fromHex(creds.salt);
    iterations = creds.iterations;
  } else if (options.unknownUser !== undefined) {
    salt = HMAC(hash, options.unknownUser.mockSecret, utf8('scram-mock-salt:' + username)).slice(0, 16);
    iterations = options.unknownUser.iterations;
  } else {
    return saslFailure('not-authorized', 'unknown-user', { serverError: 'unknown-user' });
  }
  const nonce = cNonce + sNonce;
  const serverFirstMessage = `r=${nonce},s=${toBase64(salt)},i=${iterations}`;
  const state: ScramServerState = {
    type: 'scram-server', step: 'awaiting-client-final', hash, username, authzid, gs2Header, cbindData, nonce,
    clientFirstMessageBare: bare, serverFirstMessage,
    storedKey: creds?.storedKey ?? '', serverKey: creds?.serverKey ?? '', unknownUser: creds === null,
  };
  return { type: 'ok', state, serverFirstMessage };
}

/**
 * RFC 5802 §5 step 4 (server): check c= (the gs2-header comes back unchanged), r= (our nonce), and
 * the proof: ClientKey := ClientProof XOR HMAC(StoredKey, AuthMessage), then H(ClientKey) = StoredKey.
 * Success: server-final-message "v=" ServerSignature. Failure: "e=" server-error-value, returned in
 * `serverFinalMessage` beside the XMPP condition.
 */
export function scramServerFinal(
  state: ScramServerState, clientFinalMessage: string,
): { type: 'ok'; state: ScramServerState; serverFinalMessage: string; username: string; authzid: string | null } | SaslFailure {
  if (state.step !== 'awaiting-client-final') throw new Error('sasl/scram: scramServerFinal called in step ' + state.step);
  const fail = (condition: SaslFailureCondition, serverError: ScramServerError, reason: string): SaslFailure =>
    saslFailure(condition, reason, { serverError, serverFinalMessage: 'e=' + serverError });

  // §7 client-final-message = channel-binding "," nonce ["," extensions] "," proof
  const attrs = parseAttributes(clientFinalMessage);
  if (attrs === null || attrs.length < 3) return fail('malformed-request', 'other-error', 'bad-client-final');
  const last = attrs[attrs.length - 1]!;
  if (last.name !== 'p' || !hasShape(attrs.slice(0, -1), ['c', 'r'])) return fail('malformed-request', 'other-error', 'bad-client-final');
  const withoutProof = clientFinalMessage.slice(0, clientFinalMessage.lastIndexOf(',p='));

  // §5.1 "c": base64 of the gs2-header and, with -PLUS, the binding data — detects a changed flag or
  // authzid, and (RFC 9266) a client whose TLS connection is not ours: a man in the middle's.
  const cbind = decodeB64(attrs[0]!.value);
  if (cbind === null) return fail('incorrect-encoding', 'invalid-encoding', 'bad-channel-binding');
  if (!timingSafeEqual(cbind, cbindInput(state.gs2Header, state.cbindData))) return fail('not-authorized', 'channel-bindings-dont-match', 'channel-binding-mismatch');
  // §5.1 "r": it MUST be the nonce of the server-first-message.
  if (attrs[1]!.value !== state.nonce) return fail('not-authorized', 'other-error', 'nonce-mismatch');
  const proof = decodeB64(last.value);
  if (proof === null) return fail('incorrect-encoding', 'invalid-encoding', 'bad-proof');
  if (proof.length !== hashLength(state.hash) || state.unknownUser) return fail('not-authorized', 'invalid-proof', 'invalid-proof');

  const h = state.hash;
  const authMessage = `${state.clientFirstMessageBare},${state.serverFirstMessage},${withoutProof}`;
  const stk = fromHex(state.storedKey);
  const ck = recoverClientKey(proof, clientSignature(stk, authMessage, h));
  if (!timingSafeEqual(H(h, ck), stk)) return fail('not-authorized', 'invalid-proof', 'invalid-proof');
  return {
    type: 'ok',
    state: { ...state, step: 'done' },
    serverFinalMessage: 'v=' + toBase64(serverSignature(fromHex(state.serverKey), authMessage, h)),
    username: state.username,
    authzid: state.authzid,
  };
}
