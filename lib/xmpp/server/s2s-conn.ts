/**
 * One server-to-server connection as the server's modules handle it: its id, what it sends (with
 * the connection id, so that the kernel and lib/io keep two streams between the same two servers
 * apart), its stream header, the phase table, and how it ends. A connection carries stanzas in one
 * direction only (XEP-0220 without XEP-0288): our outgoing stream carries ours, a peer's stream to us
 * carries the peer's.
 * @module
 */
import type { NoteKey } from '../../narration/notes';
import { fact } from '../../sim/facts';
import type { HostOutput } from '../../sim/types';
import { x, type XmlElement } from '../../xml/element';
import { serializeOpenTag } from '../../xml/serialize';
import { createStreamParser } from '../../xml/stream-parser';
import { srvName } from '../s2s/dns';
import { nextS2sPhase, type S2sTrigger } from '../s2s/s2s-table';
import { NS_DIALBACK, NS_SERVER, NS_STANZAS, NS_STREAM, NS_STREAMS_ERRORS } from '../namespaces';
import { tlsUpgradeNote } from '../tls-channel/channel';
import { sendOutput, type WirePiece } from '../wire';
import type { ServerContext } from './context';
import { STREAM_CLOSE, XML_DECL, note, piece } from './out';
import type { S2sConn, ServerState } from './state';

const DNS_DELAY_MS = 5;
export const DNS_TIMER = 'dns ';
export const TIMEOUT_TIMER = 's2s timeout ';

/** The TLS key of one connection: each TCP connection has its own handshake, so its own keys. */
export function keyName(conn: S2sConn): string {
  return `tls:${conn.id}`;
}

export function send(conn: S2sConn, pieces: WirePiece[], key: NoteKey, params: Record<string, string | number>): HostOutput {
  return onConn(conn, sendOutput(conn.peer!, pieces, conn.tcp!, { key, params }, conn.tls));
}

/** Put a send on this connection; a peer that named no connection (its id is the peer node) gets none back. */
export function onConn(conn: S2sConn, out: Extract<HostOutput, { type: 'send' }>): HostOutput {
  return conn.id === conn.peer ? out : { ...out, conn: conn.id };
}

/** The lib/io signal to wrap this connection's socket in real TLS; `conn` names the socket. */
export function upgradeNote(s: ServerState, conn: S2sConn, role: 'client' | 'server', domain: string): HostOutput {
  return tlsUpgradeNote(s.id, conn.peer!, role, domain, conn.id);
}

export function header(s: ServerState, conn: S2sConn): WirePiece {
  const attrs: Record<string, string> = { xmlns: NS_SERVER, 'xmlns:stream': NS_STREAM, 'xmlns:db': NS_DIALBACK, from: s.domain, to: conn.peerDomain };
  if (conn.role === 'responder' && conn.streamId) attrs.id = conn.streamId;
  attrs.version = '1.0';
  return { text: XML_DECL + serializeOpenTag('stream:stream', attrs), label: 'stream header (s2s)' };
}

/**
 * A step the peer's input asks for, along s2s-table.ts: false when the table has no row for it (the
 * phase stays, and the caller answers it as the peer's error).
 */
export function go(conn: S2sConn, on: S2sTrigger): boolean {
  const next = nextS2sPhase(conn.role, conn.phase, on);
  if (next === null) return false;
  conn.phase = next;
  return true;
}

/**
 * A step this server's own code takes, along s2s-table.ts. The table refusing it is an engine defect,
 * never the peer's fault: the phase stays, and the outputs say so (a note, and an engine-error fact
 * that tests look for).
 */
export function step(s: ServerState, conn: S2sConn, on: S2sTrigger): HostOutput[] {
  const from = conn.phase;
  if (go(conn, on)) return [];
  return [
    note('s2s.impossible-transition', { server: s.domain, domain: conn.peerDomain, role: conn.role, phase: from, trigger: on }),
    fact({ type: 'engine-error', node: s.id, machine: `xmpp-s2s-${conn.role}`, from, trigger: on }),
  ];
}

export function tlsOpen(conn: S2sConn): boolean {
  return conn.tls !== null && conn.tls.phase === 'open';
}

export function live(conn: S2sConn): boolean {
  return conn.phase !== 'failed' && conn.phase !== 'closed';
}

/** Forget a connection that has ended, so that the state stays bounded and a later stanza dials afresh. */
function forget(s: ServerState, conn: S2sConn): void {
  if (s.s2s[conn.peerDomain] === conn) delete s.s2s[conn.peerDomain];
  if (s.s2sIn[conn.id] === conn) delete s.s2sIn[conn.id];
}

/** The connection these bytes belong to: ours by its id, or one a peer opened (id, or the peer node without one). */
export function connOf(s: ServerState, key: string): S2sConn | undefined {
  return Object.values(s.s2s).find((c) => c.id !== '' && c.id === key) ?? s.s2sIn[key];
}

/** A new outgoing connection to `domain`: the SRV lookup first (RFC 6120 §3.2.1), answered by a timer. */
export function dial(s: ServerState, domain: string): { conn: S2sConn; out: HostOutput[] } {
  const conn: S2sConn = { id: '', peer: null, peerDomain: domain, role: 'initiator', phase: 'resolving', parser: null, tcp: null, tls: null, streamId: null, peerVerified: false, queue: [], verifies: [] };
  s.s2s[domain] = conn;
  return { conn, out: [note('dns.query', { server: s.domain, name: srvName(domain) }), { type: 'timer', name: DNS_TIMER + domain, after: DNS_DELAY_MS }] };
}

/**
 * Name the connection after what DNS said it leads to — the peer node, or the bare address when no
 * node has it (`a.example>b.example`, `#n` when dialled again) — and reach the node if there is a route.
 */
export function nameConn(s: ServerState, conn: S2sConn, target: string, routable: boolean): void {
  const n = (s.s2sDialled[target] ?? 0) + 1;
  s.s2sDialled[target] = n;
  conn.id = n === 1 ? `${s.id}>${target}` : `${s.id}>${target}#${n}`;
  if (!routable) return;
  conn.peer = target;
  conn.parser = createStreamParser();
}

/** The answer to a claim we could not check: the Authoritative Server is out of reach (XEP-0220 §2.4). */
function claimUnverifiable(s: ServerState, incoming: S2sConn, condition: string): HostOutput[] {
  const err = x('db:result', { from: s.domain, to: incoming.peerDomain, type: 'error' }, x('error', { type: 'cancel' }, x(condition, { xmlns: NS_STANZAS })));
  const moved = step(s, incoming, 'db-verify-invalid');
  return [send(incoming, [piece(err)], 's2s.verify-unreachable', { server: s.domain, domain: incoming.peerDomain }), ...moved];
}

/** The incoming connection waiting for the answer to this <db:verify/> (by domain and stream id). */
export function waitingClaim(s: ServerState, domain: string, streamId: string): S2sConn | undefined {
  return Object.values(s.s2sIn).find((c) => c.phase === 'verifying' && c.peerDomain === domain && c.streamId === streamId);
}

/** Bounce the stanzas that waited on a connection and answer the claims whose questions waited on it. */
function release(s: ServerState, conn: S2sConn, condition: 'remote-server-not-found' | 'remote-server-timeout', ctx: ServerContext): HostOutput[] {
  const out: HostOutput[] = [];
  for (const st of conn.queue.splice(0)) out.push(...ctx.bounce(st, condition));
  for (const v of conn.verifies.splice(0)) {
    const waiting = waitingClaim(s, conn.peerDomain, v.attrs.id ?? '');
    if (waiting) out.push(...claimUnverifiable(s, waiting, condition));
  }
  return out;
}

/** Give up on an outgoing connection: release what waited on it, forget it. */
export function fail(s: ServerState, conn: S2sConn, condition: 'remote-server-not-found' | 'remote-server-timeout', ctx: ServerContext): HostOutput[] {
  const count = conn.queue.length;
  // Giving up is always possible: from a phase the table has no row for (an established stream the peer broke), too.
  if (!go(conn, condition === 'remote-server-timeout' ? 'timeout' : 'dns-nxdomain')) conn.phase = 'failed';
  forget(s, conn);
  return [note(`s2s.${condition}`, { server: s.domain, domain: conn.peerDomain, count }), ...release(s, conn, condition, ctx)];
}

/** The peer ended the stream or broke it: forget the connection, release what waited on it. */
export function ended(s: ServerState, conn: S2sConn, ctx: ServerContext): HostOutput[] {
  forget(s, conn);
  return release(s, conn, 'remote-server-timeout', ctx);
}

export function flush(s: ServerState, conn: S2sConn): HostOutput[] {
  const queued = conn.queue.splice(0);
  return queued.map((st) => send(conn, [piece(st)], 's2s.stanza-out', { server: s.domain, domain: conn.peerDomain, element: st.name }));
}

export function stanzaOut(s: ServerState, conn: S2sConn, stanza: XmlElement): HostOutput {
  return send(conn, [piece(stanza)], 's2s.stanza-out', { server: s.domain, domain: conn.peerDomain, element: stanza.name });
}

/** End a connection with a stream error (RFC 6120 §4.9); what waited on it is bounced. */
export function streamErrorOn(s: ServerState, conn: S2sConn, condition: string, ctx: ServerContext): HostOutput[] {
  const err = x('stream:error', null, x(condition, { xmlns: NS_STREAMS_ERRORS }));
  const out: HostOutput[] = [send(conn, [piece(err), STREAM_CLOSE], 's2s.stream-error', { server: s.domain, domain: conn.peerDomain, condition })];
  out.push(...step(s, conn, 'stream-error'));
  return [...out, ...ended(s, conn, ctx)];
}
