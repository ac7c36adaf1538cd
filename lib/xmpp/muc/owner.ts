/**
 * The owner's iq (XEP-0045 §10): the configuration form for an iq 'get' (§10.2), a submitted form for
 * an iq 'set' (§10.1.3 the reserved room, §10.2 later changes), an empty submit for the instant room
 * (§10.1.2) — each unlocks a locked room — and a cancel, which destroys a room still locked (§10.1.1 step 6).
 * Changes of what occupants may learn are announced with §10.2.1's status codes (172/173, else 104).
 * @module
 */
import type { HostOutput } from '../../sim/types';
import { child, x, type XmlElement } from '../../xml/element';
import { NS_DATA, NS_MUC_OWNER, NS_MUC_USER } from '../namespaces';
import type { ServiceContext } from '../server/service';
import { note } from '../server/out';
import { applyForm, configForm } from './config-form';
import { refuse, removeOccupant, send } from './enter';
import { affiliationMay } from './permissions';
import { roomJid, STATUS } from './presence';
import { affiliationOf, type Room, type RoomConfig } from './room';
import { bareOf } from '../jid';

/** §10.2.1: "the room MUST send notification to all occupants … a status code of 172/173", and 104 for anything else. */
function announce(c: ServiceContext, room: Room, was: RoomConfig): HostOutput[] {
  const now = room.config;
  const code = now.whois !== was.whois ? (now.whois === 'anyone' ? STATUS.nowNonAnonymous : STATUS.nowSemiAnonymous) : STATUS.configChanged;
  const rj = roomJid(room, c.to.domain);
  return Object.values(room.occupants).flatMap((o) => send(c, x('message', { from: rj, to: o.jid, type: 'groupchat' }, x('x', { xmlns: NS_MUC_USER }, x('status', { code })))));
}

/** §9.4 via configuration: a room made members-only removes those not on the member list (status 322). */
function enforceMembersOnly(c: ServiceContext, room: Room): HostOutput[] {
  if (!room.config.membersOnly) return [];
  return Object.values(room.occupants)
    .filter((o) => affiliationOf(room, bareOf(o.jid)) === 'none')
    .flatMap((o) => removeOccupant(c, room, o, [STATUS.removedMembersOnly]));
}

export function mucOwner(c: ServiceContext, iq: XmlElement): HostOutput[] {
  if (c.to.local === null || c.to.resource !== null) return refuse(c, iq, 'bad-request', 'not-room');
  const room = c.state.muc[c.to.local];
  if (!room) return refuse(c, iq, 'item-not-found', 'no-room');
  // §5.2.1 "Change Room Configuration": owners only; §10.2: "If the <iq/> … is not from an owner … <forbidden/>".
  if (!affiliationMay(affiliationOf(room, bareOf(iq.attrs.from!)), 'configure')) return refuse(c, iq, 'forbidden', 'configure');
  const rj = roomJid(room, c.to.domain);
  if (iq.attrs.type === 'get') return c.reply(x('query', { xmlns: NS_MUC_OWNER }, configForm(room.config)), 'muc.config-form');
  const form = child(child(iq, 'query', NS_MUC_OWNER) ?? x('query'), 'x', NS_DATA);
  if (!form) return refuse(c, iq, 'bad-request', 'no-form');
  if (form.attrs.type === 'cancel') {
    if (!room.locked) return c.reply(null, 'muc.config-cancelled');
    delete c.state.muc[room.local];
    return [note('muc.destroyed', { server: c.state.domain, room: rj }), ...c.reply(null, 'muc.config-cancelled')];
  }
  if (form.attrs.type !== 'submit') return refuse(c, iq, 'bad-request', 'form-type');
  const was = room.config;
  const wasLocked = room.locked;
  room.config = applyForm(was, form);
  room.locked = false;
  const out: HostOutput[] = [
    note(wasLocked ? 'muc.unlocked' : 'muc.configured', {
      server: c.state.domain,
      room: rj,
      membersOnly: room.config.membersOnly ? 'yes' : 'no',
      moderated: room.config.moderated ? 'yes' : 'no',
      whois: room.config.whois,
      password: room.config.password !== '' ? 'yes' : 'no',
    }),
    ...c.reply(null, 'muc.config-result'),
  ];
  if (!wasLocked) out.push(...announce(c, room, was));
  out.push(...enforceMembersOnly(c, room));
  return out;
}
