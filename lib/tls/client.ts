/**
 * The TLS 1.3 client (RFC 8446 §2 "Protocol Overview", §4 handshake, Appendix A.1 state machine),
 * sans-I/O: `startClient` returns the ClientHello record; `receiveClient(state, bytes)` returns the
 * next state, the records to send and the events; `sendClient` and `closeClient` for application
 * data and close_notify. A full handshake with X25519 and TLS_AES_128_GCM_SHA256 (after a
 * HelloRetryRequest if the server wants a cookie, §4.1.4; with an empty Certificate if it asks for
 * ours, §4.4.2.4); the server is authenticated by the key its certificate carries (checked by the
 * caller's hook or pinned in the config — X.509 is not parsed here).
 *
 *        ClientHello + key_share + signature_algorithms + supported_versions  -------->
 *                                                   ServerHello + key_share
 *                                                     {EncryptedExtensions}
 *                                                             {Certificate}
 *                                                       {CertificateVerify}
 *                                                 <--------      {Finished}
 *        {Finished}                                -------->
 *        [Application Data]                        <------->  [Application Data]
 * @module
 */
import { fail, type AlertName } from './alert';
import { signedContent, verify } from './certificate-verify';
import { encodeRecord } from './record';
import {
  ContentType,
  ExtensionType,
  HELLO_RETRY_REQUEST_RANDOM,
  SignatureScheme,
  TLS10,
  TLS12,
  TLS13,
  TLS_AES_128_GCM_SHA256,
  X25519,
} from './constants';
import {
  cookie,
  findExtension,
  keyShareClient,
  readCookie,
  readKeyShareHelloRetry,
  readKeyShareServer,
  readSupportedVersionsServer,
  serverName,
  signatureAlgorithms,
  supportedGroups,
  supportedVersionsClient,
  type Extension,
} from './extensions';
import { decodeHandshake, encodeHandshake, type ClientHello, type HandshakeMessage, type ServerHello } from './handshake-codec';
import { applicationSecrets, handshakeSecrets, messageHash, resumptionMasterSecret, transcriptHash } from './key-schedule';
import { equalBytes, verifyData } from './finished';
import { closeConnection, fatal, flush, go, newCore, receiveRecords, sendApplicationData, setReadSecret, setWriteSecret } from './connection';
import { clientTransitions, type ClientPhase } from './table';
import type { Core, Step } from './state';
import { toHex } from '../bytes/hex';
import { x25519Public, x25519Shared } from './key-share';
import { onKeyUpdate } from './key-update';

/** The server's leaf key, as the certificate check found it (item 2 parses X.509; here it is given). */
export interface LeafKey {
  scheme: number;
  publicKey: Uint8Array;
}
/**
 * 'skip-rsa-signature' accepts an RSA CertificateVerify without checking it — only for replaying a
 * trace such as RFC 8448's, whose server signs with rsa_pss_rsae_sha256, which we do not implement.
 */
export type ServerKey = LeafKey | 'skip-rsa-signature';

export type CertificateCheck = { ok: true; key: ServerKey } | { ok: false; alert: AlertName; reason: string };
/** The caller's certificate check: chain (DER, leaf first) and the name we asked for → the leaf key or an alert. */
export type CheckCertificate = (chain: readonly Uint8Array[], serverName: string | null) => CertificateCheck;

export interface ClientConfig {
  /** RFC 6066 server_name; also what the certificate check is asked to match */
  serverName?: string;
  /** the key we expect the server to sign with, when no `checkCertificate` hook is passed */
  serverKey?: ServerKey;
  /** offered cipher suites, in preference order; we only complete TLS_AES_128_GCM_SHA256 (default [0x1301]) */
  cipherSuites?: number[];
  /** offered groups (supported_groups); we only send an X25519 key share (default [x25519]) */
  supportedGroups?: number[];
  /** offered signature schemes (default [ecdsa_secp256r1_sha256, ed25519]) */
  signatureAlgorithms?: number[];
  /** extensions sent as given and not acted on (to reproduce another client's hello, e.g. RFC 8448's) */
  extraExtensions?: Extension[];
  /** extension types in the order to send them; types not listed follow in our order */
  extensionOrder?: number[];
  /** Appendix D.4 middlebox compatibility mode: a session id, and a change_cipher_spec before our second flight (as OpenSSL does) */
  compatibilityMode?: boolean;
}

export interface ClientState extends Core<ClientPhase> {
  role: 'client';
  config: ClientConfig;
  random: Uint8Array;
  /** the X25519 private key of our key share */
  keyShareSecret: Uint8Array;
  sessionId: Uint8Array;
  /** extension types we sent: the server may answer only these (§4.2) */
  offeredExtensions: number[];
  serverKey: ServerKey | null;
  signatureScheme: number | null;
  /** the server asked for a client certificate (§4.3.2); we answer with none, echoing this context */
  certificateRequestContext: Uint8Array | null;
  /** our ClientHello as sent (the second one after a HelloRetryRequest) */
  hello: ClientHello;
  /** the cipher suite of the HelloRetryRequest we answered, or null if none came (§4.1.4) */
  retriedSuite: number | null;
}

export interface ClientHooks {
  checkCertificate?: CheckCertificate;
}

const RSA_SCHEMES = [0x0401, 0x0501, 0x0601, 0x0804, 0x0805, 0x0806, 0x0809, 0x080a, 0x080b];
const DEFAULT_SCHEMES = [SignatureScheme.ecdsa_secp256r1_sha256, SignatureScheme.ed25519];

/**
 * §4.1.2: builds and sends the ClientHello. `randomBytes` is drawn in this order: the 32-octet
 * ClientHello.random, the 32-octet X25519 private key, and in compatibility mode a 32-octet
 * legacy_session_id.
 */
export function startClient(config: ClientConfig, randomBytes: (n: number) => Uint8Array): Step<ClientState> {
  const random = randomBytes(32);
  const keyShareSecret = randomBytes(32);
  // Appendix D.4: "In compatibility mode, the client … sets legacy_session_id to a … non-empty value".
  const sessionId = config.compatibilityMode ? randomBytes(32) : new Uint8Array(0);
  const ours: Extension[] = [
    ...(config.serverName !== undefined ? [serverName(config.serverName)] : []),
    supportedGroups(config.supportedGroups ?? [X25519]),
    keyShareClient([{ group: X25519, keyExchange: x25519Public(keyShareSecret) }]),
    supportedVersionsClient([TLS13]),
    signatureAlgorithms(config.signatureAlgorithms ?? DEFAULT_SCHEMES),
    ...(config.extraExtensions ?? []),
  ];
  const order = config.extensionOrder ?? [];
  const rank = (t: number) => (order.includes(t) ? order.indexOf(t) : order.length);
  const extensions = ours.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e.type) - rank(b.e.type) || a.i - b.i).map((x) => x.e);
  const hello: ClientHello = {
    type: 'client_hello',
    legacyVersion: TLS12, // §4.1.2 "legacy_version … MUST be set to 0x0303"
    random,
    legacySessionId: sessionId,
    cipherSuites: config.cipherSuites ?? [TLS_AES_128_GCM_SHA256],
    legacyCompressionMethods: Uint8Array.of(0), // "MUST contain exactly one byte, set to zero"
    extensions,
  };
  const bytes = encodeHandshake(hello);
  const state: ClientState = {
    ...newCore<ClientPhase>('start'),
    role: 'client',
    config,
    random,
    keyShareSecret,
    sessionId: hello.legacySessionId,
    offeredExtensions: extensions.map((e) => e.type),
    serverKey: null,
    signatureScheme: null,
    certificateRequestContext: null,
    hello,
    retriedSuite: null,
    transcript: [bytes],
    pending: [bytes],
    secrets: { clientRandom: random },
  };
  const step: Step<ClientState> = { state, out: [], events: [{ type: 'handshake', direction: 'sent', message: hello, bytes }] };
  // §5.1: legacy_record_version "MAY be 0x0301 … for an initial ClientHello" (RFC 8448 does so).
  flush(step, TLS10);
  go(step, clientTransitions, 'send-client-hello');
  return step;
}

export function receiveClient(state: ClientState, bytes: Uint8Array, hooks: ClientHooks = {}): Step<ClientState> {
  return receiveRecords(state, bytes, (step, m) => onMessage(step, m, hooks), (s) => s.phase !== 'connected', clientTransitions);
}

export const sendClient = (state: ClientState, data: Uint8Array, padding = 0): Step<ClientState> => sendApplicationData(state, data, padding);
export const closeClient = (state: ClientState): Step<ClientState> => closeConnection(state, clientTransitions);

type S = Step<ClientState>;

function onMessage(step: S, bytes: Uint8Array, hooks: ClientHooks): void {
  const decoded = decodeHandshake(bytes);
  // §6.2 decode_error: "A message could not be decoded because some field was out of the specified range or the length of the message was incorrect."
  if (!decoded.ok) return fatal(step, fail('decode_error', decoded.reason));
  const m = decoded.value;
  step.events.push({ type: 'handshake', direction: 'received', message: m, bytes });
  if (step.state.phase === 'wait-cert-cr' && m.type === 'certificate_request') return onCertificateRequest(step, m, bytes);
  const expect = expected[step.state.phase];
  if (!expect || m.type !== expect) {
    if (step.state.phase === 'connected' && m.type === 'new_session_ticket') return; // §4.6.1; we never resume, so we keep none
    if (m.type === 'key_update') return onKeyUpdate(step, m);
    // §6.2 unexpected_message: "An inappropriate message (e.g., the wrong handshake message …) was received."
    return fatal(step, fail('unexpected_message', `${m.type} in phase ${step.state.phase}`));
  }
  handlers[m.type as keyof typeof handlers](step, m as never, bytes, hooks);
}

const expected: Partial<Record<ClientPhase, HandshakeMessage['type']>> = {
  'wait-sh': 'server_hello',
  'wait-ee': 'encrypted_extensions',
  'wait-cert-cr': 'certificate',
  'wait-cert': 'certificate',
  'wait-cv': 'certificate_verify',
  'wait-finished': 'finished',
};

const push = (step: S, bytes: Uint8Array) => {
  step.state = { ...step.state, transcript: [...step.state.transcript, bytes] };
};

type Handler<T extends HandshakeMessage['type']> = (step: S, m: Extract<HandshakeMessage, { type: T }>, bytes: Uint8Array, hooks: ClientHooks) => void;

const onServerHello: Handler<'server_hello'> = (step, sh, bytes) => {
  // §4.1.3: a ServerHello whose random is the special value is a HelloRetryRequest.
  if (toHex(sh.random) === HELLO_RETRY_REQUEST_RANDOM) return onHelloRetryRequest(step, sh, bytes);
  // §4.1.4: "clients MUST check that the cipher suite supplied in the ServerHello is the same as that in the HelloRetryRequest"
  if (step.state.retriedSuite !== null && sh.cipherSuite !== step.state.retriedSuite)
    return fatal(step, fail('illegal_parameter', 'cipher suite differs from the HelloRetryRequest'));
  // §4.2.1: "If the "supported_versions" extension in the ServerHello contains a version not offered by the client or contains a version prior to TLS 1.3, the client MUST abort the handshake with an "illegal_parameter" alert."
  const sv = findExtension(sh.extensions, ExtensionType.supported_versions);
  if (!sv) return fatal(step, fail('protocol_version', 'server chose TLS 1.2 or older (no supported_versions)'));
  const version = tryRead(() => readSupportedVersionsServer(sv));
  if (version === null) return fatal(step, fail('decode_error', 'supported_versions'));
  if (version !== TLS13) return fatal(step, fail('illegal_parameter', `selected_version 0x${version.toString(16)}`));
  // §4.1.3: "A client which receives a legacy_session_id_echo field that does not match what it sent in the ClientHello MUST abort the handshake with an "illegal_parameter" alert."
  if (!equalBytes(sh.legacySessionIdEcho, step.state.sessionId)) return fatal(step, fail('illegal_parameter', 'legacy_session_id_echo'));
  // "A client which receives a cipher suite that was not offered MUST abort the handshake with an "illegal_parameter" alert."
  if (sh.cipherSuite !== TLS_AES_128_GCM_SHA256) return fatal(step, fail('illegal_parameter', `cipher_suite 0x${sh.cipherSuite.toString(16)}`));
  // "legacy_compression_method: A single byte which MUST have the value 0."
  if (sh.legacyCompressionMethod !== 0) return fatal(step, fail('illegal_parameter', 'legacy_compression_method'));
  // §4.1.3: the ServerHello "MUST only include extensions which are required to establish the cryptographic context and negotiate the protocol version".
  for (const e of sh.extensions)
    if (e.type !== ExtensionType.key_share && e.type !== ExtensionType.supported_versions)
      return fatal(step, fail('unsupported_extension', `ServerHello extension ${e.type}`));
  const ks = findExtension(sh.extensions, ExtensionType.key_share);
  if (!ks) return fatal(step, fail('missing_extension', 'key_share'));
  const share = tryRead(() => readKeyShareServer(ks));
  if (!share) return fatal(step, fail('decode_error', 'key_share'));
  // §4.2.8: "the client MUST verify that the selected NamedGroup … was offered … illegal_parameter"
  if (share.group !== X25519) return fatal(step, fail('illegal_parameter', `key share group 0x${share.group.toString(16)}`));
  // §4.2.8.2: "For X25519 and X448, the contents of the public value is the byte string inputs and outputs of the corresponding functions defined in [RFC7748]: 32 bytes for X25519."
  if (share.keyExchange.length !== 32) return fatal(step, fail('illegal_parameter', 'X25519 share is not 32 octets'));
  const shared = x25519Shared(step.state.keyShareSecret, share.keyExchange);
  // §7.4.2: implementations "MUST check whether the computed Diffie-Hellman shared secret is the all-zero value and abort if so"
  if (!shared) return fatal(step, fail('illegal_parameter', 'X25519 shared secret is all zeros'));
  push(step, bytes);
  const hs = handshakeSecrets(shared, step.state.transcript);
  step.state = { ...step.state, secrets: { ...step.state.secrets, sharedSecret: shared, ...hs } };
  setReadSecret(step, hs.serverHandshakeTrafficSecret, 'handshake');
  setWriteSecret(step, hs.clientHandshakeTrafficSecret, 'handshake');
  go(step, clientTransitions, 'server-hello');
};

/**
 * §4.1.4 HelloRetryRequest: the server wants another ClientHello — with a key share for the group it
 * names, and/or echoing its cookie. "If a client receives a second HelloRetryRequest in the same
 * connection …, it MUST abort the handshake with an "unexpected_message" alert." "Clients MUST abort
 * the handshake with an "illegal_parameter" alert if the HelloRetryRequest would not result in any
 * change in the ClientHello." §4.2.8: the selected_group must be in supported_groups and not one we
 * already sent a share for — else illegal_parameter. We compute X25519 only, so a request for any
 * other group ends in handshake_failure. The transcript restarts from message_hash (§4.4.1).
 */
function onHelloRetryRequest(step: S, hrr: ServerHello, bytes: Uint8Array): void {
  if (step.state.retriedSuite !== null) return fatal(step, fail('unexpected_message', 'a second HelloRetryRequest'));
  const sv = findExtension(hrr.extensions, ExtensionType.supported_versions);
  const version = sv ? tryRead(() => readSupportedVersionsServer(sv)) : null;
  if (version !== TLS13) return fatal(step, fail('illegal_parameter', 'HelloRetryRequest without TLS 1.3 in supported_versions'));
  if (!equalBytes(hrr.legacySessionIdEcho, step.state.sessionId)) return fatal(step, fail('illegal_parameter', 'legacy_session_id_echo'));
  if (hrr.cipherSuite !== TLS_AES_128_GCM_SHA256) return fatal(step, fail('illegal_parameter', `cipher_suite 0x${hrr.cipherSuite.toString(16)}`));
  for (const e of hrr.extensions)
    if (e.type !== ExtensionType.supported_versions && e.type !== ExtensionType.key_share && e.type !== ExtensionType.cookie)
      return fatal(step, fail('unsupported_extension', `HelloRetryRequest extension ${e.type}`));
  const ks = findExtension(hrr.extensions, ExtensionType.key_share);
  const ck = findExtension(hrr.extensions, ExtensionType.cookie);
  const group = ks ? tryRead(() => readKeyShareHelloRetry(ks)) : null;
  const cookieValue = ck ? tryRead(() => readCookie(ck)) : null;
  if ((ks && group === null) || (ck && cookieValue === null)) return fatal(step, fail('decode_error', 'HelloRetryRequest extensions'));
  if (group === null && cookieValue === null) return fatal(step, fail('illegal_parameter', 'HelloRetryRequest that changes nothing'));
  if (group !== null) {
    const offered = step.state.config.supportedGroups ?? [X25519];
    if (group === X25519 || !offered.includes(group)) return fatal(step, fail('illegal_parameter', `selected_group 0x${group.toString(16)}`));
    return fatal(step, fail('handshake_failure', `selected_group 0x${group.toString(16)}: only X25519 is implemented`));
  }
  // ClientHello2: the same, plus the cookie (§4.2.2: "When sending the new ClientHello, the client MUST copy the contents of the extension received in the HelloRetryRequest into a "cookie" extension").
  const first = step.state.hello;
  const hello: ClientHello = { ...first, extensions: [...first.extensions.filter((e) => e.type !== ExtensionType.cookie), cookie(cookieValue!)] };
  const helloBytes = encodeHandshake(hello);
  step.state = {
    ...step.state,
    hello,
    retriedSuite: hrr.cipherSuite,
    offeredExtensions: [...step.state.offeredExtensions, ExtensionType.cookie],
    transcript: [messageHash(step.state.transcript[0]!), bytes, helloBytes],
    pending: [...step.state.pending, helloBytes],
  };
  // Appendix D.4: in compatibility mode the dummy change_cipher_spec goes "immediately before its second flight" — here the second ClientHello.
  if (step.state.config.compatibilityMode) step.out.push(encodeRecord(ContentType.change_cipher_spec, Uint8Array.of(1)));
  step.events.push({ type: 'handshake', direction: 'sent', message: hello, bytes: helloBytes });
  go(step, clientTransitions, 'hello-retry-request');
}

/** Extensions that are never allowed in EncryptedExtensions (§4.2's table: CH, SH, HRR, CT, CR only). */
const NOT_IN_EE: number[] = [ExtensionType.key_share, ExtensionType.supported_versions, ExtensionType.signature_algorithms, ExtensionType.pre_shared_key, ExtensionType.psk_key_exchange_modes, ExtensionType.cookie];

const onEncryptedExtensions: Handler<'encrypted_extensions'> = (step, ee, bytes) => {
  for (const e of ee.extensions) {
    // §4.2: "If an implementation receives an extension which it recognizes and which is not specified for the message in which it appears, it MUST abort the handshake with an "illegal_parameter" alert."
    if (NOT_IN_EE.includes(e.type)) return fatal(step, fail('illegal_parameter', `extension ${e.type} in EncryptedExtensions`));
    // §4.2: "Implementations MUST NOT send extension responses if the remote endpoint did not send the corresponding extension requests … unsupported_extension"
    if (!step.state.offeredExtensions.includes(e.type)) return fatal(step, fail('unsupported_extension', `extension ${e.type} not offered`));
  }
  push(step, bytes);
  go(step, clientTransitions, 'encrypted-extensions');
};

/**
 * §4.3.2 CertificateRequest: "The "signature_algorithms" extension MUST be specified". We hold no
 * client certificate, so §4.4.2.4 applies: "If the server requests client authentication but no
 * suitable certificate is available, the client MUST send a Certificate message containing no
 * certificates" — after the server's Finished, before ours.
 */
function onCertificateRequest(step: S, cr: Extract<HandshakeMessage, { type: 'certificate_request' }>, bytes: Uint8Array): void {
  if (!findExtension(cr.extensions, ExtensionType.signature_algorithms))
    return fatal(step, fail('missing_extension', 'CertificateRequest without signature_algorithms'));
  push(step, bytes);
  step.state = { ...step.state, certificateRequestContext: cr.certificateRequestContext };
  go(step, clientTransitions, 'certificate-request');
}

const onCertificate: Handler<'certificate'> = (step, cert, bytes, hooks) => {
  // §4.4.2: "in the case of server authentication, this field SHALL be zero length"
  if (cert.certificateRequestContext.length !== 0) return fatal(step, fail('illegal_parameter', 'certificate_request_context not empty'));
  // §4.4.2.4: "If the server supplies an empty Certificate message, the client MUST abort the handshake with a "decode_error" alert."
  if (cert.certificateList.length === 0) return fatal(step, fail('decode_error', 'empty Certificate'));
  const chain = cert.certificateList.map((e) => e.certData);
  const check: CertificateCheck = hooks.checkCertificate
    ? hooks.checkCertificate(chain, step.state.config.serverName ?? null)
    : step.state.config.serverKey
      ? { ok: true, key: step.state.config.serverKey }
      : { ok: false, alert: 'certificate_unknown', reason: 'no certificate check and no expected server key configured' };
  if (!check.ok) return fatal(step, fail(check.alert, check.reason));
  push(step, bytes);
  step.state = { ...step.state, serverKey: check.key };
  go(step, clientTransitions, 'certificate');
};

const onCertificateVerify: Handler<'certificate_verify'> = (step, cv, bytes) => {
  const offered = step.state.config.signatureAlgorithms ?? DEFAULT_SCHEMES;
  // §4.4.3: "If the CertificateVerify message is sent by a server, the signature algorithm MUST be one offered in the client's "signature_algorithms" extension"
  if (!offered.includes(cv.algorithm)) return fatal(step, fail('illegal_parameter', `signature scheme 0x${cv.algorithm.toString(16)} not offered`));
  const key = step.state.serverKey!;
  if (key === 'skip-rsa-signature') {
    if (!RSA_SCHEMES.includes(cv.algorithm)) return fatal(step, fail('illegal_parameter', 'expected an RSA signature to skip'));
  } else {
    // "… and MUST be compatible with the key in the sender's end-entity certificate."
    if (cv.algorithm !== key.scheme) return fatal(step, fail('illegal_parameter', 'signature scheme does not match the certificate key'));
    // "The receiver of a CertificateVerify message MUST verify the signature field. … If the verification fails, the receiver MUST terminate the handshake with a "decrypt_error" alert."
    const content = signedContent('server', transcriptHash(step.state.transcript));
    if (!verify(cv.algorithm, key.publicKey, content, cv.signature)) return fatal(step, fail('decrypt_error', 'CertificateVerify signature does not verify'));
  }
  push(step, bytes);
  step.state = { ...step.state, signatureScheme: cv.algorithm };
  go(step, clientTransitions, 'certificate-verify');
};

const onFinished: Handler<'finished'> = (step, fin, bytes) => {
  const secrets = step.state.secrets;
  // §4.4.4: "Recipients of Finished messages MUST verify that the contents are correct and if incorrect MUST terminate the connection with a "decrypt_error" alert."
  const expectedData = verifyData(secrets.serverHandshakeTrafficSecret!, step.state.transcript);
  if (!equalBytes(expectedData, fin.verifyData)) return fatal(step, fail('decrypt_error', 'server Finished does not match'));
  push(step, bytes);
  const app = applicationSecrets(secrets.masterSecret!, step.state.transcript);
  // Appendix D.4: the client "sends a dummy change_cipher_spec record … before its second flight".
  if (step.state.config.compatibilityMode && step.state.retriedSuite === null)
    step.out.push(encodeRecord(ContentType.change_cipher_spec, Uint8Array.of(1)));
  // Asked for a certificate: an empty one first (§4.4.2.4), in the transcript our Finished covers.
  const context = step.state.certificateRequestContext;
  if (context) {
    const empty = { type: 'certificate' as const, certificateRequestContext: context, certificateList: [] };
    const emptyBytes = encodeHandshake(empty);
    push(step, emptyBytes);
    step.state = { ...step.state, pending: [...step.state.pending, emptyBytes] };
    step.events.push({ type: 'handshake', direction: 'sent', message: empty, bytes: emptyBytes });
  }
  // Our Finished, over ClientHello … server Finished (and our Certificate), under the client handshake traffic keys.
  const ours = { type: 'finished' as const, verifyData: verifyData(secrets.clientHandshakeTrafficSecret!, step.state.transcript) };
  const ourBytes = encodeHandshake(ours);
  push(step, ourBytes);
  step.state = {
    ...step.state,
    pending: [...step.state.pending, ourBytes],
    secrets: { ...step.state.secrets, ...app, resumptionMasterSecret: resumptionMasterSecret(secrets.masterSecret!, step.state.transcript) },
  };
  step.events.push({ type: 'handshake', direction: 'sent', message: ours, bytes: ourBytes });
  setWriteSecret(step, app.clientApplicationTrafficSecret0, 'application');
  setReadSecret(step, app.serverApplicationTrafficSecret0, 'application');
  go(step, clientTransitions, 'finished');
  step.events.push({
    type: 'handshake-complete',
    cipherSuite: TLS_AES_128_GCM_SHA256,
    group: X25519,
    signatureScheme: step.state.signatureScheme!,
    serverName: step.state.config.serverName ?? null,
  });
};

const handlers = {
  server_hello: onServerHello,
  encrypted_extensions: onEncryptedExtensions,
  certificate: onCertificate,
  certificate_verify: onCertificateVerify,
  finished: onFinished,
};

function tryRead<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}
