/** XEP-0199 XMPP ping, client to server (§4.2): an empty result to a 'get'. @module */
import { NS_PING } from '../namespaces';
import type { ServerService } from './service';

export const pingService: ServerService = {
  name: 'ping',
  match: { stanza: 'iq', ns: NS_PING, to: 'server' },
  features: [NS_PING],
  handle: (c, iq) => (iq.attrs.type === 'get' ? c.reply(null, 'server.ping-result') : c.error('feature-not-implemented')),
};
