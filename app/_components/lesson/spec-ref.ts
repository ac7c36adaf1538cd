/**
 * `<Spec ref="RFC 6120 §4.3" />` → a link. RFCs go to rfc-editor.org (its HTML has `#section-N.M`
 * anchors), XEPs to xmpp.org/extensions, and `OTR v3 §Revealing MAC keys` to the OTR team's
 * specification (its sections have titles, not numbers; the link carries a text fragment that lands on
 * the section). Pure; used by the component and by the build-time check.
 * @module
 */

import { XEP_ANCHORS } from './xep-anchors';

export interface SpecLink {
  kind: 'rfc' | 'xep' | 'otr';
  /** `RFC 6120 §4.3`, normalised. */
  label: string;
  href: string;
}

/** A numbered section (`7.1`) or an appendix (`E.3`: a capital letter, then numbers). */
const RFC = /^RFC\s?(\d{1,5})(?:\s+§\s?(\d+(?:\.\d+)*|[A-Z](?:\.\d+)*))?$/;
const XEP = /^XEP-(\d{4})(?:\s+§\s?(\d+(?:\.\d+)*))?$/;
const OTR = /^OTR v3(?:\s+§\s?(.+))?$/;

/** The OTR v3 specification as published with libotr 4.1.1 (the same text as /work/shared/specs). */
export const OTR_V3_URL = 'https://otr.cypherpunks.ca/Protocol-v3-4.1.1.html';

/**
 * The section headings of the OTR v3 specification, spelled as it spells them, each with the text a link
 * jumps to. The document has no anchors, so a link carries a text fragment (`#:~:text=`, followed by
 * Chromium-based browsers; elsewhere the page opens at the top). A fragment jumps to the text's first
 * occurrence, so where a heading's words appear earlier in the document ("Data Message", "Signature
 * Message", the second "Socialist Millionaires' Protocol (SMP)" heading) the fragment is the opening of the
 * section's first paragraph instead; tests/unit/content/spec-refs.test.ts checks every fragment against
 * the specification. Where a heading occurs twice, the section meant is the detailed one. A misspelt
 * section fails the build.
 */
const otrV3Sections: ReadonlyMap<string, string> = new Map([
  ['Very high level overview', 'Very high level overview'],
  ['High level overview', 'Requesting an OTR conversation'],
  ['Requesting an OTR conversation', 'Requesting an OTR conversation'],
  ['Authenticated Key Exchange (AKE)', 'This section outlines the version of'],
  ['Exchanging data', 'Exchanging data'],
  ["Socialist Millionaires' Protocol (SMP)", "The Socialist Millionaires' Protocol allows two"],
  ['OTR Query Messages', 'OTR Query Messages'],
  ['Tagged plaintext messages', 'Tagged plaintext messages'],
  ['OTR Error Messages', 'OTR Error Messages'],
  ['Data types', 'Data types'],
  ['Public keys, signatures, and fingerprints', 'Public keys, signatures, and fingerprints'],
  ['Instance Tags', 'Clients include instance tags in all'],
  ['D-H Commit Message', 'D-H Commit Message'],
  ['D-H Key Message', 'D-H Key Message'],
  ['Reveal Signature Message', 'Reveal Signature Message'],
  ['Signature Message', 'This is the final message of'],
  ['Data Message', 'This message is used to transmit'],
  ['Secret information', 'The secret information x and y'],
  ['The SMP state machine', 'Whenever the OTR message state machine'],
  ['SMP Hash function', 'SMP Hash function'],
  ['Key Management', 'Key Management'],
  ['Computing AES keys, MAC keys, and the secure session id', 'Computing AES keys, MAC keys, and the secure session id'],
  ['Extra symmetric key', 'OTR version 3 defines an additional'],
  ['Revealing MAC keys', 'Whenever you are about to forget'],
  ['Fragmentation', 'Fragmentation'],
  ['The protocol state machine', 'The protocol state machine'],
]);

/**
 * A text directive's text: percent-encoded, and also '-', ',' and '&', which the directive's syntax
 * reserves (prefix-, -suffix, start,end; & separates directives).
 */
function textDirective(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** Parses a spec reference; returns undefined when it is not `RFC N [§x.y]` or `XEP-NNNN [§x.y]`. */
export function parseSpecRef(ref: string): SpecLink | undefined {
  const r = RFC.exec(ref.trim());
  if (r) {
    const num = r[1]!;
    const sec = r[2];
    return {
      kind: 'rfc',
      label: sec ? `RFC ${num} §${sec}` : `RFC ${num}`,
      // rfc-editor.org anchors appendices as #appendix-E.3, sections as #section-7.1.
      href: `https://www.rfc-editor.org/rfc/rfc${num}.html${sec ? `#${/^[A-Z]/.test(sec) ? 'appendix' : 'section'}-${sec}` : ''}`,
    };
  }
  const x = XEP.exec(ref.trim());
  if (x) {
    const num = x[1]!;
    const sec = x[2];
    // XEP pages name their anchors by id, not by number: land on the section where its source gives it an
    // anchor (xep-anchors.ts), otherwise open the document; the § stays in the label.
    const anchor = sec ? XEP_ANCHORS[num]?.[sec] : undefined;
    return { kind: 'xep', label: sec ? `XEP-${num} §${sec}` : `XEP-${num}`, href: `https://xmpp.org/extensions/xep-${num}.html${anchor ? `#${anchor}` : ''}` };
  }
  const o = OTR.exec(ref.trim());
  if (o) {
    const wanted = o[1]?.trim();
    if (wanted === undefined) return { kind: 'otr', label: 'OTR v3', href: OTR_V3_URL };
    const section = [...otrV3Sections.keys()].find((s) => s.toLowerCase() === wanted.toLowerCase());
    return section ? { kind: 'otr', label: `OTR v3 §${section}`, href: `${OTR_V3_URL}#:~:text=${textDirective(otrV3Sections.get(section)!)}` } : undefined;
  }
  return undefined;
}
