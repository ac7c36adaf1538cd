/**
 * Server Dialback (XEP-0220 §2.1) in its three roles, across two connections:
 *  - Originating Server, on our outgoing stream: send <db:result/> with our key, learn the verdict.
 *  - Receiving Server, on a peer's stream to us: take its <db:result/> claim, ask the Authoritative
 *    Server with <db:verify/> over OUR OWN outgoing connection to the domain DNS names (§2.1.3) —
 *    never back down the connection the claim came in on — and pass the verdict to the claimant.
 *  - Authoritative Server, on a peer's stream to us: recompute a key we issued and answer.
 * The question may wait on our outgoing stream until that stream has sent its own <db:result/>
 * (as Prosody does); both servers then verify each other at once and neither waits for the other.
 * @module
 */
import { fact } from '../../sim/facts';
import { fromHex } from '../../bytes/hex';
import type { HostOutput } from '../../sim/types';
import { text, x, type XmlElement } from '../../xml/element';
import { dialbackKey } from '../s2s/dialback';
import type { ServerContext } from './context';
import { dial, fail, flush, go, send, step, streamErrorOn, tlsOpen, waitingClaim } from './s2s-conn';
import { note, piece } from './out';
import type { S2sConn, ServerState } from './state';

const MAX_WAITING = 100;

function question(s: ServerState, q: XmlElement, conn: S2sConn): HostOutput {
  return send(conn, [piece(q)], 's2s.db-verify', { server: s.domain, domain: conn.peerDomain });
}

/** Originating Server: our claim on our outgoing stream, then the questions that waited for it. */
export function claim(s: ServerState, conn: S2sConn): HostOutput[] {
  // XEP-0220 §2.1.1: db:result carries the key only the originating server can compute.
  const key = dialbackKey(fromHex(s.secret), conn.peerDomain, s.domain, conn.streamId ?? '');
  const moved = step(s, conn, 'features-dialback');
  const out = [send(conn, [piece(x('db:result', { from: s.domain, to: conn.peerDomain }, key))], 's2s.db-result', { server: s.domain, domain: conn.peerDomain, key }), ...moved];
  for (const q of conn.verifies.splice(0)) out.push(question(s, q, conn));
  return out;
}

/** Receiving Server: ask `domain`'s Authoritative Server over our own connection to it, dialling if need be. */
function ask(s: ServerState, domain: string, q: XmlElement): HostOutput[] {
  const own = s.s2s[domain];
  if (own && (own.phase === 'dialback' || own.phase === 'established')) return [question(s, q, own)];
  if (own) {
    if (own.verifies.length < MAX_WAITING) own.verifies.push(q);
    return [];
  }
  const d = dial(s, domain);
  d.conn.verifies.push(q);
  return d.out;
}

/** The dialback elements; null when `el` is none of them. */
export function onDialback(s: ServerState, conn: S2sConn, el: XmlElement, ctx: ServerContext): HostOutput[] | null {
  const { name, attrs } = el;
  if (name === 'db:verify' && attrs.type === undefined) {
    // §2.1.3, Authoritative Server: this server recomputes its own key and compares.
    const expected = dialbackKey(fromHex(s.secret), attrs.from ?? '', s.domain, attrs.id ?? '');
    const valid = attrs.to === s.domain && text(el) === expected;
    const reply = x('db:verify', { from: s.domain, to: attrs.from, id: attrs.id, type: valid ? 'valid' : 'invalid' });
    return [send(conn, [piece(reply)], 's2s.db-verify-answer', { server: s.domain, domain: attrs.from ?? '', result: valid ? 'valid' : 'invalid' })];
  }
  if (conn.role === 'initiator' && name === 'db:verify') {
    // §2.1.4: the answer to our question; the claimant waits on its own connection to us.
    const waiting = waitingClaim(s, attrs.from ?? '', attrs.id ?? '');
    if (!waiting || attrs.from !== conn.peerDomain) return [note('s2s.verify-stale', { server: s.domain, domain: conn.peerDomain })];
    const valid = attrs.type === 'valid';
    const verdict = x('db:result', { from: s.domain, to: waiting.peerDomain, type: valid ? 'valid' : 'invalid' });
    const out = [send(waiting, [piece(verdict)], valid ? 's2s.db-result-valid' : 's2s.dialback-refused', { server: s.domain, domain: waiting.peerDomain })];
    // waitingClaim found it 'verifying', so the table has both rows: a refusal is the engine's defect.
    out.push(...step(s, waiting, valid ? 'db-verify-valid' : 'db-verify-invalid'));
    waiting.peerVerified = waiting.phase === 'established';
    if (waiting.peerVerified) out.push(fact({ type: 'dialback-accepted', node: s.id, domain: s.domain, peerDomain: waiting.peerDomain, as: 'claim-accepted', conn: waiting.id }));
    return out;
  }
  if (conn.role === 'initiator' && name === 'db:result') {
    if (attrs.type === 'valid' && go(conn, 'db-result-valid')) {
      const accepted = fact({ type: 'dialback-accepted', node: s.id, domain: s.domain, peerDomain: conn.peerDomain, as: 'our-claim-accepted', conn: conn.id });
      return [note('s2s.dialback-valid', { server: s.domain, domain: conn.peerDomain }), accepted, ...flush(s, conn)];
    }
    return [note('s2s.dialback-invalid', { server: s.domain, domain: conn.peerDomain }), ...fail(s, conn, 'remote-server-not-found', ctx)];
  }
  if (conn.role === 'responder' && name === 'db:result' && attrs.type === undefined) {
    if (s.settings.s2sTls === 'required' && !tlsOpen(conn)) return streamErrorOn(s, conn, 'policy-violation', ctx);
    const claimed = attrs.from ?? '';
    if (claimed !== conn.peerDomain || attrs.to !== s.domain) return streamErrorOn(s, conn, 'invalid-from', ctx);
    if (!go(conn, 'db-result')) return streamErrorOn(s, conn, 'policy-violation', ctx);
    const q = x('db:verify', { from: s.domain, to: claimed, id: conn.streamId ?? '' }, text(el));
    return [note('s2s.claim-received', { server: s.domain, domain: claimed }), ...ask(s, claimed, q)];
  }
  return null;
}
