/**
 * SASLprep (RFC 4013): the stringprep (RFC 3454) profile that SCRAM applies to usernames and
 * passwords (RFC 5802 §2.2 "Normalize(str)"), so that "IX", "I\u00ADX" and "\u2168" are one password.
 *
 * Implemented: §2.1 mapping (C.1.2 non-ASCII spaces → SPACE, B.1 → nothing), §2.2 NFKC,
 * §2.3 prohibited output (C.1.2, C.2.1, C.2.2, C.3, C.4, C.5, C.6, C.7, C.8, C.9), §2.4 bidi.
 * Omitted, so this is "the common subset":
 *  - §2.5 unassigned code points (A.1) are allowed, as for a "query" (RFC 3454 §7); a stored
 *    string should reject them.
 *  - NFKC is `String.prototype.normalize` of the running engine's Unicode version, not Unicode 3.2.
 *  - bidi (RFC 3454 §6) is approximated: RandALCat (D.1) = letters in the right-to-left blocks,
 *    LCat (D.2) = all other letters. Exact for Hebrew/Arabic/Latin text; not the literal tables.
 * @module
 */

export type SaslprepResult =
  | { type: 'ok'; value: string }
  | { type: 'error'; reason: 'prohibited' | 'bidi'; codePoint: number };

// RFC 3454 C.1.2 Non-ASCII space characters.
const C12 = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/gu;
// RFC 3454 B.1 Commonly mapped to nothing.
const B1 = /[\u00AD\u034F\u1806\u180B-\u180D\u200B-\u200D\u2060\uFE00-\uFE0F\uFEFF]/gu;

/** RFC 4013 §2.3: the stringprep tables SASLprep prohibits in its output. */
function isProhibited(cp: number): boolean {
  return (
    (cp >= 0x2000 && cp <= 0x200b) || cp === 0x00a0 || cp === 0x1680 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || // C.1.2
    cp <= 0x1f || cp === 0x7f || // C.2.1 ASCII control
    (cp >= 0x80 && cp <= 0x9f) || cp === 0x06dd || cp === 0x070f || cp === 0x180e || cp === 0x200c || cp === 0x200d ||
    cp === 0x2028 || cp === 0x2029 || (cp >= 0x2060 && cp <= 0x2063) || (cp >= 0x206a && cp <= 0x206f) ||
    cp === 0xfeff || (cp >= 0xfff9 && cp <= 0xfffc) || (cp >= 0x1d173 && cp <= 0x1d17a) || // C.2.2 non-ASCII control
    (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0xf0000 && cp <= 0xffffd) || (cp >= 0x100000 && cp <= 0x10fffd) || // C.3 private use
    (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe || // C.4 non-characters (incl. every plane's xFFFE/xFFFF)
    (cp >= 0xd800 && cp <= 0xdfff) || // C.5 surrogates (a lone surrogate in a JS string)
    (cp >= 0xfff9 && cp <= 0xfffd) || // C.6 inappropriate for plain text
    (cp >= 0x2ff0 && cp <= 0x2ffb) || // C.7 inappropriate for canonical representation
    cp === 0x0340 || cp === 0x0341 || cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || // C.8
    cp === 0xe0001 || (cp >= 0xe0020 && cp <= 0xe007f) // C.9 tagging characters
  );
}

const LETTER = /\p{L}/u;
/** Approximation of RFC 3454 D.1 (bidi R or AL): a letter in a right-to-left block. */
function isRandAL(cp: number, ch: string): boolean {
  const rtlBlock =
    (cp >= 0x0590 && cp <= 0x08ff) || (cp >= 0xfb1d && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefe) ||
    (cp >= 0x10800 && cp <= 0x10fff) || (cp >= 0x1e800 && cp <= 0x1efff);
  return rtlBlock && LETTER.test(ch);
}

/** SASLprep, returning an error value for input that a peer sent (never throws). */
export function saslprepResult(input: string): SaslprepResult {
  // RFC 4013 §2.1 Mapping; C.1.2 first, so U+200B (in both tables) becomes SPACE.
  const mapped = input.replace(C12, ' ').replace(B1, '');
  // RFC 4013 §2.2 Normalization: form KC.
  const value = mapped.normalize('NFKC');
  const chars = Array.from(value);
  let hasRandAL = false;
  let firstL: number | null = null;
  for (const ch of chars) {
    const cp = ch.codePointAt(0)!;
    // RFC 4013 §2.3 Prohibited Output.
    if (isProhibited(cp)) return { type: 'error', reason: 'prohibited', codePoint: cp };
    if (isRandAL(cp, ch)) hasRandAL = true;
    else if (firstL === null && LETTER.test(ch)) firstL = cp;
  }
  // RFC 4013 §2.4 → RFC 3454 §6: with any RandALCat, no LCat, and RandALCat first and last.
  if (hasRandAL) {
    if (firstL !== null) return { type: 'error', reason: 'bidi', codePoint: firstL };
    const first = chars[0]!;
    const last = chars[chars.length - 1]!;
    if (!isRandAL(first.codePointAt(0)!, first)) return { type: 'error', reason: 'bidi', codePoint: first.codePointAt(0)! };
    if (!isRandAL(last.codePointAt(0)!, last)) return { type: 'error', reason: 'bidi', codePoint: last.codePointAt(0)! };
  }
  return { type: 'ok', value };
}

/** SASLprep for our own input: throws `saslprep: …` when the string is not allowed. */
export function saslprep(input: string): string {
  const r = saslprepResult(input);
  if (r.type === 'ok') return r.value;
  const u = 'U+' + r.codePoint.toString(16).toUpperCase().padStart(4, '0');
  throw new Error(r.reason === 'prohibited' ? `saslprep: prohibited character ${u}` : `saslprep: bidi rule violated at ${u}`);
}
