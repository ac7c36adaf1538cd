/**
 * The static-key contrast inside the XMPP client (lib/contrast/static-key.ts, modelled, not OpenPGP):
 * a long-lived X25519 key pair per device, made from the seeded randomness on first use; public keys
 * travel as armored blocks in <body> (as people mail PGP keys to each other); `send-static` encrypts
 * to the recipient's published key. The 'static-key-made' fact puts the private key on the trace when
 * it is made, so a thief's keyring can hold it; the note beside it names only the public half.
 * @module
 */
import { fact } from '../../sim/facts';
import { armorPublicKey, generateStaticKey, isStaticMessage, isStaticPublicKey, openStatic, readPublicKey, sealStatic, type StaticKeyPair } from '../../contrast/static-key';
import type { E2eHost } from '../../e2e/scheme';
import type { Action, HostContext, HostOutput, Note, StolenKind } from '../../sim/types';
import { x } from '../../xml/element';
import { serialize } from '../../xml/serialize';
import { bareOf as bare } from '../jid';

export interface StaticClientState {
  key: StaticKeyPair | null;
  /** Public keys others sent us, by bare JID (hex). */
  known: Record<string, string>;
}

export const newStaticClientState = (): StaticClientState => ({ key: null, known: {} });

/** What the client lends the glue (lib/e2e/scheme.ts): its stanza sender and its screen. */
type StaticHost = E2eHost;


function ensureKey(s: StaticClientState, host: StaticHost, ctx: HostContext, out: HostOutput[]): StaticKeyPair {
  if (s.key) return s.key;
  s.key = generateStaticKey(ctx.randomBytes);
  out.push({ type: 'note', note: { key: 'static.key-generated', params: { node: host.client, pub: s.key.pub } } });
  out.push(fact({ type: 'static-key-made', node: host.client, priv: s.key.priv, pub: s.key.pub }));
  return s.key;
}

function message(host: StaticHost, to: string, body: string, label: string, note: Note): HostOutput {
  const el = x('message', { type: 'chat', to, id: host.nextId() }, x('body', null, body));
  return host.send([{ text: serialize(el), label }], note);
}

export function staticAction(s: StaticClientState, host: StaticHost, a: Action, ctx: HostContext): HostOutput[] | null {
  if (a.type === 'static-publish') {
    const out: HostOutput[] = [];
    const key = ensureKey(s, host, ctx, out);
    out.push(message(host, a.to, armorPublicKey(key.pub), '<message/> with a static public key (modelled, not OpenPGP)', { key: 'static.publish-send', params: { client: host.client, to: a.to } }));
    return out;
  }
  if (a.type !== 'send-static') return null;
  const pub = s.known[bare(a.to)];
  if (!pub) return [{ type: 'note', note: { key: 'static.no-key', params: { client: host.client, to: a.to } } }];
  const armored = sealStatic(pub, a.body, ctx.randomBytes);
  return [message(host, a.to, armored, '<message/> with a static-key message (X25519 + HKDF + AES-GCM; modelled, not OpenPGP)', { key: 'static.message-send', params: { client: host.client, to: a.to, body: a.body } })];
}

/** A received body in the static scheme; null when it is not one. */
export function staticReceive(s: StaticClientState, host: StaticHost, from: string, body: string): HostOutput[] | null {
  if (isStaticPublicKey(body)) {
    const pub = readPublicKey(body);
    if (!pub) return [{ type: 'note', note: { key: 'static.bad-key', params: { client: host.client, from } } }];
    s.known[bare(from)] = pub;
    return [{ type: 'note', note: { key: 'static.key-received', params: { client: host.client, from: bare(from) } } }];
  }
  if (!isStaticMessage(body)) return null;
  const text = s.key ? openStatic(s.key, body) : null;
  if (text === null) return [{ type: 'note', note: { key: 'static.unreadable', params: { client: host.client, from } } }];
  host.show(from, text, { encrypted: true, verified: false });
  return [fact({ type: 'message-shown', node: host.client, from, body: text, encrypted: true }), { type: 'note', note: { key: 'static.message-received', params: { client: host.client, from, body: text } } }];
}

/** A thief copies the device: the note says whether it held a static key (the thief's keyring then holds it). */
export function stolenStaticKey(client: string, thief: string, what: readonly StolenKind[], s: StaticClientState): HostOutput[] {
  if (!what.includes('static-key')) return [];
  return [{ type: 'note', note: { key: s.key ? 'thief.static-key' : 'thief.static-key-none', params: { node: client, thief } } }];
}
