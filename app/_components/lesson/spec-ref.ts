/**
 * `<Spec ref="RFC 6120 §4.3" />` → a link. RFCs go to rfc-editor.org (its HTML has `#section-N.M`
 * anchors), XEPs to xmpp.org/extensions, and `OTR v3 §Revealing MAC keys` to the OTR team's
 * specification (its sections have titles, not numbers). Pure; used by the component and by the
 * build-time check.
 * @module
 */

export interface SpecLink {
  kind: 'rfc' | 'xep' | 'otr';
  /** `RFC 6120 §4.3`, normalised. */
  label: string;
  href: string;
}

const RFC = /^RFC\s?(\d{1,5})(?:\s+§\s?(\d+(?:\.\d+)*))?$/;
const XEP = /^XEP-(\d{4})(?:\s+§\s?(\d+(?:\.\d+)*))?$/;
const OTR = /^OTR v3(?:\s+§\s?(.+))?$/;

/** The OTR v3 specification as published with libotr 4.1.1 (the same text as /work/shared/specs). */
export const OTR_V3_URL = 'https://otr.cypherpunks.ca/Protocol-v3-4.1.1.html';

/**
 * The section headings of the OTR v3 specification, spelled as it spells them. The document has no
 * anchors, so a reference links the whole page and names the section; a misspelt section fails the build.
 */
const otrV3Sections: readonly string[] = [
  'Very high level overview',
  'High level overview',
  'Requesting an OTR conversation',
  'Authenticated Key Exchange (AKE)',
  'Exchanging data',
  "Socialist Millionaires' Protocol (SMP)",
  'OTR Query Messages',
  'Tagged plaintext messages',
  'OTR Error Messages',
  'Data types',
  'Public keys, signatures, and fingerprints',
  'Instance Tags',
  'D-H Commit Message',
  'D-H Key Message',
  'Reveal Signature Message',
  'Signature Message',
  'Data Message',
  'Secret information',
  'The SMP state machine',
  'SMP Hash function',
  'Key Management',
  'Computing AES keys, MAC keys, and the secure session id',
  'Extra symmetric key',
  'Revealing MAC keys',
  'Fragmentation',
  'The protocol state machine',
];

/** Parses a spec reference; returns undefined when it is not `RFC N [§x.y]` or `XEP-NNNN [§x.y]`. */
export function parseSpecRef(ref: string): SpecLink | undefined {
  const r = RFC.exec(ref.trim());
  if (r) {
    const num = r[1]!;
    const sec = r[2];
    return {
      kind: 'rfc',
      label: sec ? `RFC ${num} §${sec}` : `RFC ${num}`,
      href: `https://www.rfc-editor.org/rfc/rfc${num}.html${sec ? `#section-${sec}` : ''}`,
    };
  }
  const x = XEP.exec(ref.trim());
  if (x) {
    const num = x[1]!;
    const sec = x[2];
    // XEP pages name their anchors by id, not by number: link the document, keep the § in the label.
    return { kind: 'xep', label: sec ? `XEP-${num} §${sec}` : `XEP-${num}`, href: `https://xmpp.org/extensions/xep-${num}.html` };
  }
  const o = OTR.exec(ref.trim());
  if (o) {
    const wanted = o[1]?.trim();
    if (wanted === undefined) return { kind: 'otr', label: 'OTR v3', href: OTR_V3_URL };
    const section = otrV3Sections.find((s) => s.toLowerCase() === wanted.toLowerCase());
    return section ? { kind: 'otr', label: `OTR v3 §${section}`, href: OTR_V3_URL } : undefined;
  }
  return undefined;
}
