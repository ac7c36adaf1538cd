/**
 * OTR inside the XMPP client (XEP-0364 "Current Off-the-Record Messaging Usage"): the lib/otr engine
 * runs one session per correspondent (bare JID); every text it produces travels as the <body> of a
 * <message type='chat'> with the hints XEP-0364 §4.3 names as best practice (<no-copy/>,
 * <no-permanent-store/> of XEP-0334 and <private/> of XEP-0280); following §4.2 the conversation is
 * bound to the full JID the correspondent answers from. Like Pidgin, a typed message goes out
 * encrypted whenever the session with that person is encrypted. Each step leaves notes (what was
 * sent and why, the DH keys generated and forgotten, the MAC keys published) and, for modules, facts:
 * the keys themselves, private halves included, travel only in facts.
 * @module
 */
import type { NoteKey } from '../../narration/notes';
import { fact, type ForgetReason } from '../../sim/facts';
import { fingerprint, fingerprintHuman, generateDsaKey, publicPart, type DsaPrivateKey } from '../../otr/dsa';
import { classify, stripWhitespaceTag } from '../../otr/query';
import { createOtrSession, endOtr, receiveMessage, sendMessage, smpRespond, smpStart, startOtr, type OtrOutput, type OtrSession } from '../../otr/session';
import type { E2eHost } from '../../e2e/scheme';
import type { Action, HostContext, HostOutput } from '../../sim/types';
import { x, type XmlElement } from '../../xml/element';
import { serialize } from '../../xml/serialize';
import { dataPurposes, describeSends, eventNotes, type DataPurpose, type Parties } from './otr-describe';
import { diffHeld, heldDhKeys } from './otr-held-keys';
import { bareOf as bare } from '../jid';

/** XEP-0334 message processing hints and XEP-0280 carbons, as XEP-0364 §4.3 uses them. */
const NS_HINTS = 'urn:xmpp:hints';
const NS_CARBONS = 'urn:xmpp:carbons:2';

export interface OtrClientState {
  /** The long-term DSA key, made from the seeded randomness the first time OTR is needed. */
  dsa: DsaPrivateKey | null;
  /** One OTR conversation per correspondent, by bare JID (plain data from lib/otr/session.ts). */
  sessions: Record<string, OtrSession>;
  /** The full JID each conversation is bound to (XEP-0364 §4.2). */
  addresses: Record<string, string>;
}

export const newOtrClientState = (): OtrClientState => ({ dsa: null, sessions: {}, addresses: {} });

/** What the client lends the OTR glue: its stanza sender and its screen (lib/e2e/scheme.ts). */
type OtrHost = E2eHost;


function note(key: NoteKey, params: Record<string, string | number>): HostOutput {
  return { type: 'note', note: { key, params } };
}

function ensureDsa(o: OtrClientState, host: OtrHost, ctx: HostContext, out: HostOutput[]): DsaPrivateKey {
  if (o.dsa) return o.dsa;
  o.dsa = generateDsaKey(ctx.randomBytes);
  const fp = fingerprintHuman(fingerprint(publicPart(o.dsa)));
  out.push(note('otr.long-term-key', { node: host.client, fingerprint: fp, y: o.dsa.y.toString(16) }));
  out.push(fact({ type: 'long-term-key-made', node: host.client, scheme: 'otr-dsa', fingerprint: fp, x: o.dsa.x.toString(16), y: o.dsa.y.toString(16) }));
  return o.dsa;
}

function session(o: OtrClientState, host: OtrHost, peer: string, ctx: HostContext, out: HostOutput[]): OtrSession {
  const existing = o.sessions[peer];
  if (existing) return existing;
  const longTerm = ensureDsa(o, host, ctx, out);
  const st = createOtrSession({ account: host.account, peer, longTerm }, { randomBytes: ctx.randomBytes, now: ctx.now });
  o.sessions[peer] = st;
  return st;
}

function stanza(to: string, id: string, body: string): XmlElement {
  return x('message', { type: 'chat', to, id }, x('body', null, body), x('no-copy', { xmlns: NS_HINTS }), x('no-permanent-store', { xmlns: NS_HINTS }), x('private', { xmlns: NS_CARBONS }));
}

/** Why a key went: rotation (the peer used our newer key), the end of the session, or a restarted AKE. */
function forgetReason(st: OtrSession, keyid: number): ForgetReason {
  if (!st.keys) return 'end';
  return keyid === st.keys.ourKeyid - 2 ? 'rotation' : 'restart';
}

const FORGET_NOTE: Record<ForgetReason, NoteKey> = { rotation: 'otr.dh-forgotten', end: 'otr.dh-forgotten-end', restart: 'otr.dh-forgotten-restart' };

interface Call {
  purposes: DataPurpose[] | null;
  text?: string;
  question?: string;
}

/** Run one engine call on the session with `peer` and turn everything it did into outputs. */
function run(o: OtrClientState, host: OtrHost, peer: string, ctx: HostContext, call: Call, fn: (st: OtrSession, octx: { randomBytes: (n: number) => Uint8Array; now: number }) => OtrOutput): HostOutput[] {
  const out: HostOutput[] = [];
  const st = session(o, host, peer, ctx, out);
  const before = heldDhKeys(st);
  const res = fn(st, { randomBytes: ctx.randomBytes, now: ctx.now });
  const change = diffHeld(before, heldDhKeys(st));
  const p: Parties = { client: host.client, account: host.account, peer, plainLink: host.plainLink };
  for (const n of eventNotes(res.events, p)) out.push({ type: 'note', note: n });
  for (const e of res.events) {
    if (e.type === 'message' && e.text !== '') {
      const from = o.addresses[peer] ?? peer;
      host.show(from, e.text, { encrypted: e.encrypted, verified: e.encrypted && st.trust === 'smp' });
      out.push(fact({ type: 'message-shown', node: host.client, from, body: e.text, encrypted: e.encrypted }));
    }
  }
  for (const k of change.generated) {
    out.push(note('otr.dh-generated', { node: host.client, peer, keyid: k.keyid, pub: k.pub.toString(16) }));
    out.push(fact({ type: 'dh-key-made', node: host.client, peer, keyid: k.keyid, priv: k.priv.toString(16), pub: k.pub.toString(16) }));
  }
  for (const k of change.forgotten) {
    const why = forgetReason(st, k.keyid);
    out.push(note(FORGET_NOTE[why], { node: host.client, peer, keyid: k.keyid, newer: k.keyid + 1, pub: k.pub.toString(16) }));
    out.push(fact({ type: 'dh-key-forgotten', node: host.client, peer, keyid: k.keyid, pub: k.pub.toString(16), why }));
  }
  const to = o.addresses[peer] ?? peer;
  for (const [i, d] of describeSends(res, p, dataPurposes(res, call.purposes), call).entries()) {
    const body = res.send[i]!;
    if (d.revealed.length) {
      out.push(note('otr.mac-revealed', { node: host.client, peer, count: d.revealed.length, macKeys: d.revealed.join(',') }));
      out.push(fact({ type: 'mac-keys-published', node: host.client, peer, macKeys: d.revealed }));
    }
    const inner = { layer: 'otr' as const, text: body, label: d.label, ...(d.key ? { key: d.key } : {}) };
    out.push(host.send([{ text: serialize(stanza(to, host.nextId(), body)), label: '<message/>', inner }], d.note));
  }
  return out;
}

/** The OTR actions, and `send-message` while the session with `to` is not in plaintext. Null: not ours. */
export function otrAction(o: OtrClientState, host: OtrHost, a: Action, ctx: HostContext): HostOutput[] | null {
  switch (a.type) {
    case 'otr-start': {
      const peer = bare(a.to);
      if (a.to !== peer) o.addresses[peer] = a.to;
      return run(o, host, peer, ctx, { purposes: [] }, (st) => startOtr(st));
    }
    case 'otr-end':
      if (!o.sessions[bare(a.to)]) return [note('otr.no-session', { client: host.client, peer: bare(a.to) })];
      return run(o, host, bare(a.to), ctx, { purposes: ['end'] }, (st, c) => endOtr(st, c));
    case 'smp-start':
    case 'smp-respond': {
      const st = o.sessions[bare(a.to)];
      if (!st || st.msgstate !== 'encrypted') return [note('otr.smp-needs-session', { client: host.client, peer: bare(a.to) })];
      if (a.type === 'smp-respond' && !st.smp.awaitingSecret) return [note('otr.smp-nothing-to-answer', { client: host.client, peer: bare(a.to) })];
      if (a.type === 'smp-respond') return run(o, host, bare(a.to), ctx, { purposes: ['smp2'] }, (s, c) => smpRespond(s, a.secret, c));
      const question = a.question ?? null;
      const purposes: DataPurpose[] = st.smp.expect === 1 && !st.smp.awaitingSecret ? ['smp1'] : ['smp-abort', 'smp1'];
      return run(o, host, bare(a.to), ctx, { purposes, ...(question !== null ? { question } : {}) }, (s, c) => smpStart(s, a.secret, question, c));
    }
    case 'send-message': {
      const st = o.sessions[bare(a.to)];
      if (!st || st.msgstate === 'plaintext' || (a.messageType ?? 'chat') !== 'chat') return null;
      return run(o, host, bare(a.to), ctx, { purposes: ['text'], text: a.body }, (s, c) => sendMessage(s, a.body, c));
    }
    default:
      return null;
  }
}

/** A received body: OTR when it looks like OTR or a session with the sender exists. Null: not ours. */
export function otrReceive(o: OtrClientState, host: OtrHost, from: string, body: string, ctx: HostContext): HostOutput[] | null {
  const peer = bare(from);
  const otrish = classify(body) !== 'plaintext' || stripWhitespaceTag(body) !== null;
  if (!otrish && !o.sessions[peer]) return null;
  if (otrish && from !== peer) o.addresses[peer] = from;
  return run(o, host, peer, ctx, { purposes: null }, (st, c) => receiveMessage(st, body, c));
}
