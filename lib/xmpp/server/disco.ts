/**
 * What the server answers about itself: XEP-0030 service discovery (disco#info: identity and
 * features; disco#items: no items, as this server runs no components) and XEP-0199 ping.
 * An account's bare JID answers disco#info with the account identity (XEP-0030 §3.1 on behalf of the user).
 * @module
 */
import { x, type XmlElement } from '../../xml/element';
import { NS_DISCO_INFO, NS_DISCO_ITEMS, NS_OFFLINE, NS_PING, NS_ROSTER } from '../namespaces';

export const SERVER_FEATURES: readonly string[] = [NS_DISCO_INFO, NS_DISCO_ITEMS, NS_PING, NS_ROSTER, NS_OFFLINE];

export function serverInfo(): XmlElement {
  return x('query', { xmlns: NS_DISCO_INFO }, x('identity', { category: 'server', type: 'im', name: 'Messenger Lab' }), SERVER_FEATURES.map((v) => x('feature', { var: v })));
}

export function accountInfo(): XmlElement {
  return x('query', { xmlns: NS_DISCO_INFO }, x('identity', { category: 'account', type: 'registered' }), x('feature', { var: NS_DISCO_INFO }));
}

export function emptyItems(): XmlElement {
  return x('query', { xmlns: NS_DISCO_ITEMS });
}
