/** Hex and UTF-8 conversions: thin, named re-exports of @noble/hashes utils, plus grouped hex for display. @module */
import { bytesToHex, hexToBytes, utf8ToBytes, concatBytes } from '@noble/hashes/utils.js';

export { bytesToHex as toHex, hexToBytes as fromHex, utf8ToBytes as utf8, concatBytes as concat };

const decoder = new TextDecoder('utf-8', { fatal: false });
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** Decode UTF-8; invalid sequences become U+FFFD (for display only). */
export function utf8Decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Decode UTF-8, or return null when the bytes are not valid UTF-8 (RFC 6120 §11.6 wants UTF-8 only). */
export function utf8DecodeStrict(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}

/** Hex grouped in blocks of four digits, as the UI shows keys: `9a3f 01c2 …`. Never truncated. */
export function groupedHex(bytes: Uint8Array, group = 2): string {
  const hex = bytesToHex(bytes);
  const out: string[] = [];
  for (let i = 0; i < hex.length; i += group * 2) out.push(hex.slice(i, i + group * 2));
  return out.join(' ');
}
