/**
 * The unencoded OTR messages (OTR v3 spec, "Unencoded messages"): Query Messages ("?OTRv23?"),
 * the whitespace tag (16-byte base then 8-byte version tags for v1, v2, v3) and Error Messages
 * ("?OTR Error:"), plus classifying an incoming text.
 * @module
 */
import type { OtrVersion } from './wire';

export const WHITESPACE_BASE = ' \t  \t\t\t\t \t \t \t  ';
export const WHITESPACE_V1 = ' \t \t  \t ';
export const WHITESPACE_V2 = '  \t\t  \t ';
export const WHITESPACE_V3 = '  \t\t  \t\t';
const ERROR_PREFIX = '?OTR Error:';

export interface OfferedVersions {
  v1: boolean;
  v2: boolean;
  v3: boolean;
}

/** "?OTRv" + byte identifiers + "?" (v1 is never offered by this engine). */
export function queryString(versions: OtrVersion[]): string {
  const ids = [...new Set(versions)].sort().join('');
  return `?OTRv${ids}?`;
}

/** The Query Message with the explanatory text the spec allows (plain text, no HTML). */
export function queryMessage(versions: OtrVersion[], account: string): string {
  return (
    `${queryString(versions)}\n${account} has requested an Off-the-Record private conversation. ` +
    'However, you do not have a plugin to support that.\nSee https://otr.cypherpunks.ca/ for more information.'
  );
}

/** Versions offered by a Query Message inside `text`, or null when there is none. */
export function parseQuery(text: string): OfferedVersions | null {
  let from = 0;
  for (;;) {
    const i = text.indexOf('?OTR', from);
    if (i < 0) return null;
    const rest = text.slice(i + 4);
    from = i + 4;
    const offered: OfferedVersions = { v1: false, v2: false, v3: false };
    let j = 0;
    if (rest[0] === '?') {
      offered.v1 = true; // "?OTR?" — version 1
      j = 1;
      if (rest[1] !== 'v') return offered; // "?OTR?" alone
    }
    if (rest[j] === 'v') {
      const end = rest.indexOf('?', j + 1);
      if (end < 0) {
        if (offered.v1) return offered;
        continue;
      }
      const ids = rest.slice(j + 1, end);
      if (/\s/.test(ids)) continue;
      offered.v2 = ids.includes('2');
      offered.v3 = ids.includes('3');
      return offered;
    }
    if (offered.v1) return offered;
  }
}

/** The whitespace tag offering the given versions. */
export function whitespaceTag(versions: OtrVersion[]): string {
  return WHITESPACE_BASE + (versions.includes(2) ? WHITESPACE_V2 : '') + (versions.includes(3) ? WHITESPACE_V3 : '');
}

/** Find and remove a whitespace tag; null when `text` carries none. */
export function stripWhitespaceTag(text: string): { text: string; offered: OfferedVersions } | null {
  const i = text.indexOf(WHITESPACE_BASE);
  if (i < 0) return null;
  const offered: OfferedVersions = { v1: false, v2: false, v3: false };
  let j = i + WHITESPACE_BASE.length;
  for (;;) {
    const t = text.slice(j, j + 8);
    if (t.length < 8 || !/^[ \t]{8}$/.test(t)) break;
    if (t === WHITESPACE_V1) offered.v1 = true;
    else if (t === WHITESPACE_V2) offered.v2 = true;
    else if (t === WHITESPACE_V3) offered.v3 = true;
    j += 8;
  }
  return { text: text.slice(0, i) + text.slice(j), offered };
}

/** "?OTR Error:" followed by human-readable details. */
export const errorMessage = (details: string): string => `${ERROR_PREFIX}${details}`;

/** The details of an Error Message inside `text`, or null. */
export function parseError(text: string): string | null {
  const i = text.indexOf(ERROR_PREFIX);
  return i < 0 ? null : text.slice(i + ERROR_PREFIX.length).trim();
}

export type MessageKind = 'fragment' | 'encoded' | 'error' | 'query' | 'plaintext';

/** Classify an incoming text; "?OTR|" / "?OTR," fragments are checked before "?OTR:". */
export function classify(text: string): MessageKind {
  if (text.includes('?OTR|') || /\?OTR,\d/.test(text)) return 'fragment';
  if (text.includes('?OTR:')) return 'encoded';
  if (text.includes(ERROR_PREFIX)) return 'error';
  if (parseQuery(text)) return 'query';
  return 'plaintext';
}
