/**
 * Personal Eventing via Pubsub (XEP-0163) as services of the server's handler table: every account's
 * bare JID is a pubsub service (XEP-0060) whose nodes its owner publishes to.
 *
 *  - publish (XEP-0060 §7.1), from the owner's own sessions: the node is created on first publish
 *    (XEP-0163 §3 "auto-create") with the publish-options given (§7.1.5; e.g. OMEMO's
 *    `pubsub#access_model` = open and, for bundles, `pubsub#max_items` = max); an existing node
 *    whose configuration differs refuses the publish (`conflict`, the precondition is not met).
 *    An item without an id gets one (§7.1.1). Every subscriber the access model lets read gets the
 *    event notification, a headline message (§7.1.2.1).
 *  - items (§6.5): all, the newest N (`max_items`), or by id; a node nobody may read is
 *    `not-authorized`, a missing node `item-not-found`.
 *  - subscribe / unsubscribe (§6.1, §6.2) for the sender's own JID (else `bad-request`); a new
 *    subscription is sent the last published item at once (§6.1.7, PEP's
 *    send_last_published_item).
 * Not (yet): interest through entity capabilities (XEP-0115 "+notify"), retract, node deletion,
 * configuration forms (pubsub#owner), the pubsub/pep identity in the account's disco#info.
 * @module
 */
import { children, child, text, x, type XmlElement } from '../../xml/element';
import type { HostOutput } from '../../sim/types';
import type { ServerService, ServiceContext } from '../server/service';
import { address, nextId } from '../server/state';
import { mayRead, newNode, optionsMatch, storeItem, type AccessModel, type NodeOptions, type PepNode } from './node';

export const NS_PUBSUB = 'http://jabber.org/protocol/pubsub';
const NS_PUBSUB_EVENT = 'http://jabber.org/protocol/pubsub#event';
const PUBLISH_OPTIONS = 'http://jabber.org/protocol/pubsub#publish-options';
const ACCESS_MODELS: readonly AccessModel[] = ['open', 'presence', 'roster', 'whitelist'];

/** The data form of `<publish-options/>` as node options; null when it is malformed. */
function publishOptions(el: XmlElement | undefined): NodeOptions | null {
  const form = el && child(el, 'x', 'jabber:x:data');
  if (!form) return {};
  const out: NodeOptions = {};
  for (const f of children(form, 'field')) {
    const value = text(child(f, 'value'));
    if (f.attrs.var === 'FORM_TYPE' && value !== PUBLISH_OPTIONS) return null;
    if (f.attrs.var === 'pubsub#access_model') {
      if (!ACCESS_MODELS.includes(value as AccessModel)) return null;
      out.accessModel = value as AccessModel;
    }
    if (f.attrs.var === 'pubsub#max_items') {
      if (value === 'max') out.maxItems = null;
      else if (/^[1-9][0-9]{0,5}$/.test(value)) out.maxItems = Number(value);
      else return null;
    }
  }
  return out;
}

function nodesOf(c: ServiceContext): Record<string, PepNode> {
  return (c.state.pep[c.to.local!] ??= {});
}

const bareOf = (jid: string | undefined): string => address(jid)?.bare ?? '';

function itemsElement(name: string, node: string, items: { id: string; payload: XmlElement }[]): XmlElement {
  return x(name, { node }, items.map((i) => x('item', { id: i.id }, i.payload)));
}

/** The event notification (§7.1.2.1) to every subscriber allowed to read the node. */
function notify(c: ServiceContext, nodeName: string, node: PepNode, items: { id: string; payload: XmlElement }[], only?: string): HostOutput[] {
  const owner = c.to.bare;
  const out: HostOutput[] = [];
  for (const sub of only ? [only] : node.subscribers) {
    if (!mayRead(node, owner, c.state.accounts[c.to.local!], bareOf(sub))) continue;
    out.push(...c.route(x('message', { from: owner, to: sub, type: 'headline', id: nextId(c.state, 'pep') }, x('event', { xmlns: NS_PUBSUB_EVENT }, itemsElement('items', nodeName, items)))));
  }
  return out;
}

function publish(c: ServiceContext, pubsub: XmlElement, pub: XmlElement): HostOutput[] {
  const nodeName = pub.attrs.node;
  if (!nodeName) return c.error('bad-request'); // §7.1.3.3 nodeid-required
  const options = publishOptions(child(pubsub, 'publish-options'));
  if (!options) return c.error('bad-request');
  const items = children(pub, 'item');
  if (items.length !== 1) return c.error('bad-request'); // §7.1.3.6: exactly one item (no persistent node without payload)
  const payload = items[0]!.children.find((n): n is XmlElement => typeof n !== 'string');
  if (!payload) return c.error('bad-request'); // §7.1.3.5 payload-required
  const nodes = nodesOf(c);
  const node = (nodes[nodeName] ??= newNode(options));
  if (!optionsMatch(node, options)) return c.error('conflict'); // §7.1.5: precondition-not-met
  const id = items[0]!.attrs.id || nextId(c.state, 'item');
  storeItem(node, { id, payload });
  return [
    ...c.reply(x('pubsub', { xmlns: NS_PUBSUB }, x('publish', { node: nodeName }, x('item', { id }))), 'pep.published'),
    ...notify(c, nodeName, node, [{ id, payload }]),
  ];
}

function retrieve(c: ServiceContext, iq: XmlElement, el: XmlElement): HostOutput[] {
  const nodeName = el.attrs.node;
  if (!nodeName) return c.error('bad-request');
  const node = nodesOf(c)[nodeName];
  if (!node) return c.error('item-not-found');
  if (!mayRead(node, c.to.bare, c.state.accounts[c.to.local!], bareOf(iq.attrs.from))) return c.error('not-authorized'); // §6.5.9
  const wanted = children(el, 'item').map((i) => i.attrs.id);
  let items = wanted.length ? node.items.filter((i) => wanted.includes(i.id)) : node.items;
  const max = Number(el.attrs.max_items);
  if (Number.isInteger(max) && max > 0) items = items.slice(-max);
  return c.reply(x('pubsub', { xmlns: NS_PUBSUB }, itemsElement('items', nodeName, items)), 'pep.items');
}

function subscription(c: ServiceContext, iq: XmlElement, el: XmlElement): HostOutput[] {
  const nodeName = el.attrs.node;
  const jid = el.attrs.jid;
  if (!nodeName || !jid) return c.error('bad-request');
  if (bareOf(jid) !== bareOf(iq.attrs.from)) return c.error('bad-request'); // §6.1.3.1 invalid-jid
  const node = nodesOf(c)[nodeName];
  if (!node) return c.error('item-not-found');
  if (el.name === 'unsubscribe') {
    node.subscribers = node.subscribers.filter((s) => s !== jid);
    return c.reply(null, 'pep.unsubscribed');
  }
  if (!mayRead(node, c.to.bare, c.state.accounts[c.to.local!], bareOf(jid))) return c.error('not-authorized'); // §6.1.3.2
  if (!node.subscribers.includes(jid)) node.subscribers.push(jid);
  const last = node.items.at(-1);
  return [
    ...c.reply(x('pubsub', { xmlns: NS_PUBSUB }, x('subscription', { node: nodeName, jid, subscription: 'subscribed' })), 'pep.subscribed'),
    ...(last ? notify(c, nodeName, node, [last], jid) : []),
  ];
}

function handle(c: ServiceContext, iq: XmlElement): HostOutput[] {
  if (c.to.local === null || !c.state.accounts[c.to.local]) return c.error('item-not-found');
  const pubsub = child(iq, 'pubsub', NS_PUBSUB);
  const action = pubsub?.children.find((n): n is XmlElement => typeof n !== 'string' && n.name !== 'publish-options');
  if (!pubsub || !action) return c.error('bad-request');
  const own = bareOf(iq.attrs.from) === c.to.bare || c.session !== null;
  if (iq.attrs.type === 'set' && action.name === 'publish') return own ? publish(c, pubsub, action) : c.error('forbidden'); // §7.1.3.1
  if (iq.attrs.type === 'get' && action.name === 'items') return retrieve(c, iq, action);
  if (iq.attrs.type === 'set' && (action.name === 'subscribe' || action.name === 'unsubscribe')) return subscription(c, iq, action);
  return c.error('feature-not-implemented');
}

/** Two registrations: the owner's own sessions (to its bare JID or with no 'to'), and anyone else. */
export const pepServices: readonly ServerService[] = [
  { name: 'pep-own', match: { stanza: 'iq', ns: NS_PUBSUB, to: 'account', from: 'self' }, handle },
  { name: 'pep', match: { stanza: 'iq', ns: NS_PUBSUB, to: 'account' }, handle },
];
