/**
 * The signed-message contrast (lib/contrast/signed.ts, modelled; the client glue in
 * lib/xmpp/im/signed-client.ts) as an end-to-end scheme. It protects who said what, not what was
 * said: the text travels in clear, so an observer reads it as any body (no reading of its own), and
 * a thief has nothing of it to copy that the lessons follow.
 * @module
 */
import { newSignedClientState, signedAction, signedReceive, type SignedClientState } from '../xmpp/im/signed-client';
import type { E2eScheme } from './scheme';

export const signedScheme: E2eScheme<SignedClientState, null> = {
  id: 'signed',
  init: newSignedClientState,
  actions: ['send-signed'],
  act: (state, host, action, ctx) => signedAction(state, host, action, ctx),
  receive: (state, host, from, body) => signedReceive(state, host, from, body),
  steal: () => [],
  newReader: () => null,
  read: () => null,
};
