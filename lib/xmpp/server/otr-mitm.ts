/**
 * The operator of a server turned man in the middle (`topology.servers[i].otrMitm`): message
 * stanzas between the two watched accounts never reach each other; their bodies go through the
 * operator's OTR relay (otr-mitm-relay.ts), and what it sends is delivered as if the other end had
 * sent it. Realistic: whoever runs the server both clients trust for routing can do this without
 * touching the clients — only a fingerprint check or SMP (OTR v3 spec, "Socialist Millionaires'
 * Protocol") reveals it. Hooked into router.ts for stanzas from c2s sessions.
 * @module
 */
import type { HostContext, HostOutput, Note } from '../../sim/types';
import { child, text, x, type XmlElement } from '../../xml/element';
import { dissect } from '../../otr/inspect';
import { SMP_TLV_TYPES } from '../../otr/smp-tlv';
import { piece, toSession } from './out';
import { otherEnd, relayText, type MitmEvent, type MitmSend } from './otr-mitm-relay';
import { address, availableSessions, nextId, sessionsOf, type ServerState, type Session } from './state';

function eventNote(server: string, e: MitmEvent): Note {
  switch (e.type) {
    case 'read':
      return { key: 'mitm.read', params: { server, from: e.from, to: e.to, body: e.text } };
    case 'smp-relayed': {
      // TLV 2/7 → SMP 1, 3 → 2, 4 → 3, 5 → 4 (after it both ends know the result), 6 → abort
      const step = ({ 2: 1, 7: 1, 3: 2, 4: 3, 5: 4 } as Record<number, number>)[e.tlvs.at(-1)!] ?? 0;
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

/** The key a data message of the operator's needs: named like the clients' (otr:sender>recipient:S/R), the sender marked as the operator's disguise. */
const mitmKeyName = (server: string, posingAs: string, peer: string, s: number, r: number): string => `otr:operator:${server}/${posingAs}>${peer}:${s}/${r}`;

/** Where a stanza to `jid` goes: that resource, or the account's available sessions of highest priority. */
function targets(s: ServerState, jid: string): Session[] {
  const a = address(jid);
  if (!a || a.local === null) return [];
  if (a.resource !== null) return sessionsOf(s, a.local).filter((o) => o.resource === a.resource);
  const live = availableSessions(s, a.local);
  const top = Math.max(...live.map((o) => o.priority));
  return live.filter((o) => o.priority === top);
}

/** One text delivered as if `from` had sent it, with the OTR layer named like the clients name theirs. */
function deliver(s: ServerState, sess: Session, from: string, posingAs: string, peer: string, send: MitmSend): HostOutput {
  const dis = dissect(send.text);
  const el = x('message', { from, to: sess.fullJid ?? peer, type: 'chat', id: nextId(s, 'mitm') }, x('body', null, send.text));
  const params = { server: s.domain, client: sess.node, posingAs, ...(send.plain !== null ? { body: send.plain } : {}) };
  let key = 'mitm.deliver-other';
  let label = 'OTR message from the operator, posing as ' + posingAs;
  let layerKey: string | undefined;
  if (dis.kind === 'query') key = 'mitm.deliver-query';
  else if (dis.kind === 'encoded' && dis.typeName === 'Data') {
    key = send.plain ? 'mitm.deliver-data' : send.tlvs?.some((t) => SMP_TLV_TYPES.includes(t)) ? 'mitm.deliver-smp' : 'mitm.deliver-other';
    const [sk, rk] = ['Sender keyid', 'Rcpt keyid'].map((n) => Number(dis.fields.find((f) => f.name === n)?.value ?? 0));
    label = `OTR data message, keys ${sk}/${rk}, made by the operator of ${s.domain} (AES-128-CTR + HMAC-SHA1)`;
    layerKey = mitmKeyName(s.id, posingAs, peer, sk!, rk!);
  } else if (dis.kind === 'encoded') {
    key = 'mitm.deliver-ake';
    label = `OTR ${dis.typeName} from the operator of ${s.domain}, posing as ${posingAs}`;
  }
  const out = toSession(sess, [piece(el, { layer: 'otr', text: send.text, label })], { key, params });
  if (layerKey && out.type === 'send') for (const l of out.layers) if (l.layer === 'otr') l.key = layerKey;
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
  const out: HostOutput[] = step.events.map((e) => ({ type: 'note', note: eventNote(s.domain, e) }));
  // Replies to the sender seem to come from the address it wrote to (or the other end's live session).
  const posingFull = to.resource !== null ? to.full : (targets(s, to.bare)[0]?.fullJid ?? to.bare);
  for (const send of step.back) for (const sess of targets(s, from.full)) out.push(deliver(s, sess, posingFull, to.bare, from.bare, send));
  for (const send of step.onward) for (const sess of targets(s, to.full)) out.push(deliver(s, sess, from.full, from.bare, to.bare, send));
  if (!out.length) out.push({ type: 'note', note: { key: 'mitm.swallowed', params: { server: s.domain, from: from.bare, to: to.bare } } });
  return out;
}
