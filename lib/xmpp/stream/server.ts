/**
 * An XMPP server host for one domain (RFC 6120 c2s; RFC 6121 presence and message routing;
 * XEP-0160 offline storage with XEP-0203 delay stamps) as a sans-I/O state machine.
 * One stream per connected client node. Foundation slice: SASL PLAIN, no TLS, one domain.
 * @module
 */
import { fromBase64 } from '../../bytes/base64';
import { utf8DecodeStrict } from '../../bytes/hex';
import type { HostInput, HostMachine, HostOutput, Note, Scenario, ServerSpec } from '../../sim/types';
import { child, text, x, type XmlElement } from '../../xml/element';
import { serialize, serializeOpenTag } from '../../xml/serialize';
import { createStreamParser, feed, restartStream, type StreamParserState } from '../../xml/stream-parser';
import { NS_BIND, NS_CLIENT, NS_DELAY, NS_SASL, NS_STANZAS, NS_STREAM, NS_STREAMS_ERRORS } from '../namespaces';
import { clientPort, sendOutput, stampFor, uuidFromBytes, type TcpEndpoints, type WirePiece } from '../wire';

export type ServerStreamPhase = 'awaiting-header' | 'awaiting-auth' | 'awaiting-restart' | 'awaiting-bind' | 'established' | 'closed';

export interface ServerStream {
  node: string;
  phase: ServerStreamPhase;
  parser: StreamParserState;
  tcp: TcpEndpoints;
  user: string | null;
  fullJid: string | null;
  available: boolean;
  streamIds: string[];
}

export interface StoredMessage {
  to: string;
  stanza: XmlElement;
  stamp: string;
}

export interface ServerState {
  id: string;
  domain: string;
  ip: string;
  /** Account passwords. The full engine stores SCRAM verifiers instead (salt, i, StoredKey, ServerKey). */
  accounts: Record<string, string>;
  streams: Record<string, ServerStream>;
  /** XEP-0160: messages held for accounts with no available resource, until their next available presence. */
  offline: StoredMessage[];
  /** Where each client node connects from (what TCP tells the server), by node id. */
  clientIps: Record<string, string>;
}

const XML_DECL = "<?xml version='1.0'?>";

function initServer(spec: ServerSpec, scenario: Scenario): ServerState {
  const accounts: Record<string, string> = {};
  for (const a of spec.accounts) accounts[a.user] = a.password;
  const clientIps: Record<string, string> = {};
  for (const c of scenario.topology.clients) clientIps[c.id] = c.ip;
  return { id: spec.id, domain: spec.domain, ip: spec.ip, accounts, streams: {}, offline: [], clientIps };
}

function piece(el: XmlElement): WirePiece {
  return { text: serialize(el), label: `<${el.name}/>` };
}

function sendTo(st: ServerStream, pieces: WirePiece[], note: Note): HostOutput {
  return sendOutput(st.node, pieces, st.tcp, note);
}

function header(s: ServerState, st: ServerStream, streamId: string): WirePiece {
  const attrs = { from: s.domain, id: streamId, 'xml:lang': 'en', xmlns: NS_CLIENT, 'xmlns:stream': NS_STREAM, version: '1.0' };
  return { text: XML_DECL + serializeOpenTag('stream:stream', attrs), label: 'stream header' };
}

function streamError(s: ServerState, st: ServerStream, condition: string): HostOutput[] {
  // RFC 6120 §4.9.1: a stream error is unrecoverable; send it, then close the stream.
  st.phase = 'closed';
  const err = x('stream:error', null, x(condition, { xmlns: NS_STREAMS_ERRORS }));
  return [sendTo(st, [piece(err), { text: '</stream:stream>', label: 'stream close' }], { key: 'server.stream-error', params: { server: s.domain, condition, client: st.node } })];
}

function streamFor(s: ServerState, node: string): ServerStream {
  let st = s.streams[node];
  if (!st) {
    const ip = s.clientIps[node] ?? '0.0.0.0';
    st = {
      node,
      phase: 'awaiting-header',
      parser: createStreamParser(),
      tcp: { srcIp: s.ip, srcPort: 5222, dstIp: ip, dstPort: clientPort(node) },
      user: null,
      fullJid: null,
      available: false,
      streamIds: [],
    };
    s.streams[node] = st;
  }
  return st;
}

function bareOf(jid: string): string {
  const slash = jid.indexOf('/');
  return (slash < 0 ? jid : jid.slice(0, slash)).toLowerCase();
}

function onStreamOpen(s: ServerState, st: ServerStream, random: (n: number) => Uint8Array): HostOutput[] {
  const id = uuidFromBytes(random(16));
  st.streamIds.push(id);
  if (st.phase === 'awaiting-header') {
    st.phase = 'awaiting-auth';
    // Deliberately insecure, for teaching: RFC 6120 §13.8 forbids offering PLAIN on a stream without TLS.
    const features = x('stream:features', null, x('mechanisms', { xmlns: NS_SASL }, x('mechanism', null, 'PLAIN')));
    return [sendTo(st, [header(s, st, id), piece(features)], { key: 'server.features-sasl', params: { server: s.domain, client: st.node } })];
  }
  if (st.phase === 'awaiting-restart') {
    st.phase = 'awaiting-bind';
    const features = x('stream:features', null, x('bind', { xmlns: NS_BIND }, x('required')));
    return [sendTo(st, [header(s, st, id), piece(features)], { key: 'server.features-bind', params: { server: s.domain, client: st.node } })];
  }
  return streamError(s, st, 'conflict');
}

function onAuth(s: ServerState, st: ServerStream, el: XmlElement): HostOutput[] {
  const fail = (condition: string, reason: string): HostOutput[] => [
    sendTo(st, [piece(x('failure', { xmlns: NS_SASL }, x(condition)))], { key: 'server.sasl-failure', params: { server: s.domain, client: st.node, condition, reason } }),
  ];
  if (el.attrs.mechanism !== 'PLAIN') return fail('invalid-mechanism', el.attrs.mechanism ?? '');
  let decoded: string | null;
  try {
    decoded = utf8DecodeStrict(fromBase64(text(el)));
  } catch {
    return fail('incorrect-encoding', 'base64');
  }
  // RFC 4616 §2: message = [authzid] UTF8NUL authcid UTF8NUL passwd
  const parts = decoded?.split('\u0000');
  if (!parts || parts.length !== 3) return fail('malformed-request', 'PLAIN');
  const [, authcid = '', passwd = ''] = parts;
  const user = authcid.toLowerCase();
  if (s.accounts[user] === undefined || s.accounts[user] !== passwd) return fail('not-authorized', user);
  st.user = user;
  st.phase = 'awaiting-restart';
  restartStream(st.parser);
  return [sendTo(st, [piece(x('success', { xmlns: NS_SASL }))], { key: 'server.sasl-success', params: { server: s.domain, client: st.node, user } })];
}

function onBind(s: ServerState, st: ServerStream, el: XmlElement, random: (n: number) => Uint8Array): HostOutput[] {
  const requested = text(child(child(el, 'bind', NS_BIND) ?? x('bind'), 'resource'));
  // RFC 6120 §7.6.2.1: the server may generate the resource when the client does not ask for one.
  const resource = requested || Array.from(random(6), (b) => b.toString(16).padStart(2, '0')).join('');
  const full = `${st.user}@${s.domain}/${resource}`;
  st.fullJid = full;
  st.phase = 'established';
  const result = x('iq', { type: 'result', id: el.attrs.id }, x('bind', { xmlns: NS_BIND }, x('jid', null, full)));
  return [sendTo(st, [piece(result)], { key: 'server.bound', params: { server: s.domain, client: st.node, jid: full } })];
}

function availableResources(s: ServerState, bare: string): ServerStream[] {
  return Object.values(s.streams).filter((o) => o.phase === 'established' && o.available && o.fullJid && bareOf(o.fullJid) === bare);
}

function onPresence(s: ServerState, st: ServerStream, el: XmlElement): HostOutput[] {
  if (el.attrs.type || el.attrs.to || !st.fullJid) return [];
  const first = !st.available;
  st.available = true;
  const bare = bareOf(st.fullJid);
  const out: HostOutput[] = [];
  // RFC 6121 §4.2.2: the server sends the initial presence to all of the user's available resources, the sender included.
  for (const o of availableResources(s, bare)) {
    out.push(sendTo(o, [piece(x('presence', { from: st.fullJid }))], { key: 'server.presence-self', params: { server: s.domain, client: o.node, jid: st.fullJid } }));
  }
  if (first) {
    // XEP-0160: deliver what was stored, each with a XEP-0203 delay stamp saying when it arrived.
    const waiting = s.offline.filter((m) => m.to === bare);
    s.offline = s.offline.filter((m) => m.to !== bare);
    for (const m of waiting) {
      const stanza = { ...m.stanza, children: [...m.stanza.children, x('delay', { xmlns: NS_DELAY, from: s.domain, stamp: m.stamp })] };
      out.push(sendTo(st, [piece(stanza)], { key: 'server.offline-delivered', params: { server: s.domain, client: st.node, from: m.stanza.attrs.from ?? '' } }));
    }
  }
  return out;
}

function onMessage(s: ServerState, st: ServerStream, el: XmlElement, now: number): HostOutput[] {
  const to = el.attrs.to;
  if (!to || !st.fullJid) return [];
  const bare = bareOf(to);
  const domain = bare.split('@')[1] ?? bare;
  // RFC 6120 §8.1.2.1: the server stamps the sender's full JID on everything it routes.
  const routed: XmlElement = { name: 'message', attrs: { from: st.fullJid, to, id: el.attrs.id ?? '', type: el.attrs.type ?? 'normal' }, children: el.children };
  if (!el.attrs.id) delete routed.attrs.id;
  if (domain !== s.domain) {
    // Federation arrives with the XMPP engine; until then a remote domain is unreachable (RFC 6120 §8.3.3.14).
    const err = x('message', { from: to, to: st.fullJid, type: 'error', id: el.attrs.id }, x('error', { type: 'cancel' }, x('remote-server-not-found', { xmlns: NS_STANZAS })));
    return [sendTo(st, [piece(err)], { key: 'server.remote-not-found', params: { server: s.domain, domain } })];
  }
  if (s.accounts[bare.split('@')[0] ?? ''] === undefined) {
    const err = x('message', { from: to, to: st.fullJid, type: 'error', id: el.attrs.id }, x('error', { type: 'cancel' }, x('service-unavailable', { xmlns: NS_STANZAS })));
    return [sendTo(st, [piece(err)], { key: 'server.no-such-user', params: { server: s.domain, to: bare } })];
  }
  const targets = to.includes('/') ? availableResources(s, bare).filter((o) => o.fullJid === to) : availableResources(s, bare);
  const recipients = targets.length > 0 ? targets : to.includes('/') ? availableResources(s, bare) : [];
  if (recipients.length === 0) {
    s.offline.push({ to: bare, stanza: routed, stamp: stampFor(now) });
    return [{ type: 'note', note: { key: 'server.stored-offline', params: { server: s.domain, to: bare } } }];
  }
  return recipients.map((o) => sendTo(o, [piece(routed)], { key: 'server.message-route', params: { server: s.domain, from: st.fullJid ?? '', to: o.fullJid ?? to, client: o.node } }));
}

function onElement(s: ServerState, st: ServerStream, el: XmlElement, now: number, random: (n: number) => Uint8Array): HostOutput[] {
  if (st.phase === 'awaiting-auth') {
    if (el.name === 'auth' && el.attrs.xmlns === NS_SASL) return onAuth(s, st, el);
    return streamError(s, st, 'not-authorized');
  }
  if (st.phase === 'awaiting-bind') {
    if (el.name === 'iq' && el.attrs.type === 'set' && child(el, 'bind', NS_BIND)) return onBind(s, st, el, random);
    return streamError(s, st, 'not-authorized');
  }
  if (st.phase !== 'established') return streamError(s, st, 'not-authorized');
  switch (el.name) {
    case 'presence':
      return onPresence(s, st, el);
    case 'message':
      return onMessage(s, st, el, now);
    case 'iq': {
      // RFC 6120 §8.2.3: an iq get/set must be answered; what this slice does not know, it refuses.
      if (el.attrs.type !== 'get' && el.attrs.type !== 'set') return [];
      const err = x('iq', { type: 'error', id: el.attrs.id, to: st.fullJid ?? undefined }, x('error', { type: 'cancel' }, x('service-unavailable', { xmlns: NS_STANZAS })));
      return [sendTo(st, [piece(err)], { key: 'server.iq-unsupported', params: { server: s.domain, client: st.node } })];
    }
    default:
      return streamError(s, st, 'unsupported-stanza-type');
  }
}

function handleBytes(s: ServerState, input: Extract<HostInput, { type: 'bytes' }>, now: number, random: (n: number) => Uint8Array): HostOutput[] {
  const st = streamFor(s, input.from);
  if (st.phase === 'closed') return [];
  const out: HostOutput[] = [];
  for (const ev of feed(st.parser, input.data)) {
    if (st.phase === 'closed') break;
    switch (ev.type) {
      case 'stream-open':
        out.push(...onStreamOpen(s, st, random));
        break;
      case 'element':
        out.push(...onElement(s, st, ev.element, now, random));
        break;
      case 'stream-close':
        st.phase = 'closed';
        st.available = false;
        out.push(sendTo(st, [{ text: '</stream:stream>', label: 'stream close' }], { key: 'server.stream-close', params: { server: s.domain, client: st.node } }));
        break;
      case 'error':
        out.push(...streamError(s, st, ev.condition));
        break;
    }
  }
  return out;
}

export const xmppServer: HostMachine<ServerState> = {
  init: (spec, scenario) => initServer(spec as ServerSpec, scenario),
  handle(state, input, ctx) {
    if (input.type !== 'bytes') return [];
    return handleBytes(state, input, ctx.now, (n) => ctx.randomBytes(n));
  },
};
