/**
 * What a room says about its occupants (XEP-0045 §7.2.2–§7.2.4): one presence per occupant and
 * viewer, with a `muc#user` item (affiliation, role, and the real JID only where the viewer may see it)
 * and the status codes of §12 that apply.
 * @module
 */
import { x, type XmlElement } from '../../xml/element';
import { NS_MUC_USER } from '../namespaces';
import { affiliationOf, seesRealJids, type Occupant, type Room } from './room';
import { bareOf } from '../jid';

/** The status codes this service sends (XEP-0045 §12, registered in §16.6), by what they mean. */
export const STATUS = {
  nonAnonymous: 100,
  self: 110,
  configChanged: 104,
  nowNonAnonymous: 172,
  nowSemiAnonymous: 173,
  created: 201,
  banned: 301,
  kicked: 307,
  removedAffiliation: 321,
  removedMembersOnly: 322,
} as const;

/** The room JID of a room: `lab@conference.a.example`. */
export function roomJid(room: Room, service: string): string {
  return `${room.local}@${service}`;
}

/** The `muc#user` item for `who` as `viewer` may see it (null viewer: someone who always may, e.g. the occupant itself). */
function item(room: Room, who: Occupant, viewer: Occupant | null, roleOverride?: Occupant['role']): XmlElement {
  const jid = viewer === null || viewer.jid === who.jid || seesRealJids(room, viewer) ? who.jid : undefined;
  return x('item', { affiliation: affiliationOf(room, bareOf(who.jid)), jid, role: roleOverride ?? who.role });
}

/** Presence from `who`'s occupant JID to `viewer` (unavailable when `leaving`), with these status codes. */
export function occupantPresence(room: Room, service: string, who: Occupant, viewer: Occupant, codes: number[], opts: { leaving?: boolean; id?: string } = {}): XmlElement {
  const self = viewer.jid === who.jid;
  const all = [...(self ? [STATUS.self] : []), ...codes].sort((a, b) => a - b);
  return x(
    'presence',
    { from: `${roomJid(room, service)}/${who.nick}`, to: viewer.jid, id: self ? opts.id : undefined, type: opts.leaving ? 'unavailable' : undefined },
    x('x', { xmlns: NS_MUC_USER }, item(room, who, viewer, opts.leaving ? 'none' : undefined), all.map((code) => x('status', { code }))),
  );
}
