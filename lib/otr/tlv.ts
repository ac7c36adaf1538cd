/**
 * The plaintext inside a Data Message (OTR v3 spec, "Data Message"): a UTF-8 human-readable part,
 * optionally followed by one NUL and TLV records Type (SHORT) ‖ Length (SHORT) ‖ Value, and the
 * TLV types 0 padding, 1 disconnected, 2–5 SMP messages 1–4, 6 SMP abort, 7 SMP message 1Q and
 * 8 extra symmetric key. SMP TLVs 2–5 carry "MPI count (INT)" then that many MPIs; 7 prefixes a
 * NUL-terminated question. This module is the codec only; SMP arithmetic lives elsewhere.
 * @module
 */
import { CodecError, Reader, Writer } from './codec';

export const TLV_DISCONNECTED = 1;
export const TLV_SMP1 = 2;
export const TLV_SMP2 = 3;
export const TLV_SMP3 = 4;
export const TLV_SMP4 = 5;
export const TLV_SMP_ABORT = 6;
export const TLV_SMP1Q = 7;
export const TLV_SYMKEY = 8;

export interface Tlv {
  type: number;
  value: Uint8Array;
}

const utf8 = new TextEncoder();
const utf8d = new TextDecoder('utf-8', { fatal: false });

/** human ‖ (NUL ‖ TLV*)? — the NUL is written only when there are TLVs. */
export function encodePlaintext(text: string, tlvs: Tlv[] = []): Uint8Array {
  const w = new Writer().raw(utf8.encode(text));
  if (tlvs.length) {
    w.byte(0);
    for (const t of tlvs) w.short(t.type).short(t.value.length).raw(t.value);
  }
  return w.bytes();
}

/**
 * Split a decrypted plaintext. A truncated trailing TLV is dropped (a peer's malformed input never
 * throws). "Records with unrecognized types should be ignored" is the caller's job: all are returned.
 */
export function decodePlaintext(bytes: Uint8Array): { text: string; tlvs: Tlv[] } {
  const nul = bytes.indexOf(0);
  const human = nul < 0 ? bytes : bytes.subarray(0, nul);
  const tlvs: Tlv[] = [];
  if (nul >= 0) {
    const r = new Reader(bytes.subarray(nul + 1));
    while (r.remaining >= 4) {
      const type = r.short();
      const len = r.short();
      if (len > r.remaining) break;
      tlvs.push({ type, value: r.raw(len) });
    }
  }
  return { text: utf8d.decode(human), tlvs };
}

/** SMP TLVs 2–5: MPI count (INT) ‖ MPI × count. */
export function encodeSmpMpis(mpis: bigint[]): Uint8Array {
  const w = new Writer().int(mpis.length);
  for (const m of mpis) w.mpi(m);
  return w.bytes();
}

export function decodeSmpMpis(value: Uint8Array, expected?: number): bigint[] {
  const r = new Reader(value);
  const count = r.int();
  if (expected !== undefined && count !== expected) throw new CodecError(`SMP TLV has ${count} MPIs, expected ${expected}`);
  if (count > 16) throw new CodecError('too many MPIs in SMP TLV');
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) out.push(r.mpi());
  r.end();
  return out;
}

/** SMP message 1Q: question ‖ NUL ‖ (SMP message 1 value). */
export function encodeSmp1Q(question: string, mpis: bigint[]): Uint8Array {
  return new Writer().raw(utf8.encode(question)).byte(0).raw(encodeSmpMpis(mpis)).bytes();
}

export function decodeSmp1Q(value: Uint8Array): { question: string; mpis: bigint[] } {
  const nul = value.indexOf(0);
  if (nul < 0) throw new CodecError('SMP 1Q question is not NUL-terminated');
  return { question: utf8d.decode(value.subarray(0, nul)), mpis: decodeSmpMpis(value.subarray(nul + 1), 6) };
}

/** TLV 8: a 4-byte "use" indication, then use-specific data. */
export function encodeSymkeyTlv(use: number, useData: Uint8Array = new Uint8Array(0)): Tlv {
  return { type: TLV_SYMKEY, value: new Writer().int(use).raw(useData).bytes() };
}

export function decodeSymkeyTlv(value: Uint8Array): { use: number; useData: Uint8Array } | null {
  if (value.length < 4) return null;
  const r = new Reader(value);
  return { use: r.int(), useData: r.raw(r.remaining) };
}
