/**
 * The PEP requests a client sends (XEP-0060 §7.1 publish with §7.1.5 publish-options, §6.5 items,
 * §6.1 subscribe), and the OMEMO 2 nodes with the options XEP-0384 §5.3 asks for: the device list at
 * `urn:xmpp:omemo:2:devices` (item "current") and the bundles at `urn:xmpp:omemo:2:bundles` (one item
 * per device id, so `pubsub#max_items` = max), both readable by anyone (`pubsub#access_model` = open),
 * since senders who are not on the roster must be able to fetch them.
 * @module
 */
import { x, type XmlElement } from '../../xml/element';
import type { NodeOptions } from './node';
import { NS_PUBSUB } from './pep';

export const OMEMO_DEVICES_NODE = 'urn:xmpp:omemo:2:devices';
export const OMEMO_BUNDLES_NODE = 'urn:xmpp:omemo:2:bundles';
export const OMEMO_NODE_OPTIONS: Record<string, NodeOptions> = {
  [OMEMO_DEVICES_NODE]: { accessModel: 'open' },
  [OMEMO_BUNDLES_NODE]: { accessModel: 'open', maxItems: null },
};

function optionsForm(o: NodeOptions): XmlElement {
  const field = (v: string, value: string) => x('field', { var: v }, x('value', null, value));
  return x(
    'x',
    { xmlns: 'jabber:x:data', type: 'submit' },
    x('field', { var: 'FORM_TYPE', type: 'hidden' }, x('value', null, 'http://jabber.org/protocol/pubsub#publish-options')),
    o.accessModel ? field('pubsub#access_model', o.accessModel) : null,
    o.maxItems !== undefined ? field('pubsub#max_items', o.maxItems === null ? 'max' : String(o.maxItems)) : null,
  );
}

/** Publish `payload` as item `id` of our own `node` (no 'to': our own bare JID). */
export function publishIq(id: string, node: string, itemId: string, payload: XmlElement, options: NodeOptions = {}): XmlElement {
  const hasOptions = options.accessModel !== undefined || options.maxItems !== undefined;
  return x('iq', { type: 'set', id }, x('pubsub', { xmlns: NS_PUBSUB }, x('publish', { node }, x('item', { id: itemId }, payload)), hasOptions ? x('publish-options', null, optionsForm(options)) : null));
}

/** Ask `owner` for the items of `node` (all, or the ones named). */
export function itemsIq(id: string, owner: string, node: string, itemIds: string[] = []): XmlElement {
  return x('iq', { type: 'get', id, to: owner }, x('pubsub', { xmlns: NS_PUBSUB }, x('items', { node }, itemIds.map((i) => x('item', { id: i })))));
}

/** Subscribe `jid` (our own) to `owner`'s `node`. */
export function subscribeIq(id: string, owner: string, node: string, jid: string): XmlElement {
  return x('iq', { type: 'set', id, to: owner }, x('pubsub', { xmlns: NS_PUBSUB }, x('subscribe', { node, jid })));
}
