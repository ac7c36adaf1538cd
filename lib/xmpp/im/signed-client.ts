/**
 * The signed-message contrast inside the XMPP client (lib/contrast/signed.ts, modelled, not OpenPGP):
 * an Ed25519 key per device, made from the seeded randomness on first use and published (the note
 * 'signed.key-published' stands for a key directory anyone can read); `send-signed` sends the text
 * in clear with a signature. The receiver trusts a signer's key the first time it sees it (as SSH
 * does) and checks every later message against it.
 * @module
 */
import type { NoteKey } from '../../narration/notes';
import { fact } from '../../sim/facts';
import { newSigningKey, parseSigned, signMessage, verifySigned, type SigningKey } from '../../contrast/signed';
import type { Action, HostContext, HostOutput } from '../../sim/types';
import { x } from '../../xml/element';
import { serialize } from '../../xml/serialize';
import type { E2eHost } from '../../e2e/scheme';
import { bareOf as bare } from '../jid';

export interface SignedClientState {
  key: SigningKey | null;
  /** Signers' public keys, by bare JID, as first seen (hex). */
  known: Record<string, string>;
}

export const newSignedClientState = (): SignedClientState => ({ key: null, known: {} });

/** What the client lends the glue (lib/e2e/scheme.ts): its stanza sender, its screen, its own bare JID as the signer. */
type SignedHost = E2eHost;

const note = (key: NoteKey, params: Record<string, string | number>): HostOutput => ({ type: 'note', note: { key, params } });

export function signedAction(s: SignedClientState, host: SignedHost, a: Action, ctx: HostContext): HostOutput[] | null {
  if (a.type !== 'send-signed') return null;
  const out: HostOutput[] = [];
  if (!s.key) {
    s.key = newSigningKey(ctx.randomBytes);
    out.push(note('signed.key-published', { node: host.client, jid: host.account, publicKey: s.key.publicKey }));
    out.push(fact({ type: 'signing-key-published', node: host.client, jid: host.account, publicKey: s.key.publicKey }));
  }
  const el = x('message', { type: 'chat', to: a.to, id: host.nextId() }, x('body', null, signMessage(s.key, host.account, a.body)));
  out.push(host.send([{ text: serialize(el), label: '<message/> with a signed text (Ed25519; modelled, not OpenPGP)' }], { key: 'signed.message-send', params: { client: host.client, to: a.to, body: a.body } }));
  return out;
}

/** A received body in the signed scheme; null when it is not one. */
export function signedReceive(s: SignedClientState, host: SignedHost, from: string, body: string): HostOutput[] | null {
  const m = parseSigned(body);
  if (!m) return null;
  const sender = bare(from);
  if (m.signer !== sender) return [note('signed.wrong-signer', { client: host.client, from: sender, signer: m.signer })];
  s.known[sender] ??= m.publicKey;
  const valid = verifySigned(body, s.known).valid;
  host.show(from, m.text, { encrypted: false, verified: valid });
  return [fact({ type: 'message-shown', node: host.client, from, body: m.text }), note(valid ? 'signed.message-received' : 'signed.message-bad', { client: host.client, from: sender, body: m.text })];
}
