/**
 * One standalone XML element from a string — a stored PEP item, a decrypted SCE envelope — parsed by
 * the same restricted-XML rules as a stream (RFC 6120 §11: no comments, PIs, DTDs). The element is
 * fed as the only child of a throwaway `<stream>` header; anything else than exactly one element
 * (text around it, a second element, an error) gives null.
 * @module
 */
import { utf8 } from '../bytes/hex';
import type { XmlElement } from './element';
import { createStreamParser, feed } from './stream-parser';

const OPEN = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

export function parseElement(text: string, maxBytes = 256 * 1024): XmlElement | null {
  const parser = createStreamParser({ maxStanzaBytes: maxBytes });
  const events = feed(parser, utf8(OPEN + text.trim() + '</stream:stream>'));
  const elements = events.filter((e) => e.type === 'element');
  if (events.some((e) => e.type === 'error') || elements.length !== 1) return null;
  return elements[0]!.type === 'element' ? elements[0]!.element : null;
}
