/**
 * Short labels for what crossed a link, derived from the wire bytes themselves: decode UTF-8,
 * find the top-level elements, name them the way a lesson does (`stream header`, `<auth>`, `<message>`).
 * Display only: a light tag scan, never a validating parser (lib/xml owns that).
 * @module
 */
import { utf8Decode } from '../bytes/hex';
import type { Layer, TraceEvent } from '../sim/types';

/** The stream's own element: its opening tag is the "stream header", its end tag closes the stream (RFC 6120 §4.2, §4.4). */
const STREAM = 'stream:stream';

const STREAM_HEADER = 'stream header';
const STREAM_CLOSE = 'stream close';

/**
 * Names of the top-level elements in a chunk of an XML stream, in order:
 * `['stream header', '<stream:features>']`. Text outside elements is ignored; an empty list
 * means the bytes held no tag (a partial chunk, whitespace, or not XML at all).
 */
export function wireElementNames(bytes: Uint8Array): string[] {
  const text = utf8Decode(bytes);
  const names: string[] = [];
  let depth = 0;
  // Names as XML allows them (ASCII subset), so that binary bytes that happen to hold a '<' are not read as tags.
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)(?:\s[^<>]*?)?(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g;
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

/**
 * One short label from element names: both when two travel together (`stream header + <stream:features>`,
 * which is what a student must see at the start of every stream), the first and `+N more` beyond that.
 */
function joinNames(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' + ');
  return `${names[0]} + ${names.length - 1} more`;
}

/** One short label for an arrow, from the bytes (see joinNames). */
export function wireLabel(bytes: Uint8Array | undefined): string {
  if (!bytes || bytes.length === 0) return '';
  const names = wireElementNames(bytes);
  if (names.length === 0) return `${bytes.length} B`;
  return joinNames(names);
}

/** True when the bytes on the wire are a TLS record with a key: ciphertext, not readable text. */
export function isEncrypted(layers: readonly Layer[]): boolean {
  return layers.some((l) => l.layer === 'tls' && l.key !== undefined);
}

/** `<presence/>` → `<presence>`; other layer labels unchanged. */
function layerName(label: string): string {
  const m = /^<([\w.:-]+)\s*\/?>$/.exec(label.trim());
  return m ? `<${m[1]}>` : label;
}

/**
 * What an event carries, named for a diagram: from the bytes themselves when they are readable, from the
 * recorded layers when they are encrypted (the XML inside a TLS record) or not XML (a TLS handshake record:
 * `ClientHello`). Every name, in order.
 */
export function eventElementNames(event: Pick<TraceEvent, 'wire' | 'layers'>): string[] {
  const wire = event.wire ?? new Uint8Array(0);
  if (!isEncrypted(event.layers)) {
    const names = wireElementNames(wire);
    if (names.length > 0) return names;
  }
  const inner = event.layers.filter((l) => l.layer === 'xml').map((l) => layerName(l.label));
  if (inner.length > 0) return inner;
  const tls = event.layers.find((l) => l.layer === 'tls');
  if (tls) {
    const m = /handshake,\s*([A-Za-z]+)/.exec(tls.label);
    return [m ? m[1]! : 'TLS record'];
  }
  return [];
}

/** One short label for an event's arrow or packet (see eventElementNames and joinNames). */
export function eventLabel(event: Pick<TraceEvent, 'wire' | 'layers'>): string {
  const names = eventElementNames(event);
  if (names.length === 0) return event.wire && event.wire.length > 0 ? `${event.wire.length} B` : '';
  return joinNames(names);
}
