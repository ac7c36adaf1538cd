/** `<Spec ref="RFC 6120 §4.3" />`: a link to the RFC (rfc-editor.org, at the section), XEP (xmpp.org) or OTR v3 section (a text fragment, spec-ref.ts). Server component. @module */
import { ExternalIcon } from '../site/icons';
import { parseSpecRef } from './spec-ref';

export function Spec({ specRef, title }: { specRef: string; title: string }) {
  const link = parseSpecRef(specRef);
  // The build-time check (app/_content/compile.ts) rejects bad refs; this guards direct use.
  if (!link) throw new Error(`<Spec>: cannot parse ref "${specRef}"`);
  return (
    <a className="spec" href={link.href} title={title} hrefLang="en">
      {link.label}
      <ExternalIcon />
    </a>
  );
}
