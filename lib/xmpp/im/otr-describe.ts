/**
 * Words for what the OTR engine just did: one narration note per text it sends (its wire layer comes
 * from otr-layer.ts), and effect notes for its events. Kept apart from the client glue so each stays small.
 * Data messages are described by why they were sent (a typed message, the end, an SMP step, a
 * heartbeat), which the caller knows and the ciphertext does not show.
 * @module
 */
import type { NoteKey } from '../../narration/notes';
import { fromHex } from '../../bytes/hex';
import { fingerprintHuman } from '../../otr/dsa';
import { dissect } from '../../otr/inspect';
import { otrLayer } from './otr-layer';
import type { OtrEvent, OtrOutput } from '../../otr/session';
import type { Note } from '../../sim/types';

/** Why a Data Message was sent. */
export type DataPurpose = 'text' | 'end' | 'smp1' | 'smp2' | 'smp3' | 'smp4' | 'smp-abort' | 'heartbeat';

export interface SendDescription {
  note: Note;
  label: string;
  /** Key name needed to open the layer (data messages only). */
  key?: string;
  /** MAC keys this message publishes (hex). */
  revealed: string[];
}

export interface Parties {
  client: string;
  /** own bare JID */
  account: string;
  /** correspondent's bare JID */
  peer: string;
  /** the client's own link runs without TLS (the query's narration says so, once) */
  plainLink?: boolean;
}

const AKE_NOTES: Record<string, NoteKey> = {
  'DH-Commit': 'otr.dh-commit-send',
  'DH-Key': 'otr.dh-key-send',
  'Reveal-Signature': 'otr.reveal-signature-send',
  Signature: 'otr.signature-send',
};

/**
 * The purpose of each Data Message in `out`, in order. From an action the caller says; from a received
 * message the events tell: a heartbeat is followed by 'heartbeat-sent'; otherwise the SMP event before it.
 */
export function dataPurposes(out: OtrOutput, given: DataPurpose[] | null): DataPurpose[] {
  if (given) return given;
  const purposes: DataPurpose[] = [];
  let smp: DataPurpose = 'smp-abort';
  out.events.forEach((e, i) => {
    if (e.type === 'smp') smp = e.kind === 'progress' ? 'smp3' : e.kind === 'result' ? 'smp4' : 'smp-abort';
    if (e.type === 'data-sent') purposes.push(out.events[i + 1]?.type === 'heartbeat-sent' ? 'heartbeat' : smp);
  });
  return purposes;
}

/** One description per text in `out.send`. `text` is the typed message (for purpose 'text'). */
export function describeSends(out: OtrOutput, p: Parties, purposes: DataPurpose[], extra: { text?: string; question?: string } = {}): SendDescription[] {
  const dataEvents = out.events.filter((e): e is Extract<OtrEvent, { type: 'data-sent' }> => e.type === 'data-sent');
  let d = 0;
  const base = { client: p.client, to: p.peer };
  return out.send.map((text): SendDescription => {
    const layer = otrLayer(text, p.account, p.peer) ?? { label: 'OTR' };
    const dis = dissect(text);
    const described = (key: NoteKey, params: Record<string, string | number> = base): SendDescription => ({ note: { key, params }, label: layer.label, revealed: [] });
    if (dis.kind === 'query') return described(p.plainLink ? 'otr.query-send-plain-link' : 'otr.query-send');
    if (dis.kind === 'error') return described('otr.error-send', { ...base, error: dis.error });
    if (dis.kind !== 'encoded') return described('otr.other-send');
    const ake = AKE_NOTES[dis.typeName];
    if (ake) return described(ake);
    const ev = dataEvents[d];
    const purpose = purposes[d] ?? 'text';
    d += 1;
    const s = ev?.senderKeyid ?? 0;
    const r = ev?.recipientKeyid ?? 0;
    const revealed = ev?.revealed ?? [];
    const params: Record<string, string | number> = { ...base, senderKeyid: s, recipientKeyid: r, nextKeyid: s + 1, counter: ev ? Number(BigInt(`0x${ev.ctr}`)) : 0, revealed: revealed.length };
    if (purpose === 'text') params.body = extra.text ?? '';
    if (purpose === 'smp1') params.question = extra.question ?? '';
    const key: NoteKey = purpose === 'smp1' && extra.question ? 'otr.smp1q-send' : `otr.${purpose}-send`;
    return { note: { key, params }, label: layer.label, ...(layer.key ? { key: layer.key } : {}), revealed };
  });
}

/** Effect notes for the engine's events (what the user would see, and what changed in the session). */
export function eventNotes(events: OtrEvent[], p: Parties): Note[] {
  const notes: Note[] = [];
  const base = { client: p.client, peer: p.peer };
  let keys = { senderKeyid: 0, recipientKeyid: 0 };
  for (const e of events) {
    switch (e.type) {
      case 'gone-secure':
        notes.push({
          key: e.refresh ? 'otr.refreshed' : 'otr.gone-secure',
          params: { ...base, version: e.protocolVersion, fingerprint: fingerprintHuman(fromHex(e.theirFingerprint)), ssid: e.ssid, ssidHalf: e.ssidHalf },
        });
        break;
      case 'data-received':
        keys = { senderKeyid: e.senderKeyid, recipientKeyid: e.recipientKeyid };
        break;
      case 'message':
        if (e.encrypted && e.text !== '') notes.push({ key: 'otr.message-received', params: { ...base, body: e.text, ...keys } });
        else if (e.encrypted && !e.tlvs.length) notes.push({ key: 'otr.heartbeat-received', params: { ...base, ...keys } });
        else if (!e.encrypted) notes.push({ key: e.warning ? 'otr.plaintext-in-private' : 'client.message-received', params: { client: p.client, from: p.peer, body: e.text, stamp: '' } });
        break;
      case 'disconnected':
        notes.push({ key: 'otr.peer-ended', params: base });
        break;
      case 'otr-error':
        notes.push({ key: 'otr.error-received', params: { ...base, error: e.error } });
        break;
      case 'unreadable':
        notes.push({ key: 'otr.unreadable', params: { ...base, reason: e.reason } });
        break;
      case 'not-in-private':
        notes.push({ key: 'otr.not-in-private', params: base });
        break;
      case 'ignored':
        notes.push({ key: 'otr.ignored', params: { ...base, reason: e.reason } });
        break;
      case 'cannot-send':
        notes.push({ key: 'otr.cannot-send', params: base });
        break;
      case 'smp':
        if (e.kind === 'request') notes.push({ key: e.question === null ? 'otr.smp-request' : 'otr.smp-request-question', params: { ...base, question: e.question ?? '' } });
        // A responder who answered a question is not verified by the answer (libotr: received_question), so it is not told so.
        else if (e.kind === 'result') notes.push({ key: !e.success ? 'otr.smp-failure' : e.trust === 'smp' ? 'otr.smp-success' : 'otr.smp-success-answered', params: base });
        else if (e.kind === 'aborted') notes.push({ key: 'otr.smp-aborted', params: base });
        else if (e.kind === 'cheated') notes.push({ key: 'otr.smp-error', params: { ...base, reason: e.reason } });
        break;
      default:
        break;
    }
  }
  return notes;
}
