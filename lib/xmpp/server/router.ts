/**
 * Where every stanza goes (RFC 6120 §8.5 routing, RFC 6121 §8.5 local delivery): stanzas from an
 * established c2s session are checked and stamped with the sender's full JID (§8.1.2.1), then
 * answered by a service of the handler table (service.ts; the list is services.ts), delivered to a
 * local account, stored offline, bounced with a stanza error, or handed to the server-to-server
 * layer for a remote domain. The modules below this one get routing injected (context.ts):
 * `serverContext` binds it to one server for one input.
 * @module
 */
import type { NoteKey } from '../../narration/notes';
import { stampFor } from '../wire';
import type { HostContext, HostOutput } from '../../sim/types';
import { isElement, x, type XmlElement } from '../../xml/element';
import { mayBounce, stanzaError, type StanzaErrorCondition } from '../im/stanza-error';
import { messageTypeOf, routeMessage } from '../im/routing';
import type { ServerContext } from './context';
import { note, piece, toSession } from './out';
import { inboundPresence, isSubscriptionType, outboundSubscription, sessionPresence } from './presence';
import { otrMitmIntercept } from './otr-mitm';
import { s2sRoute } from './s2s';
import { componentsOf, findService, payloadNs, serverFeaturesOf, serviceAddressOf, type ServerService, type ServiceAddress } from './service';
import { address, availableSessions, sessionsOf, type Address, type ServerState, type Session } from './state';

/** The server's context with its handler table: what the router itself needs beyond ServerContext. */
export interface RouterContext extends ServerContext {
  readonly services: readonly ServerService[];
}

/** Routing bound to server `s` and its services for one input (the host builds it for each). */
export function serverContext(s: ServerState, host: HostContext, services: readonly ServerService[]): RouterContext {
  const ctx: RouterContext = {
    // HostContext's fields by name, not `...host`: a spread gave every context a hidden class of its own.
    now: host.now,
    self: host.self,
    randomBytes: host.randomBytes,
    services,
    route: (stanza) => routeStanza(s, stanza, ctx),
    deliverLocal: (stanza) => deliverLocal(s, stanza, ctx),
    bounce: (stanza, condition) => bounce(s, stanza, condition, ctx),
    serves: (domain) => domain === s.domain || serviceAddressOf(services, s.domain, domain) !== null,
  };
  return ctx;
}

/** Route a stamped stanza: to this domain or one of its services, or across federation. */
function routeStanza(s: ServerState, stanza: XmlElement, ctx: RouterContext): HostOutput[] {
  const to = address(stanza.attrs.to);
  if (!to) return [];
  if (ctx.serves(to.domain)) return deliverLocal(s, stanza, ctx);
  return s2sRoute(s, to.domain, stanza);
}

/**
 * Send something this server generated (a result, an error) to `stanza.attrs.to`: straight down a
 * local session with its own narration, or routed like any stanza.
 */
function replyTo(s: ServerState, stanza: XmlElement, key: NoteKey, params: Record<string, string | number>, ctx: RouterContext): HostOutput[] {
  const to = address(stanza.attrs.to);
  if (to && to.domain === s.domain && to.local !== null && to.resource !== null) {
    const target = sessionsOf(s, to.local).find((o) => o.resource === to.resource);
    if (target) return [toSession(target, [piece(stanza)], { key, params: { server: s.domain, client: target.node, ...params } })];
  }
  return [note(key, { server: s.domain, ...params }), ...routeStanza(s, stanza, ctx)];
}

/** An error reply, routed back to the sender of `stanza` (never for errors, RFC 6120 §8.3.1). */
function bounce(s: ServerState, stanza: XmlElement, condition: StanzaErrorCondition, ctx: RouterContext): HostOutput[] {
  if (!mayBounce(stanza) || !stanza.attrs.from) return [];
  const err = stanzaError(stanza, condition, stanza.attrs.from, s.domain);
  return replyTo(s, err, 'server.bounce', { condition, to: stanza.attrs.from, element: stanza.name, about: stanza.attrs.to ?? '' }, ctx);
}

function result(stanza: XmlElement, payload: XmlElement | null): XmlElement {
  return x('iq', { from: stanza.attrs.to, to: stanza.attrs.from, type: 'result', id: stanza.attrs.id }, payload);
}

/**
 * The service registered for `stanza` at `at`, called with its context; null when none is registered.
 * Only iq 'get' and 'set' reach a service: results and errors go to whoever asked.
 */
function serve(s: ServerState, stanza: XmlElement, at: ServiceAddress, to: Address, session: Session | null, ctx: RouterContext): HostOutput[] | null {
  if (stanza.name === 'iq' && stanza.attrs.type !== 'get' && stanza.attrs.type !== 'set') return null;
  const service = findService(ctx.services, stanza, at, session !== null);
  if (!service) return null;
  return service.handle(
    {
      state: s,
      host: ctx,
      session,
      to,
      route: ctx.route,
      reply: (payload, key) => replyTo(s, result(stanza, payload), key, { from: stanza.attrs.from ?? '', about: to.full }, ctx),
      error: (condition) => bounce(s, stanza, condition, ctx),
      components: componentsOf(ctx.services, s.domain),
      features: serverFeaturesOf(ctx.services),
    },
    stanza,
  );
}

function deliverTo(s: ServerState, sess: Session, stanza: XmlElement, key: NoteKey): HostOutput {
  return toSession(sess, [piece(stanza)], { key, params: { server: s.domain, client: sess.node, from: stanza.attrs.from ?? '', to: sess.fullJid ?? '' } });
}

function deliverMessage(s: ServerState, stanza: XmlElement, ctx: RouterContext): HostOutput[] {
  const to = address(stanza.attrs.to)!;
  const type = messageTypeOf(stanza.attrs.type);
  const account = to.local !== null ? s.accounts[to.local] : undefined;
  if (to.local === null) {
    // A message to the server itself: a service may read it; else nothing here does.
    return serve(s, stanza, 'server', to, null, ctx) ?? (type === 'error' || type === 'headline' ? [] : bounce(s, stanza, 'service-unavailable', ctx));
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

/** An iq addressed to this domain or to one of its accounts. */
function deliverIq(s: ServerState, stanza: XmlElement, ctx: RouterContext): HostOutput[] {
  const to = address(stanza.attrs.to)!;
  const type = stanza.attrs.type;
  if (type === 'result' || type === 'error') {
    if (to.resource === null) return [];
    const target = sessionsOf(s, to.local ?? '').find((o) => o.resource === to.resource);
    return target ? [deliverTo(s, target, stanza, 'server.iq-route')] : [];
  }
  if (to.local === null) {
    // The server itself (XEP-0030, XEP-0199, …): whatever its services answer.
    return serve(s, stanza, 'server', to, null, ctx) ?? [note('server.iq-unsupported', { server: s.domain, ns: payloadNs(stanza) }), ...bounce(s, stanza, 'service-unavailable', ctx)];
  }
  const account = s.accounts[to.local];
  if (!account) return bounce(s, stanza, 'service-unavailable', ctx);
  if (to.resource === null) {
    // The server answers for the account's bare JID (RFC 6121 §8.5.2.1.3).
    return serve(s, stanza, 'account', to, null, ctx) ?? bounce(s, stanza, 'service-unavailable', ctx);
  }
  const target = sessionsOf(s, to.local).find((o) => o.resource === to.resource);
  // RFC 6121 §8.5.3.2.1: an iq to a full JID with no such resource.
  if (!target) return bounce(s, stanza, 'service-unavailable', ctx);
  return [deliverTo(s, target, stanza, 'server.iq-route')];
}

/** A stanza to one of the server's components (`service:<sub>`): its service, or service-unavailable. */
function deliverService(s: ServerState, stanza: XmlElement, to: Address, ctx: RouterContext): HostOutput[] {
  const at = serviceAddressOf(ctx.services, s.domain, to.domain);
  const served = at === null ? null : serve(s, stanza, at, to, null, ctx);
  if (served) return served;
  if (stanza.name === 'iq' && stanza.attrs.type !== 'get' && stanza.attrs.type !== 'set') return [];
  return stanza.name === 'presence' ? [] : bounce(s, stanza, 'service-unavailable', ctx);
}

/** Deliver a stamped stanza addressed to this domain or one of its services. */
function deliverLocal(s: ServerState, stanza: XmlElement, ctx: RouterContext): HostOutput[] {
  const to = address(stanza.attrs.to);
  if (!to) return [];
  if (to.domain !== s.domain) return deliverService(s, stanza, to, ctx);
  switch (stanza.name) {
    case 'message':
      return deliverMessage(s, stanza, ctx);
    case 'presence':
      return (to.local === null ? serve(s, stanza, 'server', to, null, ctx) : null) ?? inboundPresence(s, stanza, ctx);
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
export function sessionStanza(s: ServerState, sess: Session, el: XmlElement, ctx: RouterContext): HostOutput[] {
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
      return [note('server.message-accepted', { server: s.domain, from, to: to.full, remote: ctx.serves(to.domain) ? 'no' : 'yes' }), ...routeStanza(s, stamped, ctx)];
    }
    case 'iq': {
      if (badIq(el)) {
        if (el.attrs.type === 'error' || el.attrs.type === 'result') return [];
        const err = stanzaError({ ...stamped, attrs: { ...stamped.attrs, to: el.attrs.to ?? s.domain } }, 'bad-request', from, s.domain);
        return [toSession(sess, [piece(err)], { key: 'server.iq-error', params: { server: s.domain, client: sess.node, condition: 'bad-request' } })];
      }
      const to = el.attrs.to === undefined ? null : address(el.attrs.to);
      // RFC 6121 §2.1.3: the account's own services (the roster) answer its sessions' requests to
      // its bare JID or with no 'to'; anything else without a 'to' is for the server (RFC 6120 §10.3.3).
      if (to === null || to.full === ownBare) {
        const own = serve(s, el, 'account', to ?? address(ownBare)!, sess, ctx);
        if (own) return own;
      }
      if (to === null) stamped.attrs.to = s.domain;
      return routeStanza(s, stamped, ctx);
    }
    default:
      return [];
  }
}
