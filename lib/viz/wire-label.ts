/**
 * Short labels for what crossed a link, derived from the wire bytes themselves: decode UTF-8,
 * find the top-level elements, name them the way a lesson does (`stream header`, `<auth>`, `<message>`).
 * Display only: a light tag scan, never a validating parser (lib/xml owns that).
 * @module
 */
import { utf8Decode } from '../bytes/hex';

/** The stream's own element: its opening tag is the "stream header", its end tag closes the stream (RFC 6120 §4.2, §4.4). */
const STREAM = 'stream:stream';

export const STREAM_HEADER = 'stream header';
export const STREAM_CLOSE = 'stream close';

/**
 * Names of the top-level elements in a chunk of an XML stream, in order:
 * `['stream header', '<stream:features>']`. Text outside elements is ignored; an empty list
 * means the bytes held no tag (a partial chunk, whitespace, or not XML at all).
 */
export function wireElementNames(bytes: Uint8Array): string[] {
  const text = utf8Decode(bytes);
  const names: string[] = [];
  let depth = 0;
  const tag = /<(\/?)([^\s/>!?]+)[^>]*?(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g;
  for (let m = tag.exec(text); m !== null; m = tag.exec(text)) {
    const name = m[2];
    if (name === undefined) continue; // declaration or comment
    const closing = m[1] === '/';
    const selfClosing = m[3] === '/';
    if (name === STREAM) {
      // The stream element is the container, never a level of nesting for the stanzas inside it.
      names.push(closing ? STREAM_CLOSE : STREAM_HEADER);
      continue;
    }
    if (closing) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth === 0) names.push(`<${name}>`);
    if (!selfClosing) depth += 1;
  }
  return names;
}

/** One short label for an arrow: the first element's name, `+N` when more followed in the same bytes. */
export function wireLabel(bytes: Uint8Array | undefined): string {
  if (!bytes || bytes.length === 0) return '';
  const names = wireElementNames(bytes);
  if (names.length === 0) return `${bytes.length} B`;
  return names.length === 1 ? names[0]! : `${names[0]} +${names.length - 1}`;
}
