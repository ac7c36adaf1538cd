/**
 * Forging OTR Data Messages after the fact — the deniability argument of OTR v3 ("Revealing MAC
 * keys": "once the MAC keys are revealed, anyone can modify an OTR message and still have it appear
 * valid") — as libotr5-bin's toolkit does it: `readForge` (otr_readforge: decrypt with the AES key,
 * optionally replace the whole text, re-encrypt under the same counter and re-MAC), `modifyAt`
 * (otr_modify: without the AES key, XOR old⊕new into the CTR ciphertext at an offset and re-MAC
 * with a known MAC key) and `remac` (otr_remac: assemble a v3 Data Message from its parts).
 * Inputs are trusted teaching-tool inputs: misuse throws labelled errors.
 * @module
 */
import { otrAesCtr } from '../crypto/otr-aes-ctr';
import { hmacSha1, macEquals } from '../crypto/otr-mac';
import { armor, dearmor, Reader, Writer } from './codec';
import { parseDataMessage, type DataMessageFields } from './data-message';
import { macKeyFromAesKey } from './keys';
import { MSG_DATA, readHeader, writeHeader } from './wire';

const utf8 = new TextEncoder();
const utf8d = new TextDecoder();

function parse(wire: string): DataMessageFields {
  const bin = dearmor(wire);
  if (!bin) throw new Error('otr/forge: not an encoded OTR message');
  const r = new Reader(bin);
  const h = readHeader(r);
  if (h.type !== MSG_DATA) throw new Error('otr/forge: not a Data Message');
  return parseDataMessage(h, r);
}

/** Re-serialise a Data Message with a new encrypted part, MACed with `macKey`. */
function rebuild(m: DataMessageFields, encrypted: Uint8Array, macKey: Uint8Array): string {
  const authenticated = writeHeader(new Writer(), m.header)
    .byte(m.flags)
    .int(m.senderKeyid)
    .int(m.recipientKeyid)
    .mpi(m.nextDh)
    .ctr(m.ctr)
    .data(encrypted)
    .bytes();
  const old = new Writer();
  for (const k of m.oldMacKeys) old.raw(k);
  return armor(new Writer().raw(authenticated).mac(hmacSha1(macKey, authenticated)).data(old.bytes()).bytes());
}

/** otr_readforge AESKEY [NEWTEXT]: the plaintext, whether the MAC checks, and the forgery. */
export function readForge(
  wire: string,
  aesKey: Uint8Array,
  newText?: string,
): { plaintext: string; macOk: boolean; forged: string | null } {
  const m = parse(wire);
  const macKey = macKeyFromAesKey(aesKey);
  const macOk = macEquals(hmacSha1(macKey, m.authenticated), m.mac);
  const plaintext = utf8d.decode(otrAesCtr(aesKey, m.encrypted, m.ctr));
  const forged = newText === undefined ? null : rebuild(m, otrAesCtr(aesKey, utf8.encode(newText), m.ctr), macKey);
  return { plaintext, macOk, forged };
}

/** otr_modify MACKEY OLD NEW OFFSET: CTR is malleable, so ciphertext ⊕ (old ⊕ new) decrypts to new. */
export function modifyAt(wire: string, macKey: Uint8Array, oldText: string, newText: string, offset: number): string {
  const m = parse(wire);
  const a = utf8.encode(oldText);
  const b = utf8.encode(newText);
  if (a.length !== b.length) throw new Error('otr/forge: old and new text must have the same length');
  if (offset < 0 || offset + a.length > m.encrypted.length) throw new Error('otr/forge: offset outside the message');
  const enc = m.encrypted.slice();
  for (let i = 0; i < a.length; i++) enc[offset + i]! ^= a[i]! ^ b[i]!;
  return rebuild(m, enc, macKey);
}

/** otr_remac: a v3 Data Message from its parts, MACed with `macKey`. */
export function remac(parts: {
  macKey: Uint8Array;
  senderInstance: number;
  receiverInstance: number;
  flags: number;
  senderKeyid: number;
  recipientKeyid: number;
  nextDh: bigint;
  ctr: Uint8Array;
  encrypted: Uint8Array;
  revealed: Uint8Array[];
}): string {
  const m: DataMessageFields = {
    header: { version: 3, type: MSG_DATA, senderInstance: parts.senderInstance, receiverInstance: parts.receiverInstance },
    flags: parts.flags,
    senderKeyid: parts.senderKeyid,
    recipientKeyid: parts.recipientKeyid,
    nextDh: parts.nextDh,
    ctr: parts.ctr,
    encrypted: parts.encrypted,
    mac: new Uint8Array(20),
    oldMacKeys: parts.revealed,
    authenticated: new Uint8Array(0),
  };
  return rebuild(m, parts.encrypted, parts.macKey);
}
