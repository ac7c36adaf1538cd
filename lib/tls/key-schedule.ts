/**
 * The key schedule (RFC 8446 §7.1) for SHA-256 (TLS_AES_128_GCM_SHA256), without PSK:
 *
 *              0
 *              |
 *              v
 *    PSK ->  HKDF-Extract = Early Secret
 *              |
 *              v
 *        Derive-Secret(., "derived", "")
 *              |
 *              v
 *    (EC)DHE -> HKDF-Extract = Handshake Secret
 *              |
 *              +-----> Derive-Secret(., "c hs traffic", ClientHello...ServerHello)
 *              +-----> Derive-Secret(., "s hs traffic", ClientHello...ServerHello)
 *              v
 *        Derive-Secret(., "derived", "")
 *              |
 *              v
 *    0 -> HKDF-Extract = Master Secret
 *              +-----> Derive-Secret(., "c ap traffic", ClientHello...server Finished)
 *              +-----> Derive-Secret(., "s ap traffic", ClientHello...server Finished)
 *              +-----> Derive-Secret(., "exp master", ClientHello...server Finished)
 *              +-----> Derive-Secret(., "res master", ClientHello...client Finished)
 *
 * "If a given secret is not available, then the 0-value consisting of a string of Hash.length
 * bytes set to zeros is used." With no PSK, the PSK input is that 0-value.
 * @module
 */
import { expand, extract } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { Writer } from './reader';

export const HASH_LEN = 32;
const zeros = () => new Uint8Array(HASH_LEN);

/**
 * §7.1: `HKDF-Expand-Label(Secret, Label, Context, Length) = HKDF-Expand(Secret, HkdfLabel, Length)`
 * where `struct { uint16 length = Length; opaque label<7..255> = "tls13 " + Label; opaque context<0..255> = Context; } HkdfLabel;`
 */
export function hkdfLabelInfo(label: string, context: Uint8Array, length: number): Uint8Array {
  return new Writer()
    .u16(length)
    .vector(1, new TextEncoder().encode('tls13 ' + label))
    .vector(1, context)
    .finish();
}
export function hkdfExpandLabel(secret: Uint8Array, label: string, context: Uint8Array, length: number): Uint8Array {
  return expand(sha256, secret, hkdfLabelInfo(label, context, length), length);
}

/** §7.1: `HKDF-Extract(salt, IKM)` (RFC 5869 §2.2), salt first as the diagram draws it. */
export const hkdfExtract = (salt: Uint8Array, ikm: Uint8Array): Uint8Array => extract(sha256, ikm, salt);

/** §4.4.1: "Transcript-Hash(M1, M2, ... Mn) = Hash(M1 || M2 || ... || Mn)" */
export const transcriptHash = (messages: readonly Uint8Array[]): Uint8Array => {
  const h = sha256.create();
  for (const m of messages) h.update(m);
  return h.digest();
};

/**
 * §4.4.1: after a HelloRetryRequest "the value of ClientHello1 is replaced with a special synthetic
 * handshake message of handshake type "message_hash" containing Hash(ClientHello1)":
 * `Transcript-Hash(ClientHello1, HelloRetryRequest, ... Mn) = Hash(message_hash || 00 00 Hash.length || Hash(ClientHello1) || HelloRetryRequest || ... || Mn)`
 */
export function messageHash(clientHello1: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + HASH_LEN);
  out.set([254, 0, 0, HASH_LEN]);
  out.set(sha256(clientHello1), 4);
  return out;
}

/** §7.1: `Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length)` */
export const deriveSecret = (secret: Uint8Array, label: string, messages: readonly Uint8Array[]): Uint8Array =>
  hkdfExpandLabel(secret, label, transcriptHash(messages), HASH_LEN);

/** Every secret of one connection's schedule, named as §7.1 names them. */
export interface HandshakeSecrets {
  earlySecret: Uint8Array;
  handshakeSecret: Uint8Array;
  clientHandshakeTrafficSecret: Uint8Array;
  serverHandshakeTrafficSecret: Uint8Array;
  masterSecret: Uint8Array;
}
export interface ApplicationSecrets {
  clientApplicationTrafficSecret0: Uint8Array;
  serverApplicationTrafficSecret0: Uint8Array;
  exporterMasterSecret: Uint8Array;
}

/** Early Secret → Handshake Secret → the two handshake traffic secrets → Master Secret. */
export function handshakeSecrets(sharedSecret: Uint8Array, helloMessages: readonly Uint8Array[]): HandshakeSecrets {
  const earlySecret = hkdfExtract(zeros(), zeros());
  const handshakeSecret = hkdfExtract(deriveSecret(earlySecret, 'derived', []), sharedSecret);
  const masterSecret = hkdfExtract(deriveSecret(handshakeSecret, 'derived', []), zeros());
  return {
    earlySecret,
    handshakeSecret,
    clientHandshakeTrafficSecret: deriveSecret(handshakeSecret, 'c hs traffic', helloMessages),
    serverHandshakeTrafficSecret: deriveSecret(handshakeSecret, 's hs traffic', helloMessages),
    masterSecret,
  };
}

/** The secrets of the Master Secret over ClientHello…server Finished. */
export function applicationSecrets(masterSecret: Uint8Array, throughServerFinished: readonly Uint8Array[]): ApplicationSecrets {
  return {
    clientApplicationTrafficSecret0: deriveSecret(masterSecret, 'c ap traffic', throughServerFinished),
    serverApplicationTrafficSecret0: deriveSecret(masterSecret, 's ap traffic', throughServerFinished),
    exporterMasterSecret: deriveSecret(masterSecret, 'exp master', throughServerFinished),
  };
}

/** `resumption_master_secret = Derive-Secret(Master Secret, "res master", ClientHello...client Finished)` */
export const resumptionMasterSecret = (masterSecret: Uint8Array, throughClientFinished: readonly Uint8Array[]) =>
  deriveSecret(masterSecret, 'res master', throughClientFinished);
