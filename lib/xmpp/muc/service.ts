/**
 * Multi-User Chat (XEP-0045) as services of the server's handler table, at `conference.<domain>`
 * (the subdomain a component address names, lib/xmpp/server/service.ts): presence enters and leaves
 * rooms (enter.ts), messages go to everyone or through the room (messages.ts), `muc#admin` changes roles
 * and affiliations (admin.ts), `muc#owner` configures (owner.ts), and disco#info describes the
 * service and each room (§6.1, §6.4). One line each in lib/xmpp/server/services.ts.
 * @module
 */
import { x, type XmlElement } from '../../xml/element';
import { NS_DISCO_INFO, NS_DISCO_ITEMS, NS_MUC, NS_MUC_ADMIN, NS_MUC_OWNER } from '../namespaces';
import type { ServerService, ServiceAddress, ServiceContext } from '../server/service';
import { mucAdmin } from './admin';
import { mucPresence, refuse } from './enter';
import { mucMessage } from './messages';
import { mucOwner } from './owner';
import { roomJid } from './presence';
import type { Room } from './room';

/** The subdomain the service answers at (XEP-0045 §6.1's examples use chat.<domain>; Prosody's docs conference.<domain>). */
const MUC_ADDRESS: ServiceAddress = 'service:conference';

/** §6.4: a room's features say what kind of room it is (§4.2's room types). */
function roomFeatures(room: Room): string[] {
  const c = room.config;
  return [
    NS_MUC,
    c.membersOnly ? 'muc_membersonly' : 'muc_open',
    c.moderated ? 'muc_moderated' : 'muc_unmoderated',
    c.whois === 'anyone' ? 'muc_nonanonymous' : 'muc_semianonymous',
    c.password !== '' ? 'muc_passwordprotected' : 'muc_unsecured',
    'muc_persistent',
  ];
}

function info(c: ServiceContext, iq: XmlElement): ReturnType<ServiceContext['reply']> {
  if (iq.attrs.type !== 'get') return c.error('feature-not-implemented');
  if (c.to.local === null) {
    // §6.2: the service's identity (conference/text) and the MUC feature.
    return c.reply(x('query', { xmlns: NS_DISCO_INFO }, x('identity', { category: 'conference', type: 'text', name: 'Chatrooms' }), [NS_DISCO_INFO, NS_DISCO_ITEMS, NS_MUC].map((v) => x('feature', { var: v }))), 'muc.disco-info');
  }
  const room = c.state.muc[c.to.local];
  if (!room || room.locked || c.to.resource !== null) return refuse(c, iq, 'item-not-found', 'no-room');
  return c.reply(x('query', { xmlns: NS_DISCO_INFO }, x('identity', { category: 'conference', type: 'text', name: room.config.name }), roomFeatures(room).map((v) => x('feature', { var: v }))), 'muc.disco-info');
}

/** §6.3: the rooms (unlocked ones; this service has no hidden rooms). */
function items(c: ServiceContext, iq: XmlElement): ReturnType<ServiceContext['reply']> {
  if (iq.attrs.type !== 'get') return c.error('feature-not-implemented');
  if (c.to.local !== null) return c.reply(x('query', { xmlns: NS_DISCO_ITEMS }), 'muc.disco-items');
  const rooms = Object.values(c.state.muc).filter((r) => !r.locked);
  return c.reply(x('query', { xmlns: NS_DISCO_ITEMS }, rooms.map((r) => x('item', { jid: roomJid(r, c.to.domain), name: r.config.name }))), 'muc.disco-items');
}

export const mucServices: readonly ServerService[] = [
  { name: 'muc-presence', match: { stanza: 'presence', to: MUC_ADDRESS }, handle: mucPresence },
  { name: 'muc-message', match: { stanza: 'message', to: MUC_ADDRESS }, handle: mucMessage },
  { name: 'muc-admin', match: { stanza: 'iq', ns: NS_MUC_ADMIN, to: MUC_ADDRESS }, handle: mucAdmin },
  { name: 'muc-owner', match: { stanza: 'iq', ns: NS_MUC_OWNER, to: MUC_ADDRESS }, handle: mucOwner },
  { name: 'muc-disco-info', match: { stanza: 'iq', ns: NS_DISCO_INFO, to: MUC_ADDRESS }, handle: info },
  { name: 'muc-disco-items', match: { stanza: 'iq', ns: NS_DISCO_ITEMS, to: MUC_ADDRESS }, handle: items },
];
