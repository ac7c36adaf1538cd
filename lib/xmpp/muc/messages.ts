/**
 * Messages to a room (XEP-0045 §7.4 to all occupants, §8.1 / §7.3 the subject) and through it (§7.5
 * private messages): the service checks the sender's role against §5.1.1's table, rewrites 'from' to
 * the sender's occupant JID and reflects or delivers.
 * @module
 */
import type { HostOutput } from '../../sim/types';
import { child, text, x, type XmlElement } from '../../xml/element';
import { NS_MUC_USER } from '../namespaces';
import type { ServiceContext } from '../server/service';
import { note } from '../server/out';
import { stampFor } from '../wire';
import { refuse, remember, send } from './enter';
import { roleMay } from './permissions';
import { roomJid } from './presence';
import { occupantByJid, type Occupant, type Room } from './room';

function reflect(c: ServiceContext, room: Room, who: Occupant, payload: XmlElement[], id: string | undefined): HostOutput[] {
  const from = `${roomJid(room, c.to.domain)}/${who.nick}`;
  return Object.values(room.occupants).flatMap((o) => send(c, x('message', { from, to: o.jid, id, type: 'groupchat' }, payload)));
}

/** §8.1: "only a message that contains a <subject/> but no <body/> shall be considered a subject change". */
function subjectChange(c: ServiceContext, stanza: XmlElement, room: Room, who: Occupant, subject: string): HostOutput[] {
  // §5.1.1 "Modify Subject": moderators; participants only when muc#roomconfig_changesubject allows.
  const may = roleMay(who.role, 'modify-subject') && (who.role === 'moderator' || room.config.changeSubject);
  if (!may) return refuse(c, stanza, 'forbidden', 'subject');
  room.subject = { text: subject, nick: who.nick, stamp: stampFor(c.host.now) };
  return [note('muc.subject', { server: c.state.domain, room: roomJid(room, c.to.domain), nick: who.nick, subject }), ...reflect(c, room, who, [x('subject', null, subject)], stanza.attrs.id)];
}

function groupchat(c: ServiceContext, stanza: XmlElement, room: Room): HostOutput[] {
  const who = occupantByJid(room, stanza.attrs.from!);
  // §7.4: "If the sender is not an occupant of the room, the service SHOULD return a <not-acceptable/> error".
  if (!who) return refuse(c, stanza, 'not-acceptable', 'not-occupant');
  const body = child(stanza, 'body');
  const subject = child(stanza, 'subject');
  if (subject && !body) return subjectChange(c, stanza, room, who, text(subject));
  // §7.4: "If the sender is a visitor (i.e., does not have voice in a moderated room), the service MUST
  // return a <forbidden/> error to the sender and MUST NOT reflect the message to all occupants."
  if (!roleMay(who.role, 'message-all')) return refuse(c, stanza, 'forbidden', 'visitor');
  if (!body) return [];
  remember(c, room, who, text(body), stanza.attrs.id);
  return [note('muc.groupchat', { server: c.state.domain, room: roomJid(room, c.to.domain), nick: who.nick, count: Object.keys(room.occupants).length, body: text(body) }), ...reflect(c, room, who, [body], stanza.attrs.id)];
}

/** §7.5: a private message to an occupant JID, delivered to the occupant's real JID from the sender's occupant JID. */
function privateMessage(c: ServiceContext, stanza: XmlElement, room: Room, nick: string): HostOutput[] {
  // "If the sender attempts to send a private message of type "groupchat" … return a <bad-request/> error".
  if (stanza.attrs.type === 'groupchat') return refuse(c, stanza, 'bad-request', 'groupchat-pm');
  const who = occupantByJid(room, stanza.attrs.from!);
  // "If the sender is not an occupant of the room … return a <not-acceptable/> error".
  if (!who) return refuse(c, stanza, 'not-acceptable', 'not-occupant');
  const target = room.occupants[nick];
  // "If the sender attempts to send a private message to an occupant JID that does not exist … <item-not-found/>".
  if (!target) return refuse(c, stanza, 'item-not-found', 'no-occupant');
  if (room.config.allowPm === 'none' || !roleMay(who.role, 'private-messages')) return refuse(c, stanza, 'forbidden', 'pm');
  const payload = stanza.children.filter((k) => typeof k !== 'string' && k.attrs.xmlns !== NS_MUC_USER);
  const from = `${roomJid(room, c.to.domain)}/${who.nick}`;
  // "The service SHOULD add the <x/> element if the message does not contain it already."
  const msg = x('message', { from, to: target.jid, id: stanza.attrs.id, type: stanza.attrs.type }, payload, x('x', { xmlns: NS_MUC_USER }));
  return [note('muc.private', { server: c.state.domain, room: roomJid(room, c.to.domain), from: who.nick, to: nick }), ...send(c, msg)];
}

/** Any message to the room or one of its occupant JIDs. */
export function mucMessage(c: ServiceContext, stanza: XmlElement): HostOutput[] {
  if (stanza.attrs.type === 'error' || c.to.local === null || !stanza.attrs.from) return [];
  const room = c.state.muc[c.to.local];
  if (!room || room.locked) return refuse(c, stanza, 'item-not-found', 'no-room');
  if (c.to.resource !== null) return privateMessage(c, stanza, room, c.to.resource);
  // §7.4: "a service MAY ignore or reject messages that do not have a type of "groupchat""; this one
  // rejects them (mediated invitations and voice requests, §7.8 and §7.13, are not built).
  if (stanza.attrs.type !== 'groupchat') return refuse(c, stanza, 'bad-request', 'not-groupchat');
  return groupchat(c, stanza, room);
}
