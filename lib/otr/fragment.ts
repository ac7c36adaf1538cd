/**
 * Fragmentation (OTR v3 spec, "Fragmentation"): sending splits an encoded message into pieces sent
 * as "?OTR|%x|%x,%hu,%hu,%s," (v3: sender and receiver instance tags, k, n, piece[k]) or
 * "?OTR,%hu,%hu,%s," (v2); receiving follows the spec's (K, N, F) algorithm exactly. The stored
 * fragment is plain data in the session state.
 * @module
 */
import type { OtrVersion } from './wire';

/** (K, N) and F: "If you have no currently stored fragment, then K = N = 0 and F = ''". */
export interface FragmentBuffer {
  k: number;
  n: number;
  f: string;
}

export const emptyFragmentBuffer = (): FragmentBuffer => ({ k: 0, n: 0, f: '' });

const hex8 = (v: number) => (v >>> 0).toString(16).padStart(8, '0');
const dec5 = (v: number) => String(v).padStart(5, '0');

/** Header length before the piece, and the trailing ",", with libotr's zero padding. */
const overhead = (version: OtrVersion) => (version === 3 ? '?OTR|xxxxxxxx|xxxxxxxx,kkkkk,nnnnn,'.length : '?OTR,kkkkk,nnnnn,'.length) + 1;

/**
 * Split `message` so that every fragment is at most `mms` characters. Returns `[message]` when it
 * already fits or when mms <= 0 (no limit). Throws (our misuse) when mms leaves no room for a piece.
 */
export function fragmentMessage(
  message: string,
  mms: number,
  version: OtrVersion,
  senderInstance = 0,
  receiverInstance = 0,
): string[] {
  if (mms <= 0 || message.length <= mms) return [message];
  const size = mms - overhead(version);
  if (size < 1) throw new Error('otr/fragment: maximum message size too small to fragment');
  const n = Math.ceil(message.length / size);
  if (n > 65535) throw new Error('otr/fragment: more than 65535 fragments');
  const out: string[] = [];
  for (let k = 1; k <= n; k++) {
    const piece = message.slice((k - 1) * size, k * size);
    out.push(
      version === 3
        ? `?OTR|${hex8(senderInstance)}|${hex8(receiverInstance)},${dec5(k)},${dec5(n)},${piece},`
        : `?OTR,${dec5(k)},${dec5(n)},${piece},`,
    );
  }
  return out;
}

export interface ParsedFragment {
  version: OtrVersion;
  senderInstance: number;
  receiverInstance: number;
  k: number;
  n: number;
  piece: string;
}

const V3 = /\?OTR\|([0-9a-fA-F]{1,8})\|([0-9a-fA-F]{1,8}),(\d{1,5}),(\d{1,5}),([^,]+),/;
const V2 = /\?OTR,(\d{1,5}),(\d{1,5}),([^,]+),/;

/** Parse a fragment ("?OTR|" checked before "?OTR,"); null when the text is not one. */
export function parseFragment(text: string): ParsedFragment | null {
  const m3 = V3.exec(text);
  if (m3) {
    return {
      version: 3,
      senderInstance: parseInt(m3[1]!, 16),
      receiverInstance: parseInt(m3[2]!, 16),
      k: Number(m3[3]),
      n: Number(m3[4]),
      piece: m3[5]!,
    };
  }
  const m2 = V2.exec(text);
  if (m2) return { version: 2, senderInstance: 0, receiverInstance: 0, k: Number(m2[1]), n: Number(m2[2]), piece: m2[3]! };
  return null;
}

/** "Receiving Fragments": update (K, N, F); returns F when "N > 0 and K == N", else null. */
export function receiveFragment(buf: FragmentBuffer, frag: ParsedFragment): string | null {
  const { k, n, piece } = frag;
  if (k === 0 || n === 0 || k > n || k > 65535 || n > 65535) return null; // discard this (illegal) fragment
  if (k === 1) {
    buf.f = piece;
    buf.k = k;
    buf.n = n;
  } else if (n === buf.n && k === buf.k + 1) {
    buf.f += piece;
    buf.k = k;
  } else {
    buf.f = '';
    buf.k = 0;
    buf.n = 0;
  }
  if (buf.n > 0 && buf.k === buf.n) {
    const whole = buf.f;
    Object.assign(buf, emptyFragmentBuffer());
    return whole;
  }
  return null;
}

/** "If you receive a non-OTR message, or an unfragmented message, forget any stored fragment". */
export function clearFragments(buf: FragmentBuffer): void {
  Object.assign(buf, emptyFragmentBuffer());
}
