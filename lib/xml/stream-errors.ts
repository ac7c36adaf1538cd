/**
 * The stream error conditions the XML layer can raise (RFC 6120 §4.9.3), and how saxes's
 * well-formedness messages map onto them (RFC 6120 §11.1 restricted XML, §11.2 well-formedness).
 * @module
 */

/** RFC 6120 §4.9.3: the subset of stream error conditions that XML input can cause. */
export type StreamErrorCondition =
  | 'not-well-formed' // §4.9.3.13
  | 'restricted-xml' // §4.9.3.18
  | 'policy-violation' // §4.9.3.14
  | 'unsupported-encoding' // §4.9.3.22
  | 'invalid-namespace' // §4.9.3.10
  | 'bad-format' // §4.9.3.1
  | 'invalid-xml'; // §4.9.3.11

/**
 * Map a saxes error message to a stream error condition. saxes prefixes messages with
 * `line:column: `; we drop that (positions in our re-fed buffer mean nothing to the peer, and
 * the text must not depend on how the bytes were chunked).
 */
export function classifySaxesError(message: string): { condition: StreamErrorCondition; text: string } {
  const text = message.replace(/^\d+:\d+: /, '');
  // RFC 6120 §11.1: "internal or external entity references (with the exception of
  // predefined entities)" are restricted XML, not malformed XML.
  if (text.startsWith('undefined entity')) return { condition: 'restricted-xml', text };
  // RFC 6120 §11.1: "internal or external DTD subsets" — saxes reports a DOCTYPE anywhere but
  // the prolog as an error rather than an event.
  if (/doctype/i.test(text)) return { condition: 'restricted-xml', text };
  // A malformed comment is still a comment, which §11.1 forbids outright.
  if (text.startsWith('malformed comment')) return { condition: 'restricted-xml', text };
  if (text.startsWith('encoding value')) return { condition: 'unsupported-encoding', text };
  return { condition: 'not-well-formed', text };
}
