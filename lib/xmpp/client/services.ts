/**
 * The client's iq traffic (RFC 6120 §8.2.3): service discovery (XEP-0030) and ping (XEP-0199) asked
 * by the user; the results of its requests, matched by id; the requests it answers itself (roster
 * pushes, disco#info about itself, ping); service-unavailable for anything else (RFC 6120 §8.4).
 * @module
 */
import type { NoteKey } from '../../narration/notes';
import type { Action, HostOutput } from '../../sim/types';
import { child, children, isElement, x, type XmlElement } from '../../xml/element';
import { NS_DISCO_INFO, NS_DISCO_ITEMS, NS_PING, NS_ROSTER, NS_STANZAS } from '../namespaces';
import { onRosterResult, takeRosterPush } from './roster';
import { note, piece, request, send, type ClientState } from './state';

/** Disco and ping actions while online; null: not one of them. */
export function serviceAction(s: ClientState, a: Action): HostOutput[] | null {
  switch (a.type) {
    case 'disco-info':
    case 'disco-items': {
      const to = a.to ?? s.domain;
      const ns = a.type === 'disco-info' ? NS_DISCO_INFO : NS_DISCO_ITEMS;
      return [send(s, [piece(request(s, 'get', a.type, to, x('query', { xmlns: ns })))], { key: `client.${a.type}`, params: { client: s.id, to } })];
    }
    case 'ping': {
      const to = a.to ?? s.domain;
      return [send(s, [piece(request(s, 'get', 'ping', to, x('ping', { xmlns: NS_PING })))], { key: 'client.ping', params: { client: s.id, to } })];
    }
    default:
      return null;
  }
}

function reply(s: ClientState, req: XmlElement, payload: XmlElement | null, key: NoteKey): HostOutput {
  return send(s, [piece(x('iq', { type: 'result', id: req.attrs.id, to: req.attrs.from }, payload))], { key, params: { client: s.id, to: req.attrs.from ?? s.domain } });
}

/** The answer to one of our requests: what it asked is in `pending`. */
function onResult(s: ClientState, el: XmlElement, q: XmlElement | undefined): HostOutput[] {
  const what = el.attrs.id !== undefined ? s.pending[el.attrs.id] : undefined;
  if (el.attrs.id !== undefined) delete s.pending[el.attrs.id];
  if (el.attrs.type === 'error') {
    const condition = child(el, 'error')?.children.find(isElement)?.name ?? 'unknown';
    return [note('client.iq-error', { client: s.id, what: what ?? 'request', condition, from: el.attrs.from ?? s.domain })];
  }
  switch (what) {
    case 'roster-get':
      return onRosterResult(s, q);
    case 'disco-info': {
      const features = children(q ?? x('query'), 'feature').map((f) => f.attrs.var ?? '');
      return [note('client.disco-info-result', { client: s.id, from: el.attrs.from ?? s.domain, features: features.join(', ') })];
    }
    case 'disco-items':
      return [note('client.disco-items-result', { client: s.id, from: el.attrs.from ?? s.domain, count: children(q ?? x('query'), 'item').length })];
    case 'ping':
      return [note('client.pong', { client: s.id, from: el.attrs.from ?? s.domain })];
    default:
      return [note('client.iq-result', { client: s.id, what: what ?? 'request' })];
  }
}

export function onIq(s: ClientState, el: XmlElement): HostOutput[] {
  const type = el.attrs.type;
  const q = el.children.find(isElement);
  if (type === 'result' || type === 'error') return onResult(s, el, q);
  if (type !== 'get' && type !== 'set') return [];
  if (q?.name === 'query' && q.attrs.xmlns === NS_ROSTER && type === 'set') {
    return takeRosterPush(s, el, q) ? [reply(s, el, null, 'client.roster-push')] : [];
  }
  if (q?.attrs.xmlns === NS_DISCO_INFO && type === 'get') {
    const info = x('query', { xmlns: NS_DISCO_INFO }, x('identity', { category: 'client', type: 'pc', name: 'Messenger Lab' }), x('feature', { var: NS_DISCO_INFO }), x('feature', { var: NS_PING }));
    return [reply(s, el, info, 'client.disco-info-answer')];
  }
  if (q?.name === 'ping' && q.attrs.xmlns === NS_PING && type === 'get') return [reply(s, el, null, 'client.ping-answer')];
  // RFC 6120 §8.4: a request nobody here understands.
  const err = x('iq', { type: 'error', id: el.attrs.id, to: el.attrs.from }, x('error', { type: 'cancel' }, x('service-unavailable', { xmlns: NS_STANZAS })));
  return [send(s, [piece(err)], { key: 'client.iq-refused', params: { client: s.id, from: el.attrs.from ?? s.domain } })];
}
