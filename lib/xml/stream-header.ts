/**
 * Checks on the stream header `<stream:stream>` (RFC 6120 §4.2, §4.8 stream namespaces,
 * §4.9.3.10 invalid-namespace).
 * @module
 */
import type { StreamErrorCondition } from './stream-errors';

/** RFC 6120 §4.8.1: the streams namespace. */
export const NS_STREAMS = 'http://etherx.jabber.org/streams';
/** RFC 6120 §4.8.2 content namespaces: jabber:client and jabber:server (RFC 6120 §4.8.3 lists them);
 *  jabber:component:accept (XEP-0114) is accepted too, so that components can use this parser. */
const CONTENT_NAMESPACES: readonly string[] = ['jabber:client', 'jabber:server', 'jabber:component:accept'];

/**
 * Validate a stream header. `uri` is the namespace saxes resolved for the element's prefix,
 * `local` its local name. Returns null when acceptable.
 */
export function checkStreamHeader(
  local: string,
  uri: string,
  attrs: Record<string, string>,
): { condition: StreamErrorCondition; text: string } | null {
  // RFC 6120 §4.9.3.10: "the namespace name is something other than
  // 'http://etherx.jabber.org/streams'" — and the element must be <stream/> in that namespace
  // (§4.8.1). The prefix itself is free (§4.8.5), though 'stream' is what everybody writes.
  if (local !== 'stream' || uri !== NS_STREAMS) {
    return { condition: 'invalid-namespace', text: `expected a <stream> element in ${NS_STREAMS}` };
  }
  // RFC 6120 §4.8.2: the content namespace is declared as the default namespace; §4.9.3.10:
  // "… or the content namespace declared as the default namespace is not supported".
  const content = attrs.xmlns;
  if (content === undefined || !CONTENT_NAMESPACES.includes(content)) {
    return { condition: 'invalid-namespace', text: `unsupported content namespace: ${content ?? '(none)'}` };
  }
  return null;
}
