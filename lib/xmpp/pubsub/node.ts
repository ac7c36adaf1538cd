/**
 * A PEP node as plain data (XEP-0163 on XEP-0060): its configuration — as far as OMEMO needs it:
 * `pubsub#access_model` and `pubsub#max_items` — its items, newest last, and its explicit
 * subscribers. Who may read it follows the access model (XEP-0060 §4.5): 'open' anyone,
 * 'presence' and 'roster' the contacts who receive the owner's presence, 'whitelist' only the owner.
 * @module
 */
import type { XmlElement } from '../../xml/element';
import { contactReceivesPresence } from '../im/subscription';
import type { AccountState } from '../server/state';

export type AccessModel = 'open' | 'presence' | 'roster' | 'whitelist';

export interface PepItem {
  id: string;
  payload: XmlElement;
}

export interface PepNode {
  accessModel: AccessModel;
  /** null: no limit ('max') */
  maxItems: number | null;
  items: PepItem[];
  /** bare or full JIDs with a subscription (XEP-0060 §6.1) */
  subscribers: string[];
}

/** XEP-0163 §5: PEP's defaults — access model 'presence'; one item kept unless configured. */
export function newNode(options: NodeOptions): PepNode {
  return { accessModel: options.accessModel ?? 'presence', maxItems: options.maxItems === undefined ? 1 : options.maxItems, items: [], subscribers: [] };
}

export interface NodeOptions {
  accessModel?: AccessModel;
  maxItems?: number | null;
}

/** Does a node already have the options a publish asks for (XEP-0060 §7.1.5 publish-options)? */
export function optionsMatch(node: PepNode, o: NodeOptions): boolean {
  return (o.accessModel === undefined || o.accessModel === node.accessModel) && (o.maxItems === undefined || o.maxItems === node.maxItems);
}

/** §7.1.2: an item with an id the node has replaces it; the oldest go when max_items is exceeded. */
export function storeItem(node: PepNode, item: PepItem): void {
  node.items = node.items.filter((i) => i.id !== item.id);
  node.items.push(item);
  if (node.maxItems !== null && node.items.length > node.maxItems) node.items.splice(0, node.items.length - node.maxItems);
}

/** May `requester` (a bare JID) read the node of `owner`? */
export function mayRead(node: PepNode, ownerBare: string, account: AccountState | undefined, requester: string): boolean {
  if (requester === ownerBare || node.accessModel === 'open') return true;
  if (node.accessModel === 'whitelist') return false;
  const item = account?.roster[requester];
  return !!item && contactReceivesPresence(item.state);
}
