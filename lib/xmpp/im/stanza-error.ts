/**
 * Stanza errors (RFC 6120 §8.3): the error reply to a stanza swaps its addresses, keeps its id and
 * carries one defined condition in urn:ietf:params:xml:ns:xmpp-stanzas with the error type the
 * RFC names for it (§8.3.3).
 * @module
 */
import { x, type XmlElement } from '../../xml/element';
import { NS_STANZAS } from '../namespaces';

export type StanzaErrorCondition =
  | 'bad-request' | 'conflict' | 'feature-not-implemented' | 'forbidden' | 'item-not-found' | 'not-allowed'
  | 'not-authorized' | 'recipient-unavailable' | 'remote-server-not-found' | 'remote-server-timeout'
  | 'resource-constraint' | 'service-unavailable' | 'policy-violation' | 'internal-server-error' | 'jid-malformed';

/** RFC 6120 §8.3.3: the error type each condition is usually sent with. */
const TYPE: Record<StanzaErrorCondition, 'cancel' | 'modify' | 'auth' | 'wait'> = {
  'bad-request': 'modify',
  conflict: 'cancel',
  'feature-not-implemented': 'cancel',
  forbidden: 'auth',
  'item-not-found': 'cancel',
  'not-allowed': 'cancel',
  'not-authorized': 'auth',
  'recipient-unavailable': 'wait',
  'remote-server-not-found': 'cancel',
  'remote-server-timeout': 'wait',
  'resource-constraint': 'wait',
  'service-unavailable': 'cancel',
  'policy-violation': 'modify',
  'internal-server-error': 'cancel',
  'jid-malformed': 'modify',
};

/**
 * The error reply to `stanza` (RFC 6120 §8.3.1: from/to swapped, same id, type='error').
 * `by` is who generates it when the original had no `to` (the server itself).
 */
export function stanzaError(stanza: XmlElement, condition: StanzaErrorCondition, sender: string, by: string): XmlElement {
  return x(
    stanza.name,
    { from: stanza.attrs.to ?? by, to: sender, type: 'error', id: stanza.attrs.id },
    x('error', { type: TYPE[condition] }, x(condition, { xmlns: NS_STANZAS })),
  );
}

/** RFC 6120 §8.3.1: never answer an error with an error. */
export function mayBounce(stanza: XmlElement): boolean {
  return stanza.attrs.type !== 'error' && !(stanza.name === 'iq' && stanza.attrs.type === 'result');
}
