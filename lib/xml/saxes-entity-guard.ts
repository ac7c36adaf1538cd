/**
 * Fail fast on a malformed entity reference (XML 1.0 §4.1 EntityRef/CharRef: `&` Name `;`).
 * saxes 6 reads after a `&` until it meets a `;`, so `a & b</message>…` would swallow the rest of
 * the stream until the size limit. We wrap saxes's entity state so that a character that can
 * never be part of a reference (space, `<`, quotes, most ASCII punctuation) is reported as soon as it
 * arrives,
 * with saxes's own message — RFC 6120 §11.3 wants such data refused as not-well-formed.
 * This reaches into saxes internals (pinned at 6.0.0); if they ever change shape, the guard
 * silently steps aside and the size limit still bounds the wait.
 * @module
 */
import { SaxesParser } from 'saxes';

interface SaxesInternals {
  stateTable: ((this: SaxesInternals) => void)[];
  chunk: string;
  i: number;
  fail(message: string): void;
}

// ASCII characters allowed in a Name (XML 1.0 §2.3 NameChar) or in a CharRef (`#`, `x`, hex digits).
const BAD_ASCII_IN_REFERENCE = /[\x00-\x22\x24-\x2c\x2f\x3b-\x40\x5b-\x5e\x60\x7b-\x7f]/;

const proto = SaxesParser.prototype as unknown as { sEntity?: (this: SaxesInternals) => void };

export function guardEntityReferences(parser: SaxesParser): void {
  const p = parser as unknown as SaxesInternals;
  const original = proto.sEntity;
  if (!Array.isArray(p.stateTable) || typeof original !== 'function') return;
  const index = p.stateTable.indexOf(original);
  if (index < 0) return;
  p.stateTable[index] = function guardedEntity(this: SaxesInternals): void {
    // Look ahead from the current character to the first ';': the first impossible character is
    // reported right where it stands, so the outcome does not depend on where chunks end.
    const { chunk, i } = this;
    for (let j = i; j < chunk.length; j++) {
      const c = chunk[j] as string;
      if (c === ';') break;
      if (BAD_ASCII_IN_REFERENCE.test(c)) {
        this.fail('disallowed character in entity name.');
        break;
      }
    }
    original.call(this);
  };
}
