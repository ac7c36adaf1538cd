/**
 * The errors a room returns, as XEP-0045 names them (§7.2.17's table for entering, §7.4, §7.5, §8, §9,
 * §10): the stanza back from the address it was sent to, with `by` the room (RFC 6120 §8.3.2) and,
 * for a refused entry, the `<x xmlns='…/muc'/>` the XEP's examples echo.
 * @module
 */
import { x, type XmlElement } from '../../xml/element';
import { NS_MUC, NS_STANZAS } from '../namespaces';

export type MucErrorCondition =
  | 'not-authorized' // 401: a password is required (§7.2.5)
  | 'forbidden' // 403: banned (§7.2.7); a visitor's message (§7.4); not allowed to do that (§8, §9)
  | 'item-not-found' // 404: no such room, or still locked (§7.2.10); no such occupant
  | 'not-allowed' // 405: room creation restricted (§10.1.1); acting on a higher affiliation (§8.2, §9.1)
  | 'not-acceptable' // 406: not an occupant (§7.4, §7.5)
  | 'registration-required' // 407: members-only (§7.2.6)
  | 'conflict' // 409: nickname in use (§7.2.8)
  | 'bad-request' // a private message of type groupchat (§7.5), a request the room cannot read
  | 'jid-malformed' // no nickname (§7.2.1)
  | 'service-unavailable'; // what this room does not do

/** RFC 6120 §8.3.3's error type for each condition, as the XEP's examples send them. */
const TYPE: Record<MucErrorCondition, string> = {
  'not-authorized': 'auth',
  forbidden: 'auth',
  'item-not-found': 'cancel',
  'not-allowed': 'cancel',
  'not-acceptable': 'modify',
  'registration-required': 'auth',
  conflict: 'cancel',
  'bad-request': 'modify',
  'jid-malformed': 'modify',
  'service-unavailable': 'cancel',
};

/** The error reply to `stanza` from the room `by`; a presence (a refused entry) echoes the muc element. */
export function mucError(stanza: XmlElement, condition: MucErrorCondition, by: string): XmlElement {
  return x(
    stanza.name,
    { from: stanza.attrs.to, to: stanza.attrs.from, id: stanza.attrs.id, type: 'error' },
    stanza.name === 'presence' ? x('x', { xmlns: NS_MUC }) : null,
    x('error', { by, type: TYPE[condition] }, x(condition, { xmlns: NS_STANZAS })),
  );
}

/** Why a room refused, as the XEP section that says so (language-neutral, for the narration's {rule}). */
export const REFUSAL_RULE = {
  'no-nick': '§7.2.1',
  password: '§7.2.5',
  'members-only': '§7.2.6',
  banned: '§7.2.7',
  nick: '§7.2.8',
  locked: '§7.2.10',
  'no-room': '§7.2.10',
  'not-occupant': '§7.4',
  visitor: '§7.4',
  'not-groupchat': '§7.4',
  'groupchat-pm': '§7.5',
  'no-occupant': '§7.5',
  pm: '§7.5',
  'nick-change': '§7.6',
  subject: '§8.1',
  kick: '§8.2',
  self: '§8.2',
  'higher-affiliation': '§8.2',
  'grant-voice': '§8.3',
  'revoke-voice': '§8.4',
  'not-room': '§8.2',
  'no-item': '§8.2',
  ban: '§9.1',
  'edit-members': '§9.3',
  'no-jid': '§9.3',
  list: '§9.5',
  'no-affiliation': '§9.5',
  'moderator-role': '§9.6',
  'edit-owners': '§10.3',
  'edit-admins': '§10.6',
  create: '§10.1.1',
  configure: '§10.2',
  'no-form': '§10.2',
  'form-type': '§10.2',
} as const;

export type RefusalWhy = keyof typeof REFUSAL_RULE;
