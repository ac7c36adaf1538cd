/**
 * The static-key contrast (lib/contrast/static-key.ts, modelled, not OpenPGP; the client glue in
 * lib/xmpp/im/static-client.ts) as an end-to-end scheme. An observer opens a static-key message with
 * any static private key it holds: the recipient's own, or one a thief copied — then every message
 * ever sent to that key, which is the point of the contrast.
 * @module
 */
import { isStaticMessage, isStaticPublicKey, openStatic } from '../contrast/static-key';
import { newStaticClientState, staticAction, staticReceive, stolenStaticKey, type StaticClientState } from '../xmpp/im/static-client';
import type { E2eKeys, E2eReading, E2eScheme } from './scheme';

function readStatic(keys: E2eKeys, body: string): E2eReading | null {
  if (isStaticPublicKey(body)) return { kind: 'static-public-key', content: null };
  if (!isStaticMessage(body)) return null;
  for (const [pub, priv] of keys.statics) {
    const text = openStatic({ priv, pub }, body);
    if (text !== null) return { kind: 'static-message', content: text };
  }
  return { kind: 'static-message', content: null };
}

export const staticScheme: E2eScheme<StaticClientState, null> = {
  id: 'static',
  init: newStaticClientState,
  actions: ['static-publish', 'send-static'],
  act: (state, host, action, ctx) => staticAction(state, host, action, ctx),
  receive: (state, host, from, body) => staticReceive(state, host, from, body),
  steal: (state, node, thief, what) => stolenStaticKey(node, thief, what, state),
  newReader: () => null,
  read: (_reader, keys, _from, _to, body) => readStatic(keys, body),
};
