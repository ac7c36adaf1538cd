/**
 * An XMPP client host (RFC 6120 c2s; RFC 6121 roster, subscriptions, presence, messages; XEP-0030
 * disco#info and XEP-0199 ping answered) as a sans-I/O state machine: bytes and user intents in,
 * bytes and notes out. Negotiation follows the transitions in client-table.ts: STARTTLS into
 * modelled TLS, SASL (PLAIN, SCRAM-SHA-1, SCRAM-SHA-256) with user-driven retries, restart, bind.
 * The client refuses to authenticate without TLS when its policy asks for TLS (no silent downgrade).
 * @module
 */
import { utf8 } from '../../bytes/hex';
import { fact } from '../../sim/facts';
import type { Action, ClientSpec, HostContext, HostInput, HostMachine, HostOutput, Note, Scenario, SaslMechanismSetting } from '../../sim/types';
import { child, children, isElement, text, x, type XmlElement } from '../../xml/element';
import { serialize, serializeOpenTag } from '../../xml/serialize';
import { createStreamParser, feed, restartStream, type StreamParserState } from '../../xml/stream-parser';
import { NS_BIND, NS_CLIENT, NS_DELAY, NS_DISCO_INFO, NS_DISCO_ITEMS, NS_PING, NS_ROSTER, NS_SASL, NS_STANZAS, NS_STREAM, NS_TLS } from '../namespaces';
import { chooseMechanism, type SaslMechanismName } from '../sasl/mechanisms';
import { decodeSaslText, encodeSaslPayload } from '../sasl/payload';
import { encodePlainMessage } from '../sasl/plain';
import { scramClientFinal, scramClientStart, scramClientVerify, type ScramClientState } from '../sasl/scram';
import { keyParams, tlsClientStart, tlsExternal, tlsKeysFact, tlsReceive, tlsUpgradeNote, type TlsConn } from '../tls-model/connection';
import { clientPort, sendBytes, sendOutput, type TcpEndpoints, type WirePiece } from '../wire';
import { nextClientPhase, type ClientPhase, type ClientTrigger } from './client-table';
import { newOtrClientState, otrAction, otrReceive, type OtrClientState, type OtrHost } from '../im/otr-client';
import { newStaticClientState, staticAction, staticReceive, type StaticClientState } from '../im/static-client';
import { stolenKeys } from '../im/otr-theft';
import { newSignedClientState, signedAction, signedReceive, type SignedClientState } from '../im/signed-client';

export interface ReceivedMessage {
  from: string;
  body: string;
  time: number;
  /** XEP-0203 stamp when the server held it. */
  delayed?: string;
  /** End-to-end encrypted (OTR, or the static-key contrast); `verified` after a successful SMP. */
  encrypted?: boolean;
  verified?: boolean;
}

export interface ContactPresence {
  jid: string;
  available: boolean;
  show?: string;
  status?: string;
}

export interface ClientRosterItem {
  jid: string;
  subscription: string;
  ask?: string;
  name?: string;
}

export interface ClientState {
  id: string;
  phase: ClientPhase;
  jid: string;
  domain: string;
  localpart: string;
  password: string;
  resource: string | null;
  serverNode: string;
  linkId: string;
  tcp: TcpEndpoints;
  parser: StreamParserState;
  tls: TlsConn | null;
  /** `tlsLayer: 'external'`: real TLS outside the machine (lib/io); absent = modelled TLS. */
  policy: { tls: Scenario['settings']['tls']; mechanism: SaslMechanismSetting; allowPlainWithoutTls: boolean; tlsLayer?: 'modelled' | 'external' };
  /** Mechanisms the server offered last (for a retry). */
  offered: string[];
  scram: ScramClientState | null;
  /** The full JID the server bound, once online. */
  boundJid: string | null;
  streamId: string | null;
  nextId: number;
  /** What the user asked for before the session was ready (bounded). */
  outbox: Action[];
  /** The latest messages received, as the client's screen shows them (the trace keeps them all). */
  inbox: ReceivedMessage[];
  roster: Record<string, ClientRosterItem>;
  /** Presence seen, by full JID (bounded). */
  presence: Record<string, ContactPresence>;
  /** Subscription requests waiting for the user's answer (bare JIDs). */
  requests: string[];
  /** Own presence settings, sent with the initial presence too. */
  own: { show?: string; status?: string; priority?: number };
  /** Outstanding iq requests by id: what they asked. */
  pending: Record<string, string>;
  /** OTR conversations and the long-term DSA key (lib/xmpp/im/otr-client.ts). */
  otr: OtrClientState;
  /** The static-key contrast's key pair and the public keys received (lib/xmpp/im/static-client.ts). */
  staticKey: StaticClientState;
  /** The signed-message contrast's Ed25519 key and the signers' keys seen (lib/xmpp/im/signed-client.ts). */
  signed: SignedClientState;
}

/** State stays small so that checkpoints cost the same at step 10 and at step 100,000. */
export const INBOX_SHOWN = 20;
const OUTBOX_MAX = 20;
const PRESENCE_MAX = 50;
const PENDING_MAX = 20;

const XML_DECL = "<?xml version='1.0'?>";

function streamHeader(domain: string): WirePiece {
  const attrs = { to: domain, version: '1.0', 'xml:lang': 'en', xmlns: NS_CLIENT, 'xmlns:stream': NS_STREAM };
  return { text: XML_DECL + serializeOpenTag('stream:stream', attrs), label: 'stream header' };
}

function piece(el: XmlElement, inner?: WirePiece['inner']): WirePiece {
  return { text: serialize(el), label: `<${el.name}/>`, ...(inner ? { inner } : {}) };
}

function send(s: ClientState, pieces: WirePiece[], note: Note): HostOutput {
  return sendOutput(s.serverNode, pieces, s.tcp, note, s.tls);
}

function note(key: string, params: Record<string, string | number>): HostOutput {
  return { type: 'note', note: { key, params } };
}

function initClient(spec: ClientSpec, scenario: Scenario): ClientState {
  const [localpart = '', domain = ''] = spec.jid.split('@');
  const server = scenario.topology.servers.find((s) => s.id === spec.server);
  const link = scenario.topology.links.find((l) => (l.a === spec.id && l.b === spec.server) || (l.b === spec.id && l.a === spec.server));
  const st = scenario.settings;
  return {
    id: spec.id,
    phase: 'offline',
    jid: spec.jid,
    domain,
    localpart,
    password: spec.password,
    resource: spec.resource ?? null,
    serverNode: spec.server,
    linkId: link?.id ?? `${spec.id}~${spec.server}`,
    tcp: { srcIp: spec.ip, srcPort: clientPort(spec.id), dstIp: server?.ip ?? '0.0.0.0', dstPort: 5222 },
    parser: createStreamParser(),
    tls: null,
    policy: { tls: st.tls, mechanism: st.sasl, allowPlainWithoutTls: st.allowPlainWithoutTls ?? false },
    offered: [],
    scram: null,
    boundJid: null,
    streamId: null,
    nextId: 1,
    outbox: [],
    inbox: [],
    roster: {},
    presence: {},
    requests: [],
    own: {},
    pending: {},
    otr: newOtrClientState(),
    staticKey: newStaticClientState(),
    signed: newSignedClientState(),
  };
}

/** The login ended without a session (lib/io's XmppClient waits for this or for 'session-online'). */
function loginFailed(s: ClientState, reason: string): HostOutput {
  return fact({ type: 'login-failed', node: s.id, reason });
}

/** A stream that dies: a failed login when it dies before the session was bound. */
function loginFailedUnlessOnline(s: ClientState, reason: string): HostOutput {
  return s.boundJid === null ? loginFailed(s, reason) : fact({ type: 'stream-ended', node: s.id, reason });
}

function go(s: ClientState, on: ClientTrigger): boolean {
  const next = nextClientPhase(s.phase, on);
  if (next === null) return false;
  s.phase = next;
  return true;
}

function id(s: ClientState): string {
  return `${s.id}-${s.nextId++}`;
}

function tlsUp(s: ClientState): boolean {
  return s.tls !== null && s.tls.phase === 'open';
}

// ---------------------------------------------------------------------------------------------
// Negotiation

function startAuth(s: ClientState, ctx: HostContext): HostOutput[] {
  const mech = chooseMechanism(s.offered, [s.policy.mechanism as SaslMechanismName], { tls: tlsUp(s), allowPlainWithoutTls: s.policy.allowPlainWithoutTls });
  if (mech === null) {
    go(s, 'no-mechanism');
    return [loginFailed(s, 'no-mechanism'), send(s, [{ text: '</stream:stream>', label: 'stream close' }], { key: 'client.no-mechanism', params: { client: s.id, wanted: s.policy.mechanism, offered: s.offered.join(', ') || '—' } })];
  }
  if (mech === 'PLAIN') {
    let message: string;
    try {
      message = encodePlainMessage({ authcid: s.localpart, password: s.password });
    } catch {
      message = `\u0000${s.localpart}\u0000${s.password}`;
    }
    const payload = encodeSaslPayload(message);
    const auth = x('auth', { xmlns: NS_SASL, mechanism: 'PLAIN' }, payload);
    return [fact({ type: 'sasl-started', node: s.id, mechanism: 'PLAIN' }), send(s, [piece(auth, { layer: 'sasl', text: payload, label: `SASL PLAIN: ${s.localpart} + password` })], { key: tlsUp(s) ? 'client.sasl-plain-tls' : 'client.sasl-plain', params: { client: s.id, server: s.domain } })];
  }
  let started: ReturnType<typeof scramClientStart>;
  try {
    started = scramClientStart({ username: s.localpart, password: s.password, hash: mech === 'SCRAM-SHA-1' ? 'SHA-1' : 'SHA-256', nonce: ctx.randomBytes(18) });
  } catch {
    go(s, 'no-mechanism');
    return [loginFailed(s, 'bad-credentials'), note('client.bad-credentials', { client: s.id })];
  }
  s.scram = started.state;
  const payload = encodeSaslPayload(started.clientFirstMessage);
  const auth = x('auth', { xmlns: NS_SASL, mechanism: mech }, payload);
  return [fact({ type: 'sasl-started', node: s.id, mechanism: mech }), send(s, [piece(auth, { layer: 'sasl', text: payload, label: `SCRAM client-first-message: ${started.clientFirstMessage}` })], { key: 'client.scram-start', params: { client: s.id, server: s.domain, mechanism: mech } })];
}

function onFeatures(s: ClientState, el: XmlElement, ctx: HostContext): HostOutput[] {
  if (s.phase === 'awaiting-bind-features') {
    if (!child(el, 'bind', NS_BIND) || !go(s, 'features-bind')) return [note('client.unexpected', { client: s.id, element: el.name })];
    const bind = x('bind', { xmlns: NS_BIND }, s.resource ? x('resource', null, s.resource) : null);
    const iq = x('iq', { type: 'set', id: `${s.id}-bind-${s.nextId++}` }, bind);
    return [send(s, [piece(iq)], { key: s.resource ? 'client.bind' : 'client.bind-generated', params: { client: s.id, resource: s.resource ?? '' } })];
  }
  if (s.phase !== 'awaiting-features') return [note('client.unexpected', { client: s.id, element: el.name })];
  const starttls = child(el, 'starttls', NS_TLS);
  if (starttls && s.policy.tls !== 'none' && !tlsUp(s)) {
    go(s, 'features-starttls');
    return [send(s, [piece(x('starttls', { xmlns: NS_TLS }))], { key: 'client.starttls', params: { client: s.id, server: s.domain } })];
  }
  if (s.policy.tls !== 'none' && !tlsUp(s)) {
    // The client's own policy: no TLS offered, no login (RFC 6120 §13.8; what stops a downgrade).
    go(s, 'no-mechanism');
    return [loginFailed(s, 'tls-missing'), send(s, [{ text: '</stream:stream>', label: 'stream close' }], { key: 'client.tls-missing', params: { client: s.id, server: s.domain } })];
  }
  const mechs = child(el, 'mechanisms', NS_SASL);
  if (!mechs) return [note('client.unexpected', { client: s.id, element: el.name })];
  s.offered = children(mechs, 'mechanism').map((m) => text(m));
  go(s, 'features-sasl');
  return startAuth(s, ctx);
}

function onSasl(s: ClientState, el: XmlElement): HostOutput[] {
  if (s.phase !== 'authenticating') return [note('client.unexpected', { client: s.id, element: el.name })];
  if (el.name === 'challenge') {
    const decoded = decodeSaslText(text(el));
    const r = s.scram && decoded.type === 'ok' && s.scram.step === 'awaiting-server-first' ? scramClientFinal(s.scram, decoded.text) : null;
    if (!r || r.type === 'failure') {
      // RFC 6120 §6.4.4: the client aborts a handshake it cannot continue.
      return [loginFailed(s, 'sasl-abort'), send(s, [piece(x('abort', { xmlns: NS_SASL }))], { key: 'client.sasl-abort', params: { client: s.id, reason: r?.reason ?? 'unexpected' } })];
    }
    s.scram = r.state;
    go(s, 'sasl-challenge');
    const payload = encodeSaslPayload(r.clientFinalMessage);
    return [send(s, [piece(x('response', { xmlns: NS_SASL }, payload), { layer: 'sasl', text: payload, label: `SCRAM client-final-message: ${r.clientFinalMessage}` })], { key: 'client.scram-proof', params: { client: s.id, iterations: r.state.keys?.iterations ?? 0 } })];
  }
  if (el.name === 'success') {
    if (s.scram) {
      // RFC 5802 §5: the client checks ServerSignature; a server that does not know ServerKey is refused.
      const decoded = decodeSaslText(text(el));
      const v = decoded.type === 'ok' && s.scram.step === 'awaiting-server-final' ? scramClientVerify(s.scram, decoded.text) : null;
      if (!v || v.type === 'failure') {
        go(s, 'stream-error');
        s.scram = null;
        return [loginFailed(s, 'server-signature-bad'), send(s, [{ text: '</stream:stream>', label: 'stream close' }], { key: 'client.server-signature-bad', params: { client: s.id, server: s.domain } })];
      }
    }
    const wasScram = s.scram !== null;
    s.scram = null;
    go(s, 'sasl-success');
    // RFC 6120 §6.4.6: on success both sides discard the old stream and start a new one on the same TCP connection.
    restartStream(s.parser);
    return [send(s, [streamHeader(s.domain)], { key: wasScram ? 'client.scram-verified' : 'client.stream-restart', params: { client: s.id, server: s.domain } })];
  }
  // <failure/>
  s.scram = null;
  go(s, 'sasl-failure');
  const condition = el.children.find(isElement)?.name ?? 'unknown';
  return [loginFailed(s, `sasl-failed: ${condition}`), note('client.sasl-failed', { client: s.id, condition })];
}

// ---------------------------------------------------------------------------------------------
// Actions

function bareOf(jid: string): string {
  const i = jid.indexOf('/');
  return i < 0 ? jid : jid.slice(0, i);
}

function iq(s: ClientState, type: 'get' | 'set', what: string, to: string | undefined, payload: XmlElement): XmlElement {
  const i = id(s);
  if (Object.keys(s.pending).length >= PENDING_MAX) delete s.pending[Object.keys(s.pending)[0]!];
  s.pending[i] = what;
  return x('iq', { type, id: i, to }, payload);
}

function ownPresence(s: ClientState, unavailable = false): XmlElement {
  const o = s.own;
  if (unavailable) return x('presence', { type: 'unavailable' }, o.status ? x('status', null, o.status) : null);
  return x('presence', null, o.show ? x('show', null, o.show) : null, o.status ? x('status', null, o.status) : null, o.priority !== undefined ? x('priority', null, String(o.priority)) : null);
}

function show(s: ClientState, from: string, body: string, time: number, marks: Partial<ReceivedMessage> = {}): void {
  s.inbox.push({ from, body, time, ...marks });
  if (s.inbox.length > INBOX_SHOWN) s.inbox.shift();
}

/** What the OTR and static-key glue may use of the client: its stanza sender and its screen. */
function e2eHost(s: ClientState, ctx: HostContext): OtrHost {
  return {
    client: s.id,
    account: s.jid,
    plainLink: !tlsUp(s),
    nextId: () => id(s),
    send: (pieces, n) => send(s, pieces, n),
    show: (from, body, marks) => show(s, from, body, ctx.now, marks),
  };
}

function onlineAction(s: ClientState, a: Action, ctx: HostContext): HostOutput[] {
  const e2e = otrAction(s.otr, e2eHost(s, ctx), a, ctx) ?? staticAction(s.staticKey, e2eHost(s, ctx), a, ctx) ?? signedAction(s.signed, e2eHost(s, ctx), a, ctx);
  if (e2e) return e2e;
  switch (a.type) {
    case 'send-message': {
      const type = a.messageType ?? 'chat';
      const m = x('message', { type, to: a.to, id: id(s) }, x('body', null, a.body));
      return [send(s, [piece(m)], { key: 'client.message-send', params: { client: s.id, to: a.to, server: s.domain, type } })];
    }
    case 'set-presence': {
      if (a.unavailable) return [send(s, [piece(ownPresence(s, true))], { key: 'client.presence-unavailable', params: { client: s.id } })];
      s.own = { ...(a.show ? { show: a.show } : {}), ...(a.status ? { status: a.status } : {}), ...(a.priority !== undefined ? { priority: a.priority } : {}) };
      return [send(s, [piece(ownPresence(s))], { key: 'client.presence-update', params: { client: s.id, show: a.show ?? 'online', priority: a.priority ?? 0 } })];
    }
    case 'add-contact': {
      const set = iq(s, 'set', 'roster-set', undefined, x('query', { xmlns: NS_ROSTER }, x('item', { jid: a.jid, name: a.name })));
      const sub = x('presence', { to: a.jid, type: 'subscribe' });
      return [send(s, [piece(set), piece(sub)], { key: 'client.add-contact', params: { client: s.id, jid: a.jid } })];
    }
    case 'subscribe':
    case 'unsubscribe':
      return [send(s, [piece(x('presence', { to: a.jid, type: a.type }))], { key: `client.${a.type}`, params: { client: s.id, jid: a.jid } })];
    case 'approve-subscription':
    case 'deny-subscription': {
      s.requests = s.requests.filter((r) => r !== bareOf(a.jid));
      const type = a.type === 'approve-subscription' ? 'subscribed' : 'unsubscribed';
      return [send(s, [piece(x('presence', { to: a.jid, type }))], { key: `client.${a.type}`, params: { client: s.id, jid: a.jid } })];
    }
    case 'remove-contact': {
      const set = iq(s, 'set', 'roster-remove', undefined, x('query', { xmlns: NS_ROSTER }, x('item', { jid: a.jid, subscription: 'remove' })));
      return [send(s, [piece(set)], { key: 'client.remove-contact', params: { client: s.id, jid: a.jid } })];
    }
    case 'roster-get':
      return [send(s, [piece(iq(s, 'get', 'roster-get', undefined, x('query', { xmlns: NS_ROSTER })))], { key: 'client.roster-get', params: { client: s.id } })];
    case 'disco-info':
    case 'disco-items': {
      const to = a.to ?? s.domain;
      const ns = a.type === 'disco-info' ? NS_DISCO_INFO : NS_DISCO_ITEMS;
      return [send(s, [piece(iq(s, 'get', a.type, to, x('query', { xmlns: ns })))], { key: `client.${a.type}`, params: { client: s.id, to } })];
    }
    case 'ping': {
      const to = a.to ?? s.domain;
      return [send(s, [piece(iq(s, 'get', 'ping', to, x('ping', { xmlns: NS_PING })))], { key: 'client.ping', params: { client: s.id, to } })];
    }
    default:
      return [];
  }
}

function handleAction(s: ClientState, a: Action, ctx: HostContext): HostOutput[] {
  switch (a.type) {
    case 'connect': {
      if (!go(s, 'connect')) return [note('client.already-connected', { client: s.id })];
      // A new TCP connection: fresh parser, no TLS yet.
      s.parser = createStreamParser();
      s.tls = null;
      s.scram = null;
      s.boundJid = null;
      s.presence = {};
      return [send(s, [streamHeader(s.domain)], { key: 'client.stream-open', params: { client: s.id, server: s.domain } })];
    }
    case 'disconnect': {
      const wasOnline = s.phase === 'online';
      if (!go(s, 'disconnect')) return [note('client.not-connected', { client: s.id })];
      // RFC 6121 §4.5.1: say goodbye with unavailable presence, then close the stream (RFC 6120 §4.4).
      const pieces = [...(wasOnline ? [piece(ownPresence(s, true))] : []), { text: '</stream:stream>', label: 'stream close' }];
      return [send(s, pieces, { key: 'client.stream-close', params: { client: s.id } })];
    }
    case 'retry-login': {
      if (s.phase !== 'auth-failed') return [note('client.retry-not-possible', { client: s.id })];
      if (a.password !== undefined) s.password = a.password;
      if (a.mechanism !== undefined) s.policy = { ...s.policy, mechanism: a.mechanism };
      go(s, 'retry-login');
      return startAuth(s, ctx);
    }
    case 'keys-stolen':
      // Whatever the phase: the device is copied, it does not notice.
      return stolenKeys(s.id, a.thief, a.what, s.otr, s.staticKey);
    case 'send-raw': {
      if (s.phase === 'offline' || s.phase === 'closed' || s.phase === 'failed') return [note('client.not-connected', { client: s.id })];
      const bytes = utf8(a.text);
      if (tlsUp(s)) return [send(s, [{ text: a.text, label: 'raw bytes typed by the user' }], { key: 'client.send-raw', params: { client: s.id, size: bytes.length } })];
      return [sendBytes(s.serverNode, bytes, s.tcp, { key: 'client.send-raw', params: { client: s.id, size: bytes.length } }, { layer: 'xml', start: 0, end: bytes.length, label: 'raw bytes typed by the user' })];
    }
    default:
      if (s.phase === 'online') return onlineAction(s, a, ctx);
      if (a.type === 'set-presence' && !a.unavailable) {
        // Not online yet: the status goes out with the initial presence.
        s.own = { ...(a.show ? { show: a.show } : {}), ...(a.status ? { status: a.status } : {}), ...(a.priority !== undefined ? { priority: a.priority } : {}) };
        return [note('client.action-queued', { client: s.id, action: a.type })];
      }
      if (s.outbox.length >= OUTBOX_MAX) return [note('client.outbox-full', { client: s.id })];
      s.outbox.push(a);
      return [note('client.action-queued', { client: s.id, action: a.type })];
  }
}

// ---------------------------------------------------------------------------------------------
// Stanzas when online

function reply(s: ClientState, req: XmlElement, payload: XmlElement | null, key: string): HostOutput {
  return send(s, [piece(x('iq', { type: 'result', id: req.attrs.id, to: req.attrs.from }, payload))], { key, params: { client: s.id, to: req.attrs.from ?? s.domain } });
}

function onIq(s: ClientState, el: XmlElement): HostOutput[] {
  const type = el.attrs.type;
  const q = el.children.find(isElement);
  if (type === 'result' || type === 'error') {
    const what = el.attrs.id !== undefined ? s.pending[el.attrs.id] : undefined;
    if (el.attrs.id !== undefined) delete s.pending[el.attrs.id];
    if (type === 'error') {
      const condition = child(el, 'error')?.children.find(isElement)?.name ?? 'unknown';
      return [note('client.iq-error', { client: s.id, what: what ?? 'request', condition, from: el.attrs.from ?? s.domain })];
    }
    switch (what) {
      case 'roster-get': {
        s.roster = {};
        for (const it of children(q ?? x('query'), 'item')) setRosterItem(s, it);
        const count = Object.keys(s.roster).length;
        return [fact({ type: 'roster-received', node: s.id, count }), note('client.roster-received', { client: s.id, count })];
      }
      case 'disco-info': {
        const features = children(q ?? x('query'), 'feature').map((f) => f.attrs.var ?? '');
        return [note('client.disco-info-result', { client: s.id, from: el.attrs.from ?? s.domain, features: features.join(', ') })];
      }
      case 'disco-items':
        return [note('client.disco-items-result', { client: s.id, from: el.attrs.from ?? s.domain, count: children(q ?? x('query'), 'item').length })];
      case 'ping':
        return [note('client.pong', { client: s.id, from: el.attrs.from ?? s.domain })];
      default:
        return [note('client.iq-result', { client: s.id, what: what ?? 'request' })];
    }
  }
  if (type !== 'get' && type !== 'set') return [];
  if (q?.name === 'query' && q.attrs.xmlns === NS_ROSTER && type === 'set') {
    // RFC 6121 §2.1.6: a push is only valid from the account itself (no 'from', or the own bare JID).
    if (el.attrs.from !== undefined && el.attrs.from !== bareOf(s.boundJid ?? s.jid)) return [];
    const it = child(q, 'item');
    if (it) setRosterItem(s, it);
    return [reply(s, el, null, 'client.roster-push')];
  }
  if (q?.attrs.xmlns === NS_DISCO_INFO && type === 'get') {
    const info = x('query', { xmlns: NS_DISCO_INFO }, x('identity', { category: 'client', type: 'pc', name: 'Messenger Lab' }), x('feature', { var: NS_DISCO_INFO }), x('feature', { var: NS_PING }));
    return [reply(s, el, info, 'client.disco-info-answer')];
  }
  if (q?.name === 'ping' && q.attrs.xmlns === NS_PING && type === 'get') return [reply(s, el, null, 'client.ping-answer')];
  // RFC 6120 §8.4: a request nobody here understands.
  const err = x('iq', { type: 'error', id: el.attrs.id, to: el.attrs.from }, x('error', { type: 'cancel' }, x('service-unavailable', { xmlns: NS_STANZAS })));
  return [send(s, [piece(err)], { key: 'client.iq-refused', params: { client: s.id, from: el.attrs.from ?? s.domain } })];
}

function setRosterItem(s: ClientState, it: XmlElement): void {
  const jid = it.attrs.jid;
  if (!jid) return;
  if (it.attrs.subscription === 'remove') {
    delete s.roster[jid];
    return;
  }
  s.roster[jid] = { jid, subscription: it.attrs.subscription ?? 'none', ...(it.attrs.ask ? { ask: it.attrs.ask } : {}), ...(it.attrs.name ? { name: it.attrs.name } : {}) };
}

function onPresence(s: ClientState, el: XmlElement): HostOutput[] {
  const from = el.attrs.from ?? s.domain;
  const type = el.attrs.type;
  if (type === 'subscribe') {
    if (!s.requests.includes(bareOf(from)) && s.requests.length < PRESENCE_MAX) s.requests.push(bareOf(from));
    return [note('client.subscription-request', { client: s.id, from })];
  }
  if (type === 'subscribed' || type === 'unsubscribed' || type === 'unsubscribe') return [note(`client.got-${type}`, { client: s.id, from })];
  if (type === 'error') return [note('client.presence-error', { client: s.id, from })];
  if (type !== undefined && type !== 'unavailable') return [];
  if (!(from in s.presence) && Object.keys(s.presence).length >= PRESENCE_MAX) delete s.presence[Object.keys(s.presence)[0]!];
  const show = text(child(el, 'show'));
  const status = text(child(el, 'status'));
  s.presence[from] = { jid: from, available: type === undefined, ...(show ? { show } : {}), ...(status ? { status } : {}) };
  if (type === 'unavailable') return [note('client.presence-unavailable-received', { client: s.id, from })];
  return [note('client.presence-received', { client: s.id, from, show: show || 'online' })];
}

function onMessage(s: ClientState, el: XmlElement, ctx: HostContext): HostOutput[] {
  const now = ctx.now;
  const from = el.attrs.from ?? s.domain;
  if (el.attrs.type === 'error') {
    const condition = child(el, 'error')?.children.find(isElement)?.name ?? 'unknown';
    return [note('client.message-error', { client: s.id, from, condition })];
  }
  const body = text(child(el, 'body'));
  if (!body) return [note('client.stanza-received', { client: s.id, from, element: el.name })];
  // A signed body is never OTR: it is checked first, so an open OTR session does not treat it as stray plaintext.
  // Static-key blocks are never OTR: checked before OTR, so an open or finished session does not take them for plaintext.
  const e2e = signedReceive(s.signed, e2eHost(s, ctx), from, body) ?? staticReceive(s.staticKey, e2eHost(s, ctx), from, body) ?? otrReceive(s.otr, e2eHost(s, ctx), from, body, ctx);
  if (e2e) return e2e;
  const stamp = child(el, 'delay', NS_DELAY)?.attrs.stamp;
  show(s, from, body, now, stamp ? { delayed: stamp } : {});
  return [fact({ type: 'message-shown', node: s.id, from, body, ...(stamp ? { delayed: stamp } : {}) }), note(stamp ? 'client.message-received-delayed' : 'client.message-received', { client: s.id, from, body, stamp: stamp ?? '' })];
}

function onElement(s: ClientState, el: XmlElement, ctx: HostContext): HostOutput[] {
  if (el.name === 'stream:features') return onFeatures(s, el, ctx);
  if (el.name === 'stream:error') {
    go(s, 'stream-error');
    const condition = el.children.find(isElement)?.name ?? 'unknown';
    return [loginFailedUnlessOnline(s, `stream-error: ${condition}`), note('client.stream-error', { client: s.id, condition })];
  }
  if (el.attrs.xmlns === NS_TLS) {
    if (el.name === 'proceed' && s.phase === 'awaiting-proceed' && s.policy.tlsLayer === 'external') {
      // Real TLS (lib/io): the adapter upgrades the socket, then the fresh stream header goes inside it.
      go(s, 'proceed');
      go(s, 'server-hello');
      s.parser = createStreamParser();
      s.tls = tlsExternal(`tls:${s.linkId}`, 'client');
      return [tlsUpgradeNote(s.id, s.serverNode, 'client', s.domain), send(s, [streamHeader(s.domain)], { key: 'client.stream-open-tls', params: { client: s.id, server: s.domain } })];
    }
    if (el.name === 'proceed' && s.phase === 'awaiting-proceed') {
      const { conn, hello } = tlsClientStart(`tls:${s.linkId}`, ctx.randomBytes(64));
      go(s, 'proceed');
      s.parser = createStreamParser();
      s.tls = conn;
      return [sendBytes(s.serverNode, hello, s.tcp, { key: 'tls.client-hello', params: { node: s.id, peer: s.domain } }, { layer: 'tls', start: 0, end: hello.length, label: 'TLS record: handshake, ClientHello (modelled: random + X25519 key share)' })];
    }
    go(s, 'tls-failure');
    return [loginFailed(s, 'starttls-failed'), note('client.starttls-failed', { client: s.id })];
  }
  if (el.attrs.xmlns === NS_SASL && (el.name === 'challenge' || el.name === 'success' || el.name === 'failure')) return onSasl(s, el);
  if (el.name === 'iq' && s.phase === 'binding') {
    if (el.attrs.type !== 'result') {
      go(s, 'bind-error');
      return [loginFailed(s, 'bind-failed'), note('client.bind-failed', { client: s.id })];
    }
    const jid = text(child(child(el, 'bind', NS_BIND) ?? x('bind'), 'jid'));
    go(s, 'bind-result');
    s.boundJid = jid;
    // RFC 6121 §4.2: initial presence announces availability; then what the user asked for meanwhile.
    const out: HostOutput[] = [fact({ type: 'session-online', node: s.id, jid }), send(s, [piece(ownPresence(s))], { key: 'client.initial-presence', params: { client: s.id, jid } })];
    for (const a of s.outbox.splice(0)) out.push(...onlineAction(s, a, ctx));
    return out;
  }
  if (s.phase !== 'online') return [note('client.unexpected', { client: s.id, element: el.name })];
  switch (el.name) {
    case 'message':
      return onMessage(s, el, ctx);
    case 'presence':
      return onPresence(s, el);
    case 'iq':
      return onIq(s, el);
    default:
      return [note('client.unexpected', { client: s.id, element: el.name })];
  }
}

function handleBytes(s: ClientState, data: Uint8Array, ctx: HostContext): HostOutput[] {
  if (s.phase === 'offline' || s.phase === 'closed' || s.phase === 'failed') return [note('client.late-bytes', { client: s.id })];
  const out: HostOutput[] = [];
  let chunks = [data];
  if (s.tls) {
    const r = tlsReceive(s.tls, data);
    if (r.error) {
      go(s, 'stream-error');
      return [loginFailedUnlessOnline(s, 'tls-failed'), note('tls.failed', { node: s.id, peer: s.domain })];
    }
    if (r.established) {
      out.push(note('tls.established', { node: s.id, peer: s.domain, ...keyParams(s.tls) }));
      out.push(fact(tlsKeysFact(s.tls, s.id, s.domain)));
      go(s, 'server-hello');
      // RFC 6120 §5.4.3.3: a fresh stream, now inside TLS.
      out.push(send(s, [streamHeader(s.domain)], { key: 'client.stream-open-tls', params: { client: s.id, server: s.domain } }));
    }
    chunks = r.plaintext;
  }
  for (const chunk of chunks) {
    for (const ev of feed(s.parser, chunk)) {
      switch (ev.type) {
        case 'stream-open':
          if (go(s, 'stream-header')) s.streamId = ev.attrs.id ?? null;
          break;
        case 'element':
          out.push(...onElement(s, ev.element, ctx));
          break;
        case 'stream-close':
          go(s, 'stream-close');
          out.push(note('client.stream-closed', { client: s.id }));
          break;
        case 'error':
          go(s, 'stream-error');
          out.push(loginFailedUnlessOnline(s, `stream-error: ${ev.condition}`), note('client.stream-error', { client: s.id, condition: ev.condition }));
          break;
      }
    }
  }
  return out;
}

export const xmppClient: HostMachine<ClientState> = {
  init: (spec, scenario) => initClient(spec as ClientSpec, scenario),
  handle(state, input: HostInput, ctx) {
    switch (input.type) {
      case 'action':
        return handleAction(state, input.action, ctx);
      case 'bytes':
        return handleBytes(state, input.data, ctx);
      case 'timer':
        return [];
    }
  },
};
