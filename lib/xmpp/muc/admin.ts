/**
 * Moderators and admins at work (XEP-0045 §8, §9): an iq 'set' to the room with a `muc#admin` item
 * changes an occupant's role by nickname (kick §8.2, voice §8.3/§8.4, moderator §9.6/§9.7) or a user's
 * affiliation by bare JID (ban §9.1, membership §9.3/§9.4, admin and owner §10.3–§10.8). Who may do
 * what comes from §5.1.1's and §5.2.1's tables (permissions.ts) and the rules beside them; an iq
 * 'get' with an affiliation lists who has it (§9.5 the member list, §9.2 the ban list).
 * @module
 */
import type { HostOutput } from '../../sim/types';
import { child, isElement, x, type XmlElement } from '../../xml/element';
import { NS_MUC_ADMIN } from '../namespaces';
import type { ServiceContext } from '../server/service';
import { note } from '../server/out';
import { broadcastOccupant, refuse, removeOccupant } from './enter';
import type { RefusalWhy } from './errors';
import { AFFILIATIONS, affiliationMay, affiliationRank, defaultRole, roleMay, ROLES, type Affiliation, type Role } from './permissions';
import { roomJid, STATUS } from './presence';
import { affiliationOf, occupantByJid, occupantsOf, type Occupant, type Room } from './room';
import { bareOf } from '../jid';

type Refusal = { condition: 'forbidden' | 'not-allowed' | 'item-not-found' | 'bad-request' | 'conflict'; why: RefusalWhy };

const high = (a: Affiliation): boolean => a === 'admin' || a === 'owner';

/** §8.2–§8.4, §9.6/§9.7: may `actor` give `target` this role? null: yes. */
export function roleChangeRefusal(room: Room, actor: Occupant, target: Occupant, role: Role): Refusal | null {
  const actorAff = affiliationOf(room, bareOf(actor.jid));
  const targetAff = affiliationOf(room, bareOf(target.jid));
  const rank = (a: Affiliation) => affiliationRank(a);
  if (role === 'none') {
    if (!roleMay(actor.role, 'kick')) return { condition: 'forbidden', why: 'kick' };
    // §8.2: "If a moderator attempts to kick himself, the service MAY deny the request and return a <conflict/> error".
    if (actor === target) return { condition: 'conflict', why: 'self' };
    // §8.2: "A user cannot be kicked by a moderator with a lower affiliation … <not-allowed/>".
    if (rank(targetAff) > rank(actorAff)) return { condition: 'not-allowed', why: 'higher-affiliation' };
    return null;
  }
  // §5.2.1 "Assign and Remove Moderator Role": admins and owners only.
  if ((role === 'moderator' || target.role === 'moderator') && !affiliationMay(actorAff, 'moderator-role')) return { condition: 'forbidden', why: 'moderator-role' };
  // §9.7: "an admin MUST NOT be allowed to revoke moderator status from a user whose affiliation is "owner" or "admin"".
  if (target.role === 'moderator' && role !== 'moderator' && high(targetAff)) return { condition: 'not-allowed', why: 'higher-affiliation' };
  if (role === 'visitor') {
    if (!roleMay(actor.role, 'revoke-voice')) return { condition: 'forbidden', why: 'revoke-voice' };
    // §8.4: "A moderator MUST NOT be able to revoke voice from a user whose affiliation is at or above the
    // moderator's level. In addition, a service MUST NOT allow the voice privileges of an admin or owner to be removed by anyone."
    if (high(targetAff) || (targetAff !== 'none' && rank(targetAff) >= rank(actorAff))) return { condition: 'not-allowed', why: 'higher-affiliation' };
    return null;
  }
  if (role === 'participant' && target.role !== 'moderator' && !roleMay(actor.role, 'grant-voice')) return { condition: 'forbidden', why: 'grant-voice' };
  return null;
}

/** §9, §10.3–§10.8: may the user `actorBare` give `bare` this affiliation? null: yes. */
export function affiliationChangeRefusal(room: Room, actorBare: string, bare: string, affiliation: Affiliation): Refusal | null {
  const actorAff = affiliationOf(room, actorBare);
  const current = affiliationOf(room, bare);
  if (affiliation === 'outcast') {
    if (!affiliationMay(actorAff, 'ban')) return { condition: 'forbidden', why: 'ban' };
    // §9.1: "If an admin or owner attempts to ban himself, the service MUST deny the request and return a <conflict/> error".
    if (bare === actorBare) return { condition: 'conflict', why: 'self' };
    // §9.1: "a user cannot be banned by an admin with a lower affiliation … <not-allowed/>".
    if (affiliationRank(current) > affiliationRank(actorAff)) return { condition: 'not-allowed', why: 'higher-affiliation' };
    return null;
  }
  const needed = affiliation === 'owner' || current === 'owner' ? 'edit-owners' : affiliation === 'admin' || current === 'admin' ? 'edit-admins' : 'edit-members';
  if (!affiliationMay(actorAff, needed)) return { condition: 'forbidden', why: needed };
  return null;
}

function setRole(c: ServiceContext, room: Room, actor: Occupant, it: XmlElement): HostOutput[] | Refusal {
  const role = it.attrs.role as Role;
  const target = it.attrs.nick !== undefined ? room.occupants[it.attrs.nick] : undefined;
  if (!target) return { condition: 'item-not-found', why: 'no-occupant' };
  const refusal = roleChangeRefusal(room, actor, target, role);
  if (refusal) return refusal;
  const rj = roomJid(room, c.to.domain);
  if (role === 'none') {
    // §8.2: "The service MUST remove the kicked occupant by sending a presence stanza of type "unavailable" … including status code 307".
    return [note('muc.kicked', { server: c.state.domain, room: rj, nick: target.nick, by: actor.nick }), ...removeOccupant(c, room, target, [STATUS.kicked])];
  }
  const was = target.role;
  target.role = role;
  return [note('muc.role-changed', { server: c.state.domain, room: rj, nick: target.nick, from: was, to: role, by: actor.nick }), ...broadcastOccupant(c, room, target)];
}

function setAffiliation(c: ServiceContext, room: Room, actor: Occupant | undefined, actorBare: string, it: XmlElement): HostOutput[] | Refusal {
  const affiliation = it.attrs.affiliation as Affiliation;
  const bare = it.attrs.jid !== undefined ? bareOf(it.attrs.jid) : it.attrs.nick !== undefined ? bareOf(room.occupants[it.attrs.nick]?.jid ?? '') : '';
  if (!bare) return { condition: 'bad-request', why: 'no-jid' };
  const refusal = affiliationChangeRefusal(room, actorBare, bare, affiliation);
  if (refusal) return refusal;
  if (affiliation === 'none') delete room.affiliations[bare];
  else room.affiliations[bare] = affiliation;
  const rj = roomJid(room, c.to.domain);
  const out: HostOutput[] = [note(affiliation === 'outcast' ? 'muc.banned' : 'muc.affiliation-changed', { server: c.state.domain, room: rj, jid: bare, affiliation, by: actor?.nick ?? actorBare })];
  for (const o of occupantsOf(room, bare)) {
    // §9.1: a banned occupant is removed with status 301; §9.4: one who lost membership of a members-only room with 321.
    if (affiliation === 'outcast') out.push(...removeOccupant(c, room, o, [STATUS.banned]));
    else if (room.config.membersOnly && affiliation === 'none') out.push(...removeOccupant(c, room, o, [STATUS.removedAffiliation]));
    else {
      // The role follows the new affiliation (§5.1.2), except that a moderator stays one until an admin says otherwise.
      const role = defaultRole(affiliation, room.config.moderated);
      if (role === 'moderator' || o.role !== 'moderator') o.role = role;
      out.push(...broadcastOccupant(c, room, o));
    }
  }
  return out;
}

/** §9.5 / §9.2: the list of one affiliation, for those §5.2.1 lets see it (members and up; admins for the ban list). */
function list(c: ServiceContext, room: Room, actorBare: string, affiliation: Affiliation): HostOutput[] | null {
  const aff = affiliationOf(room, actorBare);
  const may = affiliation === 'member' ? affiliationMay(aff, 'member-list') && (room.config.whois === 'anyone' || affiliationMay(aff, 'edit-members')) : affiliationMay(aff, 'edit-members');
  if (!may) return null;
  const items = Object.entries(room.affiliations).filter(([, a]) => a === affiliation).map(([jid, a]) => x('item', { affiliation: a, jid }));
  return c.reply(x('query', { xmlns: NS_MUC_ADMIN }, items), 'muc.list');
}

export function mucAdmin(c: ServiceContext, iq: XmlElement): HostOutput[] {
  if (c.to.local === null || c.to.resource !== null) return refuse(c, iq, 'bad-request', 'not-room');
  const room = c.state.muc[c.to.local];
  if (!room || room.locked) return refuse(c, iq, 'item-not-found', 'no-room');
  const actorBare = bareOf(iq.attrs.from!);
  const actor = occupantByJid(room, iq.attrs.from!);
  const it = child(child(iq, 'query', NS_MUC_ADMIN) ?? x('query'), 'item');
  if (!it || !isElement(it)) return refuse(c, iq, 'bad-request', 'no-item');
  if (iq.attrs.type === 'get') {
    const a = it.attrs.affiliation as Affiliation;
    if (!AFFILIATIONS.includes(a)) return refuse(c, iq, 'bad-request', 'no-affiliation');
    return list(c, room, actorBare, a) ?? refuse(c, iq, 'forbidden', 'list');
  }
  let done: HostOutput[] | Refusal;
  if (it.attrs.role !== undefined && ROLES.includes(it.attrs.role as Role)) {
    // Roles are changed by occupants only: a role exists only in the room (§5.1).
    if (!actor) return refuse(c, iq, 'forbidden', 'not-occupant');
    done = setRole(c, room, actor, it);
  } else if (it.attrs.affiliation !== undefined && AFFILIATIONS.includes(it.attrs.affiliation as Affiliation)) {
    done = setAffiliation(c, room, actor, actorBare, it);
  } else return refuse(c, iq, 'bad-request', 'no-item');
  if (!Array.isArray(done)) return refuse(c, iq, done.condition, done.why);
  return [...done, ...c.reply(null, 'muc.admin-result')];
}
