/**
 * The roster iq (RFC 6121 §2): get, set (add/update) and remove, from the account's own sessions,
 * as a service of the handler table. Versioning (§2.6) is not implemented. Answers go straight down
 * the asking session, without a 'from' (RFC 6121 §2.1.4: the reply comes from the account itself).
 * @module
 */
import type { NoteKey } from '../../narration/notes';
import type { HostOutput } from '../../sim/types';
import { children, isElement, x, type XmlElement } from '../../xml/element';
import { asks, pendingIn, userReceivesPresence, contactReceivesPresence } from '../im/subscription';
import { stanzaError } from '../im/stanza-error';
import { NS_ROSTER } from '../namespaces';
import type { ServerContext } from './context';
import { piece, toSession } from './out';
import { outboundSubscription } from './presence';
import { itemElement, rosterPush, storeItem } from './roster-store';
import type { ServerService } from './service';
import { address, type RosterItem, type ServerState, type Session } from './state';

function reply(s: ServerState, sess: Session, iq: XmlElement, payload: XmlElement | null, key: NoteKey): HostOutput {
  const result = x('iq', { type: 'result', id: iq.attrs.id, to: sess.fullJid ?? undefined }, payload);
  return toSession(sess, [piece(result)], { key, params: { server: s.domain, client: sess.node } });
}

function error(s: ServerState, sess: Session, iq: XmlElement, condition: Parameters<typeof stanzaError>[1]): HostOutput {
  return toSession(sess, [piece(stanzaError(iq, condition, sess.fullJid ?? '', s.domain))], { key: 'server.iq-error', params: { server: s.domain, client: sess.node, condition } });
}

function onRosterIq(s: ServerState, sess: Session, iq: XmlElement, query: XmlElement, ctx: ServerContext): HostOutput[] {
  const user = sess.user!;
  const account = s.accounts[user];
  if (!account) return [error(s, sess, iq, 'internal-server-error')];
  const items = children(query, 'item');
  if (iq.attrs.type === 'get') {
    if (items.length) return [error(s, sess, iq, 'bad-request')];
    const listed = Object.values(account.roster).filter((i) => i.listed);
    return [reply(s, sess, iq, x('query', { xmlns: NS_ROSTER }, listed.map(itemElement)), 'server.roster-result')];
  }
  // RFC 6121 §2.3.3: a roster set carries exactly one item with a valid JID.
  if (items.length !== 1) return [error(s, sess, iq, 'bad-request')];
  const item = items[0]!;
  const jid = address(item.attrs.jid);
  if (!jid || jid.resource !== null || jid.bare === `${user}@${s.domain}`) return [error(s, sess, iq, 'bad-request')];
  const existing = account.roster[jid.bare];
  if (item.attrs.subscription === 'remove') {
    // RFC 6121 §2.5.3: removing what is not there.
    if (!existing || !existing.listed) return [error(s, sess, iq, 'item-not-found')];
    const out: HostOutput[] = [reply(s, sess, iq, null, 'server.roster-removed')];
    // RFC 6121 §2.5.2: cancel both directions before the item goes.
    if (userReceivesPresence(existing.state) || asks(existing.state)) out.push(...outboundSubscription(s, sess, jid.bare, 'unsubscribe', ctx, false));
    const still = account.roster[jid.bare];
    if (still && (contactReceivesPresence(still.state) || pendingIn(still.state))) out.push(...outboundSubscription(s, sess, jid.bare, 'unsubscribed', ctx, false));
    delete account.roster[jid.bare];
    out.push(...rosterPush(s, user, x('item', { jid: jid.bare, subscription: 'remove' })));
    return out;
  }
  const updated: RosterItem = { jid: jid.bare, state: existing?.state ?? 'none', listed: true };
  const name = item.attrs.name;
  if (name) updated.name = name;
  const out: HostOutput[] = [reply(s, sess, iq, null, 'server.roster-set')];
  out.push(...storeItem(s, user, account, updated, true));
  return out;
}

/** RFC 6121 §2.1.3: roster requests go to the account itself (its bare JID, or no 'to'), from its own sessions. */
export const rosterService: ServerService = {
  name: 'roster',
  match: { stanza: 'iq', ns: NS_ROSTER, to: 'account', from: 'self' },
  features: [NS_ROSTER],
  handle: (c, iq) => onRosterIq(c.state, c.session!, iq, iq.children.find(isElement)!, c.host),
};
