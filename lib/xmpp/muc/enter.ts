/**
 * Entering and leaving a room (XEP-0045 §7.2, §7.14) and room creation (§10.1): presence to an
 * occupant JID. The service checks the entry rules in the XEP's order of concern, adds the occupant
 * with the role §5.1.2 gives its affiliation, and sends presence in the order §7.2.2 requires: the
 * existing occupants to the newcomer, the newcomer to them, the newcomer's own presence last (110),
 * then discussion history (§7.2.13) and the subject (§7.2.15).
 * @module
 */
import type { HostOutput } from '../../sim/types';
import { child, text, x, type XmlElement } from '../../xml/element';
import { NS_DELAY, NS_MUC } from '../namespaces';
import type { ServiceContext } from '../server/service';
import { note } from '../server/out';
import { stampFor } from '../wire';
import { mucError, REFUSAL_RULE, type MucErrorCondition, type RefusalWhy } from './errors';
import { defaultRole } from './permissions';
import { occupantPresence, roomJid, STATUS } from './presence';
import { affiliationOf, createRoom, HISTORY_MAX, occupantByJid, type Occupant, type Room } from './room';
import { bareOf } from '../jid';

/** Send a stanza the room makes (routed like any stanza: to a local session, or over s2s). */
export function send(c: ServiceContext, stanza: XmlElement): HostOutput[] {
  return c.route(stanza);
}

/** Refuse with the XEP's error, narrated. */
export function refuse(c: ServiceContext, stanza: XmlElement, condition: MucErrorCondition, why: RefusalWhy): HostOutput[] {
  const key = why === 'visitor' ? 'muc.refused-visitor' : why === 'banned' ? 'muc.refused-banned' : 'muc.refused';
  return [note(key, { server: c.state.domain, room: c.to.bare, from: stanza.attrs.from ?? '', element: stanza.name, condition, rule: `XEP-0045 ${REFUSAL_RULE[why]}` }), ...send(c, mucError(stanza, condition, c.to.bare))];
}

/** Every occupant's presence to every occupant (as each may see it): after a role or affiliation change. */
export function broadcastOccupant(c: ServiceContext, room: Room, who: Occupant, codes: number[] = [], leaving = false): HostOutput[] {
  return Object.values(room.occupants).flatMap((viewer) => send(c, occupantPresence(room, c.to.domain, who, viewer, codes, { leaving })));
}

/** §7.2: the entry rules, each refusal with the condition the XEP names; null: the user may enter. */
function entryRefusal(room: Room, from: string, nick: string, password: string): { condition: MucErrorCondition; why: RefusalWhy } | null {
  const aff = affiliationOf(room, bareOf(from));
  // §7.2.10: a locked room is entered by its owner only.
  if (room.locked && aff !== 'owner') return { condition: 'item-not-found', why: 'locked' };
  // §7.2.7: "If the user has been banned from the room (i.e., has an affiliation of "outcast")".
  if (aff === 'outcast') return { condition: 'forbidden', why: 'banned' };
  // §7.2.6: "If the room is members-only but the user is not on the member list".
  if (room.config.membersOnly && aff === 'none') return { condition: 'registration-required', why: 'members-only' };
  // §7.2.5: "If the room requires a password and the user did not supply one (or the password provided is incorrect)".
  if (room.config.password !== '' && password !== room.config.password && aff !== 'owner') return { condition: 'not-authorized', why: 'password' };
  // §7.2.8: the nickname is another user's (the same bare JID may share it; this service does not).
  const holder = room.occupants[nick];
  if (holder && holder.jid !== from) return { condition: 'conflict', why: 'nick' };
  return null;
}

function history(c: ServiceContext, room: Room, to: Occupant): HostOutput[] {
  const rj = roomJid(room, c.to.domain);
  const kept = room.history.slice(Math.max(0, room.history.length - room.config.historyLength));
  return kept.flatMap((h) =>
    send(c, x('message', { from: `${rj}/${h.nick}`, to: to.jid, id: h.id, type: 'groupchat' }, x('body', null, h.body), x('delay', { xmlns: NS_DELAY, from: rj, stamp: h.stamp }))),
  );
}

/** §7.2.15: the subject comes last, an empty one when there is none. */
function subject(c: ServiceContext, room: Room, to: Occupant): HostOutput[] {
  const rj = roomJid(room, c.to.domain);
  const s = room.subject;
  return send(c, x('message', { from: s ? `${rj}/${s.nick}` : rj, to: to.jid, type: 'groupchat' }, x('subject', null, s?.text ?? ''), s ? x('delay', { xmlns: NS_DELAY, from: rj, stamp: s.stamp }) : null));
}

function enter(c: ServiceContext, stanza: XmlElement, nick: string): HostOutput[] {
  const from = stanza.attrs.from!;
  const rooms = c.state.muc;
  const local = c.to.local!;
  let room = rooms[local];
  let created = false;
  if (!room) {
    // §10.1.1: "The privilege to create rooms MAY be restricted"; here, to the server's own users.
    if (bareOf(from).split('@')[1] !== c.state.domain) return refuse(c, stanza, 'not-allowed', 'create');
    room = rooms[local] = createRoom(local, bareOf(from));
    created = true;
  }
  const password = text(child(child(stanza, 'x', NS_MUC) ?? x('x'), 'password'));
  const refusal = entryRefusal(room, from, nick, password);
  if (refusal) {
    if (created) delete rooms[local];
    return refuse(c, stanza, refusal.condition, refusal.why);
  }
  const occupant: Occupant = { nick, jid: from, role: defaultRole(affiliationOf(room, bareOf(from)), room.config.moderated) };
  const others = Object.values(room.occupants);
  room.occupants[nick] = occupant;
  const out: HostOutput[] = [note(created ? 'muc.room-created' : 'muc.entered', { server: c.state.domain, room: roomJid(room, c.to.domain), nick, jid: from, role: occupant.role, affiliation: affiliationOf(room, bareOf(from)), whois: room.config.whois })];
  for (const o of others) out.push(...send(c, occupantPresence(room, c.to.domain, o, occupant, [])));
  for (const o of others) out.push(...send(c, occupantPresence(room, c.to.domain, occupant, o, [])));
  // §7.2.3: status 100 warns the newcomer that everyone sees its real JID; §10.1.1: 201 acknowledges a new room.
  const codes = [...(room.config.whois === 'anyone' ? [STATUS.nonAnonymous] : []), ...(created ? [STATUS.created] : [])];
  out.push(...send(c, occupantPresence(room, c.to.domain, occupant, occupant, codes, { id: stanza.attrs.id })));
  if (created) return out;
  return [...out, ...history(c, room, occupant), ...subject(c, room, occupant)];
}

/** §7.14: leaving — unavailable from the occupant JID to everyone, the leaver's own with 110. */
export function removeOccupant(c: ServiceContext, room: Room, who: Occupant, codes: number[]): HostOutput[] {
  const out = broadcastOccupant(c, room, who, codes, true);
  delete room.occupants[who.nick];
  return out;
}

/** Presence to `room@service/nick` (or to the room's bare JID, which has no nickname). */
export function mucPresence(c: ServiceContext, stanza: XmlElement): HostOutput[] {
  const type = stanza.attrs.type;
  const from = stanza.attrs.from;
  if (c.to.local === null || !from || (type !== undefined && type !== 'unavailable')) return [];
  const room = c.state.muc[c.to.local];
  const me = room ? occupantByJid(room, from) : undefined;
  if (type === 'unavailable') {
    if (!room || !me) return [];
    return [note('muc.left', { server: c.state.domain, room: roomJid(room, c.to.domain), nick: me.nick }), ...removeOccupant(c, room, me, [])];
  }
  // §7.2.1: "If the user does not specify a room nickname … the service MUST return a <jid-malformed/> error".
  if (c.to.resource === null) return refuse(c, stanza, 'jid-malformed', 'no-nick');
  if (room && me) {
    // Already in: a status change (§7.7) keeps the nickname; changing it (§7.6) is not built.
    if (me.nick !== c.to.resource) return refuse(c, stanza, 'not-acceptable', 'nick-change');
    return broadcastOccupant(c, room, me);
  }
  return enter(c, stanza, c.to.resource);
}

/** A message for the history (§7.2.13), bounded by HISTORY_MAX. */
export function remember(c: ServiceContext, room: Room, who: Occupant, body: string, id: string | undefined): void {
  room.history.push({ nick: who.nick, jid: who.jid, body, stamp: stampFor(c.host.now), ...(id ? { id } : {}) });
  if (room.history.length > HISTORY_MAX) room.history.shift();
}
