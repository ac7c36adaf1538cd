/**
 * JIDs (RFC 7622, "XMPP: Address Format") as immutable values: parsing, normalisation, comparison.
 *
 * What of PRECIS (RFC 8264, RFC 8265) and IDNA2008 (RFC 5890–5895) is implemented, and what not:
 * - Localpart (RFC 7622 §3.3, UsernameCaseMapped profile, RFC 8265 §3.3): width mapping of
 *   fullwidth/halfwidth forms, toLowerCase(), NFC, repeated until stable (RFC 8264 §7); the
 *   IdentifierClass is approximated by Unicode general categories: printable ASCII, or letters,
 *   marks and decimal digits (LetterDigits) that have no compatibility decomposition (HasCompat).
 *   The §3.3.1 characters " & ' / : < > @ are refused. NOT done: the Bidi Rule (RFC 5893),
 *   contextual rules (ZWJ/ZWNJ, MIDDLE DOT, KERAIA … are simply refused), Old Hangul Jamo, and
 *   the exact Unicode-version-pinned derived property table (the JS engine's Unicode is used).
 * - Resourcepart (RFC 7622 §3.4, OpaqueString profile, RFC 8265 §4.2): non-ASCII spaces mapped to
 *   U+0020, NFC, no case mapping; controls, default-ignorable, private-use, surrogate and unassigned
 *   code points refused. NOT done: Old Hangul Jamo, Bidi.
 * - Domainpart (RFC 7622 §3.2): one trailing dot stripped, lowercased, NFC; ASCII labels are
 *   letters, digits and hyphens (LDH, no hyphen at either end); non-ASCII labels letters, marks
 *   and digits; IPv4 and bracketed IPv6 literals accepted. NOT done: IDNA2008/UTS #46 mapping
 *   and A-label (xn--, Punycode) conversion, so `münchen.de` and `xn--mnchen-3ya.de` are not equal,
 *   the 63-octet label limit is measured on the UTF-8 form, not the A-label, ideographic full stops
 *   (U+3002 …) are not label separators, and the IDNA2008 CONTEXTJ/CONTEXTO and Bidi rules are absent.
 * @module
 */

export interface Jid {
  readonly local?: string;
  readonly domain: string;
  readonly resource?: string;
}

export type JidField = 'localpart' | 'domainpart' | 'resourcepart';
export type JidReason =
  | 'empty'
  | 'too-long'
  | 'forbidden-character'
  | 'disallowed-character'
  | 'empty-label'
  | 'label-too-long'
  | 'bad-hyphen'
  | 'bad-ip-literal'
  | 'unstable';

/** Thrown by parseJid/makeJid on input that is not a valid JID. */
export class JidError extends Error {
  readonly field: JidField;
  readonly reason: JidReason;
  constructor(field: JidField, reason: JidReason, detail: string) {
    super(`xmpp/jid: ${field}: ${detail}`);
    this.name = 'JidError';
    this.field = field;
    this.reason = reason;
  }
}

// RFC 7622 §3.1: "Each allowable portion of a JID (localpart, domainpart, and resourcepart) MUST
// NOT be zero octets in length and MUST NOT be more than 1023 octets in length".
const MAX_PART_OCTETS = 1023;
// RFC 1035 §2.3.4 (via RFC 5890): labels are 63 octets or fewer.
const MAX_LABEL_OCTETS = 63;

const encoder = new TextEncoder();
function octets(s: string): number {
  return encoder.encode(s).length;
}

function checkLength(field: JidField, s: string): void {
  if (s.length === 0) throw new JidError(field, 'empty', 'must not be empty');
  if (octets(s) > MAX_PART_OCTETS) throw new JidError(field, 'too-long', `longer than ${MAX_PART_OCTETS} octets`);
}

/** Apply a PRECIS preparation until it no longer changes the string (RFC 8264 §7 idempotence). */
function untilStable(field: JidField, s: string, step: (t: string) => string): string {
  let cur = s;
  for (let i = 0; i < 4; i++) {
    const next = step(cur);
    if (next === cur) return cur;
    cur = next;
  }
  throw new JidError(field, 'unstable', 'normalisation does not converge');
}

function describe(cp: string): string {
  return `U+${(cp.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

// RFC 7622 §3.3.1: "the following characters are disallowed in localparts: " & ' / : < > @".
const LOCAL_FORBIDDEN = new Set(['"', '&', "'", '/', ':', '<', '>', '@']);
// RFC 8264 §9.1 LetterDigits: Ll Lu Lo Nd Lm Mn Mc.
const LETTER_DIGITS = /^[\p{Ll}\p{Lu}\p{Lo}\p{Nd}\p{Lm}\p{Mn}\p{Mc}]$/u;

/** RFC 8265 §3.3.2 UsernameCaseMapped, steps 1–3 (width, case, normalisation), then §3.3.3 checks. */
export function prepareLocalpart(input: string): string {
  const s = untilStable('localpart', input, (t) =>
    // 1. Width mapping: fullwidth and halfwidth forms (U+FF00–U+FFEF) to their decompositions.
    // 2. Case mapping: toLowerCase (RFC 8265 §3.3.2 step 2). 3. NFC.
    t.replace(/[\uff00-\uffef]/g, (c) => c.normalize('NFKC')).toLowerCase().normalize('NFC'),
  );
  checkLength('localpart', s);
  for (const ch of s) {
    if (LOCAL_FORBIDDEN.has(ch)) throw new JidError('localpart', 'forbidden-character', `character ${JSON.stringify(ch)} is not allowed (RFC 7622 §3.3.1)`);
    const cp = ch.codePointAt(0) ?? 0;
    // IdentifierClass (RFC 8264 §4.2): ASCII7 printable is valid; spaces and controls are not.
    if (cp >= 0x21 && cp <= 0x7e) continue;
    if (cp < 0x80 || !LETTER_DIGITS.test(ch) || ch.normalize('NFKC') !== ch) {
      throw new JidError('localpart', 'disallowed-character', `${describe(ch)} is not allowed by the IdentifierClass`);
    }
  }
  return s;
}

// RFC 8264 §9: Control (Cc), Ignorable (Default_Ignorable_Code_Point), Unassigned (Cn), and
// surrogates/private use (not in any FreeformClass valid category).
const FREEFORM_DISALLOWED = /[\p{Cc}\p{Cs}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}]/u;

/** RFC 8265 §4.2 OpaqueString: map non-ASCII spaces to U+0020, NFC, FreeformClass checks. */
export function prepareResourcepart(input: string): string {
  const s = untilStable('resourcepart', input, (t) => t.replace(/(?![ ])\p{Zs}/gu, ' ').normalize('NFC'));
  checkLength('resourcepart', s);
  const bad = FREEFORM_DISALLOWED.exec(s);
  if (bad) throw new JidError('resourcepart', 'disallowed-character', `${describe(bad[0])} is not allowed by the FreeformClass`);
  return s;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv6(s: string): boolean {
  // RFC 4291 §2.2 text forms: eight 16-bit groups, at most one "::" standing for one or more zero
  // groups, and optionally a dotted IPv4 address in place of the last two groups.
  let body = s;
  let groups = 8;
  if (body.includes('.')) {
    const k = body.lastIndexOf(':');
    if (k < 0 || !IPV4.test(body.slice(k + 1))) return false;
    body = body.slice(0, k + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
    groups = 6;
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const count = (h: string): number => {
    if (h === '') return 0;
    const g = h.split(':');
    return g.every((x) => /^[0-9a-f]{1,4}$/.test(x)) ? g.length : Number.NaN;
  };
  const n = count(halves[0] ?? '') + (halves.length === 2 ? count(halves[1] ?? '') : 0);
  if (Number.isNaN(n)) return false;
  return halves.length === 2 ? n <= groups - 1 : n === groups;
}

const LABEL_CHAR = /^[\p{L}\p{M}\p{Nd}]$/u;

/** RFC 7622 §3.2 domainpart: IP literal, IPv4 address or domain name; lowercased, NFC. */
export function prepareDomainpart(input: string): string {
  // RFC 7622 §3.2: a final label separator "MUST be stripped … before the JID … is used for
  // … comparing against another JID"; we strip it at parse time so JIDs compare by value.
  let s = input.endsWith('.') ? input.slice(0, -1) : input;
  s = s.toLowerCase().normalize('NFC');
  checkLength('domainpart', s);
  if (s.startsWith('[')) {
    // RFC 7622 §3.2 / RFC 3986 §3.2.2: IP-literal = "[" IPv6address "]".
    if (!s.endsWith(']') || !isIpv6(s.slice(1, -1))) throw new JidError('domainpart', 'bad-ip-literal', 'not a valid bracketed IPv6 address');
    return s;
  }
  for (const label of s.split('.')) {
    if (label.length === 0) throw new JidError('domainpart', 'empty-label', 'has an empty label');
    if (octets(label) > MAX_LABEL_OCTETS) throw new JidError('domainpart', 'label-too-long', `label longer than ${MAX_LABEL_OCTETS} octets`);
    for (const ch of label) {
      const cp = ch.codePointAt(0) ?? 0;
      // Non-ASCII: letters, marks and digits without a compatibility decomposition, roughly the
      // IDNA2008 PVALID set (RFC 5892 §2.6 Unstable excludes what NFKC would change).
      const ok = cp < 0x80 ? /^[a-z0-9-]$/.test(ch) : LABEL_CHAR.test(ch) && ch.normalize('NFKC') === ch;
      if (!ok) throw new JidError('domainpart', 'disallowed-character', `${cp < 0x80 ? JSON.stringify(ch) : describe(ch)} is not allowed in a domain label`);
    }
    // RFC 5891 §4.2.3.1: no hyphen at the start or end of a label.
    if (label.startsWith('-') || label.endsWith('-')) throw new JidError('domainpart', 'bad-hyphen', 'label starts or ends with a hyphen');
  }
  return s;
}

/** Build a JID from parts, normalising and validating each (throws JidError). */
export function makeJid(parts: { local?: string | undefined; domain: string; resource?: string | undefined }): Jid {
  // Keys always in the order local, domain, resource and absent parts left out, so that equal
  // JIDs are equal plain objects (toEqual, JSON, structuredClone).
  const local = parts.local === undefined ? undefined : prepareLocalpart(parts.local);
  const domain = prepareDomainpart(parts.domain);
  const resource = parts.resource === undefined ? undefined : prepareResourcepart(parts.resource);
  const jid: { local?: string; domain: string; resource?: string } = local === undefined ? { domain } : { local, domain };
  if (resource !== undefined) jid.resource = resource;
  return Object.freeze(jid);
}

/**
 * Parsed JIDs by their text. Preparing a JID (PRECIS, NFC, label checks) was a sixth of a long chat's
 * run, and servers parse the same few addresses on every stanza. JIDs are frozen values, so handing out
 * the same one again changes nothing; only valid ones are kept, and the table is emptied when it fills
 * (a bound, not a policy: a miss only costs the parse).
 */
const parsed = new Map<string, Jid>();
const PARSED_MAX = 4096;

/** RFC 7622 §3.1 parsing order: resource at the first '/', then localpart before the first '@'. */
export function parseJid(s: string): Jid {
  if (typeof s !== 'string') throw new Error('xmpp/jid: parseJid expects a string');
  const known = parsed.get(s);
  if (known) return known;
  const jid = parseJidText(s);
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(s, jid);
  return jid;
}

function parseJidText(s: string): Jid {
  let rest = s;
  let resource: string | undefined;
  // 1. "Remove any portion from the first '/' character to the end of the string (if there is a
  //    '/' character present)" — the resourcepart.
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    resource = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
    if (resource === '') throw new JidError('resourcepart', 'empty', 'must not be empty when "/" is present');
  }
  // 2. "Remove any portion from the beginning of the string to the first '@' character (if there
  //    is an '@' character present)" — the localpart.
  let local: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    local = rest.slice(0, at);
    rest = rest.slice(at + 1);
    if (local === '') throw new JidError('localpart', 'empty', 'must not be empty when "@" is present');
  }
  // 3. "The remaining string is the domainpart".
  return makeJid({ local, domain: rest, resource });
}

export type JidParseResult = { ok: true; jid: Jid } | { ok: false; error: JidError };

/** Parse a string from a peer: never throws for any string. */
export function tryParseJid(s: string): JidParseResult {
  try {
    return { ok: true, jid: parseJid(s) };
  } catch (e) {
    if (e instanceof JidError) return { ok: false, error: e };
    throw e; // misuse (not a string) stays a throw
  }
}

/** The bare JID (RFC 6120 §1.4): localpart@domainpart, no resource. */
export function bare(j: Jid): Jid {
  if (j.resource === undefined) return j;
  return Object.freeze(j.local !== undefined ? { local: j.local, domain: j.domain } : { domain: j.domain });
}

/**
 * The bare part of a JID already in text form: everything before the first '/' (a localpart or
 * domainpart cannot hold one, a resourcepart may). For addresses the engine has already prepared,
 * where parsing them again would only cost.
 */
export function bareOf(jid: string): string {
  const i = jid.indexOf('/');
  return i < 0 ? jid : jid.slice(0, i);
}

/** Same JID with this resource (validated). */
export function withResource(j: Jid, resource: string): Jid {
  return makeJid({ local: j.local, domain: j.domain, resource });
}

export function jidToString(j: Jid): string {
  return `${j.local !== undefined ? `${j.local}@` : ''}${j.domain}${j.resource !== undefined ? `/${j.resource}` : ''}`;
}

/** The full string form; the same as jidToString. */
export function full(j: Jid): string {
  return jidToString(j);
}

export function isBare(j: Jid): boolean {
  return j.resource === undefined;
}

/** Equality after normalisation (RFC 7622 §3.1: parts are compared after applying their profiles). */
export function equalsJid(a: Jid, b: Jid): boolean {
  return a.local === b.local && a.domain === b.domain && a.resource === b.resource;
}
