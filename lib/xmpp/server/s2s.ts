/**
 * Server-to-server streams (RFC 6120 §4 with the jabber:server namespace; §3.2 DNS; XEP-0220 Server
 * Dialback with XEP-0185 keys) over TLS 1.3 (lib/xmpp/tls-channel), one TCP connection per direction.
 *
 * To send to a remote domain, a server opens its own outgoing stream (it is the Originating Server):
 * it resolves `_xmpp-server._tcp.<domain>` (timer: the DNS answer), connects, negotiates STARTTLS and
 * sends `<db:result>` with its key. The peer (the Receiving Server) checks the key by asking the
 * Authoritative Server for the claimed domain — the one DNS names — over ITS OWN outgoing connection
 * (XEP-0220 §2.1.3; s2s-dialback.ts); that connection later carries the peer's own stanzas back. So
 * two servers that write to each other hold two connections, and each stream carries stanzas in one
 * direction. Connections are told apart by their id (HostInput `conn`).
 * Failures: no DNS answer → remote-server-not-found; no route or no answer before the timeout (a node
 * marked down) → remote-server-timeout.
 * @module
 */
import type { Delivery, HostInput, HostOutput } from '../../sim/types';
import { x, type XmlElement } from '../../xml/element';
import { createStreamParser, feed } from '../../xml/stream-parser';
import { resolveServer, XMPP_SERVER_PORT } from '../s2s/dns';
import { NS_DIALBACK_FEATURE, NS_SERVER, NS_TLS } from '../namespaces';
import { fact } from '../../sim/facts';
import { channelReceive, clientChannel, failureNote, externalChannel, keyParams, serverChannel, tlsKeysFact, type ChannelReceived, type TlsChannel } from '../tls-channel/channel';
import { LAB_CA_NAME, SIM_EPOCH_MS } from '../tls-channel/pki';
import { answering, clientPort, closing, sendRecords, uuidFromBytes } from '../wire';
import type { ServerContext } from './context';
import { STREAM_CLOSE, note, piece } from './out';
import {
  connOf, dial, DNS_TIMER, ended, fail, go, header, keyName, live, nameConn, onConn, send, stanzaOut, step, streamErrorOn, TIMEOUT_TIMER, tlsOpen, upgradeNote,
} from './s2s-conn';
import { claim, onDialback } from './s2s-dialback';
import { address, type S2sConn, type ServerState } from './state';

const S2S_TIMEOUT_MS = 3000;

/** Send a stanza to a remote domain over our outgoing stream, opening it first if needed. */
export function s2sRoute(s: ServerState, domain: string, stanza: XmlElement): HostOutput[] {
  const conn = s.s2s[domain];
  if (conn && conn.phase === 'established') return [stanzaOut(s, conn, stanza)];
  if (conn) {
    if (conn.queue.length < 100) conn.queue.push(stanza);
    return [note('s2s.queued', { server: s.domain, domain })];
  }
  const d = dial(s, domain);
  d.conn.queue.push(stanza);
  return d.out;
}

/** Timers: the DNS answer (by domain), and the connection timeout (by connection id). */
export function s2sTimer(s: ServerState, name: string, ctx: ServerContext): HostOutput[] {
  if (name.startsWith(DNS_TIMER)) {
    const domain = name.slice(DNS_TIMER.length);
    const conn = s.s2s[domain];
    if (!conn || conn.phase !== 'resolving') return [];
    const r = resolveServer(s.dns, domain);
    const out: HostOutput[] = r.steps.map((st) => note(st.answer ? 'dns.answer' : 'dns.nxdomain', { server: s.domain, name: st.query, type: st.type, answer: st.answer ?? '' }));
    if (!r.ok) return [...out, ...fail(s, conn, 'remote-server-not-found', ctx)];
    out.push(...step(s, conn, 'dns-answer'));
    const node = s.nodeByIp[r.ip];
    const routable = node !== undefined && s.links[node] !== undefined;
    nameConn(s, conn, routable ? node : r.ip, routable);
    out.push({ type: 'timer', name: TIMEOUT_TIMER + conn.id, after: S2S_TIMEOUT_MS });
    if (!routable) return [...out, note('s2s.no-route', { server: s.domain, domain, ip: r.ip })];
    conn.tcp = { srcIp: s.ip, srcPort: clientPort(conn.id), dstIp: r.ip, dstPort: r.port || XMPP_SERVER_PORT };
    out.push(send(conn, [header(s, conn)], 's2s.stream-open', { server: s.domain, domain, ip: r.ip, port: r.port }));
    return out;
  }
  if (name.startsWith(TIMEOUT_TIMER)) {
    const id = name.slice(TIMEOUT_TIMER.length);
    const conn = Object.values(s.s2s).find((c) => c.id === id);
    if (!conn || conn.phase === 'established') return [note('s2s.timeout-ignored', { server: s.domain, domain: conn?.peerDomain ?? id.split('>')[1] ?? id })];
    return fail(s, conn, 'remote-server-timeout', ctx);
  }
  return [];
}

function features(s: ServerState, conn: S2sConn): XmlElement {
  const offerTls = s.settings.s2sTls !== 'none' && !tlsOpen(conn);
  return x(
    'stream:features',
    null,
    offerTls ? x('starttls', { xmlns: NS_TLS }, s.settings.s2sTls === 'required' ? x('required') : null) : null,
    x('dialback', { xmlns: NS_DIALBACK_FEATURE }, x('errors')),
  );
}

/** A peer's new connection to us (`via`: how its first bytes came); the peer's domain is known from its stream header. */
function accept(s: ServerState, input: Extract<HostInput, { type: 'bytes' }>, key: string, via: Delivery): S2sConn {
  const conn: S2sConn = {
    id: key, peer: input.from, peerDomain: '', role: 'responder', phase: 'responding', parser: createStreamParser(),
    tcp: answering(via), tls: null, streamId: null, peerVerified: false, queue: [], verifies: [],
  };
  s.s2sIn[key] = conn;
  return conn;
}

export function s2sBytes(s: ServerState, input: Extract<HostInput, { type: 'bytes' }>, ctx: ServerContext): HostOutput[] {
  const key = input.conn ?? input.from;
  let conn = connOf(s, key);
  if (!conn || !live(conn)) {
    // Bytes that open no new connection are late bytes of one that is gone (a stream error crossing ours): never answer them.
    // A connection we dialled (its id starts with ours) never turns into one the peer opened.
    if (!input.transport?.opened || key.startsWith(`${s.id}>`)) return [note('s2s.late-bytes', { server: s.domain, from: input.from })];
    conn = accept(s, input, key, input.transport);
  }
  const out: HostOutput[] = [];
  let chunks: Uint8Array[] = [input.data];
  if (conn.tls) {
    const r = channelReceive(conn.tls, input.data, SIM_EPOCH_MS + ctx.now);
    if (r.failure) {
      out.push(...tlsFailedOutputs(s, conn.tls, conn.peer!, conn.peerDomain, r, conn));
      out.push(...step(s, conn, 'stream-error'));
      return [...out, ...ended(s, conn, ctx)];
    }
    if (r.reply) out.push(onConn(conn, sendRecords(conn.peer!, r.reply, conn.tcp!, { key: 'tls.server-flight', params: { node: s.domain, peer: conn.peerDomain, ca: LAB_CA_NAME } })));
    // C1: each end holds all five secrets when it has sent (server) or checked (client) the server's Finished.
    if (r.keysReady) out.push(fact(tlsKeysFact(conn.tls, s.id, conn.peerDomain)));
    if (r.established) {
      if (conn.role === 'initiator') out.push(note('tls.certificate-accepted', { node: s.id, peer: conn.peerDomain, ca: LAB_CA_NAME }));
      out.push(note('tls.established', { node: s.id, peer: conn.peerDomain, ...keyParams(conn.tls) }));
      // RFC 6120 §5.4.3.3: a new stream inside TLS; nothing from before the upgrade carries over.
      conn.parser = createStreamParser();
      out.push(...step(s, conn, 'tls-established'));
      if (conn.role === 'initiator') out.push(send(conn, [header(s, conn)], 's2s.stream-restart', { server: s.domain, domain: conn.peerDomain }));
    }
    chunks = r.plaintext;
  }
  for (const chunk of chunks) {
    for (const ev of feed(conn.parser!, chunk)) {
      if (!live(conn)) break;
      switch (ev.type) {
        case 'stream-open':
          out.push(...onStreamOpen(s, conn, ev.attrs, ctx));
          break;
        case 'element':
          out.push(...onElement(s, conn, ev.element, ctx));
          break;
        case 'stream-close':
          out.push(...step(s, conn, 'stream-close'));
          out.push(send(conn, [STREAM_CLOSE], 's2s.stream-close', { server: s.domain, domain: conn.peerDomain }), ...ended(s, conn, ctx));
          break;
        case 'error':
          out.push(...streamErrorOn(s, conn, ev.condition, ctx));
          break;
      }
    }
  }
  return out;
}

/**
 * A handshake that failed at this end: the typed fact, and the narration — a certificate this end
 * refused (its alert goes to the peer, and the connection closes), or the peer's alert or a bad record.
 */
export function tlsFailedOutputs(s: ServerState, ch: TlsChannel, peerNode: string, peerName: string, r: ChannelReceived, conn?: S2sConn): HostOutput[] {
  const f = r.failure!;
  const out: HostOutput[] = [fact({ type: 'tls-failed', node: s.id, peer: peerName, keyName: ch.keyName, alert: f.alert, sent: f.sent, ...(f.certificate ? { certificate: f.certificate } : {}) })];
  const key = failureNote(f);
  const params = { node: s.domain, peer: peerName, alert: f.alert, problem: f.certificate ?? f.alert };
  if (r.reply) {
    const tcp = conn ? conn.tcp! : s.sessions[peerNode]!.tcp;
    const sent = closing(sendRecords(peerNode, r.reply, tcp, { key, params }));
    out.push(conn ? onConn(conn, sent) : sent);
  } else out.push(note(key, params));
  return out;
}

function onStreamOpen(s: ServerState, conn: S2sConn, attrs: Record<string, string>, ctx: ServerContext): HostOutput[] {
  if (conn.role === 'initiator') {
    conn.streamId = attrs.id ?? null;
    // A header out of turn (another one without a restart) is the peer's error, as on a c2s stream.
    if (!go(conn, 'stream-header')) return streamErrorOn(s, conn, 'conflict', ctx);
    return [note('s2s.stream-header-in', { server: s.domain, domain: conn.peerDomain, id: conn.streamId ?? '' })];
  }
  const from = attrs.from ?? '';
  if (!conn.peerDomain) conn.peerDomain = from;
  conn.streamId = uuidFromBytes(ctx.randomBytes(16));
  const hdr = header(s, conn);
  if (attrs.to !== s.domain) return [send(conn, [hdr], 's2s.stream-header', { server: s.domain, domain: from }), ...streamErrorOn(s, conn, 'host-unknown', ctx)];
  if (attrs.xmlns !== NS_SERVER) return [send(conn, [hdr], 's2s.stream-header', { server: s.domain, domain: from }), ...streamErrorOn(s, conn, 'invalid-namespace', ctx)];
  return [send(conn, [hdr, piece(features(s, conn))], tlsOpen(conn) ? 's2s.features-dialback' : s.settings.s2sTls === 'none' ? 's2s.features-plain' : 's2s.features', { server: s.domain, domain: from, id: conn.streamId })];
}

/** STARTTLS on either end (RFC 6120 §5.4); null when `el` is not part of it. */
function onStartTls(s: ServerState, conn: S2sConn, el: XmlElement, ctx: ServerContext): HostOutput[] | null {
  if (el.attrs.xmlns !== NS_TLS) return null;
  if (conn.role === 'initiator' && el.name === 'proceed' && conn.phase === 'awaiting-proceed') {
    const moved = step(s, conn, 'proceed');
    if (s.settings.tlsLayer === 'external') {
      // Real TLS (lib/io): the adapter upgrades the socket; then a new stream inside it (RFC 6120 §5.4.3.3).
      conn.tls = externalChannel(keyName(conn), 'client');
      moved.push(...step(s, conn, 'tls-established'));
      conn.parser = createStreamParser();
      return [upgradeNote(s, conn, 'client', conn.peerDomain), send(conn, [header(s, conn)], 's2s.stream-restart', { server: s.domain, domain: conn.peerDomain }), ...moved];
    }
    // RFC 6120 §13.7.2.1: the domain we dial is the name we ask for and check the certificate against.
    const { channel, hello } = clientChannel(keyName(conn), conn.peerDomain, s.trustAnchor!, ctx.randomBytes(64));
    conn.tls = channel;
    return [onConn(conn, sendRecords(conn.peer!, hello, conn.tcp!, { key: 'tls.client-hello', params: { node: s.domain, peer: conn.peerDomain } })), ...moved];
  }
  if (conn.role === 'responder' && el.name === 'starttls') {
    if (s.settings.s2sTls === 'none' || tlsOpen(conn)) return streamErrorOn(s, conn, 'policy-violation', ctx);
    // STARTTLS comes first on a stream (RFC 6120 §5.3.1): after a dialback claim it is the peer's error.
    if (!go(conn, 'starttls')) return streamErrorOn(s, conn, 'policy-violation', ctx);
    const out: HostOutput[] = [send(conn, [piece(x('proceed', { xmlns: NS_TLS }))], 's2s.proceed', { server: s.domain, domain: conn.peerDomain })];
    conn.parser = createStreamParser();
    if (s.settings.tlsLayer === 'external') {
      conn.tls = externalChannel(keyName(conn), 'server');
      out.push(...step(s, conn, 'tls-established'));
      return [...out, upgradeNote(s, conn, 'server', s.domain)];
    }
    conn.tls = serverChannel(keyName(conn), s.tlsIdentity!, ctx.randomBytes(64));
    return out;
  }
  if (conn.role === 'initiator' && el.name === 'failure') return fail(s, conn, 'remote-server-not-found', ctx);
  return null;
}

function onElement(s: ServerState, conn: S2sConn, el: XmlElement, ctx: ServerContext): HostOutput[] {
  const name = el.name;
  if (conn.role === 'initiator' && name === 'stream:features') {
    // Features come once, right after the peer's header (RFC 6120 §4.3.2); more of them is the peer's error.
    if (conn.phase !== 'features') return streamErrorOn(s, conn, 'unsupported-stanza-type', ctx);
    const starttls = el.children.some((c) => typeof c !== 'string' && c.name === 'starttls');
    if (starttls && s.settings.s2sTls !== 'none' && !tlsOpen(conn)) {
      const moved = step(s, conn, 'features-starttls');
      return [send(conn, [piece(x('starttls', { xmlns: NS_TLS }))], 's2s.starttls', { server: s.domain, domain: conn.peerDomain }), ...moved];
    }
    if (s.settings.s2sTls === 'required' && !tlsOpen(conn)) return streamErrorOn(s, conn, 'policy-violation', ctx);
    return claim(s, conn);
  }
  const handled = onStartTls(s, conn, el, ctx) ?? onDialback(s, conn, el, ctx);
  if (handled) return handled;
  if (name === 'message' || name === 'presence' || name === 'iq') {
    // One direction per stream: only a peer's stream to us, once its domain is verified, carries stanzas.
    if (conn.role !== 'responder' || !conn.peerVerified) return streamErrorOn(s, conn, 'not-authorized', ctx);
    const from = address(el.attrs.from);
    const to = address(el.attrs.to);
    // RFC 6120 §4.9.3.9, §4.9.3.5: the peer may only speak for its own domain, and only to ours.
    if (!from || from.domain !== conn.peerDomain) return streamErrorOn(s, conn, 'invalid-from', ctx);
    if (!to) return streamErrorOn(s, conn, 'improper-addressing', ctx);
    // Dialback verified the pair (peer domain, our domain) only: a component's subdomain would need its own
    // stream and claim (XEP-0220 §2.1, §2.4), which this server does not run yet.
    if (to.domain !== s.domain) return streamErrorOn(s, conn, 'host-unknown', ctx);
    return [note('s2s.stanza-in', { server: s.domain, domain: conn.peerDomain, element: name }), ...ctx.deliverLocal(el)];
  }
  if (name === 'stream:error') {
    // RFC 6120 §4.9.1.1: the peer ended the stream; never answer an error with an error.
    const moved = step(s, conn, 'stream-error');
    const condition = el.children.find((c) => typeof c !== 'string')?.name ?? 'unknown';
    return [note('s2s.stream-error-received', { server: s.domain, domain: conn.peerDomain, condition }), ...moved, ...ended(s, conn, ctx)];
  }
  return streamErrorOn(s, conn, 'unsupported-stanza-type', ctx);
}
