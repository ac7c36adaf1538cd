/**
 * Roster management (RFC 6121 §2): get, set (add/update), remove, and roster pushes to the
 * account's sessions. Versioning (§2.6) is not implemented. The subscription state of each item
 * lives here too and changes only through subscription.ts.
 * @module
 */
import type { HostContext, HostOutput } from '../../sim/types';
import { children, x, type XmlElement } from '../../xml/element';
import { asks, pendingIn, subscriptionAttr, userReceivesPresence, contactReceivesPresence } from '../im/subscription';
import { stanzaError } from '../im/stanza-error';
import { NS_ROSTER } from '../namespaces';
import { piece, toSession } from './out';
import { address, nextId, sessionsOf, type AccountState, type RosterItem, type ServerState, type Session } from './state';
import { outboundSubscription } from './presence';

export function itemElement(item: RosterItem): XmlElement {
  return x('item', { jid: item.jid, name: item.name, subscription: subscriptionAttr(item.state), ask: asks(item.state) ? 'subscribe' : undefined });
}

/** RFC 6121 §2.1.6: a roster push to every session of the account. */
export function rosterPush(s: ServerState, user: string, item: XmlElement): HostOutput[] {
  return sessionsOf(s, user).map((sess) =>
    toSession(sess, [piece(x('iq', { type: 'set', id: nextId(s, 'push'), to: sess.fullJid ?? undefined }, x('query', { xmlns: NS_ROSTER }, item)))], {
      key: 'server.roster-push',
      params: { server: s.domain, client: sess.node, jid: item.attrs.jid ?? '', subscription: item.attrs.subscription ?? '' },
    }),
  );
}

/** Keep an item only while it is listed or carries a pending request; push when a listed item changed. */
export function storeItem(s: ServerState, user: string, account: AccountState, item: RosterItem, push: boolean): HostOutput[] {
  if (!item.listed && item.state === 'none') {
    delete account.roster[item.jid];
    return [];
  }
  account.roster[item.jid] = item;
  return push && item.listed ? rosterPush(s, user, itemElement(item)) : [];
}

function reply(s: ServerState, sess: Session, iq: XmlElement, payload: XmlElement | null, key: string): HostOutput {
  const result = x('iq', { type: 'result', id: iq.attrs.id, to: sess.fullJid ?? undefined }, payload);
  return toSession(sess, [piece(result)], { key, params: { server: s.domain, client: sess.node } });
}

function error(s: ServerState, sess: Session, iq: XmlElement, condition: Parameters<typeof stanzaError>[1]): HostOutput {
  return toSession(sess, [piece(stanzaError(iq, condition, sess.fullJid ?? '', s.domain))], { key: 'server.iq-error', params: { server: s.domain, client: sess.node, condition } });
}

export function onRosterIq(s: ServerState, sess: Session, iq: XmlElement, query: XmlElement, ctx: HostContext): HostOutput[] {
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
