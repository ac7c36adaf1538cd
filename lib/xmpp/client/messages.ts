/**
 * The client's messages (RFC 6121 §5) and the end-to-end schemes around them. Every scheme of the
 * client's list (lib/e2e/registry.ts) is offered the actions it owns and every received body, in
 * list order; what no scheme claims is a plain message: sent as typed, shown as received (with its
 * XEP-0203 delay stamp). A theft asks each scheme what the copy holds.
 * @module
 */
import { fact } from '../../sim/facts';
import type { Action, HostContext, HostOutput } from '../../sim/types';
import { child, isElement, text, x, type XmlElement } from '../../xml/element';
import type { E2eHost, E2eScheme } from '../../e2e/scheme';
import { NS_DELAY } from '../namespaces';
import { id, INBOX_SHOWN, note, piece, send, tlsUp, type ClientState, type ReceivedMessage } from './state';

function show(s: ClientState, from: string, body: string, time: number, marks: Partial<ReceivedMessage> = {}): void {
  s.inbox.push({ from, body, time, ...marks });
  if (s.inbox.length > INBOX_SHOWN) s.inbox.shift();
}

/** What a scheme may use of the client: its stanza sender and its screen. */
function e2eHost(s: ClientState, ctx: HostContext): E2eHost {
  return {
    client: s.id,
    account: s.jid,
    plainLink: !tlsUp(s),
    nextId: () => id(s),
    send: (pieces, n) => send(s, pieces, n),
    show: (from, body, marks) => show(s, from, body, ctx.now, marks),
  };
}

/** The first scheme that owns this action and takes it; null: none did. */
export function e2eAction(s: ClientState, a: Action, ctx: HostContext, schemes: readonly E2eScheme[]): HostOutput[] | null {
  for (const scheme of schemes) {
    if (!scheme.actions.includes(a.type)) continue;
    const out = scheme.act(s.e2e[scheme.id], e2eHost(s, ctx), a, ctx);
    if (out) return out;
  }
  return null;
}

/** A typed message no scheme took: it goes out as typed. */
export function messageAction(s: ClientState, a: Action): HostOutput[] | null {
  if (a.type !== 'send-message') return null;
  const type = a.messageType ?? 'chat';
  const m = x('message', { type, to: a.to, id: id(s) }, x('body', null, a.body));
  return [send(s, [piece(m)], { key: 'client.message-send', params: { client: s.id, to: a.to, server: s.domain, type } })];
}

export function onMessage(s: ClientState, el: XmlElement, ctx: HostContext, schemes: readonly E2eScheme[]): HostOutput[] {
  const from = el.attrs.from ?? s.domain;
  if (el.attrs.type === 'error') {
    const condition = child(el, 'error')?.children.find(isElement)?.name ?? 'unknown';
    return [note('client.message-error', { client: s.id, from, condition })];
  }
  const body = text(child(el, 'body'));
  if (!body) return [note('client.stanza-received', { client: s.id, from, element: el.name })];
  for (const scheme of schemes) {
    const out = scheme.receive(s.e2e[scheme.id], e2eHost(s, ctx), from, body, ctx);
    if (out) return out;
  }
  const stamp = child(el, 'delay', NS_DELAY)?.attrs.stamp;
  show(s, from, body, ctx.now, stamp ? { delayed: stamp } : {});
  return [fact({ type: 'message-shown', node: s.id, from, body, ...(stamp ? { delayed: stamp } : {}) }), note(stamp ? 'client.message-received-delayed' : 'client.message-received', { client: s.id, from, body, stamp: stamp ?? '' })];
}

/** A thief copies the device, whatever the phase; the device notices nothing and changes nothing. */
export function keysStolen(s: ClientState, a: Extract<Action, { type: 'keys-stolen' }>, schemes: readonly E2eScheme[]): HostOutput[] {
  const out: HostOutput[] = [fact({ type: 'keys-stolen', node: s.id, thief: a.thief, what: a.what })];
  for (const scheme of schemes) out.push(...scheme.steal(s.e2e[scheme.id], s.id, a.thief, a.what));
  return out;
}
