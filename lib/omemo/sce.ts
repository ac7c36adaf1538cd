/**
 * The XEP-0420 Stanza Content Encryption envelope, as XEP-0384 §"SCE Profile" (0.8) uses it for
 * OMEMO 2: what is encrypted is not the body text but
 *
 *   <envelope xmlns='urn:xmpp:sce:1'><content><body xmlns='jabber:client'>…</body></content>
 *     <rpad>…</rpad><time stamp='…'/>[<to jid='…'/>]<from jid='…'/></envelope>
 *
 * "rpad" MUST be present (random padding, so lengths do not leak the text), "from" SHOULD, "time"
 * MAY, "to" MUST only in a group chat. The receiver compares the affixes with the stanza around it
 * (XEP-0420 §"Affix Elements"): an envelope whose `from` is not the sender is a replayed or
 * redirected message. python-omemo builds no envelope itself; this is the one its peer builds.
 * @module
 */
import { toBase64 } from '../bytes/base64';
import { utf8 } from '../bytes/hex';
import { child, text, x } from '../xml/element';
import { parseElement } from '../xml/fragment';
import { serialize } from '../xml/serialize';

const SCE_NS = 'urn:xmpp:sce:1';

export interface Envelope {
  body: string;
  from: string | null;
  to: string | null;
  time: string | null;
  /** the padding's length (its content is noise) */
  rpadLen: number;
}

/**
 * The envelope's bytes. `rpad` is random text: base64 of random bytes, cut to 1–200 characters
 * (the same distribution as the python peer: 1 + randbelow(200)).
 */
export function buildEnvelope(e: { body: string; from: string; to?: string | null; time?: string | null }, randomBytes: (n: number) => Uint8Array, rpadLen?: number): Uint8Array {
  const len = rpadLen ?? 1 + (randomBytes(1)[0]! % 200);
  const rpad = toBase64(randomBytes(len)).slice(0, len);
  const env = x(
    'envelope',
    { xmlns: SCE_NS },
    x('content', null, x('body', { xmlns: 'jabber:client' }, e.body)),
    x('rpad', null, rpad),
    e.time ? x('time', { stamp: e.time }) : null,
    e.to ? x('to', { jid: e.to }) : null,
    x('from', { jid: e.from }),
  );
  return utf8(serialize(env));
}

/** The envelope in a decrypted payload, or null when the payload is not one. */
export function parseEnvelope(plaintext: string): Envelope | null {
  const env = parseElement(plaintext);
  if (!env || env.name !== 'envelope' || env.attrs.xmlns !== SCE_NS) return null;
  const content = child(env, 'content');
  const body = content && child(content, 'body');
  return {
    body: body ? text(body) : '',
    from: child(env, 'from')?.attrs.jid ?? null,
    to: child(env, 'to')?.attrs.jid ?? null,
    time: child(env, 'time')?.attrs.stamp ?? null,
    rpadLen: text(child(env, 'rpad')).length,
  };
}
