/**
 * The client's stream negotiation (RFC 6120): open the stream, STARTTLS into TLS 1.3 (lib/tls; or real
 * TLS outside the machine, lib/io), SASL (PLAIN, SCRAM-SHA-1, SCRAM-SHA-256) with user-driven
 * retries, the restart, resource binding; and the stream's end. Every phase change follows
 * lib/xmpp/stream/client-table.ts. The client refuses to authenticate without TLS when its policy
 * asks for TLS (no silent downgrade), and never sends a password it cannot prepare.
 * @module
 */
import { saslprepResult } from '../../crypto/saslprep';
import { fact } from '../../sim/facts';
import type { Action, HostContext, HostOutput } from '../../sim/types';
import type { ChannelReceived } from '../tls-channel/channel';
import { child, children, isElement, text, x, type XmlElement } from '../../xml/element';
import { createStreamParser, feed, restartStream, type StreamParseEvent } from '../../xml/stream-parser';
import { NS_BIND, NS_SASL, NS_TLS } from '../namespaces';
import { chooseMechanism, type SaslMechanismName } from '../sasl/mechanisms';
import { decodeSaslText, encodeSaslPayload } from '../sasl/payload';
import { encodePlainMessage } from '../sasl/plain';
import { scramClientFinal, scramClientStart, scramClientVerify, type ClientChannelBinding, type ScramClientState } from '../sasl/scram';
import { LAB_CA_NAME, SIM_EPOCH_MS } from '../tls-channel/pki';
import { channelBinding, channelReceive, clientChannel, failureNote, externalChannel, keyParams, tlsKeysFact, tlsUpgradeNote } from '../tls-channel/channel';
import { closing, opening, sendRecords } from '../wire';
import { ownPresence } from './presence';
import { accepts, go, loginFailed, loginFailedUnlessOnline, note, piece, send, STREAM_CLOSE, streamDown, streamHeader, tlsUp, type ClientState } from './state';

// ---------------------------------------------------------------------------------------------
// The user's actions

export function connect(s: ClientState): HostOutput[] {
  if (!accepts(s, 'connect')) return [note('client.already-connected', { client: s.id })];
  const out = go(s, 'connect');
  // A new TCP connection: fresh parser, no TLS yet.
  s.parser = createStreamParser();
  s.tls = null;
  s.scram = null;
  s.boundJid = null;
  s.presence = {};
  return [...out, opening(send(s, [streamHeader(s.domain)], { key: 'client.stream-open', params: { client: s.id, server: s.domain } }))];
}

export function disconnect(s: ClientState): HostOutput[] {
  const wasOnline = s.phase === 'online';
  if (!accepts(s, 'disconnect')) return [note('client.not-connected', { client: s.id })];
  const out = go(s, 'disconnect');
  // RFC 6121 §4.5.1: say goodbye with unavailable presence, then close the stream (RFC 6120 §4.4).
  const pieces = [...(wasOnline ? [piece(ownPresence(s, true))] : []), STREAM_CLOSE];
  return [...out, closing(send(s, pieces, { key: 'client.stream-close', params: { client: s.id } }))];
}

/** RFC 6120 §6.4.5: after a <failure/> the stream stays open and the client may try again. */
export function retryLogin(s: ClientState, a: Extract<Action, { type: 'retry-login' }>, ctx: HostContext): HostOutput[] {
  if (s.phase !== 'auth-failed') return [note('client.retry-not-possible', { client: s.id })];
  if (a.password !== undefined) s.password = a.password;
  if (a.mechanism !== undefined) {
    const { mechanisms: _list, ...rest } = s.policy;
    s.policy = { ...rest, mechanism: a.mechanism };
  }
  return startAuth(s, ctx, 'retry-login');
}

// ---------------------------------------------------------------------------------------------
// SASL (RFC 6120 §6)

/**
 * PLAIN's message (RFC 4616 §2), or null when the client must not send it: an empty field, or a
 * name or password SASLprep rejects (RFC 4013 §2.3 prohibited output, §2.4 bidi). The strings go out
 * as typed; the server prepares them before comparing.
 */
function plainMessage(s: ClientState): string | null {
  const user = saslprepResult(s.localpart);
  const pw = saslprepResult(s.password);
  if (user.type === 'error' || pw.type === 'error' || user.value === '' || pw.value === '') return null;
  try {
    return encodePlainMessage({ authcid: s.localpart, password: s.password });
  } catch {
    return null;
  }
}

/**
 * The mechanisms this client accepts, strongest first: the client's own list, else the scenario's
 * one — and with SCRAM-SHA-256-PLUS also SCRAM-SHA-256, which RFC 5802 §6 lets a client that can
 * bind use when the server offers no -PLUS (saying so with "y").
 */
function acceptedMechanisms(s: ClientState): SaslMechanismName[] {
  if (s.policy.mechanisms) return s.policy.mechanisms;
  return s.policy.mechanism === 'SCRAM-SHA-256-PLUS' ? ['SCRAM-SHA-256-PLUS', 'SCRAM-SHA-256'] : [s.policy.mechanism];
}

/**
 * RFC 5802 §6 from the client's side: bind to this TLS connection for -PLUS ("p", RFC 9266
 * tls-exporter); "y" when it could bind but the server offered no -PLUS — a server that does offer it
 * then knows someone removed it; nothing ("n") otherwise.
 */
function bindingFor(s: ClientState, mech: SaslMechanismName): ClientChannelBinding | undefined {
  const data = channelBinding(s.tls);
  if (data === null) return undefined;
  if (mech === 'SCRAM-SHA-256-PLUS') return { flag: 'p', data };
  return acceptedMechanisms(s).includes('SCRAM-SHA-256-PLUS') ? { flag: 'y' } : undefined;
}

/** SCRAM's client-first-message (RFC 5802 §5), or null when SASLprep refuses the name or password (or -PLUS has no channel). */
function scramStart(s: ClientState, mech: Exclude<SaslMechanismName, 'PLAIN'>, ctx: HostContext): { state: ScramClientState; clientFirstMessage: string } | null {
  const channelBinding = bindingFor(s, mech);
  if (mech === 'SCRAM-SHA-256-PLUS' && channelBinding?.flag !== 'p') return null;
  try {
    return scramClientStart({ username: s.localpart, password: s.password, hash: mech === 'SCRAM-SHA-1' ? 'SHA-1' : 'SHA-256', nonce: ctx.randomBytes(18), ...(channelBinding ? { channelBinding } : {}) });
  } catch {
    return null;
  }
}

/**
 * Begin a SASL exchange, on the first features (`awaiting-features`) or on a retry (`auth-failed`).
 * When the client cannot begin — no mechanism it accepts, a password it must not send — it says so
 * and sends no <auth/>: on the first features without a mechanism it closes the stream; otherwise
 * the stream stays open in auth-failed for the next try.
 */
function startAuth(s: ClientState, ctx: HostContext, start: 'features-sasl' | 'retry-login'): HostOutput[] {
  const mech = chooseMechanism(s.offered, acceptedMechanisms(s), { tls: tlsUp(s), allowPlainWithoutTls: s.policy.allowPlainWithoutTls });
  if (mech === null) {
    const first = s.phase === 'awaiting-features';
    const params = { client: s.id, wanted: s.policy.mechanism, offered: s.offered.join(', ') || '—' };
    const out = [...go(s, 'no-mechanism'), loginFailed(s, 'no-mechanism')];
    if (first) return [...out, send(s, [STREAM_CLOSE], { key: 'client.no-mechanism', params })];
    return [...out, note('client.no-mechanism-retry', params)];
  }
  if (mech === 'PLAIN') {
    const message = plainMessage(s);
    if (message === null) return refuseCredentials(s);
    const out = go(s, start);
    const payload = encodeSaslPayload(message);
    const auth = x('auth', { xmlns: NS_SASL, mechanism: 'PLAIN' }, payload);
    return [...out, fact({ type: 'sasl-started', node: s.id, mechanism: 'PLAIN' }), send(s, [piece(auth, { layer: 'sasl', text: payload, label: `SASL PLAIN: ${s.localpart} + password` })], { key: tlsUp(s) ? 'client.sasl-plain-tls' : 'client.sasl-plain', params: { client: s.id, server: s.domain } })];
  }
  const started = scramStart(s, mech, ctx);
  if (started === null) return refuseCredentials(s);
  const out = go(s, start);
  s.scram = started.state;
  const payload = encodeSaslPayload(started.clientFirstMessage);
  const auth = x('auth', { xmlns: NS_SASL, mechanism: mech }, payload);
  return [...out, fact({ type: 'sasl-started', node: s.id, mechanism: mech }), send(s, [piece(auth, { layer: 'sasl', text: payload, label: `SCRAM client-first-message: ${started.clientFirstMessage}` })], { key: 'client.scram-start', params: { client: s.id, server: s.domain, mechanism: mech } })];
}

function refuseCredentials(s: ClientState): HostOutput[] {
  return [...go(s, 'credentials-refused'), loginFailed(s, 'bad-credentials'), note('client.bad-credentials', { client: s.id })];
}

export function onSasl(s: ClientState, el: XmlElement): HostOutput[] {
  if (s.phase !== 'authenticating') return [note('client.unexpected', { client: s.id, element: el.name })];
  if (el.name === 'challenge') {
    const decoded = decodeSaslText(text(el));
    const r = s.scram && decoded.type === 'ok' && s.scram.step === 'awaiting-server-first' ? scramClientFinal(s.scram, decoded.text) : null;
    if (!r || r.type === 'failure') {
      // RFC 6120 §6.4.4: the client aborts a handshake it cannot continue.
      return [loginFailed(s, 'sasl-abort'), send(s, [piece(x('abort', { xmlns: NS_SASL }))], { key: 'client.sasl-abort', params: { client: s.id, reason: r?.reason ?? 'unexpected' } })];
    }
    s.scram = r.state;
    const out = go(s, 'sasl-challenge');
    const payload = encodeSaslPayload(r.clientFinalMessage);
    return [...out, send(s, [piece(x('response', { xmlns: NS_SASL }, payload), { layer: 'sasl', text: payload, label: `SCRAM client-final-message: ${r.clientFinalMessage}` })], { key: 'client.scram-proof', params: { client: s.id, iterations: r.state.keys?.iterations ?? 0 } })];
  }
  if (el.name === 'success') {
    if (s.scram) {
      // RFC 5802 §5: the client checks ServerSignature; a server that does not know ServerKey is refused.
      const decoded = decodeSaslText(text(el));
      const v = decoded.type === 'ok' && s.scram.step === 'awaiting-server-final' ? scramClientVerify(s.scram, decoded.text) : null;
      if (!v || v.type === 'failure') {
        const out = go(s, 'stream-error');
        s.scram = null;
        return [...out, loginFailed(s, 'server-signature-bad'), send(s, [STREAM_CLOSE], { key: 'client.server-signature-bad', params: { client: s.id, server: s.domain } })];
      }
    }
    const wasScram = s.scram !== null;
    s.scram = null;
    const out = go(s, 'sasl-success');
    // RFC 6120 §6.4.6: on success both sides discard the old stream and start a new one on the same TCP connection.
    restartStream(s.parser);
    return [...out, send(s, [streamHeader(s.domain)], { key: wasScram ? 'client.scram-verified' : 'client.stream-restart', params: { client: s.id, server: s.domain } })];
  }
  // <failure/>
  s.scram = null;
  const out = go(s, 'sasl-failure');
  const condition = el.children.find(isElement)?.name ?? 'unknown';
  return [...out, loginFailed(s, `sasl-failed: ${condition}`), note('client.sasl-failed', { client: s.id, condition })];
}

// ---------------------------------------------------------------------------------------------
// Features, STARTTLS, bind

export function onFeatures(s: ClientState, el: XmlElement, ctx: HostContext): HostOutput[] {
  if (s.phase === 'awaiting-bind-features') {
    if (!child(el, 'bind', NS_BIND)) return [note('client.unexpected', { client: s.id, element: el.name })];
    const out = go(s, 'features-bind');
    const bind = x('bind', { xmlns: NS_BIND }, s.resource ? x('resource', null, s.resource) : null);
    const iq = x('iq', { type: 'set', id: `${s.id}-bind-${s.nextId++}` }, bind);
    return [...out, send(s, [piece(iq)], { key: s.resource ? 'client.bind' : 'client.bind-generated', params: { client: s.id, resource: s.resource ?? '' } })];
  }
  if (s.phase !== 'awaiting-features') return [note('client.unexpected', { client: s.id, element: el.name })];
  const starttls = child(el, 'starttls', NS_TLS);
  if (starttls && s.policy.tls !== 'none' && !tlsUp(s)) {
    const out = go(s, 'features-starttls');
    return [...out, send(s, [piece(x('starttls', { xmlns: NS_TLS }))], { key: 'client.starttls', params: { client: s.id, server: s.domain } })];
  }
  const lax: HostOutput[] = [];
  if (s.policy.tls !== 'none' && !tlsUp(s)) {
    if (!s.policy.lax) {
      // The client's own policy: no TLS offered, no login (RFC 6120 §13.8; what stops a downgrade).
      const out = go(s, 'no-mechanism');
      return [...out, loginFailed(s, 'tls-missing'), send(s, [STREAM_CLOSE], { key: 'client.tls-missing', params: { client: s.id, server: s.domain } })];
    }
    // A lax client takes the server's word that there is no TLS: it cannot tell a server without it from an attacker who cut the offer out.
    lax.push(note('client.tls-skipped', { client: s.id, server: s.domain }));
  }
  const mechs = child(el, 'mechanisms', NS_SASL);
  if (!mechs) return [...lax, note('client.unexpected', { client: s.id, element: el.name })];
  s.offered = children(mechs, 'mechanism').map((m) => text(m));
  return [...lax, ...startAuth(s, ctx, 'features-sasl')];
}

/** <proceed/> or <failure/> in the STARTTLS namespace (RFC 6120 §5.4.2.2–3). */
export function onTls(s: ClientState, el: XmlElement, ctx: HostContext): HostOutput[] {
  if (s.phase !== 'awaiting-proceed') return [note('client.unexpected', { client: s.id, element: el.name })];
  if (el.name === 'proceed' && s.policy.tlsLayer === 'external') {
    // Real TLS (lib/io): the adapter upgrades the socket, then the fresh stream header goes inside it.
    const out = [...go(s, 'proceed'), ...go(s, 'tls-established')];
    s.parser = createStreamParser();
    s.tls = externalChannel(`tls:${s.linkId}`, 'client');
    return [...out, tlsUpgradeNote(s.id, s.serverNode, 'client', s.domain), send(s, [streamHeader(s.domain)], { key: 'client.stream-open-tls', params: { client: s.id, server: s.domain } })];
  }
  if (el.name === 'proceed' && s.trustAnchor) {
    // RFC 6120 §5.4.3.1: the TLS handshake starts at once; server_name is the domain we want (RFC 6120 §13.7.2.1).
    const { channel, hello } = clientChannel(`tls:${s.linkId}`, s.domain, s.trustAnchor, ctx.randomBytes(64));
    const out = go(s, 'proceed');
    s.parser = createStreamParser();
    s.tls = channel;
    return [...out, sendRecords(s.serverNode, hello, s.tcp, { key: 'tls.client-hello', params: { node: s.id, peer: s.domain } })];
  }
  return [...go(s, 'tls-failure'), loginFailed(s, 'starttls-failed'), note('client.starttls-failed', { client: s.id })];
}

/** The answer to our bind request (RFC 6120 §7.6.1–2); once online, RFC 6121 §4.2: initial presence. */
export function onBindResult(s: ClientState, el: XmlElement): HostOutput[] {
  if (el.attrs.type !== 'result') return [...go(s, 'bind-error'), loginFailed(s, 'bind-failed'), note('client.bind-failed', { client: s.id })];
  const jid = text(child(child(el, 'bind', NS_BIND) ?? x('bind'), 'jid'));
  const out = go(s, 'bind-result');
  s.boundJid = jid;
  return [...out, fact({ type: 'session-online', node: s.id, jid }), send(s, [piece(ownPresence(s))], { key: 'client.initial-presence', params: { client: s.id, jid } })];
}

export function onStreamError(s: ClientState, el: XmlElement): HostOutput[] {
  const condition = el.children.find(isElement)?.name ?? 'unknown';
  return [...endStream(s, 'stream-error'), loginFailedUnlessOnline(s, `stream-error: ${condition}`), note('client.stream-error', { client: s.id, condition })];
}

/** The stream ends (RFC 6120 §4.4, §4.9.1.1): unless it already has, earlier in the same bytes. */
function endStream(s: ClientState, on: 'stream-error' | 'stream-close'): HostOutput[] {
  return streamDown(s) ? [] : go(s, on);
}

// ---------------------------------------------------------------------------------------------
// Bytes in: TLS records, then the XML stream

/** Bytes from the server: through TLS when it is up, then the stream parser; each element goes to `onElement`. */
export function receiveBytes(s: ClientState, data: Uint8Array, ctx: HostContext, onElement: (el: XmlElement) => HostOutput[]): HostOutput[] {
  if (streamDown(s)) return [note('client.late-bytes', { client: s.id })];
  const out: HostOutput[] = [];
  let chunks = [data];
  if (s.tls) {
    const r = channelReceive(s.tls, data, SIM_EPOCH_MS + ctx.now);
    if (r.failure) return tlsFailed(s, r);
    if (r.established) {
      // RFC 8446 §4.4.2–4.4.4: the certificate chains to the CA we trust and names the domain, the
      // signature and the Finished check out: the server is who it claims, and the keys are ours.
      out.push(note('tls.certificate-accepted', { node: s.id, peer: s.domain, ca: LAB_CA_NAME }));
      out.push(note('tls.established', { node: s.id, peer: s.domain, ...keyParams(s.tls) }));
      out.push(fact(tlsKeysFact(s.tls, s.id, s.domain)));
      out.push(...go(s, 'tls-established'));
      // RFC 6120 §5.4.3.3: a fresh stream, now inside TLS; our Finished goes out in the same send.
      out.push(send(s, [streamHeader(s.domain)], { key: 'client.stream-open-tls', params: { client: s.id, server: s.domain } }));
    }
    chunks = r.plaintext;
  }
  for (const chunk of chunks) for (const ev of feed(s.parser, chunk)) out.push(...onStreamEvent(s, ev, onElement));
  return out;
}

/** The handshake failed: a certificate we refused (we send the alert and close), or the peer's alert or a bad record. */
function tlsFailed(s: ClientState, r: ChannelReceived): HostOutput[] {
  const f = r.failure!;
  const keyName = s.tls!.keyName;
  const out: HostOutput[] = [...go(s, 'stream-error'), loginFailedUnlessOnline(s, f.certificate ? `tls-certificate: ${f.certificate}` : `tls-failed: ${f.alert}`)];
  out.push(fact({ type: 'tls-failed', node: s.id, peer: s.domain, keyName, alert: f.alert, sent: f.sent, ...(f.certificate ? { certificate: f.certificate } : {}) }));
  const params = { node: s.id, peer: s.domain, alert: f.alert, problem: f.certificate ?? f.alert };
  if (r.reply) out.push(closing(sendRecords(s.serverNode, r.reply, s.tcp, { key: failureNote(f), params })));
  else out.push(note(failureNote(f), params));
  return out;
}

function onStreamEvent(s: ClientState, ev: StreamParseEvent, onElement: (el: XmlElement) => HostOutput[]): HostOutput[] {
  switch (ev.type) {
    case 'stream-open':
      // The server's header: the first, the one inside TLS, the one after SASL (RFC 6120 §4.3.2–3).
      if (!accepts(s, 'stream-header')) return [note('client.unexpected', { client: s.id, element: 'stream:stream' })];
      s.streamId = ev.attrs.id ?? null;
      return go(s, 'stream-header');
    case 'element':
      return onElement(ev.element);
    case 'stream-close':
      return [...endStream(s, 'stream-close'), note('client.stream-closed', { client: s.id })];
    case 'error':
      return [...endStream(s, 'stream-error'), loginFailedUnlessOnline(s, `stream-error: ${ev.condition}`), note('client.stream-error', { client: s.id, condition: ev.condition })];
  }
}
