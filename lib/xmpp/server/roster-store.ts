/**
 * The stored roster (RFC 6121 §2): keeping an item, and roster pushes to the account's sessions
 * (§2.1.6). Both the roster iq (roster.ts) and subscriptions (presence.ts) change items through here;
 * an item's subscription state changes only through lib/xmpp/im/subscription.ts.
 * @module
 */
import type { HostOutput } from '../../sim/types';
import { x, type XmlElement } from '../../xml/element';
import { asks, subscriptionAttr } from '../im/subscription';
import { NS_ROSTER } from '../namespaces';
import { piece, toSession } from './out';
import { nextId, sessionsOf, type AccountState, type RosterItem, type ServerState } from './state';

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
