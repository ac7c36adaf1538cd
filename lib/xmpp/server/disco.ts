/**
 * XEP-0030 service discovery as services of the handler table: disco#info of the server (identity
 * and the features its services announce, plus offline storage), disco#items (the server's
 * components: the services at their own subdomains), and disco#info of an account's bare JID,
 * which the server answers on the user's behalf (XEP-0030 §3.1) with the account identity.
 * @module
 */
import { isElement, x, type XmlElement } from '../../xml/element';
import { NS_DISCO_INFO, NS_DISCO_ITEMS, NS_OFFLINE } from '../namespaces';
import type { ServerService, ServiceContext } from './service';

/** Features that no service answers but the server has: XEP-0160 offline storage (router.ts). */
const BUILT_IN_FEATURES: readonly string[] = [NS_OFFLINE];

function serverInfo(features: readonly string[]): XmlElement {
  return x('query', { xmlns: NS_DISCO_INFO }, x('identity', { category: 'server', type: 'im', name: 'Messenger Lab' }), features.map((v) => x('feature', { var: v })));
}

/** XEP-0030 §3.1 / §4.1: only 'get'; a node this server does not have is item-not-found. */
function refused(c: ServiceContext, iq: XmlElement): ReturnType<ServiceContext['error']> | null {
  if (iq.attrs.type !== 'get') return c.error('feature-not-implemented');
  const query = iq.children.find(isElement);
  if (query?.attrs.node) return c.error('item-not-found');
  return null;
}

/** disco#info of the server; the features come from the services it runs (`features` of each). */
export const discoInfoService: ServerService = {
  name: 'disco-info',
  match: { stanza: 'iq', ns: NS_DISCO_INFO, to: 'server' },
  features: [NS_DISCO_INFO],
  handle: (c, iq) => refused(c, iq) ?? c.reply(serverInfo([...c.features, ...BUILT_IN_FEATURES]), 'server.disco-info-result'),
};

export const discoItemsService: ServerService = {
  name: 'disco-items',
  match: { stanza: 'iq', ns: NS_DISCO_ITEMS, to: 'server' },
  features: [NS_DISCO_ITEMS],
  handle: (c, iq) => refused(c, iq) ?? c.reply(x('query', { xmlns: NS_DISCO_ITEMS }, c.components.map((jid) => x('item', { jid }))), 'server.disco-items-result'),
};

export const accountDiscoService: ServerService = {
  name: 'disco-info-account',
  match: { stanza: 'iq', ns: NS_DISCO_INFO, to: 'account' },
  handle(c, iq) {
    if (iq.attrs.type !== 'get') return c.error('service-unavailable');
    return c.reply(x('query', { xmlns: NS_DISCO_INFO }, x('identity', { category: 'account', type: 'registered' }), x('feature', { var: NS_DISCO_INFO })), 'server.disco-info-account');
  },
};
