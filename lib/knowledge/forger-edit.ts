/**
 * What a forger can do with a recording, pure: OTR Data Messages and signed messages in, forgeries out.
 * OTR (v3 spec, "Revealing MAC keys"): a MAC key published in a later Data Message verifies the
 * recorded message; AES-CTR is malleable, so XOR-ing (known ⊕ wanted) into the ciphertext changes
 * the text without the AES key, and the revealed MAC key MACs the result (libotr's otr_modify, our
 * lib/otr/forge.ts). The forgery verifies exactly as well as the original. A signed message
 * (lib/contrast/signed.ts) can be edited just as easily — and its signature then fails.
 * @module
 */
import { fromHex, toHex } from '../bytes/hex';
import { parseSigned, encodeSigned, verifySigned } from '../contrast/signed';
import { hmacSha1, macEquals } from '../crypto/otr-mac';
import { dearmor, Reader } from '../otr/codec';
import { parseDataMessage, type DataMessageFields } from '../otr/data-message';
import { modifyAt } from '../otr/forge';
import { MSG_DATA, readHeader } from '../otr/wire';
import type { ForgerEdit } from '../sim/types';

/** One message body the forger recorded. */
export interface RecordedBody {
  seq: number;
  time: number;
  from: string;
  to: string;
  body: string;
}

interface RecordedBase {
  index: number;
  seq: number;
  time: number;
  from: string;
  to: string;
  /** the body as it crossed the wire */
  wire: string;
}

export type RecordedMessage =
  | (RecordedBase & {
      scheme: 'otr';
      /** MAC keys this message publishes (hex) */
      reveals: string[];
      /** the published MAC key that verifies this message, or null while none does */
      macKey: string | null;
      /** seq of the event that published it */
      macKeyRevealedAt: number | null;
      /** does the recorded message verify under that key (null: no key to check with) */
      macValid: boolean | null;
    })
  | (RecordedBase & { scheme: 'signed'; signer: string; text: string; signatureValid: boolean });

export interface Forgery {
  message: number;
  seq: number;
  scheme: 'otr' | 'signed';
  find: string;
  replace: string;
  original: string;
  /** the forged body, or null when the forger could not make one (see reason) */
  forged: string | null;
  /** what the forged message says, as far as the forger knows */
  claims: string | null;
  /** OTR: the forgery's MAC checked with the revealed key */
  macValid?: boolean;
  /** signed: the forgery checked against the signer's published key */
  signatureValid?: boolean;
  reason?: 'no-such-message' | 'mac-key-not-revealed' | 'text-not-found' | 'outside-message' | 'length-differs';
}

const utf8 = new TextEncoder();

/** The Data Message inside a body, or null for anything else (never throws). */
function dataMessageOf(body: string): DataMessageFields | null {
  const bin = dearmor(body.trim());
  if (!bin) return null;
  try {
    const r = new Reader(bin);
    const h = readHeader(r);
    return h.type === MSG_DATA ? parseDataMessage(h, r) : null;
  } catch {
    return null;
  }
}

const macOk = (key: Uint8Array, m: DataMessageFields) => macEquals(hmacSha1(key, m.authenticated), m.mac);

/** The forgeable messages of a recording, each checked with what has been published by the end of it. */
export function recordedMessages(bodies: readonly RecordedBody[], publishedKeys: Record<string, string>): RecordedMessage[] {
  const revealed: { key: Uint8Array; seq: number }[] = [];
  const parsed = bodies.map((b) => {
    const m = dataMessageOf(b.body);
    return { b, m, s: m ? null : parseSigned(b.body) };
  });
  for (const { b, m } of parsed) for (const key of m?.oldMacKeys ?? []) revealed.push({ key, seq: b.seq });
  const out: RecordedMessage[] = [];
  for (const { b, m, s } of parsed) {
    const base = { index: out.length, seq: b.seq, time: b.time, from: b.from, to: b.to, wire: b.body };
    if (m) {
      const hit = revealed.find((r) => r.seq > b.seq && macOk(r.key, m)) ?? null;
      out.push({ ...base, scheme: 'otr', reveals: m.oldMacKeys.map(toHex), macKey: hit && toHex(hit.key), macKeyRevealedAt: hit?.seq ?? null, macValid: hit ? true : null });
    } else if (s) {
      out.push({ ...base, scheme: 'signed', signer: s.signer, text: s.text, signatureValid: verifySigned(b.body, publishedKeys).valid });
    }
  }
  return out;
}

function forgeOtr(rec: Extract<RecordedMessage, { scheme: 'otr' }>, edit: ForgerEdit, f: Forgery): Forgery {
  if (!rec.macKey) return { ...f, reason: 'mac-key-not-revealed' };
  const known = edit.known ?? edit.find;
  const at = known.indexOf(edit.find);
  if (at < 0) return { ...f, reason: 'text-not-found' };
  const offset = utf8.encode(known.slice(0, at)).length;
  const m = dataMessageOf(rec.wire)!;
  if (offset + utf8.encode(edit.find).length > m.encrypted.length) return { ...f, reason: 'outside-message' };
  const key = fromHex(rec.macKey);
  const forged = modifyAt(rec.wire, key, edit.find, edit.replace, offset);
  const claims = known.slice(0, at) + edit.replace + known.slice(at + edit.find.length);
  return { ...f, forged, claims, macValid: macOk(key, dataMessageOf(forged)!) };
}

function forgeSigned(rec: Extract<RecordedMessage, { scheme: 'signed' }>, edit: ForgerEdit, f: Forgery, publishedKeys: Record<string, string>): Forgery {
  const m = parseSigned(rec.wire)!;
  if (!m.text.includes(edit.find)) return { ...f, reason: 'text-not-found' };
  // The forger keeps the signature: without the private key it cannot make a new one.
  const forged = encodeSigned({ ...m, text: m.text.replace(edit.find, edit.replace) });
  return { ...f, forged, claims: parseSigned(forged)!.text, signatureValid: verifySigned(forged, publishedKeys).valid };
}

/** Apply each edit to its recorded message. Misfitting edits come back with a reason, never a throw. */
export function forge(recorded: RecordedMessage[], edits: ForgerEdit[], publishedKeys: Record<string, string>): Forgery[] {
  return edits.map((edit) => {
    const rec = recorded[edit.message];
    const f: Forgery = { message: edit.message, seq: rec?.seq ?? -1, scheme: rec?.scheme ?? 'otr', find: edit.find, replace: edit.replace, original: rec?.wire ?? '', forged: null, claims: null };
    if (!rec) return { ...f, reason: 'no-such-message' };
    // An XOR edit keeps the length; so does this demonstration for signed messages, to compare like with like.
    if (utf8.encode(edit.find).length !== utf8.encode(edit.replace).length) return { ...f, reason: 'length-differs' };
    return rec.scheme === 'otr' ? forgeOtr(rec, edit, f) : forgeSigned(rec, edit, f, publishedKeys);
  });
}
