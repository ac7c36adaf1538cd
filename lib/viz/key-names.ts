/**
 * Key ids as people say them. The engine names every key an observer can hold with a small grammar
 * (lib/knowledge/e2e-keyring.ts, the TLS key names of lib/xmpp): `otr-dh:bob#1:alice@a.example` is bob's
 * OTR DH key number 1 in his session with alice, `otr-dsa:bob` his long-term OTR key, `static:bob` his
 * static key of the contrast scheme, `tls:alice~a.example` the TLS key of a client's link and
 * `tls:a.example>b.example` that of a server-to-server connection (who opened it, to whom). This module
 * reads an id into its parts; the widget turns the parts into a sentence in the reader's language and
 * keeps the raw id for the title and screen readers.
 * @module
 */

export type KeyName =
  | { kind: 'otr-dh'; owner: string; n: number; peer: string }
  | { kind: 'otr-dsa'; owner: string }
  | { kind: 'static'; owner: string }
  | { kind: 'tls-link'; a: string; b: string }
  | { kind: 'tls-s2s'; from: string; to: string };

export type KeyKind = KeyName['kind'];

const OTR_DH = /^otr-dh:([^#:]+)#(\d+):(.+)$/;
const OWNER = /^(otr-dsa|static):([^:#]+)$/;
const TLS_LINK = /^tls:([^~>]+)~([^~>]+)$/;
const TLS_S2S = /^tls:([^~>]+)>([^~>]+)$/;

/** The parts of a key id; null for an id outside the grammar (the caller shows it raw). */
export function parseKeyId(id: string): KeyName | null {
  let m = OTR_DH.exec(id);
  if (m) return { kind: 'otr-dh', owner: m[1]!, n: Number(m[2]), peer: m[3]! };
  m = OWNER.exec(id);
  if (m) return { kind: m[1] as 'otr-dsa' | 'static', owner: m[2]! };
  m = TLS_LINK.exec(id);
  if (m) return { kind: 'tls-link', a: m[1]!, b: m[2]! };
  m = TLS_S2S.exec(id);
  if (m) return { kind: 'tls-s2s', from: m[1]!, to: m[2]! };
  return null;
}
