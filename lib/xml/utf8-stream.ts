/**
 * Incremental strict UTF-8 for stream input (RFC 6120 §11.6: UTF-8 only; RFC 3629 §4 well-formed
 * sequences). Bytes arrive in arbitrary chunks, so a multi-byte character may be split: the caller
 * keeps the undecoded tail and prepends it to the next chunk. Validation is written out by hand
 * (rather than TextDecoder fatal mode) because we need the index of the first bad byte: everything
 * before it must still be processed, so that how the bytes were chunked never changes the events.
 * @module
 */

/** Result of scanning bytes: `validEnd` bytes decode cleanly; after that comes either an incomplete
 *  but so-far-valid sequence at the very end (`incomplete`), bad bytes (`invalid`), or nothing. */
export interface Utf8Scan {
  validEnd: number;
  tail: 'none' | 'incomplete' | 'invalid';
}

/**
 * Scan for the longest well-formed prefix. RFC 3629 §4 syntax:
 *   UTF8-2 = %xC2-DF UTF8-tail
 *   UTF8-3 = %xE0 %xA0-BF UTF8-tail / %xE1-EC 2( UTF8-tail ) / %xED %x80-9F UTF8-tail / %xEE-EF 2( UTF8-tail )
 *   UTF8-4 = %xF0 %x90-BF 2( UTF8-tail ) / %xF1-F3 3( UTF8-tail ) / %xF4 %x80-8F 2( UTF8-tail )
 * The narrowed second-byte ranges exclude overlong forms, surrogates (U+D800–DFFF) and code points
 * above U+10FFFF, so a held-back incomplete tail is always a true prefix of some valid character.
 */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b0 = bytes[i] as number;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) len = 2;
    else if (b0 >= 0xe0 && b0 <= 0xef) {
      len = 3;
      if (b0 === 0xe0) lo = 0xa0;
      else if (b0 === 0xed) hi = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      len = 4;
      if (b0 === 0xf0) lo = 0x90;
      else if (b0 === 0xf4) hi = 0x8f;
    } else return { validEnd: i, tail: 'invalid' };
    for (let k = 1; k < len; k++) {
      if (i + k >= n) return { validEnd: i, tail: 'incomplete' };
      const b = bytes[i + k] as number;
      const okLo = k === 1 ? lo : 0x80;
      const okHi = k === 1 ? hi : 0xbf;
      if (b < okLo || b > okHi) return { validEnd: i, tail: 'invalid' };
    }
    i += len;
  }
  return { validEnd: n, tail: 'none' };
}

// ignoreBOM: a U+FEFF at the start of a chunk is content, not a marker to strip; otherwise the
// decoded text would depend on where the chunks happen to be split.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Decode bytes already checked by `scanUtf8` (so no replacement characters can appear). */
export function decodeValidUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** UTF-8 length in bytes of a JS string (lone surrogates count as the 3-byte U+FFFD TextEncoder writes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Byte offset of every UTF-16 index of `s` (length s.length + 1), as if `s` were UTF-8 encoded.
 * The second unit of a surrogate pair gets the offset of the whole character's end minus nothing
 * useful, so callers only look it up at character boundaries.
 */
export function utf8Offsets(s: string): Uint32Array {
  const out = new Uint32Array(s.length + 1);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    out[i] = n;
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      out[i + 1] = n;
      i++;
    } else n += 3;
  }
  out[s.length] = n;
  return out;
}
