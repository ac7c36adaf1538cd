/**
 * How an observer reads message bodies that are end to end: each scheme of the registry
 * (lib/e2e/registry.ts) is asked in turn, with the keys the observer holds, and the first that
 * recognises the body says what it is and, if those keys open it, its text. OTR follows the public
 * DH keys on the wire and opens a data message with one side's private key (lib/e2e/otr-reader.ts);
 * static-key messages open with the recipient's static key (lib/e2e/static.ts); signed texts are in
 * clear and read as any body.
 * @module
 */
import { E2E_SCHEMES } from '../e2e/registry';
import type { E2eKeys, E2eReading, E2eScheme } from '../e2e/scheme';

export type { E2eReading } from '../e2e/scheme';

/** What kind of end-to-end body it is, scheme-prefixed: `otr-data`, `otr-dh-key`, `static-message` … */
export type E2eKind = E2eReading['kind'];

/** One observer's reading state: each scheme's reader state by scheme id (OTR: the public DH keys seen). */
export type E2eReaderState = Record<string, unknown>;

export const newE2eReaderState = (): E2eReaderState => ({});

/** Read one body sent from `from` to `to` (bare JIDs); null when no scheme recognises it (plain text). */
export function readE2eBody(w: E2eReaderState, ring: E2eKeys, from: string, to: string, body: string, schemes: readonly E2eScheme[] = E2E_SCHEMES): E2eReading | null {
  for (const scheme of schemes) {
    if (!(scheme.id in w)) w[scheme.id] = scheme.newReader();
    const reading = scheme.read(w[scheme.id], ring, from, to, body);
    if (reading) return reading;
  }
  return null;
}
