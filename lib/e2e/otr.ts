/**
 * OTR (lib/otr, XEP-0364 in lib/xmpp/im/otr-client.ts) as an end-to-end scheme: its actions, the
 * bodies it claims (anything that looks like OTR, and every body from someone it has a session with),
 * what a thief copies (lib/xmpp/im/otr-theft.ts) and how an observer reads it (./otr-reader.ts).
 * @module
 */
import { newOtrClientState, otrAction, otrReceive, type OtrClientState } from '../xmpp/im/otr-client';
import { stolenOtrKeys } from '../xmpp/im/otr-theft';
import { newOtrWireState, readOtrBody, type OtrWireState } from './otr-reader';
import type { E2eScheme } from './scheme';

export const otrScheme: E2eScheme<OtrClientState, OtrWireState> = {
  id: 'otr',
  init: newOtrClientState,
  // `send-message` too: inside an encrypted session a typed message goes out encrypted (as Pidgin does).
  actions: ['otr-start', 'otr-end', 'smp-start', 'smp-respond', 'send-message'],
  act: (state, host, action, ctx) => otrAction(state, host, action, ctx),
  receive: (state, host, from, body, ctx) => otrReceive(state, host, from, body, ctx),
  steal: (state, node, thief, what) => stolenOtrKeys(node, thief, what, state),
  newReader: newOtrWireState,
  read: (reader, keys, from, to, body) => readOtrBody(reader, keys, from, to, body),
};

/** A client's OTR state (conversations, long-term key) in its `e2e` record, for tests and views. */
export const otrStateOf = (client: { e2e: Record<string, unknown> }): OtrClientState => client.e2e[otrScheme.id] as OtrClientState;
