/**
 * The client's presence (RFC 6121 §4) and subscription answers (§3): its own presence and status,
 * what it shows of others (bounded), and the requests waiting for the user.
 * @module
 */
import type { Action, HostOutput } from '../../sim/types';
import { child, text, x, type XmlElement } from '../../xml/element';
import { note, piece, PRESENCE_MAX, send, type ClientState } from './state';
import { bareOf } from '../jid';

/** The user's own presence: available with show/status/priority, or unavailable (RFC 6121 §4.2, §4.5). */
export function ownPresence(s: ClientState, unavailable = false): XmlElement {
  const o = s.own;
  if (unavailable) return x('presence', { type: 'unavailable' }, o.status ? x('status', null, o.status) : null);
  return x('presence', null, o.show ? x('show', null, o.show) : null, o.status ? x('status', null, o.status) : null, o.priority !== undefined ? x('priority', null, String(o.priority)) : null);
}

/** Remember what the user set, for the initial presence or the next broadcast. */
export function setOwn(s: ClientState, a: Extract<Action, { type: 'set-presence' }>): void {
  s.own = { ...(a.show ? { show: a.show } : {}), ...(a.status ? { status: a.status } : {}), ...(a.priority !== undefined ? { priority: a.priority } : {}) };
}

/** Presence and subscription actions while online; null: not one of them. */
export function presenceAction(s: ClientState, a: Action): HostOutput[] | null {
  switch (a.type) {
    case 'set-presence': {
      if (a.unavailable) return [send(s, [piece(ownPresence(s, true))], { key: 'client.presence-unavailable', params: { client: s.id } })];
      setOwn(s, a);
      return [send(s, [piece(ownPresence(s))], { key: 'client.presence-update', params: { client: s.id, show: a.show ?? 'online', priority: a.priority ?? 0 } })];
    }
    case 'subscribe':
    case 'unsubscribe':
      return [send(s, [piece(x('presence', { to: a.jid, type: a.type }))], { key: `client.${a.type}`, params: { client: s.id, jid: a.jid } })];
    case 'approve-subscription':
    case 'deny-subscription': {
      s.requests = s.requests.filter((r) => r !== bareOf(a.jid));
      const type = a.type === 'approve-subscription' ? 'subscribed' : 'unsubscribed';
      return [send(s, [piece(x('presence', { to: a.jid, type }))], { key: `client.${a.type}`, params: { client: s.id, jid: a.jid } })];
    }
    default:
      return null;
  }
}

export function onPresence(s: ClientState, el: XmlElement): HostOutput[] {
  const from = el.attrs.from ?? s.domain;
  const type = el.attrs.type;
  if (type === 'subscribe') {
    if (!s.requests.includes(bareOf(from)) && s.requests.length < PRESENCE_MAX) s.requests.push(bareOf(from));
    return [note('client.subscription-request', { client: s.id, from })];
  }
  if (type === 'subscribed' || type === 'unsubscribed' || type === 'unsubscribe') return [note(`client.got-${type}`, { client: s.id, from })];
  if (type === 'error') return [note('client.presence-error', { client: s.id, from })];
  if (type !== undefined && type !== 'unavailable') return [];
  if (!(from in s.presence) && Object.keys(s.presence).length >= PRESENCE_MAX) delete s.presence[Object.keys(s.presence)[0]!];
  const show = text(child(el, 'show'));
  const status = text(child(el, 'status'));
  s.presence[from] = { jid: from, available: type === undefined, ...(show ? { show } : {}), ...(status ? { status } : {}) };
  if (type === 'unavailable') return [note('client.presence-unavailable-received', { client: s.id, from })];
  return [note('client.presence-received', { client: s.id, from, show: show || 'online' })];
}
