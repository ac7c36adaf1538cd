/**
 * The server's side of c2s negotiation (RFC 6120 §4–§7), following server-table.ts: stream headers
 * and features, STARTTLS into TLS 1.3 (lib/xmpp/tls-channel), SASL (PLAIN, SCRAM-SHA-1, SCRAM-SHA-256 against the
 * hashed credential store) with retries, stream restarts, resource binding and stream errors.
 * Resource conflict (RFC 6120 §7.7.2.2): like Prosody's default, the NEW session wins and the old
 * one is closed with a <conflict/> stream error ("kick old").
 * @module
 */
import { toHex } from '../../bytes/hex';
import { fact } from '../../sim/facts';
import type { HostOutput } from '../../sim/types';
import { child, text, x, type XmlElement } from '../../xml/element';
import { serializeOpenTag } from '../../xml/serialize';
import { createStreamParser, restartStream } from '../../xml/stream-parser';
import { prepareResourcepart } from '../jid';
import { NS_BIND, NS_CLIENT, NS_SASL, NS_STREAM, NS_STREAMS_ERRORS, NS_TLS } from '../namespaces';
import type { ScramHash } from '../../crypto/scram';
import { scramCredentialsFor } from '../sasl/credentials';
import { offeredMechanisms, type SaslMechanismName } from '../sasl/mechanisms';
import { decodeSaslText, encodeSaslPayload } from '../sasl/payload';
import { plainServerVerify } from '../sasl/plain';
import { scramServerFinal, scramServerStart } from '../sasl/scram';
import { channelBinding, externalChannel, serverChannel, tlsUpgradeNote } from '../tls-channel/channel';
import { uuidFromBytes, type TcpEndpoints, type WirePiece } from '../wire';
import { nextServerC2sPhase, type ServerC2sTrigger } from '../stream/server-table';
import type { ServerContext } from './context';
import { endSession } from './presence';
import { STREAM_CLOSE, XML_DECL, note, piece, toSession } from './out';
import type { ServerState, Session } from './state';
import { fromHex } from '../../bytes/hex';

/** A session on a new TCP connection; `tcp`: our end and the client's, as the kernel delivered its first bytes. */
export function newSession(node: string, tcp: TcpEndpoints): Session {
  return {
    node,
    phase: 'awaiting-header',
    parser: createStreamParser(),
    tcp,
    tls: null,
    user: null,
    fullJid: null,
    resource: null,
    authFailures: 0,
    scram: null,
    available: false,
    priority: 0,
    presence: [],
    streamId: null,
  };
}

/**
 * A step the client's input asks for, along server-table.ts: false when the table has no row for it
 * (the phase stays, and the caller answers it as the client's error).
 */
function go(sess: Session, on: ServerC2sTrigger): boolean {
  const next = nextServerC2sPhase(sess.phase, on);
  if (next === null) return false;
  sess.phase = next;
  return true;
}

/**
 * A step the server's own code takes, along server-table.ts. The table refusing it is an engine
 * defect, never the client's fault: the phase stays, and the outputs say so (a note, and an
 * engine-error fact that tests look for).
 */
export function step(s: ServerState, sess: Session, on: ServerC2sTrigger): HostOutput[] {
  const from = sess.phase;
  if (go(sess, on)) return [];
  return [
    note('server.impossible-transition', { server: s.domain, client: sess.node, phase: from, trigger: on }),
    fact({ type: 'engine-error', node: s.id, machine: 'xmpp-server', from, trigger: on }),
  ];
}

function tlsUp(sess: Session): boolean {
  return sess.tls !== null && sess.tls.phase === 'open';
}

function offered(s: ServerState, sess: Session): SaslMechanismName[] {
  return offeredMechanisms({ tls: tlsUp(sess), allowPlainWithoutTls: s.settings.allowPlainWithoutTls, enabled: s.settings.mechanisms });
}

/** RFC 6120 §4.9: send the error, close the stream, end the session. */
export function streamError(s: ServerState, sess: Session, condition: string, ctx: ServerContext, textContent?: string): HostOutput[] {
  const err = x('stream:error', null, x(condition, { xmlns: NS_STREAMS_ERRORS }), textContent ? x('text', { xmlns: NS_STREAMS_ERRORS }, textContent) : null);
  const out: HostOutput[] = [toSession(sess, [piece(err), STREAM_CLOSE], { key: 'server.stream-error', params: { server: s.domain, condition, client: sess.node } })];
  out.push(...endSession(s, sess, ctx));
  return out;
}

function header(s: ServerState, id: string): WirePiece {
  const attrs = { from: s.domain, id, 'xml:lang': 'en', xmlns: NS_CLIENT, 'xmlns:stream': NS_STREAM, version: '1.0' };
  return { text: XML_DECL + serializeOpenTag('stream:stream', attrs), label: 'stream header' };
}

export function onStreamOpen(s: ServerState, sess: Session, attrs: Record<string, string>, ctx: ServerContext): HostOutput[] {
  const id = uuidFromBytes(ctx.randomBytes(16));
  sess.streamId = id;
  // RFC 6120 §4.9.3.6: a stream to a domain this server does not serve.
  if (attrs.to !== undefined && attrs.to !== s.domain) {
    return [toSession(sess, [header(s, id)], { key: 'server.stream-header', params: { server: s.domain, client: sess.node } }), ...streamError(s, sess, 'host-unknown', ctx)];
  }
  if (attrs.xmlns !== NS_CLIENT) {
    return [toSession(sess, [header(s, id)], { key: 'server.stream-header', params: { server: s.domain, client: sess.node } }), ...streamError(s, sess, 'invalid-namespace', ctx)];
  }
  if (sess.user !== null && go(sess, 'stream-header-authenticated')) {
    // RFC 6120 §7.6: after SASL, binding is offered (and mandatory).
    const features = x('stream:features', null, x('bind', { xmlns: NS_BIND }, x('required')));
    return [toSession(sess, [header(s, id), piece(features)], { key: 'server.features-bind', params: { server: s.domain, client: sess.node } })];
  }
  if (!go(sess, 'stream-header')) return streamError(s, sess, 'conflict', ctx);
  const offerTls = s.settings.tls !== 'none' && !tlsUp(sess);
  // RFC 6120 §5.3.1: with TLS required, nothing but STARTTLS is offered before it.
  const mechanisms = s.settings.tls === 'required' && !tlsUp(sess) ? [] : offered(s, sess);
  const features = x(
    'stream:features',
    null,
    offerTls ? x('starttls', { xmlns: NS_TLS }, s.settings.tls === 'required' ? x('required') : null) : null,
    mechanisms.length ? x('mechanisms', { xmlns: NS_SASL }, mechanisms.map((m) => x('mechanism', null, m))) : null,
  );
  const key = offerTls ? (s.settings.tls === 'required' ? 'server.features-starttls-required' : 'server.features-starttls') : mechanisms.includes('PLAIN') && !tlsUp(sess) ? 'server.features-sasl' : 'server.features-sasl-tls';
  return [toSession(sess, [header(s, id), piece(features)], { key, params: { server: s.domain, client: sess.node, mechanisms: mechanisms.join(', ') } })];
}

function saslFailure(s: ServerState, sess: Session, condition: string, reason: string, ctx: ServerContext): HostOutput[] {
  sess.scram = null;
  sess.authFailures += 1;
  const failure = x('failure', { xmlns: NS_SASL }, x(condition));
  const out: HostOutput[] = [toSession(sess, [piece(failure)], { key: 'server.sasl-failure', params: { server: s.domain, client: sess.node, condition, reason } })];
  if (sess.authFailures >= s.settings.maxAuthAttempts) {
    // RFC 6120 §6.4.5: too many retries end the stream, with <policy-violation/>.
    out.push(...step(s, sess, 'too-many-failures'));
    out.push(...streamError(s, sess, 'policy-violation', ctx, 'Too many failed authentication attempts'));
  } else {
    out.push(...step(s, sess, sess.phase === 'sasl-challenge' ? 'response-failure' : 'auth-failure'));
  }
  return out;
}

function authSucceeded(s: ServerState, sess: Session, username: string, authzid: string | null, finalData: string | null, mechanism: string, ctx: ServerContext): HostOutput[] {
  // RFC 6120 §6.4.6 / §6.3.8: an authzid other than the account's own bare JID is refused.
  if (authzid !== null && authzid !== `${username}@${s.domain}`) return saslFailure(s, sess, 'invalid-authzid', 'authzid', ctx);
  sess.user = username;
  sess.scram = null;
  const moved = step(s, sess, sess.phase === 'sasl-challenge' ? 'response-success' : 'auth-success');
  restartStream(sess.parser);
  const success = x('success', { xmlns: NS_SASL }, finalData === null ? null : encodeSaslPayload(finalData));
  const inner = finalData === null ? undefined : { layer: 'sasl' as const, text: encodeSaslPayload(finalData), label: `SCRAM server-final-message: ${finalData}` };
  return [toSession(sess, [piece(success, inner)], { key: mechanism === 'PLAIN' ? 'server.sasl-success' : 'server.scram-success', params: { server: s.domain, client: sess.node, user: username, mechanism } }), ...moved];
}

function scramHash(m: SaslMechanismName): ScramHash {
  return m === 'SCRAM-SHA-1' ? 'SHA-1' : 'SHA-256';
}

function onAuth(s: ServerState, sess: Session, el: XmlElement, ctx: ServerContext): HostOutput[] {
  const mech = el.attrs.mechanism ?? '';
  if (s.settings.tls === 'required' && !tlsUp(sess)) return saslFailure(s, sess, 'encryption-required', mech, ctx);
  const allowed = offered(s, sess);
  if (!(allowed as string[]).includes(mech)) return saslFailure(s, sess, 'invalid-mechanism', mech, ctx);
  const decoded = decodeSaslText(text(el));
  if (decoded.type === 'failure') return saslFailure(s, sess, decoded.condition, decoded.reason, ctx);
  const accounts = s.accounts;
  if (mech === 'PLAIN') {
    const r = plainServerVerify((u) => accounts[u]?.credentials ?? null, decoded.text);
    if (r.type === 'failure') return saslFailure(s, sess, r.condition, r.reason, ctx);
    return authSucceeded(s, sess, r.username, r.authzid, null, mech, ctx);
  }
  const hash = scramHash(mech as SaslMechanismName);
  const lookup = (u: string) => {
    const a = accounts[u];
    return a ? scramCredentialsFor(a.credentials, hash) : null;
  };
  // RFC 5802 §6: with -PLUS the client's c= must carry our end of the channel (RFC 9266 tls-exporter);
  // offering -PLUS makes a client's "y" a sign that someone removed it from the list.
  const binding = mech === 'SCRAM-SHA-256-PLUS' ? channelBinding(sess.tls) : null;
  const options = {
    unknownUser: { mockSecret: fromHex(s.secret), iterations: s.settings.iterations },
    channelBindingOffered: allowed.includes('SCRAM-SHA-256-PLUS'),
    ...(binding ? { channelBinding: binding } : {}),
  };
  // RFC 5802 §9: an unknown user gets a plausible mock challenge, so the exchange does not reveal which accounts exist.
  const r = scramServerStart(hash, lookup, decoded.text, ctx.randomBytes(18), options);
  if (r.type === 'failure') return saslFailure(s, sess, r.condition, r.reason, ctx);
  sess.scram = r.state;
  const moved = step(s, sess, 'auth-challenge');
  const payload = encodeSaslPayload(r.serverFirstMessage);
  const challenge = x('challenge', { xmlns: NS_SASL }, payload);
  return [
    toSession(sess, [piece(challenge, { layer: 'sasl', text: payload, label: `SCRAM server-first-message: ${r.serverFirstMessage}` })], {
      key: accounts[r.state.username] ? 'server.scram-challenge' : 'server.scram-challenge-unknown',
      params: { server: s.domain, client: sess.node, user: r.state.username, iterations: Number(/i=(\d+)/.exec(r.serverFirstMessage)?.[1] ?? 0) },
    }),
    ...moved,
  ];
}

function onResponse(s: ServerState, sess: Session, el: XmlElement, ctx: ServerContext): HostOutput[] {
  if (!sess.scram) return saslFailure(s, sess, 'malformed-request', 'unexpected-response', ctx);
  const decoded = decodeSaslText(text(el));
  if (decoded.type === 'failure') return saslFailure(s, sess, decoded.condition, decoded.reason, ctx);
  const r = scramServerFinal(sess.scram, decoded.text);
  if (r.type === 'failure') return saslFailure(s, sess, r.condition, r.reason, ctx);
  const mechanism = sess.scram.hash === 'SHA-1' ? 'SCRAM-SHA-1' : sess.scram.cbindData !== '' ? 'SCRAM-SHA-256-PLUS' : 'SCRAM-SHA-256';
  return authSucceeded(s, sess, r.username, r.authzid, r.serverFinalMessage, mechanism, ctx);
}

function onStarttls(s: ServerState, sess: Session, ctx: ServerContext): HostOutput[] {
  if (s.settings.tls === 'none' || tlsUp(sess)) {
    // RFC 6120 §5.4.2.2: STARTTLS not possible → <failure/> and close the stream.
    const out: HostOutput[] = [toSession(sess, [piece(x('failure', { xmlns: NS_TLS })), STREAM_CLOSE], { key: 'server.starttls-failure', params: { server: s.domain, client: sess.node } })];
    out.push(...step(s, sess, 'stream-error'));
    return [...out, ...endSession(s, sess, ctx)];
  }
  const proceed = toSession(sess, [piece(x('proceed', { xmlns: NS_TLS }))], { key: 'server.starttls-proceed', params: { server: s.domain, client: sess.node } });
  const moved = step(s, sess, 'starttls');
  if (s.settings.tlsLayer === 'external') {
    // Real TLS (lib/io): the adapter upgrades the socket after <proceed/>; the stream inside TLS starts afresh.
    sess.tls = externalChannel(`tls:${sess.node}`, 'server');
    moved.push(...step(s, sess, 'tls-established'));
    sess.parser = createStreamParser();
    return [proceed, ...moved, tlsUpgradeNote(s.id, sess.node, 'server', s.domain)];
  }
  // The certificate for our domain, and a fresh random and key share for this handshake (RFC 8446 §4.1.3).
  sess.tls = serverChannel(`tls:${s.links[sess.node] ?? `${sess.node}~${s.id}`}`, s.tlsIdentity!, ctx.randomBytes(64));
  // RFC 6120 §5.4.3.3: the stream inside TLS is a new one; nothing from before the upgrade carries over.
  sess.parser = createStreamParser();
  return [proceed, ...moved];
}

function onBind(s: ServerState, sess: Session, el: XmlElement, ctx: ServerContext): HostOutput[] {
  const requested = text(child(child(el, 'bind', NS_BIND) ?? x('bind'), 'resource'));
  let resource: string;
  if (requested) {
    try {
      resource = prepareResourcepart(requested);
    } catch {
      const err = x('iq', { type: 'error', id: el.attrs.id }, x('error', { type: 'modify' }, x('bad-request', { xmlns: 'urn:ietf:params:xml:ns:xmpp-stanzas' })));
      return [toSession(sess, [piece(err)], { key: 'server.bind-bad-request', params: { server: s.domain, client: sess.node } })];
    }
  } else {
    // RFC 6120 §7.6.2.1: the server generates a resource when the client does not ask for one.
    resource = toHex(ctx.randomBytes(6));
  }
  const full = `${sess.user}@${s.domain}/${resource}`;
  const out: HostOutput[] = [];
  for (const old of Object.values(s.sessions)) {
    if (old !== sess && old.phase === 'established' && old.fullJid === full) {
      // RFC 6120 §7.7.2.2, option "terminate the old session" (Prosody's default, kick-old).
      out.push(note('server.bind-conflict', { server: s.domain, jid: full, old: old.node, client: sess.node }));
      out.push(...streamError(s, old, 'conflict', ctx, 'Replaced by new connection'));
    }
  }
  sess.fullJid = full;
  sess.resource = resource;
  out.push(...step(s, sess, 'bind'));
  const result = x('iq', { type: 'result', id: el.attrs.id }, x('bind', { xmlns: NS_BIND }, x('jid', null, full)));
  out.push(toSession(sess, [piece(result)], { key: requested ? 'server.bound' : 'server.bound-generated', params: { server: s.domain, client: sess.node, jid: full } }));
  return out;
}

/** Elements before the session is established (nonzas and the bind iq). */
export function onNegotiation(s: ServerState, sess: Session, el: XmlElement, ctx: ServerContext): HostOutput[] {
  if (sess.phase === 'negotiating' || sess.phase === 'sasl-challenge') {
    if (el.name === 'starttls' && el.attrs.xmlns === NS_TLS && sess.phase === 'negotiating') return onStarttls(s, sess, ctx);
    if (el.name === 'auth' && el.attrs.xmlns === NS_SASL && sess.phase === 'negotiating') return onAuth(s, sess, el, ctx);
    if (el.name === 'response' && el.attrs.xmlns === NS_SASL) return onResponse(s, sess, el, ctx);
    if (el.name === 'abort' && el.attrs.xmlns === NS_SASL) return saslFailure(s, sess, 'aborted', 'abort', ctx);
    // RFC 6120 §4.9.3.12: anything else before authentication.
    return streamError(s, sess, 'not-authorized', ctx);
  }
  if (sess.phase === 'awaiting-bind') {
    if (el.name === 'iq' && el.attrs.type === 'set' && child(el, 'bind', NS_BIND)) return onBind(s, sess, el, ctx);
    return streamError(s, sess, 'not-authorized', ctx);
  }
  return streamError(s, sess, 'not-authorized', ctx);
}
