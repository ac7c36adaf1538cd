/**
 * Serialisation to the exact bytes that go on the wire. Single-quoted attributes, as Prosody writes
 * them; only the five predefined entities are ever produced (RFC 6120 §11.1).
 * @module
 */
import type { XmlNode } from './element';

// A literal CR would be turned into LF by the receiver's end-of-line handling (XML 1.0 §2.11), and
// literal TAB/LF/CR in attribute values into spaces by attribute-value normalisation (§3.3.3); a
// character reference survives both, so what we send is what the peer's parser reports.
const TEXT_SPECIAL = /[&<>\r]/;
const ATTR_SPECIAL = /[&<>'"\t\n\r]/;

export function escapeText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s; // most text needs nothing: skip the four passes
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/'/g, '&apos;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function attrsToString(attrs: Record<string, string>): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs)) out += ` ${k}='${escapeAttr(v)}'`;
  return out;
}

export function serialize(node: XmlNode): string {
  if (typeof node === 'string') return escapeText(node);
  const open = `<${node.name}${attrsToString(node.attrs)}`;
  if (node.children.length === 0) return `${open}/>`;
  return `${open}>${node.children.map(serialize).join('')}</${node.name}>`;
}

/** The opening tag only, for `<stream:stream …>` which stays open for the whole session. */
export function serializeOpenTag(name: string, attrs: Record<string, string>): string {
  return `<${name}${attrsToString(attrs)}>`;
}
