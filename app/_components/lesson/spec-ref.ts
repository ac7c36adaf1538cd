/**
 * `<Spec ref="RFC 6120 §4.3" />` → a link. RFCs go to rfc-editor.org (its HTML has `#section-N.M`
 * anchors), XEPs to xmpp.org/extensions. Pure; used by the component and by the build-time check.
 * @module
 */

export interface SpecLink {
  kind: 'rfc' | 'xep';
  /** `RFC 6120 §4.3`, normalised. */
  label: string;
  href: string;
}

const RFC = /^RFC\s?(\d{1,5})(?:\s+§\s?(\d+(?:\.\d+)*))?$/;
const XEP = /^XEP-(\d{4})(?:\s+§\s?(\d+(?:\.\d+)*))?$/;

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
  return undefined;
}
