/**
 * Presence on the server (RFC 6121 §3 subscriptions, §4 exchanging presence): outbound and inbound
 * subscription stanzas through the Appendix A tables, initial presence with probes and broadcast,
 * answering probes, unavailable presence when a session ends, and XEP-0160 offline delivery with a
 * XEP-0203 delay stamp on the next available presence.
 * @module
 */
import type { HostOutput } from '../../sim/types';
import { child, text, x, type XmlElement } from '../../xml/element';
import { contactReceivesPresence, inbound, outbound, pendingIn, userReceivesPresence, type SubscriptionType } from '../im/subscription';
import { NS_DELAY } from '../namespaces';
import type { ServerContext } from './context';
import { note, piece, toSession } from './out';
import { storeItem } from './roster-store';
import { address, availableSessions, sessionsOf, type ServerState, type Session } from './state';

/** The established session with this resource, available or not (a presence error may answer a session's first directed presence). */
function availableOrNot(s: ServerState, user: string, resource: string): Session[] {
  return sessionsOf(s, user).filter((o) => o.resource === resource);
}

const SUBSCRIPTION_TYPES = ['subscribe', 'subscribed', 'unsubscribe', 'unsubscribed'];

export function isSubscriptionType(t: string | undefined): t is SubscriptionType {
  return t !== undefined && SUBSCRIPTION_TYPES.includes(t);
}

/** RFC 6121 §4.7.2.3: priority is an integer −128…127; anything else counts as 0. */
function priorityOf(el: XmlElement): number {
  const p = text(child(el, 'priority')).trim();
  if (!/^[+-]?\d{1,3}$/.test(p)) return 0;
  const n = Number(p);
  return n >= -128 && n <= 127 ? n : 0;
}

/** A user's session sends a subscription stanza (RFC 6121 §3; Appendix A.2). */
export function outboundSubscription(s: ServerState, sess: Session, contact: string, type: SubscriptionType, ctx: ServerContext, fromClient = true): HostOutput[] {
  const user = sess.user!;
  const account = s.accounts[user];
  const userBare = `${user}@${s.domain}`;
  if (!account) return [];
  const existing = account.roster[contact];
  const r = outbound(existing?.state ?? 'none', type);
  const out: HostOutput[] = [];
  if (r.changed || (type === 'subscribe' && !existing?.listed)) {
    // RFC 6121 §3.1.2: a subscribe puts the contact on the roster (with ask='subscribe') and pushes it.
    const item = { ...(existing ?? { jid: contact, listed: false }), state: r.state };
    if (type === 'subscribe') item.listed = true;
    out.push(...storeItem(s, user, account, item, true));
  }
  if (fromClient || r.route) out.push(note('server.subscription-out', { server: s.domain, type, from: userBare, to: contact, route: r.route ? 'yes' : 'no' }));
  if (r.route) {
    // RFC 6121 §3.1.2: the user's server stamps the user's BARE JID on subscription stanzas.
    out.push(...ctx.route(x('presence', { from: userBare, to: contact, type })));
  }
  if (type === 'subscribed' && r.changed) {
    // RFC 6121 §3.1.5: after approving, the contact gets the user's current presence from every available resource.
    for (const o of availableSessions(s, user)) out.push(...ctx.route(x('presence', { from: o.fullJid!, to: contact }, o.presence)));
  }
  if (type === 'unsubscribed' && r.changed && existing && contactReceivesPresence(existing.state)) {
    // RFC 6121 §3.2.2: cancelling the contact's subscription also tells it the user is now unavailable.
    for (const o of availableSessions(s, user)) out.push(...ctx.route(x('presence', { from: o.fullJid!, to: contact, type: 'unavailable' })));
  }
  return out;
}

/** Available or unavailable presence from a session without 'to': broadcast (RFC 6121 §4.2, §4.4, §4.5). */
export function sessionPresence(s: ServerState, sess: Session, el: XmlElement, ctx: ServerContext): HostOutput[] {
  const user = sess.user!;
  const account = s.accounts[user];
  if (!account || !sess.fullJid) return [];
  const out: HostOutput[] = [];
  if (el.attrs.type === 'unavailable') {
    if (!sess.available) return [note('server.presence-ignored', { server: s.domain, client: sess.node })];
    out.push(...broadcast(s, sess, x('presence', { from: sess.fullJid, type: 'unavailable' }, child(el, 'status') ?? null), ctx));
    sess.available = false;
    sess.presence = [];
    return out;
  }
  const initial = !sess.available;
  sess.available = true;
  sess.priority = priorityOf(el);
  sess.presence = el.children.filter((c): c is XmlElement => typeof c !== 'string' && ['show', 'status', 'priority'].includes(c.name));
  if (initial) {
    // RFC 6121 §4.2.2: probe the contacts whose presence the user is subscribed to. The user's server sends
    // the probe from the user's bare JID; the contact's server answers for the contact.
    for (const item of Object.values(account.roster)) {
      if (userReceivesPresence(item.state)) out.push(...ctx.route(x('presence', { from: `${user}@${s.domain}`, to: item.jid, type: 'probe' })));
    }
  }
  out.push(...broadcast(s, sess, x('presence', { from: sess.fullJid }, sess.presence), ctx));
  if (initial) {
    // RFC 6121 §3.1.3: subscription requests that arrived while the user was offline are delivered now.
    for (const item of Object.values(account.roster)) {
      if (pendingIn(item.state)) {
        out.push(toSession(sess, [piece(x('presence', { from: item.jid, to: `${user}@${s.domain}`, type: 'subscribe' }))], { key: 'server.subscribe-redelivered', params: { server: s.domain, client: sess.node, from: item.jid } }));
      }
    }
  }
  // XEP-0160 §3: stored messages go out with the first available presence of non-negative priority
  // (a session that starts with a negative priority gets them once it raises it).
  if (sess.priority >= 0 && account.offline.length) {
    for (const m of account.offline.splice(0)) {
      const stanza = { ...m.stanza, children: [...m.stanza.children, x('delay', { xmlns: NS_DELAY, from: s.domain, stamp: m.stamp })] };
      out.push(toSession(sess, [piece(stanza)], { key: 'server.offline-delivered', params: { server: s.domain, client: sess.node, from: m.stanza.attrs.from ?? '', stamp: m.stamp } }));
    }
  }
  return out;
}

/** To the user's own available sessions and to every contact with a 'from' subscription. */
function broadcast(s: ServerState, sess: Session, presence: XmlElement, ctx: ServerContext): HostOutput[] {
  const user = sess.user!;
  const account = s.accounts[user]!;
  const out: HostOutput[] = [];
  for (const o of availableSessions(s, user)) {
    if (o === sess && presence.attrs.type === 'unavailable') continue;
    out.push(toSession(o, [piece({ ...presence, attrs: { ...presence.attrs, to: o.fullJid! } })], { key: presence.attrs.type === 'unavailable' ? 'server.presence-self-unavailable' : 'server.presence-self', params: { server: s.domain, client: o.node, jid: sess.fullJid ?? '' } }));
  }
  for (const item of Object.values(account.roster)) {
    if (contactReceivesPresence(item.state)) out.push(...ctx.route({ ...presence, attrs: { ...presence.attrs, to: item.jid } }));
  }
  return out;
}

/** A session ends (close, error, replaced): RFC 6121 §4.5.2 — the server broadcasts unavailable for it. */
export function endSession(s: ServerState, sess: Session, ctx: ServerContext): HostOutput[] {
  sess.phase = 'closed';
  sess.scram = null;
  if (!sess.available || !sess.user || !s.accounts[sess.user] || !sess.fullJid) {
    sess.available = false;
    return [];
  }
  const account = s.accounts[sess.user]!;
  sess.available = false;
  const out: HostOutput[] = [];
  for (const o of availableSessions(s, sess.user)) {
    out.push(toSession(o, [piece(x('presence', { from: sess.fullJid, to: o.fullJid!, type: 'unavailable' }))], { key: 'server.presence-self-unavailable', params: { server: s.domain, client: o.node, jid: sess.fullJid } }));
  }
  for (const item of Object.values(account.roster)) {
    if (contactReceivesPresence(item.state)) out.push(...ctx.route(x('presence', { from: sess.fullJid, to: item.jid, type: 'unavailable' })));
  }
  return out;
}

/** Presence addressed to a local account, from anywhere (already stamped with its 'from'). */
export function inboundPresence(s: ServerState, stanza: XmlElement, ctx: ServerContext): HostOutput[] {
  const to = address(stanza.attrs.to);
  const from = address(stanza.attrs.from);
  if (!to || !from || to.local === null) return [];
  const account = s.accounts[to.local];
  const type = stanza.attrs.type;
  if (!account) return isSubscriptionType(type) || type === 'probe' ? [note('server.presence-no-account', { server: s.domain, to: to.bare })] : [];
  const out: HostOutput[] = [];
  if (isSubscriptionType(type)) {
    // RFC 6121 Appendix A.3: the contact's server updates its state, and delivers only what changed it.
    const existing = account.roster[from.bare];
    const r = inbound(existing?.state ?? 'none', type);
    out.push(note('server.subscription-in', { server: s.domain, type, from: from.bare, to: to.bare, deliver: r.deliver ? 'yes' : 'no' }));
    if (r.state !== (existing?.state ?? 'none')) {
      const item = { ...(existing ?? { jid: from.bare, listed: false }), state: r.state };
      out.push(...storeItem(s, to.local, account, item, true));
    }
    if (r.deliver) {
      for (const o of availableSessions(s, to.local)) {
        out.push(toSession(o, [piece(x('presence', { from: from.bare, to: to.bare, type }))], { key: `server.deliver-${type}`, params: { server: s.domain, client: o.node, from: from.bare } }));
      }
    }
    if (r.autoReply) out.push(...ctx.route(x('presence', { from: to.bare, to: from.bare, type: 'subscribed' })));
    if (type === 'unsubscribe' && r.deliver && existing && contactReceivesPresence(existing.state)) {
      for (const o of availableSessions(s, to.local)) out.push(...ctx.route(x('presence', { from: o.fullJid!, to: from.bare, type: 'unavailable' })));
    }
    return out;
  }
  if (type === 'probe') {
    // RFC 6121 §4.3.2: answer only if the prober is subscribed to this account's presence.
    const item = account.roster[from.bare];
    if (!item || !contactReceivesPresence(item.state)) return [note('server.probe-refused', { server: s.domain, from: from.bare, to: to.bare })];
    const sessions = availableSessions(s, to.local);
    if (sessions.length === 0) return ctx.route(x('presence', { from: to.bare, to: from.full, type: 'unavailable' }));
    return sessions.flatMap((o) => ctx.route(x('presence', { from: o.fullJid!, to: from.full }, o.presence)));
  }
  // RFC 6120 §8.3.1: a presence error (a room refusing entry, XEP-0045 §7.2) goes back to the session that sent the presence.
  if (type === 'error') return to.resource === null ? [] : availableOrNot(s, to.local, to.resource).map((o) => toSession(o, [piece(stanza)], { key: 'server.presence-deliver-error', params: { server: s.domain, client: o.node, from: from.full } }));
  if (type !== undefined && type !== 'unavailable') return [];
  // Broadcast or directed presence: to the addressed session, or to every available one for a bare JID.
  const targets = availableSessions(s, to.local).filter((o) => to.resource === null || o.resource === to.resource);
  for (const o of targets) {
    out.push(toSession(o, [piece(stanza)], { key: type === 'unavailable' ? 'server.presence-deliver-unavailable' : 'server.presence-deliver', params: { server: s.domain, client: o.node, from: from.full } }));
  }
  return out;
}
