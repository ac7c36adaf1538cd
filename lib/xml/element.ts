/**
 * The XML element model used for every stanza: plain data (name, attributes, children), so that
 * elements can sit in checkpointed state. `x()` builds them the way xmpp.js's `xml()` does.
 * @module
 */
export interface XmlElement {
  /** Qualified name as written on the wire: `message`, `stream:features`. */
  name: string;
  /** Attributes as written, including `xmlns` and `xmlns:prefix` declarations. */
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export type XmlChild = XmlNode | null | undefined | false | XmlChild[];

/** Build an element; `undefined` attributes are dropped, nested arrays and falsy children flattened away. */
export function x(name: string, attrs: Record<string, string | number | undefined> | null = null, ...children: XmlChild[]): XmlElement {
  const a: Record<string, string> = {};
  if (attrs) for (const [k, v] of Object.entries(attrs)) if (v !== undefined) a[k] = String(v);
  const kids: XmlNode[] = [];
  const add = (c: XmlChild): void => {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) c.forEach(add);
    else kids.push(c);
  };
  children.forEach(add);
  return { name, attrs: a, children: kids };
}

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === 'object' && node !== null;
}

/** First child element with this name (and, when given, this xmlns). */
export function child(el: XmlElement, name: string, xmlns?: string): XmlElement | undefined {
  for (const c of el.children) if (isElement(c) && c.name === name && (xmlns === undefined || c.attrs.xmlns === xmlns)) return c;
  return undefined;
}

export function children(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => isElement(c) && (name === undefined || c.name === name));
}

/** Concatenated text content of the element's direct text children. */
export function text(el: XmlElement | undefined): string {
  if (!el) return '';
  return el.children.filter((c): c is string => typeof c === 'string').join('');
}
