/**
 * An XMPP client host (RFC 6120 c2s; RFC 6121 roster, subscriptions, presence, messages; XEP-0030
 * disco#info and XEP-0199 ping answered; end-to-end schemes from a list) as a sans-I/O state
 * machine: bytes and user intents in, bytes, facts and notes out. This file only routes; each
 * concern has its module in lib/xmpp/client/: negotiation (stream, STARTTLS, SASL, bind, following
 * client-table.ts), roster, presence, services (disco, ping, iq answers), messages (and the
 * end-to-end schemes, lib/e2e/registry.ts), state.
 * @module
 */
import { utf8 } from '../../bytes/hex';
import { E2E_SCHEMES } from '../../e2e/registry';
import type { E2eScheme } from '../../e2e/scheme';
import type { Action, ClientSpec, HostContext, HostInput, HostMachine, HostOutput } from '../../sim/types';
import type { XmlElement } from '../../xml/element';
import { NS_SASL, NS_TLS } from '../namespaces';
import { sendBytes } from '../wire';
import { e2eAction, keysStolen, messageAction, onMessage } from '../client/messages';
import { connect, disconnect, onBindResult, onFeatures, onSasl, onStreamError, onTls, receiveBytes, retryLogin } from '../client/negotiation';
import { onPresence, presenceAction, setOwn } from '../client/presence';
import { mucAction, mucMessageIn, mucPresenceIn } from '../client/muc';
import { rosterAction } from '../client/roster';
import { onIq, serviceAction } from '../client/services';
import { initClient, note, OUTBOX_MAX, send, streamDown, tlsUp, type ClientState } from '../client/state';

export { INBOX_SHOWN, type ClientRosterItem, type ClientState, type ContactPresence, type ReceivedMessage } from '../client/state';

/** What the user asked for while online: an end-to-end scheme that owns it first, then the plain handlers. */
function onlineAction(s: ClientState, a: Action, ctx: HostContext, schemes: readonly E2eScheme[]): HostOutput[] {
  return e2eAction(s, a, ctx, schemes) ?? messageAction(s, a) ?? presenceAction(s, a) ?? rosterAction(s, a) ?? serviceAction(s, a) ?? mucAction(s, a) ?? [];
}

function handleAction(s: ClientState, a: Action, ctx: HostContext, schemes: readonly E2eScheme[]): HostOutput[] {
  switch (a.type) {
    case 'connect':
      return connect(s);
    case 'disconnect':
      return disconnect(s);
    case 'retry-login':
      return retryLogin(s, a, ctx);
    case 'keys-stolen':
      return keysStolen(s, a, schemes);
    case 'send-raw': {
      if (streamDown(s)) return [note('client.not-connected', { client: s.id })];
      const bytes = utf8(a.text);
      if (tlsUp(s)) return [send(s, [{ text: a.text, label: 'raw bytes typed by the user' }], { key: 'client.send-raw', params: { client: s.id, size: bytes.length } })];
      return [sendBytes(s.serverNode, bytes, s.tcp, { key: 'client.send-raw', params: { client: s.id, size: bytes.length } }, { layer: 'xml', start: 0, end: bytes.length, label: 'raw bytes typed by the user' })];
    }
    default:
      if (s.phase === 'online') return onlineAction(s, a, ctx, schemes);
      if (a.type === 'set-presence' && !a.unavailable) {
        // Not online yet: the status goes out with the initial presence.
        setOwn(s, a);
        return [note('client.action-queued', { client: s.id, action: a.type })];
      }
      if (s.outbox.length >= OUTBOX_MAX) return [note('client.outbox-full', { client: s.id })];
      s.outbox.push(a);
      return [note('client.action-queued', { client: s.id, action: a.type })];
  }
}

/** A function, not an inline test, so that the phase is read after a handler changed it. */
const isOnline = (s: ClientState): boolean => s.phase === 'online';

function onElement(s: ClientState, el: XmlElement, ctx: HostContext, schemes: readonly E2eScheme[]): HostOutput[] {
  if (el.name === 'stream:features') return onFeatures(s, el, ctx);
  if (el.name === 'stream:error') return onStreamError(s, el);
  if (el.attrs.xmlns === NS_TLS) return onTls(s, el, ctx);
  if (el.attrs.xmlns === NS_SASL && (el.name === 'challenge' || el.name === 'success' || el.name === 'failure')) return onSasl(s, el);
  if (el.name === 'iq' && s.phase === 'binding') {
    const out = onBindResult(s, el);
    // What the user asked for meanwhile goes out right after the initial presence.
    if (isOnline(s)) for (const a of s.outbox.splice(0)) out.push(...onlineAction(s, a, ctx, schemes));
    return out;
  }
  if (s.phase !== 'online') return [note('client.unexpected', { client: s.id, element: el.name })];
  switch (el.name) {
    case 'message':
      return mucMessageIn(s, el, ctx) ?? onMessage(s, el, ctx, schemes);
    case 'presence':
      return mucPresenceIn(s, el) ?? onPresence(s, el);
    case 'iq':
      return onIq(s, el);
    default:
      return [note('client.unexpected', { client: s.id, element: el.name })];
  }
}

/** A client machine that speaks these end-to-end schemes, in this order (lib/e2e/registry.ts explains why order matters). */
export function createXmppClient(schemes: readonly E2eScheme[] = E2E_SCHEMES): HostMachine<ClientState> {
  return {
    init: (spec, scenario, ctx) => initClient(spec as ClientSpec, scenario, schemes, ctx),
    handle(state, input: HostInput, ctx) {
      switch (input.type) {
        case 'action':
          return handleAction(state, input.action, ctx, schemes);
        case 'bytes':
          return receiveBytes(state, input.data, ctx, (el) => onElement(state, el, ctx, schemes));
        case 'timer':
          return [];
      }
    },
  };
}

/** The client every preset runs: OTR, the static-key and the signed contrasts. */
export const xmppClient: HostMachine<ClientState> = createXmppClient();
