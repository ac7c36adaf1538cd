/**
 * Serialisation to the exact bytes that go on the wire. Single-quoted attributes, as Prosody writes
 * them; only the five predefined entities are ever produced (RFC 6120 §11.1).
 * @module
 */
import type { XmlElement, XmlNode } from './element';

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
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
