/**
 * The client's roster (RFC 6121 §2): asking for it, adding and removing contacts (a roster set and,
 * for a new contact, a subscription request), and taking the server's pushes.
 * @module
 */
import { fact } from '../../sim/facts';
import type { Action, HostOutput } from '../../sim/types';
import { child, children, x, type XmlElement } from '../../xml/element';
import { NS_ROSTER } from '../namespaces';
import { note, piece, request, send, type ClientState } from './state';
import { bareOf } from '../jid';

/** Roster actions while online; null: not one of them. */
export function rosterAction(s: ClientState, a: Action): HostOutput[] | null {
  switch (a.type) {
    case 'add-contact': {
      const set = request(s, 'set', 'roster-set', undefined, x('query', { xmlns: NS_ROSTER }, x('item', { jid: a.jid, name: a.name })));
      const sub = x('presence', { to: a.jid, type: 'subscribe' });
      return [send(s, [piece(set), piece(sub)], { key: 'client.add-contact', params: { client: s.id, jid: a.jid } })];
    }
    case 'remove-contact': {
      const set = request(s, 'set', 'roster-remove', undefined, x('query', { xmlns: NS_ROSTER }, x('item', { jid: a.jid, subscription: 'remove' })));
      return [send(s, [piece(set)], { key: 'client.remove-contact', params: { client: s.id, jid: a.jid } })];
    }
    case 'roster-get':
      return [send(s, [piece(request(s, 'get', 'roster-get', undefined, x('query', { xmlns: NS_ROSTER })))], { key: 'client.roster-get', params: { client: s.id } })];
    default:
      return null;
  }
}

function setRosterItem(s: ClientState, it: XmlElement): void {
  const jid = it.attrs.jid;
  if (!jid) return;
  if (it.attrs.subscription === 'remove') {
    delete s.roster[jid];
    return;
  }
  s.roster[jid] = { jid, subscription: it.attrs.subscription ?? 'none', ...(it.attrs.ask ? { ask: it.attrs.ask } : {}), ...(it.attrs.name ? { name: it.attrs.name } : {}) };
}

/** The result of our roster get (RFC 6121 §2.1.3): the whole roster replaces what we had. */
export function onRosterResult(s: ClientState, q: XmlElement | undefined): HostOutput[] {
  s.roster = {};
  for (const it of children(q ?? x('query'), 'item')) setRosterItem(s, it);
  const count = Object.keys(s.roster).length;
  return [fact({ type: 'roster-received', node: s.id, count }), note('client.roster-received', { client: s.id, count })];
}

/** A roster push; false when it is not from the account itself and must be ignored (RFC 6121 §2.1.6). */
export function takeRosterPush(s: ClientState, el: XmlElement, q: XmlElement): boolean {
  if (el.attrs.from !== undefined && el.attrs.from !== bareOf(s.boundJid ?? s.jid)) return false;
  const it = child(q, 'item');
  if (it) setRosterItem(s, it);
  return true;
}
