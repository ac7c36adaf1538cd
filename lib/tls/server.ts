/**
 * The TLS 1.3 server (RFC 8446 §4, Appendix A.2 state machine), sans-I/O: `createServer` draws its
 * random and key share up front; `receiveServer(state, bytes)` answers a ClientHello with the whole
 * first flight — ServerHello, then {EncryptedExtensions}, {Certificate}, {CertificateVerify},
 * {Finished} under the server handshake traffic keys — and then waits for the client's Finished.
 * It may first ask for a cookie or a missing X25519 share (HelloRetryRequest, §4.1.4) and may ask for
 * a client certificate (§4.3.2, accepting only "none"). Certificates are opaque DER here (X.509 is
 * made and checked elsewhere, issue #10 item 2); the server signs with its key, or, to replay a
 * recorded trace (RFC 8448's RSA-PSS signature, which is randomised), sends the recorded signature.
 * @module
 */
import { fail } from './alert';
import { sign, signedContent, SIGNING_SCHEMES } from './certificate-verify';
import { ContentType, ExtensionType, HELLO_RETRY_REQUEST_RANDOM, TLS12, TLS13, TLS_AES_128_GCM_SHA256, X25519 } from './constants';
import { fromHex } from '../bytes/hex';
import {
  cookie,
  findExtension,
  keyShareHelloRetry,
  keyShareServer,
  readCookie,
  readSupportedGroups,
  readKeyShareClient,
  readServerName,
  readSignatureAlgorithms,
  readSupportedVersionsClient,
  serverNameAck,
  signatureAlgorithms,
  supportedVersionsServer,
  type Extension,
} from './extensions';
import { decodeHandshake, encodeHandshake, type ClientHello, type HandshakeMessage, type NewSessionTicket } from './handshake-codec';
import { applicationSecrets, handshakeSecrets, messageHash, resumptionMasterSecret, transcriptHash } from './key-schedule';
import { equalBytes, verifyData } from './finished';
import { x25519Public, x25519Shared } from './key-share';
import { onKeyUpdate } from './key-update';
import { closeConnection, fatal, flush, go, newCore, receiveRecords, sendApplicationData, setReadSecret, setWriteSecret } from './connection';
import { encodeRecord } from './record';
import { serverTransitions, type ServerPhase } from './table';
import type { Core, Step } from './state';

export interface ServerConfig {
  /** certificate_list: DER certificates, leaf first (§4.4.2) */
  certificateChain: Uint8Array[];
  /** the scheme our CertificateVerify uses (§4.2.3); the client must have offered it */
  signatureScheme: number;
  /** our private key for that scheme (P-256 scalar or Ed25519 seed, 32 octets) */
  privateKey?: Uint8Array;
  /** instead of signing, send this signature — only to replay a recorded trace (RFC 8448) */
  replaySignature?: Uint8Array;
  /** sent exactly as given (a recorded trace's); default: the server_name acknowledgement when the client sent one */
  encryptedExtensions?: Extension[];
  /** send a CertificateRequest (§4.3.2); we verify no client certificates, so only an empty answer is accepted */
  requestClientCertificate?: boolean;
  /** answer the first ClientHello with a HelloRetryRequest carrying this cookie (§4.2.2), as a stateless server would */
  helloRetryCookie?: Uint8Array;
}

/** How much rejected 0-RTT data we skip (§4.2.10): one full record's worth. */
const EARLY_DATA_SKIP = 2 ** 14 + 256;

export interface ServerState extends Core<ServerPhase> {
  role: 'server';
  config: ServerConfig;
  random: Uint8Array;
  keyShareSecret: Uint8Array;
  /** the host name the client asked for (server_name), if any */
  serverName: string | null;
  /** we sent a HelloRetryRequest (§4.1.4); the next ClientHello is the second and last */
  retried: boolean;
}

/** `randomBytes` is drawn now, in this order: ServerHello.random (32), then the X25519 private key (32). */
export function createServer(config: ServerConfig, randomBytes: (n: number) => Uint8Array): ServerState {
  if (!config.privateKey && !config.replaySignature) throw new Error('tls/server: a private key or a replayed signature is needed');
  return {
    ...newCore<ServerPhase>('start'),
    role: 'server',
    config,
    random: randomBytes(32),
    keyShareSecret: randomBytes(32),
    serverName: null,
    retried: false,
  };
}

export function receiveServer(state: ServerState, bytes: Uint8Array): Step<ServerState> {
  return receiveRecords(state, bytes, onMessage, (s) => s.phase !== 'connected', serverTransitions);
}
export const sendServer = (state: ServerState, data: Uint8Array, padding = 0): Step<ServerState> => sendApplicationData(state, data, padding);
export const closeServer = (state: ServerState): Step<ServerState> => closeConnection(state, serverTransitions);

/**
 * §4.6.1 NewSessionTicket, sent after the handshake. This server never accepts a PSK, so a ticket
 * resumes nothing; it exists so that a recorded trace (RFC 8448) can be replayed record for record.
 */
export function sendSessionTicket(state: ServerState, ticket: NewSessionTicket): Step<ServerState> {
  if (state.phase !== 'connected') throw new Error(`tls/server: cannot send a ticket in phase '${state.phase}'`);
  const bytes = encodeHandshake(ticket);
  const step: Step<ServerState> = { state: { ...state, pending: [bytes] }, out: [], events: [{ type: 'handshake', direction: 'sent', message: ticket, bytes }] };
  flush(step);
  return step;
}

type S = Step<ServerState>;

function onMessage(step: S, bytes: Uint8Array): void {
  const decoded = decodeHandshake(bytes);
  if (!decoded.ok) return fatal(step, fail('decode_error', decoded.reason));
  const m = decoded.value;
  step.events.push({ type: 'handshake', direction: 'received', message: m, bytes });
  if (step.state.phase === 'start' && m.type === 'client_hello') return onClientHello(step, m, bytes);
  if (step.state.phase === 'wait-cert' && m.type === 'certificate') return onClientCertificate(step, m, bytes);
  if (step.state.phase === 'wait-finished' && m.type === 'finished') return onFinished(step, m, bytes);
  if (m.type === 'key_update') return onKeyUpdate(step, m);
  fatal(step, fail('unexpected_message', `${m.type} in phase ${step.state.phase}`));
}

function queue(step: S, m: HandshakeMessage): void {
  const bytes = encodeHandshake(m);
  step.state = { ...step.state, pending: [...step.state.pending, bytes], transcript: [...step.state.transcript, bytes] };
  step.events.push({ type: 'handshake', direction: 'sent', message: m, bytes });
}

function onClientHello(step: S, ch: ClientHello, bytes: Uint8Array): void {
  const ext = (t: number) => findExtension(ch.extensions, t);
  // §4.2.1: "If this extension is present, servers MUST ignore the ClientHello.legacy_version value and MUST use only the "supported_versions" extension to determine client preferences." We speak only 1.3:
  // §D.2 / §6.2 protocol_version: "The protocol version the peer has attempted to negotiate is recognized but not supported."
  const sv = ext(ExtensionType.supported_versions);
  const versions = sv ? tryRead(() => readSupportedVersionsClient(sv)) : [];
  if (versions === null) return fatal(step, fail('decode_error', 'supported_versions'));
  if (!versions.includes(TLS13)) return fatal(step, fail('protocol_version', 'client does not offer TLS 1.3'));
  // §4.1.2: "For every TLS 1.3 ClientHello, this vector MUST contain exactly one byte, set to zero … illegal_parameter"
  if (ch.legacyCompressionMethods.length !== 1 || ch.legacyCompressionMethods[0] !== 0)
    return fatal(step, fail('illegal_parameter', 'legacy_compression_methods'));
  // §4.1.1: "If the server is unable to negotiate a supported set of parameters … it MUST abort the handshake with either a "handshake_failure" or "insufficient_security" fatal alert".
  if (!ch.cipherSuites.includes(TLS_AES_128_GCM_SHA256)) return fatal(step, fail('handshake_failure', 'no TLS_AES_128_GCM_SHA256'));
  // §9.2: a ClientHello without a PSK "MUST contain both" signature_algorithms and supported_groups + key_share, else "missing_extension".
  const sa = ext(ExtensionType.signature_algorithms);
  const ks = ext(ExtensionType.key_share);
  const sg = ext(ExtensionType.supported_groups);
  if (!sa) return fatal(step, fail('missing_extension', 'signature_algorithms'));
  if (!ks || !sg) return fatal(step, fail('missing_extension', 'key_share / supported_groups'));
  const schemes = tryRead(() => readSignatureAlgorithms(sa));
  const shares = tryRead(() => readKeyShareClient(ks));
  const groups = tryRead(() => readSupportedGroups(sg));
  if (!schemes || !shares || !groups) return fatal(step, fail('decode_error', 'signature_algorithms, key_share or supported_groups'));
  if (!schemes.includes(step.state.config.signatureScheme))
    return fatal(step, fail('handshake_failure', 'client does not accept our signature scheme'));
  const share = shares.find((s) => s.group === X25519);
  const wantedCookie = step.state.config.helloRetryCookie;
  if (!step.state.retried) {
    // §4.1.4: "The server will send this message in response to a ClientHello message if it is able to find an acceptable set of parameters but the ClientHello does not contain sufficient information to proceed with the handshake."
    const askForX25519 = !share && groups.includes(X25519);
    if (askForX25519 || wantedCookie) return sendHelloRetryRequest(step, ch, bytes, askForX25519);
  } else if (wantedCookie) {
    // §4.2.2: the client "MUST copy the contents of the extension received in the HelloRetryRequest into a "cookie" extension in the new ClientHello".
    const ck = ext(ExtensionType.cookie);
    const echoed = ck ? tryRead(() => readCookie(ck)) : null;
    if (!echoed || !equalBytes(echoed, wantedCookie)) return fatal(step, fail('illegal_parameter', 'the second ClientHello does not echo our cookie'));
  }
  // §4.2.8: after a HelloRetryRequest the client must share the group asked for ("illegal_parameter" otherwise); without any common group we cannot go on.
  if (!share)
    return step.state.retried
      ? fatal(step, fail('illegal_parameter', 'the second ClientHello has no X25519 key share'))
      : fatal(step, fail('handshake_failure', 'no X25519 in supported_groups (the only group we compute)'));
  if (share.keyExchange.length !== 32) return fatal(step, fail('illegal_parameter', 'X25519 share is not 32 octets'));
  const shared = x25519Shared(step.state.keyShareSecret, share.keyExchange);
  if (!shared) return fatal(step, fail('illegal_parameter', 'X25519 shared secret is all zeros'));
  const sn = ext(ExtensionType.server_name);
  const name = sn ? tryRead(() => readServerName(sn)) : null;
  if (sn && name === null) return fatal(step, fail('decode_error', 'server_name'));
  const st0 = step.state;
  // After a HelloRetryRequest the transcript is message_hash(ClientHello1), HelloRetryRequest, ClientHello2 … (§4.4.1).
  const transcript = st0.retried ? [...st0.transcript, bytes] : [bytes];
  step.state = { ...st0, serverName: name, transcript, secrets: { ...st0.secrets, clientRandom: ch.random } };

  // §4.1.3 ServerHello
  queue(step, {
    type: 'server_hello',
    legacyVersion: TLS12,
    random: step.state.random,
    legacySessionIdEcho: ch.legacySessionId, // "the contents of the client's legacy_session_id field"
    cipherSuite: TLS_AES_128_GCM_SHA256,
    legacyCompressionMethod: 0,
    extensions: [keyShareServer({ group: X25519, keyExchange: x25519Public(step.state.keyShareSecret) }), supportedVersionsServer(TLS13)],
  });
  const hs = handshakeSecrets(shared, step.state.transcript);
  step.state = { ...step.state, secrets: { ...step.state.secrets, sharedSecret: shared, ...hs } };
  flush(step);
  // Appendix D.4: in middlebox compatibility mode (a non-empty session id) "the server sends a dummy change_cipher_spec record immediately after its first handshake message".
  // (after a HelloRetryRequest it went out after that, the server's first handshake message)
  if (ch.legacySessionId.length > 0 && !st0.retried) step.out.push(encodeRecord(ContentType.change_cipher_spec, Uint8Array.of(1)));
  setWriteSecret(step, hs.serverHandshakeTrafficSecret, 'handshake');

  const cfg = step.state.config;
  queue(step, { type: 'encrypted_extensions', extensions: cfg.encryptedExtensions ?? (name !== null ? [serverNameAck()] : []) });
  if (cfg.requestClientCertificate)
    queue(step, { type: 'certificate_request', certificateRequestContext: new Uint8Array(0), extensions: [signatureAlgorithms(SIGNING_SCHEMES)] });
  queue(step, {
    type: 'certificate',
    certificateRequestContext: new Uint8Array(0),
    certificateList: cfg.certificateChain.map((certData) => ({ certData, extensions: [] })),
  });
  const content = signedContent('server', transcriptHash(step.state.transcript));
  const signature = cfg.replaySignature ?? sign(cfg.signatureScheme, cfg.privateKey!, content);
  queue(step, { type: 'certificate_verify', algorithm: cfg.signatureScheme, signature });
  queue(step, { type: 'finished', verifyData: verifyData(hs.serverHandshakeTrafficSecret, step.state.transcript) });
  const app = applicationSecrets(hs.masterSecret, step.state.transcript);
  step.state = { ...step.state, secrets: { ...step.state.secrets, ...app } };
  setWriteSecret(step, app.serverApplicationTrafficSecret0, 'application');
  setReadSecret(step, hs.clientHandshakeTrafficSecret, 'handshake');
  // §4.2.10: we accept no PSK, so no 0-RTT: a client that offered early_data may already have sent
  // some; skip it. Our limit is what RFC 8448's tickets announce (max_early_data_size 1024) and more:
  // 2^14 octets plus record overhead, a full record.
  if (ext(ExtensionType.early_data)) step.state = { ...step.state, earlyDataToSkip: EARLY_DATA_SKIP };
  go(step, serverTransitions, 'client-hello');
  if (cfg.requestClientCertificate) go(step, serverTransitions, 'send-certificate-request');
}

/**
 * §4.1.4 HelloRetryRequest: a ServerHello whose random is SHA-256("HelloRetryRequest"), with
 * supported_versions, and the key_share group we want and/or our cookie. The transcript restarts
 * from message_hash(ClientHello1) (§4.4.1); the next ClientHello is the last we accept.
 */
function sendHelloRetryRequest(step: S, ch: ClientHello, bytes: Uint8Array, askForX25519: boolean): void {
  const wantedCookie = step.state.config.helloRetryCookie;
  step.state = { ...step.state, transcript: [messageHash(bytes)], retried: true };
  queue(step, {
    type: 'server_hello',
    legacyVersion: TLS12,
    random: fromHex(HELLO_RETRY_REQUEST_RANDOM),
    legacySessionIdEcho: ch.legacySessionId,
    cipherSuite: TLS_AES_128_GCM_SHA256,
    legacyCompressionMethod: 0,
    extensions: [
      supportedVersionsServer(TLS13),
      ...(askForX25519 ? [keyShareHelloRetry(X25519)] : []),
      ...(wantedCookie ? [cookie(wantedCookie)] : []),
    ],
  });
  flush(step);
  // Appendix D.4: "the server sends a dummy change_cipher_spec record immediately after its first handshake message" — here the HelloRetryRequest.
  if (ch.legacySessionId.length > 0) step.out.push(encodeRecord(ContentType.change_cipher_spec, Uint8Array.of(1)));
  go(step, serverTransitions, 'send-hello-retry-request');
}

/**
 * The client's answer to our CertificateRequest (§4.4.2). "certificate_request_context: If this
 * message is in response to a CertificateRequest, the value of certificate_request_context in that
 * message." We verify no client certificates: an empty list means "no client authentication", which
 * §4.4.2.4 lets the server accept; a non-empty one we cannot judge: unsupported_certificate.
 */
function onClientCertificate(step: S, cert: Extract<HandshakeMessage, { type: 'certificate' }>, bytes: Uint8Array): void {
  if (cert.certificateRequestContext.length !== 0) return fatal(step, fail('illegal_parameter', 'certificate_request_context does not match'));
  if (cert.certificateList.length > 0)
    return fatal(step, fail('unsupported_certificate', 'client certificates are not implemented'));
  step.state = { ...step.state, transcript: [...step.state.transcript, bytes] };
  go(step, serverTransitions, 'certificate');
}

function onFinished(step: S, fin: { verifyData: Uint8Array }, bytes: Uint8Array): void {
  const s = step.state.secrets;
  // §4.4.4: incorrect contents → "decrypt_error"
  if (!equalBytes(verifyData(s.clientHandshakeTrafficSecret!, step.state.transcript), fin.verifyData))
    return fatal(step, fail('decrypt_error', 'client Finished does not match'));
  const transcript = [...step.state.transcript, bytes];
  step.state = { ...step.state, transcript, secrets: { ...s, resumptionMasterSecret: resumptionMasterSecret(s.masterSecret!, transcript) } };
  setReadSecret(step, s.clientApplicationTrafficSecret0!, 'application');
  go(step, serverTransitions, 'finished');
  step.events.push({
    type: 'handshake-complete',
    cipherSuite: TLS_AES_128_GCM_SHA256,
    group: X25519,
    signatureScheme: step.state.config.signatureScheme,
    serverName: step.state.serverName,
  });
}

function tryRead<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}
