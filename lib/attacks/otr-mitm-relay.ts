/**
 * A man in the middle of an unverified OTR conversation, as the operator of the server both ends use
 * could run it: one OTR session with each end (its own DSA key, posing as the other end), so each
 * AKE succeeds — with the operator. Data Messages are decrypted in one session and re-encrypted in
 * the other, TLVs and all; the operator reads everything. It cannot answer SMP (it does not know the
 * secret), so it passes the SMP TLVs through unchanged — and SMP fails, because each end hashes its
 * secret together with the fingerprints and the ssid of *its* session (OTR v3 spec, "Socialist
 * Millionaires' Protocol": x = SHA256(1 ‖ initiator fp ‖ responder fp ‖ ssid ‖ secret)), which differ.
 * Pure: plain data in, texts out, no XMPP here (lib/xmpp/server/otr-mitm.ts carries the stanzas).
 * @module
 */
import { CodecError } from '../otr/codec';
import { fingerprint, fingerprintHuman, generateDsaKey, publicPart, type DsaPrivateKey } from '../otr/dsa';
import { classify } from '../otr/query';
import { createOtrSession, openSessionData, receiveMessage, sendMessage, type OtrContext, type OtrSession } from '../otr/session';
import { SMP_TLV_TYPES } from '../otr/smp-tlv';
import { decodeSmp1Q, TLV_DISCONNECTED, TLV_SMP1Q, type Tlv } from '../otr/tlv';

export interface OtrMitmState {
  /** the two ends, bare JIDs */
  between: [string, string];
  /** the operator's long-term key: one for both sessions, as a real attacker would have */
  key: DsaPrivateKey;
  /** the operator's session with each end (keyed by that end's bare JID); in each it poses as the other */
  sessions: Record<string, OtrSession>;
  /** texts read from one end that wait until the session with the other end is encrypted */
  waiting: { to: string; text: string; tlvs: Tlv[] }[];
}

export type MitmEvent =
  | { type: 'read'; from: string; to: string; text: string }
  | { type: 'smp-relayed'; from: string; to: string; tlvs: number[]; question?: string }
  | { type: 'gone-secure'; peer: string; posingAs: string; shown: string; peerReal: string }
  | { type: 'fingerprints'; a: string; b: string; aReal: string; bReal: string; shown: string }
  | { type: 'waiting'; from: string; to: string }
  | { type: 'unreadable'; from: string; reason: string }
  | { type: 'passed'; from: string; to: string; what: 'query' | 'plaintext' };

/** A text the operator sends, and what it carries when it re-encrypted a message (null: AKE, query …). */
export interface MitmSend {
  text: string;
  plain: string | null;
  /** TLV types inside a re-encrypted message (SMP steps, disconnect) */
  tlvs?: number[];
  /** passed on exactly as the sender wrote it (a query, a plain message) */
  relayed?: true;
}

export interface RelayStep {
  /** texts for the sender, as if from the other end (AKE replies) */
  back: MitmSend[];
  /** texts for the other end, as if from the sender */
  onward: MitmSend[];
  events: MitmEvent[];
}

const WAITING_MAX = 20;

const human = (fp: Uint8Array) => fingerprintHuman(fp);

export function initOtrMitm(between: [string, string], randomBytes: (n: number) => Uint8Array): OtrMitmState {
  const key = generateDsaKey(randomBytes);
  const ctx: OtrContext = { randomBytes };
  const [a, b] = between;
  // heartbeats off: the operator says nothing of its own that could look odd
  const session = (peer: string, posingAs: string) => createOtrSession({ account: posingAs, peer, longTerm: key, heartbeatMs: 0 }, ctx);
  return { between, key, sessions: { [a]: session(a, b), [b]: session(b, a) }, waiting: [] };
}

/** Which end of the conversation a bare JID is, and who the other is; null when the pair is not watched. */
export function otherEnd(st: OtrMitmState, from: string, to: string): string | null {
  const [a, b] = st.between;
  return (from === a && to === b) || (from === b && to === a) ? to : null;
}

/** The question of an SMP 1Q TLV: it travels readable inside the encrypted message, so the operator sees it. */
function questionOf(tlvs: Tlv[]): { question?: string } {
  const q = tlvs.find((t) => t.type === TLV_SMP1Q);
  if (!q) return {};
  try {
    return { question: decodeSmp1Q(q.value).question };
  } catch (e) {
    if (e instanceof CodecError) return {};
    throw e;
  }
}

/** Send through the session with `to`, or keep it until that session is encrypted. */
function forward(st: OtrMitmState, from: string, to: string, text: string, tlvs: Tlv[], ctx: OtrContext, step: RelayStep, sink: MitmSend[]): void {
  const out = st.sessions[to]!;
  if (out.msgstate !== 'encrypted') {
    if (st.waiting.length < WAITING_MAX) st.waiting.push({ to, text, tlvs });
    step.events.push({ type: 'waiting', from, to });
    return;
  }
  sink.push(...sendMessage(out, text, ctx, tlvs).send.map((t) => ({ text: t, plain: text, tlvs: tlvs.map((v) => v.type) })));
}

function flush(st: OtrMitmState, to: string, ctx: OtrContext, sink: MitmSend[]): void {
  const sess = st.sessions[to]!;
  if (sess.msgstate !== 'encrypted') return;
  const ready = st.waiting.filter((w) => w.to === to);
  st.waiting = st.waiting.filter((w) => w.to !== to);
  for (const w of ready) sink.push(...sendMessage(sess, w.text, ctx, w.tlvs).send.map((t) => ({ text: t, plain: w.text, tlvs: w.tlvs.map((v) => v.type) })));
}

/** One text from `from` (one end) to the other end, through the operator. */
export function relayText(st: OtrMitmState, from: string, text: string, ctx: OtrContext): RelayStep {
  const to = st.between[0] === from ? st.between[1] : st.between[0];
  const sIn = st.sessions[from]!;
  const step: RelayStep = { back: [], onward: [], events: [] };
  const opened = openSessionData(sIn, text, ctx);
  if (opened && !opened.ok) {
    step.events.push({ type: 'unreadable', from, reason: opened.reason });
    return step;
  }
  if (opened) {
    const smp = opened.tlvs.filter((t) => SMP_TLV_TYPES.includes(t.type)).map((t) => t.type);
    if (opened.text) step.events.push({ type: 'read', from, to, text: opened.text });
    if (smp.length) step.events.push({ type: 'smp-relayed', from, to, tlvs: smp, ...questionOf(opened.tlvs) });
    if (opened.tlvs.some((t) => t.type === TLV_DISCONNECTED)) {
      sIn.msgstate = 'finished';
      sIn.keys = null;
    }
    forward(st, from, to, opened.text, opened.tlvs, ctx, step, step.onward);
    return step;
  }
  // Not a Data Message for an encrypted session: the session with the sender handles it (AKE, query, plaintext).
  const kind = classify(text);
  const res = receiveMessage(sIn, text, ctx);
  step.back.push(...res.send.map((t) => ({ text: t, plain: null })));
  // A query (or a plain message, maybe whitespace-tagged) goes on as it is: the other end then runs its own AKE with the operator.
  if (kind === 'query' || kind === 'plaintext') {
    step.onward.push({ text, plain: null, relayed: true });
    step.events.push({ type: 'passed', from, to, what: kind });
  }
  for (const ev of res.events) {
    if (ev.type !== 'gone-secure') continue;
    step.events.push({ type: 'gone-secure', peer: from, posingAs: to, shown: human(fingerprint(publicPart(st.key))), peerReal: human(fingerprint(sIn.theirLongTerm!)) });
    const other = st.sessions[to]!;
    if (other.msgstate === 'encrypted' && other.theirLongTerm) {
      const [a, b] = st.between;
      const real = (j: string) => human(fingerprint(st.sessions[j]!.theirLongTerm!));
      step.events.push({ type: 'fingerprints', a, b, aReal: real(a), bReal: real(b), shown: human(fingerprint(publicPart(st.key))) });
    }
    flush(st, from, ctx, step.back);
  }
  return step;
}
