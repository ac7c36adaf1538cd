/**
 * Where every stanza goes (RFC 6120 §8.5 routing, RFC 6121 §8.5 local delivery): stanzas from an
 * established c2s session are checked and stamped with the sender's full JID (§8.1.2.1), then
 * handled by the server itself (roster, disco, ping), delivered to a local account, stored offline,
 * bounced with a stanza error, or handed to the server-to-server layer for a remote domain.
 * @module
 */
import { stampFor } from '../wire';
import type { HostContext, HostOutput } from '../../sim/types';
import { isElement, x, type XmlElement } from '../../xml/element';
import { mayBounce, stanzaError, type StanzaErrorCondition } from '../im/stanza-error';
import { messageTypeOf, routeMessage } from '../im/routing';
import { NS_DISCO_INFO, NS_DISCO_ITEMS, NS_PING, NS_ROSTER } from '../namespaces';
import { accountInfo, emptyItems, serverInfo } from './disco';
import { note, piece, toSession } from './out';
import { inboundPresence, isSubscriptionType, outboundSubscription, sessionPresence } from './presence';
import { onRosterIq } from './roster';
import { otrMitmIntercept } from './otr-mitm';
import { s2sRoute } from './s2s';
import { address, availableSessions, sessionsOf, type ServerState, type Session } from './state';

/** Route a stamped stanza: to this domain, or across federation. */
export function routeStanza(s: ServerState, stanza: XmlElement, ctx: HostContext): HostOutput[] {
  const to = address(stanza.attrs.to);
  if (!to) return [];
  if (to.domain === s.domain) return deliverLocal(s, stanza, ctx);
  return s2sRoute(s, to.domain, stanza, ctx);
}

/**
 * Send something this server generated (a result, an error) to `stanza.attrs.to`: straight down a
 * local session with its own narration, or routed like any stanza.
 */
export function replyTo(s: ServerState, stanza: XmlElement, key: string, params: Record<string, string | number>, ctx: HostContext): HostOutput[] {
  const to = address(stanza.attrs.to);
  if (to && to.domain === s.domain && to.local !== null && to.resource !== null) {
    const target = sessionsOf(s, to.local).find((o) => o.resource === to.resource);
    if (target) return [toSession(target, [piece(stanza)], { key, params: { server: s.domain, client: target.node, ...params } })];
  }
  return [note(key, { server: s.domain, ...params }), ...routeStanza(s, stanza, ctx)];
}

/** An error reply, routed back to the sender of `stanza` (never for errors, RFC 6120 §8.3.1). */
export function bounce(s: ServerState, stanza: XmlElement, condition: StanzaErrorCondition, ctx: HostContext): HostOutput[] {
  if (!mayBounce(stanza) || !stanza.attrs.from) return [];
  const err = stanzaError(stanza, condition, stanza.attrs.from, s.domain);
  return replyTo(s, err, 'server.bounce', { condition, to: stanza.attrs.from, element: stanza.name, about: stanza.attrs.to ?? '' }, ctx);
}

function deliverTo(s: ServerState, sess: Session, stanza: XmlElement, key: string): HostOutput {
  return toSession(sess, [piece(stanza)], { key, params: { server: s.domain, client: sess.node, from: stanza.attrs.from ?? '', to: sess.fullJid ?? '' } });
}

function deliverMessage(s: ServerState, stanza: XmlElement, ctx: HostContext): HostOutput[] {
  const to = address(stanza.attrs.to)!;
  const type = messageTypeOf(stanza.attrs.type);
  const account = to.local !== null ? s.accounts[to.local] : undefined;
  if (to.local === null) {
    // A message to the server itself: nothing here reads it.
    return type === 'error' || type === 'headline' ? [] : bounce(s, stanza, 'service-unavailable', ctx);
  }
  const available = availableSessions(s, to.local).map((o) => ({ resource: o.resource ?? '', priority: o.priority }));
  const d = routeMessage(type, to.resource, account !== undefined, available);
  switch (d.kind) {
    case 'deliver':
      return availableSessions(s, to.local)
        .filter((o) => d.resources.includes(o.resource ?? ''))
        .map((o) => deliverTo(s, o, stanza, 'server.message-route'));
    case 'store': {
      // XEP-0160: store (no body, no point) — and refuse once the queue is full.
      const acct = account!;
      if (acct.offline.length >= s.settings.offlineLimit) return bounce(s, stanza, 'service-unavailable', ctx);
      acct.offline.push({ stanza, stamp: stampFor(ctx.now) });
      return [note('server.stored-offline', { server: s.domain, to: to.bare, count: acct.offline.length })];
    }
    case 'error':
      return [note('server.message-refused', { server: s.domain, to: to.full, rule: d.rule }), ...bounce(s, stanza, d.condition, ctx)];
    case 'ignore':
      return [note('server.message-dropped', { server: s.domain, to: to.full, rule: d.rule })];
  }
}

function result(stanza: XmlElement, payload: XmlElement | null): XmlElement {
  return x('iq', { from: stanza.attrs.to, to: stanza.attrs.from, type: 'result', id: stanza.attrs.id }, payload);
}

/** An iq addressed to this domain or to one of its accounts. */
function deliverIq(s: ServerState, stanza: XmlElement, ctx: HostContext): HostOutput[] {
  const to = address(stanza.attrs.to)!;
  const type = stanza.attrs.type;
  if (type === 'result' || type === 'error') {
    if (to.resource === null) return [];
    const target = sessionsOf(s, to.local ?? '').find((o) => o.resource === to.resource);
    return target ? [deliverTo(s, target, stanza, 'server.iq-route')] : [];
  }
  const query = stanza.children.find(isElement);
  const ns = query?.attrs.xmlns ?? '';
  const answer = (payload: XmlElement | null, key: string): HostOutput[] => replyTo(s, result(stanza, payload), key, { from: stanza.attrs.from ?? '', about: to.full }, ctx);
  if (to.local === null) {
    // The server itself (XEP-0030, XEP-0199).
    if (ns === NS_PING) return type === 'get' ? answer(null, 'server.ping-result') : bounce(s, stanza, 'feature-not-implemented', ctx);
    if (ns === NS_DISCO_INFO || ns === NS_DISCO_ITEMS) {
      if (type !== 'get') return bounce(s, stanza, 'feature-not-implemented', ctx);
      if (query?.attrs.node) return bounce(s, stanza, 'item-not-found', ctx);
      return ns === NS_DISCO_INFO ? answer(serverInfo(), 'server.disco-info-result') : answer(emptyItems(), 'server.disco-items-result');
    }
    return [note('server.iq-unsupported', { server: s.domain, ns }), ...bounce(s, stanza, 'service-unavailable', ctx)];
  }
  const account = s.accounts[to.local];
  if (!account) return bounce(s, stanza, 'service-unavailable', ctx);
  if (to.resource === null) {
    // The server answers for the account's bare JID (RFC 6121 §8.5.2.1.3).
    if (ns === NS_DISCO_INFO && type === 'get') return answer(accountInfo(), 'server.disco-info-account');
    return bounce(s, stanza, 'service-unavailable', ctx);
  }
  const target = sessionsOf(s, to.local).find((o) => o.resource === to.resource);
  // RFC 6121 §8.5.3.2.1: an iq to a full JID with no such resource.
  if (!target) return bounce(s, stanza, 'service-unavailable', ctx);
  return [deliverTo(s, target, stanza, 'server.iq-route')];
}

/** Deliver a stamped stanza addressed to this domain. */
export function deliverLocal(s: ServerState, stanza: XmlElement, ctx: HostContext): HostOutput[] {
  switch (stanza.name) {
    case 'message':
      return deliverMessage(s, stanza, ctx);
    case 'presence':
      return inboundPresence(s, stanza, ctx);
    case 'iq':
      return deliverIq(s, stanza, ctx);
    default:
      return [];
  }
}

/** RFC 6120 §8.1.2.1: the server sets 'from'; attributes in the order from, to, id, type, then the rest. */
function stampFrom(attrs: Record<string, string>, from: string): Record<string, string> {
  const out: Record<string, string> = { from };
  for (const k of ['to', 'id', 'type']) if (attrs[k] !== undefined) out[k] = attrs[k]!;
  for (const [k, v] of Object.entries(attrs)) if (!(k in out)) out[k] = v;
  return out;
}

function badIq(el: XmlElement): boolean {
  const kids = el.children.filter(isElement);
  const type = el.attrs.type;
  if (!el.attrs.id) return true;
  if (type === 'get' || type === 'set') return kids.length !== 1;
  return type !== 'result' && type !== 'error';
}

/** A stanza from an established c2s session (RFC 6120 §8.1.2.1: the server stamps 'from'). */
export function sessionStanza(s: ServerState, sess: Session, el: XmlElement, ctx: HostContext): HostOutput[] {
  const from = sess.fullJid!;
  const ownBare = `${sess.user}@${s.domain}`;
  if (el.attrs.to !== undefined && address(el.attrs.to) === null) {
    // RFC 6120 §8.3.3.8: an address that is not a JID.
    const err = stanzaError({ ...el, attrs: { ...el.attrs, to: s.domain } }, 'jid-malformed', from, s.domain);
    return mayBounce(el) ? [toSession(sess, [piece(err)], { key: 'server.jid-malformed', params: { server: s.domain, client: sess.node, to: el.attrs.to } })] : [];
  }
  const stamped: XmlElement = { name: el.name, attrs: stampFrom(el.attrs, from), children: el.children };
  switch (el.name) {
    case 'presence': {
      const type = el.attrs.type;
      if (isSubscriptionType(type)) {
        const to = address(el.attrs.to);
        if (!to || to.bare === ownBare) return [];
        return outboundSubscription(s, sess, to.bare, type, ctx);
      }
      if (el.attrs.to === undefined && (type === undefined || type === 'unavailable')) return sessionPresence(s, sess, el, ctx);
      if (type === 'probe' || type === 'error') return [];
      // Directed presence (RFC 6121 §4.6): routed as it is.
      return routeStanza(s, stamped, ctx);
    }
    case 'message': {
      // RFC 6120 §8.1.1.1: no 'to' means the account's own bare JID.
      if (el.attrs.to === undefined) stamped.attrs.to = ownBare;
      const to = address(stamped.attrs.to)!;
      const taken = otrMitmIntercept(s, stamped, ctx);
      if (taken) return [note('server.message-accepted', { server: s.domain, from, to: to.full, remote: 'no' }), ...taken];
      return [note('server.message-accepted', { server: s.domain, from, to: to.full, remote: to.domain === s.domain ? 'no' : 'yes' }), ...routeStanza(s, stamped, ctx)];
    }
    case 'iq': {
      if (badIq(el)) {
        if (el.attrs.type === 'error' || el.attrs.type === 'result') return [];
        const err = stanzaError({ ...stamped, attrs: { ...stamped.attrs, to: el.attrs.to ?? s.domain } }, 'bad-request', from, s.domain);
        return [toSession(sess, [piece(err)], { key: 'server.iq-error', params: { server: s.domain, client: sess.node, condition: 'bad-request' } })];
      }
      const query = el.children.find(isElement);
      const to = el.attrs.to === undefined ? null : address(el.attrs.to);
      // RFC 6121 §2.1.3: roster requests go to the account itself (no 'to', or the own bare JID).
      if (query?.attrs.xmlns === NS_ROSTER && (to === null || to.full === ownBare) && (el.attrs.type === 'get' || el.attrs.type === 'set')) {
        return onRosterIq(s, sess, el, query, ctx);
      }
      if (to === null) stamped.attrs.to = s.domain;
      return routeStanza(s, stamped, ctx);
    }
    default:
      return [];
  }
}
