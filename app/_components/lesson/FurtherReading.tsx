/**
 * `<FurtherReading>` around a Markdown list of sources (RFCs, XEPs, papers, each with its title): a
 * labelled section with the same heading id in both languages, so a link to it holds across the switch.
 * @module
 */
import type { ReactNode } from 'react';

export function FurtherReading({ label, children }: { label: string; children?: ReactNode }) {
  return (
    <section className="further-reading" aria-labelledby="further-reading">
      <h2 id="further-reading">{label}</h2>
      {children}
    </section>
  );
}
