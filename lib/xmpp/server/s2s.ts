/**
 * Server-to-server streams (RFC 6120 §4 with the jabber:server namespace; §3.2 DNS; XEP-0220 Server
 * Dialback with XEP-0185 keys; XEP-0288 bidirectional streams) over modelled TLS.
 *
 * One TCP connection per pair of servers, opened by whichever needs it first (the Originating
 * Server). It resolves `_xmpp-server._tcp.<domain>` (timer: the DNS answer), connects, negotiates
 * STARTTLS, asks for bidi, and sends `<db:result>` with its key. The Receiving Server resolves the
 * originating domain in turn and asks the Authoritative Server with `<db:verify>` — in this
 * simulation over the same link, since DNS points at that very peer — then answers `type='valid'`.
 * With bidi, stanzas for the other direction use the same stream: the initiator trusts the peer as
 * much as it trusts the DNS answer it connected to (no certificates in the model).
 * Failures: no DNS answer → remote-server-not-found; no route or no answer before the timeout
 * (a node marked down) → remote-server-timeout. When both servers dial at once, the smaller domain
 * name keeps its attempt and the other continues as the receiving server, so one connection remains.
 * @module
 */
import { fromHex } from '../../bytes/hex';
import type { HostContext, HostInput, HostOutput } from '../../sim/types';
import { text, x, type XmlElement } from '../../xml/element';
import { serializeOpenTag } from '../../xml/serialize';
import { createStreamParser, feed } from '../../xml/stream-parser';
import { dialbackKey } from '../s2s/dialback';
import { resolveServer, srvName, XMPP_SERVER_PORT } from '../s2s/dns';
import { nextS2sPhase, type S2sTrigger } from '../s2s/s2s-table';
import { NS_BIDI, NS_BIDI_FEATURE, NS_DIALBACK, NS_DIALBACK_FEATURE, NS_SERVER, NS_STREAM, NS_STREAMS_ERRORS, NS_TLS } from '../namespaces';
import { keyParams, tlsClientStart, tlsExternal, tlsReceive, tlsServerStart, tlsUpgradeNote } from '../tls-model/connection';
import { clientPort, sendBytes, sendOutput, uuidFromBytes, type WirePiece } from '../wire';
import { STREAM_CLOSE, XML_DECL, note, piece } from './out';
import { bounce, deliverLocal } from './router';
import { address, type S2sConn, type ServerState } from './state';

export const S2S_TIMEOUT_MS = 3000;
export const DNS_DELAY_MS = 5;
const DNS_TIMER = 'dns ';
const TIMEOUT_TIMER = 's2s timeout ';
/** Key of an incoming connection whose stream header has not named its domain yet. */
const PENDING = '?';

function keyName(s: ServerState, peer: string): string {
  return `tls:${s.links[peer] ?? `${s.id}~${peer}`}`;
}

function send(conn: S2sConn, pieces: WirePiece[], key: string, params: Record<string, string | number>): HostOutput {
  return sendOutput(conn.peer!, pieces, conn.tcp!, { key, params }, conn.tls);
}

function header(s: ServerState, conn: S2sConn): WirePiece {
  const attrs: Record<string, string> = { xmlns: NS_SERVER, 'xmlns:stream': NS_STREAM, 'xmlns:db': NS_DIALBACK, from: s.domain, to: conn.peerDomain };
  if (conn.role === 'responder' && conn.streamId) attrs.id = conn.streamId;
  attrs.version = '1.0';
  return { text: XML_DECL + serializeOpenTag('stream:stream', attrs), label: 'stream header (s2s)' };
}

/** Move along s2s-table.ts; a trigger with no row leaves the phase as it is. */
function go(conn: S2sConn, on: S2sTrigger): boolean {
  const next = nextS2sPhase(conn.role, conn.phase, on);
  if (next === null) return false;
  conn.phase = next;
  return true;
}

function tlsOpen(conn: S2sConn): boolean {
  return conn.tls !== null && conn.tls.phase === 'open';
}

/** Give up on a connection: bounce what waited, forget it so that a later stanza tries afresh. */
function fail(s: ServerState, conn: S2sConn, condition: 'remote-server-not-found' | 'remote-server-timeout', ctx: HostContext): HostOutput[] {
  const queued = conn.queue.splice(0);
  if (!go(conn, condition === 'remote-server-timeout' ? 'timeout' : 'dns-nxdomain')) conn.phase = 'failed';
  delete s.s2s[conn.peerDomain];
  const out: HostOutput[] = [note(`s2s.${condition}`, { server: s.domain, domain: conn.peerDomain, count: queued.length })];
  for (const st of queued) out.push(...bounce(s, st, condition, ctx));
  return out;
}

function flush(s: ServerState, conn: S2sConn): HostOutput[] {
  const queued = conn.queue.splice(0);
  return queued.map((st) => send(conn, [piece(st)], 's2s.stanza-out', { server: s.domain, domain: conn.peerDomain, element: st.name }));
}

/** Send a stanza to a remote domain, opening the connection first if needed. */
export function s2sRoute(s: ServerState, domain: string, stanza: XmlElement, ctx: HostContext): HostOutput[] {
  const conn = s.s2s[domain];
  if (conn && conn.canSend && conn.phase === 'established') {
    return [send(conn, [piece(stanza)], 's2s.stanza-out', { server: s.domain, domain, element: stanza.name })];
  }
  if (conn) {
    if (conn.queue.length < 100) conn.queue.push(stanza);
    return [note('s2s.queued', { server: s.domain, domain })];
  }
  s.s2s[domain] = { peer: null, peerDomain: domain, role: 'initiator', phase: 'resolving', parser: null, tcp: null, tls: null, streamId: null, canSend: false, peerVerified: false, queue: [stanza] };
  // RFC 6120 §3.2.1: the SRV lookup comes first; its answer arrives after a short delay (a timer).
  return [note('dns.query', { server: s.domain, name: srvName(domain) }), { type: 'timer', name: DNS_TIMER + domain, after: DNS_DELAY_MS }];
}

/** Timers: the DNS answer, and the connection timeout. */
export function s2sTimer(s: ServerState, name: string, ctx: HostContext): HostOutput[] {
  if (name.startsWith(DNS_TIMER)) {
    const domain = name.slice(DNS_TIMER.length);
    const conn = s.s2s[domain];
    if (!conn || conn.phase !== 'resolving') return [];
    const r = resolveServer(s.dns, domain);
    const out: HostOutput[] = r.steps.map((st) => note(st.answer ? 'dns.answer' : 'dns.nxdomain', { server: s.domain, name: st.query, type: st.type, answer: st.answer ?? '' }));
    if (!r.ok) return [...out, ...fail(s, conn, 'remote-server-not-found', ctx)];
    out.push({ type: 'timer', name: TIMEOUT_TIMER + domain, after: S2S_TIMEOUT_MS });
    go(conn, 'dns-answer');
    const node = s.nodeByIp[r.ip];
    if (node === undefined || s.links[node] === undefined) {
      out.push(note('s2s.no-route', { server: s.domain, domain, ip: r.ip }));
      return out;
    }
    conn.peer = node;
    conn.parser = createStreamParser();
    conn.tcp = { srcIp: s.ip, srcPort: clientPort(`${s.id}>${node}`), dstIp: r.ip, dstPort: r.port || XMPP_SERVER_PORT };
    out.push(send(conn, [header(s, conn)], 's2s.stream-open', { server: s.domain, domain, ip: r.ip, port: r.port }));
    return out;
  }
  if (name.startsWith(TIMEOUT_TIMER)) {
    const domain = name.slice(TIMEOUT_TIMER.length);
    const conn = s.s2s[domain];
    if (!conn || conn.phase === 'established') return [note('s2s.timeout-ignored', { server: s.domain, domain })];
    return fail(s, conn, 'remote-server-timeout', ctx);
  }
  return [];
}

function streamError(s: ServerState, conn: S2sConn, condition: string, ctx: HostContext): HostOutput[] {
  const err = x('stream:error', null, x(condition, { xmlns: NS_STREAMS_ERRORS }));
  const out: HostOutput[] = [send(conn, [piece(err), STREAM_CLOSE], 's2s.stream-error', { server: s.domain, domain: conn.peerDomain, condition })];
  go(conn, 'stream-error');
  if (s.s2s[conn.peerDomain] === conn) delete s.s2s[conn.peerDomain];
  for (const st of conn.queue.splice(0)) out.push(...bounce(s, st, 'remote-server-timeout', ctx));
  return out;
}

function features(s: ServerState, conn: S2sConn): XmlElement {
  const offerTls = s.settings.tls !== 'none' && !tlsOpen(conn);
  return x(
    'stream:features',
    null,
    offerTls ? x('starttls', { xmlns: NS_TLS }, s.settings.tls === 'required' ? x('required') : null) : null,
    x('dialback', { xmlns: NS_DIALBACK_FEATURE }, x('errors')),
    x('bidi', { xmlns: NS_BIDI_FEATURE }),
  );
}

/** The connection a peer node's bytes belong to (there is at most one per peer). */
function connOf(s: ServerState, node: string): S2sConn | undefined {
  return Object.values(s.s2s).find((c) => c.peer === node && c.phase !== 'failed' && c.phase !== 'closed');
}

export function s2sBytes(s: ServerState, input: Extract<HostInput, { type: 'bytes' }>, ctx: HostContext): HostOutput[] {
  let conn = connOf(s, input.from);
  const out: HostOutput[] = [];
  if (!conn && !looksLikeNewStream(input.data)) {
    // Late bytes of a connection that is gone (a stream error crossing ours): never answer them.
    return [note('s2s.late-bytes', { server: s.domain, from: input.from })];
  }
  if (!conn) {
    // A new incoming connection: the peer's domain is known from its stream header.
    const ip = Object.entries(s.nodeByIp).find(([, n]) => n === input.from)?.[0] ?? '0.0.0.0';
    conn = { peer: input.from, peerDomain: '', role: 'responder', phase: 'responding', parser: createStreamParser(), tcp: { srcIp: s.ip, srcPort: XMPP_SERVER_PORT, dstIp: ip, dstPort: clientPort(`${input.from}>${s.id}`) }, tls: null, streamId: null, canSend: false, peerVerified: false, queue: [] };
    s.s2s[PENDING + input.from] = conn;
  }
  let chunks: Uint8Array[] = [input.data];
  if (conn.tls) {
    const r = tlsReceive(conn.tls, input.data);
    if (r.reply) out.push(sendBytes(conn.peer!, r.reply, conn.tcp!, { key: 'tls.server-hello', params: { node: s.domain, peer: conn.peerDomain } }, { layer: 'tls', start: 0, end: r.reply.length, label: 'TLS record: handshake, ServerHello (modelled: random + X25519 key share)' }));
    if (r.established) {
      out.push(tlsKeysNote(s, conn.peerDomain, conn.tls));
      // RFC 6120 §5.4.3.3: a new stream inside TLS; nothing from before the upgrade carries over.
      conn.parser = createStreamParser();
      go(conn, conn.role === 'initiator' ? 'server-hello' : 'client-hello');
      if (conn.role === 'initiator') {
        out.push(send(conn, [header(s, conn)], 's2s.stream-restart', { server: s.domain, domain: conn.peerDomain }));
      }
    }
    if (r.error) {
      go(conn, 'stream-error');
      delete s.s2s[conn.peerDomain];
      return [...out, note('tls.failed', { node: s.domain, peer: conn.peerDomain })];
    }
    chunks = r.plaintext;
  }
  for (const chunk of chunks) {
    for (const ev of feed(conn.parser!, chunk)) {
      if (conn.phase === 'closed' || conn.phase === 'failed') break;
      switch (ev.type) {
        case 'stream-open':
          out.push(...onStreamOpen(s, conn, ev.attrs, ctx));
          break;
        case 'element':
          out.push(...onElement(s, conn, ev.element, ctx));
          break;
        case 'stream-close':
          go(conn, 'stream-close');
          if (s.s2s[conn.peerDomain] === conn) delete s.s2s[conn.peerDomain];
          out.push(send(conn, [STREAM_CLOSE], 's2s.stream-close', { server: s.domain, domain: conn.peerDomain }));
          break;
        case 'error':
          out.push(...streamError(s, conn, ev.condition, ctx));
          break;
      }
    }
  }
  return out;
}

/** The keys this end now holds, as a note at this node (lib/knowledge reads it into the node's keyring). */
function looksLikeNewStream(data: Uint8Array): boolean {
  const head = String.fromCharCode(...data.slice(0, 14));
  return head.startsWith('<?xml') || head.startsWith('<stream:stream');
}

export function tlsKeysNote(s: ServerState, peer: string, tls: NonNullable<S2sConn['tls']>): HostOutput {
  return note('tls.established', { node: s.id, peer, ...keyParams(tls) });
}

function onStreamOpen(s: ServerState, conn: S2sConn, attrs: Record<string, string>, ctx: HostContext): HostOutput[] {
  if (conn.role === 'initiator') {
    // An initiating header (no id) on our own attempt: both servers connected at once. One connection
    // per pair is enough (XEP-0288 carries both directions), so the smaller domain name keeps its
    // attempt and ignores the peer's header; the other yields and answers as the receiving server.
    if (attrs.id === undefined) {
      if (s.domain < conn.peerDomain) {
        conn.parser = createStreamParser();
        return [note('s2s.collision-kept', { server: s.domain, domain: conn.peerDomain })];
      }
      go(conn, 'collision-yield');
      conn.role = 'responder';
      conn.tcp = { srcIp: s.ip, srcPort: XMPP_SERVER_PORT, dstIp: conn.tcp!.dstIp, dstPort: clientPort(`${conn.peer}>${s.id}`) };
      conn.streamId = uuidFromBytes(ctx.randomBytes(16));
      return [
        note('s2s.collision-yield', { server: s.domain, domain: conn.peerDomain }),
        send(conn, [header(s, conn), piece(features(s, conn))], 's2s.features', { server: s.domain, domain: conn.peerDomain, id: conn.streamId }),
      ];
    }
    conn.streamId = attrs.id;
    go(conn, 'stream-header');
    return [note('s2s.stream-header-in', { server: s.domain, domain: conn.peerDomain, id: conn.streamId ?? '' })];
  }
  const from = attrs.from ?? '';
  if (!conn.peerDomain) {
    delete s.s2s[PENDING + conn.peer];
    conn.peerDomain = from;
    const existing = s.s2s[from];
    if (existing && existing.phase === 'resolving') {
      // We were still looking the peer up: its connection will do for our stanzas too (bidi).
      conn.queue.push(...existing.queue.splice(0));
      delete s.s2s[from];
    } else if (existing && existing !== conn) {
      conn.streamId = uuidFromBytes(ctx.randomBytes(16));
      return [send(conn, [header(s, conn)], 's2s.stream-header', { server: s.domain, domain: from }), ...streamError(s, { ...conn, queue: [] }, 'conflict', ctx)];
    }
    s.s2s[from] = conn;
  }
  conn.streamId = uuidFromBytes(ctx.randomBytes(16));
  const hdr = header(s, conn);
  if (attrs.to !== s.domain) return [send(conn, [hdr], 's2s.stream-header', { server: s.domain, domain: from }), ...streamError(s, conn, 'host-unknown', ctx)];
  if (attrs.xmlns !== NS_SERVER) return [send(conn, [hdr], 's2s.stream-header', { server: s.domain, domain: from }), ...streamError(s, conn, 'invalid-namespace', ctx)];
  return [send(conn, [hdr, piece(features(s, conn))], tlsOpen(conn) ? 's2s.features-dialback' : 's2s.features', { server: s.domain, domain: from, id: conn.streamId })];
}

function onElement(s: ServerState, conn: S2sConn, el: XmlElement, ctx: HostContext): HostOutput[] {
  const name = el.name;
  // --- the initiating side -------------------------------------------------------------------
  if (conn.role === 'initiator' && name === 'stream:features') {
    const starttls = el.children.some((c) => typeof c !== 'string' && c.name === 'starttls');
    if (starttls && s.settings.tls !== 'none' && !tlsOpen(conn)) {
      go(conn, 'features-starttls');
      return [send(conn, [piece(x('starttls', { xmlns: NS_TLS }))], 's2s.starttls', { server: s.domain, domain: conn.peerDomain })];
    }
    if (s.settings.tls === 'required' && !tlsOpen(conn)) return streamError(s, conn, 'policy-violation', ctx);
    // XEP-0220 §2.1.1: db:result carries the key only the originating server can compute.
    const key = dialbackKey(fromHex(s.secret), conn.peerDomain, s.domain, conn.streamId ?? '');
    go(conn, 'features-dialback');
    const bidi = el.children.some((c) => typeof c !== 'string' && c.name === 'bidi');
    const pieces = [...(bidi ? [piece(x('bidi', { xmlns: NS_BIDI }))] : []), piece(x('db:result', { from: s.domain, to: conn.peerDomain }, key))];
    return [send(conn, pieces, 's2s.db-result', { server: s.domain, domain: conn.peerDomain, key })];
  }
  if (conn.role === 'initiator' && name === 'proceed' && el.attrs.xmlns === NS_TLS && conn.phase === 'awaiting-proceed' && s.settings.tlsLayer === 'external') {
    // Real TLS (lib/io): the adapter upgrades the socket; then a new stream inside it (RFC 6120 §5.4.3.3).
    conn.tls = tlsExternal(keyName(s, conn.peer!), 'client');
    go(conn, 'proceed');
    go(conn, 'server-hello');
    conn.parser = createStreamParser();
    return [tlsUpgradeNote(conn.peer!, 'client', conn.peerDomain), send(conn, [header(s, conn)], 's2s.stream-restart', { server: s.domain, domain: conn.peerDomain })];
  }
  if (conn.role === 'initiator' && name === 'proceed' && el.attrs.xmlns === NS_TLS && conn.phase === 'awaiting-proceed') {
    const { conn: tls, hello } = tlsClientStart(keyName(s, conn.peer!), ctx.randomBytes(64));
    conn.tls = tls;
    go(conn, 'proceed');
    return [sendBytes(conn.peer!, hello, conn.tcp!, { key: 'tls.client-hello', params: { node: s.domain, peer: conn.peerDomain } }, { layer: 'tls', start: 0, end: hello.length, label: 'TLS record: handshake, ClientHello (modelled: random + X25519 key share)' })];
  }
  if (conn.role === 'initiator' && name === 'db:result') {
    if (el.attrs.type === 'valid' && go(conn, 'db-result-valid')) {
      conn.canSend = true;
      conn.peerVerified = true;
      return [note('s2s.dialback-valid', { server: s.domain, domain: conn.peerDomain }), ...flush(s, conn)];
    }
    return [note('s2s.dialback-invalid', { server: s.domain, domain: conn.peerDomain }), ...fail(s, conn, 'remote-server-not-found', ctx)];
  }
  if (name === 'db:verify' && el.attrs.type === undefined) {
    // XEP-0220 §2.1.3: this server is the Authoritative Server for its own keys; recompute and compare.
    const expected = dialbackKey(fromHex(s.secret), el.attrs.from ?? '', s.domain, el.attrs.id ?? '');
    const valid = el.attrs.to === s.domain && text(el) === expected;
    const reply = x('db:verify', { from: s.domain, to: el.attrs.from, id: el.attrs.id, type: valid ? 'valid' : 'invalid' });
    return [send(conn, [piece(reply)], 's2s.db-verify-answer', { server: s.domain, domain: el.attrs.from ?? '', result: valid ? 'valid' : 'invalid' })];
  }
  // --- the receiving side --------------------------------------------------------------------
  if (conn.role === 'responder' && name === 'starttls' && el.attrs.xmlns === NS_TLS) {
    if (s.settings.tls === 'none' || tlsOpen(conn)) return streamError(s, conn, 'policy-violation', ctx);
    const out: HostOutput[] = [send(conn, [piece(x('proceed', { xmlns: NS_TLS }))], 's2s.proceed', { server: s.domain, domain: conn.peerDomain })];
    go(conn, 'starttls');
    if (s.settings.tlsLayer === 'external') {
      conn.tls = tlsExternal(keyName(s, conn.peer!), 'server');
      go(conn, 'client-hello');
      conn.parser = createStreamParser();
      return [...out, tlsUpgradeNote(conn.peer!, 'server', s.domain)];
    }
    conn.tls = tlsServerStart(keyName(s, conn.peer!), ctx.randomBytes(64));
    conn.parser = createStreamParser();
    return out;
  }
  if (conn.role === 'responder' && name === 'bidi' && el.attrs.xmlns === NS_BIDI) {
    return [note('s2s.bidi', { server: s.domain, domain: conn.peerDomain })];
  }
  if (conn.role === 'responder' && name === 'db:result' && el.attrs.type === undefined) {
    if (s.settings.tls === 'required' && !tlsOpen(conn)) return streamError(s, conn, 'policy-violation', ctx);
    const claimed = el.attrs.from ?? '';
    if (claimed !== conn.peerDomain || el.attrs.to !== s.domain) return streamError(s, conn, 'invalid-from', ctx);
    // XEP-0220 §2.1.2: look up the claimed domain and ask its Authoritative Server.
    const r = resolveServer(s.dns, claimed);
    const out: HostOutput[] = [note('dns.query', { server: s.domain, name: srvName(claimed) })];
    out.push(...r.steps.map((st) => note(st.answer ? 'dns.answer' : 'dns.nxdomain', { server: s.domain, name: st.query, type: st.type, answer: st.answer ?? '' })));
    if (!r.ok || s.nodeByIp[r.ip] !== conn.peer) {
      out.push(send(conn, [piece(x('db:result', { from: s.domain, to: claimed, type: 'invalid' }))], 's2s.dialback-refused', { server: s.domain, domain: claimed }));
      return out;
    }
    go(conn, 'db-result');
    out.push(send(conn, [piece(x('db:verify', { from: s.domain, to: claimed, id: conn.streamId ?? '' }, text(el)))], 's2s.db-verify', { server: s.domain, domain: claimed }));
    return out;
  }
  if (conn.role === 'responder' && name === 'db:verify' && el.attrs.type !== undefined) {
    const valid = el.attrs.type === 'valid' && el.attrs.from === conn.peerDomain;
    const out: HostOutput[] = [send(conn, [piece(x('db:result', { from: s.domain, to: conn.peerDomain, type: valid ? 'valid' : 'invalid' }))], valid ? 's2s.db-result-valid' : 's2s.dialback-refused', { server: s.domain, domain: conn.peerDomain })];
    if (valid && go(conn, 'db-verify-valid')) {
      conn.peerVerified = true;
      conn.canSend = true; // XEP-0288: the same stream carries our stanzas back
      out.push(...flush(s, conn));
    } else {
      go(conn, 'db-verify-invalid');
    }
    return out;
  }
  // --- stanzas ---------------------------------------------------------------------------------
  if (name === 'message' || name === 'presence' || name === 'iq') {
    if (!conn.peerVerified) return streamError(s, conn, 'not-authorized', ctx);
    const from = address(el.attrs.from);
    const to = address(el.attrs.to);
    // RFC 6120 §4.9.3.9, §4.9.3.5: the peer may only speak for its own domain, and only to ours.
    if (!from || from.domain !== conn.peerDomain) return streamError(s, conn, 'invalid-from', ctx);
    if (!to) return streamError(s, conn, 'improper-addressing', ctx);
    if (to.domain !== s.domain) return streamError(s, conn, 'host-unknown', ctx);
    return [note('s2s.stanza-in', { server: s.domain, domain: conn.peerDomain, element: name }), ...deliverLocal(s, el, ctx)];
  }
  if (name === 'failure' && el.attrs.xmlns === NS_TLS) return fail(s, conn, 'remote-server-not-found', ctx);
  if (name === 'stream:error') {
    // RFC 6120 §4.9.1.1: the peer ended the stream; never answer an error with an error.
    go(conn, 'stream-error');
    if (s.s2s[conn.peerDomain] === conn) delete s.s2s[conn.peerDomain];
    const out: HostOutput[] = [note('s2s.stream-error-received', { server: s.domain, domain: conn.peerDomain, condition: el.children.find((c) => typeof c !== 'string')?.name ?? 'unknown' })];
    for (const st of conn.queue.splice(0)) out.push(...bounce(s, st, 'remote-server-timeout', ctx));
    return out;
  }
  return streamError(s, conn, 'unsupported-stanza-type', ctx);
}
