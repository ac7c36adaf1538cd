/**
 * The client in rooms (XEP-0045): the user's room actions as stanzas (enter §7.2.1 with the
 * `<x xmlns='…/muc'/>` that marks a MUC client, leave §7.14, groupchat §7.4, private §7.5, subject §8.1,
 * roles and affiliations through muc#admin §8–§9, the configuration form §10.1–§10.2), and what the room
 * sends back, kept per room: our nickname, role and affiliation, the occupants with the real JIDs the
 * room chose to show us, and the subject. Status code 110 marks our own presence (§7.2.2).
 * @module
 */
import { fact } from '../../sim/facts';
import type { Action, HostContext, HostOutput } from '../../sim/types';
import { child, children, isElement, text, x, type XmlElement } from '../../xml/element';
import { NS_DATA, NS_DELAY, NS_MUC, NS_MUC_ADMIN, NS_MUC_OWNER, NS_MUC_USER } from '../namespaces';
import { id, INBOX_SHOWN, note, piece, PRESENCE_MAX, request, send, type ClientState } from './state';
import { bareOf } from '../jid';

export interface RoomOccupant {
  role: string;
  affiliation: string;
  /** The real JID, when the room showed it to us (non-anonymous, or we are a moderator). */
  jid?: string;
}

export interface ClientRoom {
  nick: string;
  /** Our own presence (110) has come: we are in. */
  joined: boolean;
  role: string;
  affiliation: string;
  occupants: Record<string, RoomOccupant>;
  subject: string;
}

const FORM_TYPE = 'http://jabber.org/protocol/muc#roomconfig';

/** §10.2: the form as submitted, with only the fields the user set (an empty one asks for an instant room). */
function configSubmit(a: Extract<Action, { type: 'muc-configure' }>): XmlElement {
  const fields: [string, string][] = [];
  if (a.membersOnly !== undefined) fields.push(['muc#roomconfig_membersonly', a.membersOnly ? '1' : '0']);
  if (a.moderated !== undefined) fields.push(['muc#roomconfig_moderatedroom', a.moderated ? '1' : '0']);
  if (a.whois !== undefined) fields.push(['muc#roomconfig_whois', a.whois]);
  if (a.password !== undefined) fields.push(['muc#roomconfig_passwordprotectedroom', a.password ? '1' : '0'], ['muc#roomconfig_roomsecret', a.password]);
  if (fields.length === 0) return x('x', { xmlns: NS_DATA, type: 'submit' });
  return x('x', { xmlns: NS_DATA, type: 'submit' }, x('field', { var: 'FORM_TYPE' }, x('value', null, FORM_TYPE)), fields.map(([k, v]) => x('field', { var: k }, x('value', null, v))));
}

function admin(s: ClientState, what: string, room: string, item: Record<string, string>): XmlElement {
  return request(s, 'set', what, room, x('query', { xmlns: NS_MUC_ADMIN }, x('item', item)));
}

/** The stanza for a room action, or null: not one. */
function stanzaFor(s: ClientState, a: Action): XmlElement | null {
  switch (a.type) {
    case 'muc-join':
      return x('presence', { to: `${a.room}/${a.nick}`, id: id(s) }, x('x', { xmlns: NS_MUC }, a.password ? x('password', null, a.password) : null));
    case 'muc-leave':
      return x('presence', { to: `${a.room}/${s.rooms[a.room]?.nick ?? ''}`, type: 'unavailable' });
    case 'muc-send':
      return x('message', { to: a.room, type: 'groupchat', id: id(s) }, x('body', null, a.body));
    case 'muc-private':
      // §7.5: "the sending client SHOULD add an <x/> element qualified by … muc#user".
      return x('message', { to: `${a.room}/${a.nick}`, type: 'chat', id: id(s) }, x('body', null, a.body), x('x', { xmlns: NS_MUC_USER }));
    case 'muc-subject':
      return x('message', { to: a.room, type: 'groupchat', id: id(s) }, x('subject', null, a.subject));
    case 'muc-kick':
      return admin(s, 'muc-kick', a.room, { nick: a.nick, role: 'none' });
    case 'muc-grant-voice':
      return admin(s, 'muc-grant-voice', a.room, { nick: a.nick, role: 'participant' });
    case 'muc-revoke-voice':
      return admin(s, 'muc-revoke-voice', a.room, { nick: a.nick, role: 'visitor' });
    case 'muc-ban':
      return admin(s, 'muc-ban', a.room, { affiliation: 'outcast', jid: a.jid });
    case 'muc-member':
      return admin(s, 'muc-member', a.room, { affiliation: 'member', jid: a.jid });
    case 'muc-configure':
      return request(s, 'set', 'muc-configure', a.room, x('query', { xmlns: NS_MUC_OWNER }, configSubmit(a)));
    default:
      return null;
  }
}

/** Room actions while online; null: not one of them. */
export function mucAction(s: ClientState, a: Action): HostOutput[] | null {
  if (a.type === 'muc-leave' && !s.rooms[a.room]) return [note('muc.client-not-in-room', { client: s.id, room: a.room })];
  const stanza = stanzaFor(s, a);
  if (!stanza) return null;
  if (a.type === 'muc-join' && Object.keys(s.rooms).length < PRESENCE_MAX) s.rooms[a.room] = { nick: a.nick, joined: false, role: 'none', affiliation: 'none', occupants: {}, subject: '' };
  return [send(s, [piece(stanza)], { key: 'muc.client-send', params: { client: s.id, room: 'room' in a ? a.room : '', stanza: stanza.name } })];
}

const statusCodes = (xUser: XmlElement | undefined): number[] => (xUser ? children(xUser, 'status').map((c) => Number(c.attrs.code)) : []);

const conditionOf = (el: XmlElement): string => child(el, 'error')?.children.find(isElement)?.name ?? 'unknown';

/** Presence from one of our rooms; null: not from a room we entered. */
export function mucPresenceIn(s: ClientState, el: XmlElement): HostOutput[] | null {
  const from = el.attrs.from ?? '';
  const roomJid = bareOf(from);
  const room = s.rooms[roomJid];
  if (!room) return null;
  const nick = from.slice(roomJid.length + 1);
  if (el.attrs.type === 'error') {
    if (!room.joined) delete s.rooms[roomJid];
    return [note('muc.client-join-refused', { client: s.id, room: roomJid, condition: conditionOf(el) })];
  }
  const xUser = child(el, 'x', NS_MUC_USER);
  const it = xUser ? child(xUser, 'item') : undefined;
  const codes = statusCodes(xUser);
  const role = it?.attrs.role ?? 'none';
  const affiliation = it?.attrs.affiliation ?? 'none';
  const leaving = el.attrs.type === 'unavailable';
  if (codes.includes(110)) {
    if (leaving) {
      delete s.rooms[roomJid];
      const key = codes.includes(301) ? 'muc.client-banned' : codes.includes(307) ? 'muc.client-kicked' : codes.includes(321) || codes.includes(322) ? 'muc.client-removed' : 'muc.client-left';
      return [note(key, { client: s.id, room: roomJid })];
    }
    const first = !room.joined;
    Object.assign(room, { joined: true, role, affiliation, nick });
    if (codes.includes(201)) return [note('muc.client-created', { client: s.id, room: roomJid })];
    if (!first) return [note('muc.client-role', { client: s.id, room: roomJid, role, affiliation })];
    return [note(codes.includes(100) ? 'muc.client-joined-public' : 'muc.client-joined', { client: s.id, room: roomJid, nick, role, affiliation, count: Object.keys(room.occupants).length })];
  }
  if (leaving) {
    delete room.occupants[nick];
    const key = codes.includes(301) ? 'muc.client-occupant-banned' : codes.includes(307) ? 'muc.client-occupant-kicked' : 'muc.client-occupant-left';
    return [note(key, { client: s.id, room: roomJid, nick })];
  }
  if (!(nick in room.occupants) && Object.keys(room.occupants).length >= PRESENCE_MAX) return [];
  const jid = it?.attrs.jid;
  room.occupants[nick] = { role, affiliation, ...(jid ? { jid } : {}) };
  // What this occupant learns about another: the fact the knowledge fold can read (who sees real JIDs).
  const seen = fact({ type: 'muc-occupant-seen', node: s.id, room: roomJid, nick, ...(jid ? { jid } : {}) });
  return [seen, note(jid ? 'muc.client-occupant-jid' : 'muc.client-occupant', { client: s.id, room: roomJid, nick, role, jid: jid ?? '' })];
}

/** A message from one of our rooms (groupchat, subject, notices, errors); null: let the ordinary path show it. */
export function mucMessageIn(s: ClientState, el: XmlElement, ctx: HostContext): HostOutput[] | null {
  const from = el.attrs.from ?? '';
  const roomJid = bareOf(from);
  if (!s.rooms[roomJid]) return null;
  const room = s.rooms[roomJid];
  const nick = from.slice(roomJid.length + 1);
  if (el.attrs.type === 'error') return [note('muc.client-refused', { client: s.id, room: roomJid, condition: conditionOf(el) })];
  if (el.attrs.type !== 'groupchat') return null;
  const body = child(el, 'body');
  const subject = child(el, 'subject');
  if (subject && !body) {
    room.subject = text(subject);
    return [note('muc.client-subject', { client: s.id, room: roomJid, subject: room.subject || '—' })];
  }
  if (!body) {
    const codes = statusCodes(child(el, 'x', NS_MUC_USER));
    return [note(codes.includes(172) ? 'muc.client-now-public' : codes.includes(173) ? 'muc.client-now-semi' : 'muc.client-notice', { client: s.id, room: roomJid, codes: codes.join(', ') })];
  }
  const stamp = child(el, 'delay', NS_DELAY)?.attrs.stamp;
  s.inbox.push({ from, body: text(body), time: ctx.now, ...(stamp ? { delayed: stamp } : {}) });
  if (s.inbox.length > INBOX_SHOWN) s.inbox.shift();
  return [
    fact({ type: 'message-shown', node: s.id, from, body: text(body), ...(stamp ? { delayed: stamp } : {}) }),
    note(stamp ? 'muc.client-history' : 'muc.client-message', { client: s.id, room: roomJid, nick, body: text(body), stamp: stamp ?? '' }),
  ];
}
