/**
 * The operator of a server turned man in the middle (an observer of kind 'mitm'): message
 * stanzas between the two watched accounts never reach each other; their bodies go through the
 * operator's OTR relay (lib/attacks/otr-mitm-relay.ts), and what it sends is delivered as if the other end had
 * sent it. Realistic: whoever runs the server both clients trust for routing can do this without
 * touching the clients — only a fingerprint check or SMP (OTR v3 spec, "Socialist Millionaires'
 * Protocol") reveals it. Hooked into router.ts for stanzas from c2s sessions.
 * @module
 */
import type { NoteKey } from '../../narration/notes';
import { fact } from '../../sim/facts';
import type { HostContext, HostOutput, Note } from '../../sim/types';
import { child, text, x, type XmlElement } from '../../xml/element';
import { dissect } from '../../otr/inspect';
import { SMP_TLV_TYPES } from '../../otr/smp-tlv';
import { piece, toSession } from './out';
import { otrLayer } from '../im/otr-layer';
import { otherEnd, relayText, type MitmEvent, type MitmSend } from '../../attacks/otr-mitm-relay';
import { address, availableSessions, nextId, sessionsOf, type ServerState, type Session } from './state';

function eventNote(server: string, e: MitmEvent): Note {
  switch (e.type) {
    case 'read':
      return { key: 'mitm.read', params: { server, from: e.from, to: e.to, body: e.text } };
    case 'smp-relayed': {
      // TLV 2/7 → SMP 1, 3 → 2, 4 → 3, 5 → 4 (after it both ends know the result), 6 → abort
      const step = ({ 2: 1, 7: 1, 3: 2, 4: 3, 5: 4 } as Record<number, number>)[e.tlvs.at(-1)!] ?? 0;
      if (e.question !== undefined) return { key: 'mitm.smp-relay-question', params: { server, from: e.from, to: e.to, question: e.question } };
      return { key: step === 4 ? 'mitm.smp-relay-last' : step === 0 ? 'mitm.smp-relay-abort' : 'mitm.smp-relay', params: { server, from: e.from, to: e.to, step } };
    }
    case 'gone-secure':
      return { key: 'mitm.gone-secure', params: { server, peer: e.peer, posingAs: e.posingAs, shown: e.shown, peerReal: e.peerReal } };
    case 'fingerprints':
      return { key: 'mitm.fingerprints', params: { server, a: e.a, b: e.b, aReal: e.aReal, bReal: e.bReal, shown: e.shown } };
    case 'waiting':
      return { key: 'mitm.waiting', params: { server, from: e.from, to: e.to } };
    case 'unreadable':
      return { key: 'mitm.unreadable', params: { server, from: e.from, reason: e.reason } };
    case 'passed':
      return { key: e.what === 'query' ? 'mitm.pass-query' : 'mitm.pass-plaintext', params: { server, from: e.from, to: e.to } };
  }
}

/** Where a stanza to `jid` goes: that resource, or the account's available sessions of highest priority. */
function targets(s: ServerState, jid: string): Session[] {
  const a = address(jid);
  if (!a || a.local === null) return [];
  if (a.resource !== null) return sessionsOf(s, a.local).filter((o) => o.resource === a.resource);
  const live = availableSessions(s, a.local);
  const top = Math.max(...live.map((o) => o.priority));
  return live.filter((o) => o.priority === top);
}

/** Which note narrates a text the operator delivers. */
function deliverNote(send: MitmSend): NoteKey {
  const dis = dissect(send.text);
  if (dis.kind === 'query') return 'mitm.deliver-query';
  if (dis.kind !== 'encoded') return 'mitm.deliver-other';
  if (dis.typeName !== 'Data') return 'mitm.deliver-ake';
  if (send.plain) return 'mitm.deliver-data';
  return send.tlvs?.some((t) => SMP_TLV_TYPES.includes(t)) ? 'mitm.deliver-smp' : 'mitm.deliver-other';
}

/**
 * One text delivered as if `from` had sent it. Its 'otr' layer is labelled as the clients label theirs;
 * the key is named like theirs too, with the sender marked as the operator's disguise (it is another key).
 * A message it re-encrypted is also a fact: the operator knows its text.
 */
function deliver(s: ServerState, sess: Session, from: string, posingAs: string, peer: string, send: MitmSend): HostOutput[] {
  const el = x('message', { from, to: sess.fullJid ?? peer, type: 'chat', id: nextId(s, 'mitm') }, x('body', null, send.text));
  const layer = otrLayer(send.text, posingAs, peer) ?? { label: 'OTR' };
  const inner = { layer: 'otr' as const, text: send.text, label: `${layer.label}; ${send.relayed ? 'passed on unchanged' : 'made'} by the operator of ${s.domain}`, ...(layer.key ? { key: layer.key.replace(/^otr:/, `otr:operator:${s.id}/`) } : {}) };
  const params = { server: s.domain, client: sess.node, posingAs, ...(send.plain !== null ? { body: send.plain } : {}) };
  const key = deliverNote(send);
  const out = [toSession(sess, [piece(el, inner)], { key, params })];
  if (key === 'mitm.deliver-data' && send.plain !== null) out.push(fact({ type: 'mitm-reencrypted', node: s.id, from: posingAs, to: peer, text: send.plain }));
  return out;
}

/**
 * A stamped message from a c2s session: when it passes between the two watched accounts and
 * carries a body, the operator takes it (outputs); otherwise null and routing goes on as usual.
 */
export function otrMitmIntercept(s: ServerState, stamped: XmlElement, ctx: HostContext): HostOutput[] | null {
  const m = s.otrMitm;
  const body = child(stamped, 'body');
  const from = address(stamped.attrs.from);
  const to = address(stamped.attrs.to);
  if (!m || !body || !from || !to || stamped.attrs.type === 'error' || otherEnd(m, from.bare, to.bare) === null) return null;
  const step = relayText(m, from.bare, text(body), { randomBytes: ctx.randomBytes, now: ctx.now });
  // The narration of each step, and beside what the operator read, the fact of it.
  const out: HostOutput[] = step.events.flatMap((e): HostOutput[] => {
    const n: HostOutput = { type: 'note', note: eventNote(s.domain, e) };
    return e.type === 'read' ? [n, fact({ type: 'mitm-read', node: s.id, from: e.from, to: e.to, text: e.text })] : [n];
  });
  // Replies to the sender seem to come from the address it wrote to (or the other end's live session).
  const posingFull = to.resource !== null ? to.full : (targets(s, to.bare)[0]?.fullJid ?? to.bare);
  for (const send of step.back) for (const sess of targets(s, from.full)) out.push(...deliver(s, sess, posingFull, to.bare, from.bare, send));
  for (const send of step.onward) for (const sess of targets(s, to.full)) out.push(...deliver(s, sess, from.full, from.bare, to.bare, send));
  if (!out.length) out.push({ type: 'note', note: { key: 'mitm.swallowed', params: { server: s.domain, from: from.bare, to: to.bare } } });
  return out;
}
