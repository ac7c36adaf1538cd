/**
 * Facts: what a host did that other modules must know, as typed data on its own output channel,
 * beside the bytes it sends and the narration it leaves. Knowledge (who holds which key when), the
 * ratchet view and the real-socket adapters (lib/io) read facts; narration notes are for people only
 * and no module outside lib/narration and app/ looks inside one.
 *
 * A fact belongs to the event at which its host emitted it (`TraceEvent.facts`), so "node N held key K
 * from step i to step j" is read off the trace without replaying any state. Facts carry key material
 * in hex; they never reach a screen unless a view chooses to show them.
 * @module
 */
import type { StolenKind } from './types';

/**
 * The TLS secrets this end derived (contract C1): one fact per end per connection, when that end holds
 * all five — the client on receiving the server's Finished, the server when it sends its own. The
 * fields are the NSS key log's (lib/tls/keylog.ts): `<LABEL> <clientRandom> <secret>`, hex; `keyName`
 * is the name layers refer to (`tls:alice~a.example`).
 */
export interface TlsKeysFact {
  type: 'tls-keys';
  node: string;
  peer: string;
  keyName: string;
  role: 'client' | 'server';
  cipher: 'TLS_AES_128_GCM_SHA256';
  /** hex, 32 octets: the NSS key log's first column */
  clientRandom: string;
  /** hex traffic secrets (RFC 8446 §7.1), as NSS key log names them */
  clientHandshakeTrafficSecret: string;
  serverHandshakeTrafficSecret: string;
  clientTrafficSecret0: string;
  serverTrafficSecret0: string;
  exporterSecret: string;
  /**
   * The rest of RFC 8446 §7.1's schedule, hex: the (EC)DHE input and the three extracted secrets. No key
   * log carries them; the Handshake view draws the schedule from them (lib/viz/tls-schedule.ts).
   */
  schedule?: { sharedSecret: string; earlySecret: string; handshakeSecret: string; masterSecret: string };
}

/**
 * A TLS handshake that ended without a connection (RFC 8446 §6.2): the alert, whether this end sent it,
 * and for a certificate this end refused what was wrong with it (lib/x509/validate.ts `Failure`).
 */
export interface TlsFailedFact {
  type: 'tls-failed';
  node: string;
  peer: string;
  keyName: string;
  alert: string;
  sent: boolean;
  certificate?: 'malformed' | 'unknown-ca' | 'not-a-ca' | 'path-too-long' | 'bad-signature' | 'unsupported-algorithm' | 'expired' | 'not-yet-valid' | 'unsupported-critical-extension' | 'bad-key-usage' | 'name-mismatch';
}

/**
 * RFC 6120 §5.4.3.3: after `<proceed/>`, the socket under this connection is to be wrapped in real TLS.
 * Only hosts run with `tlsLayer: 'external'` (lib/io) emit it; `domain` is the certificate's name.
 */
export interface TlsUpgradeFact {
  type: 'tls-upgrade';
  node: string;
  peer: string;
  role: 'client' | 'server';
  domain: string;
  conn?: string;
}

/** An OTR DH key pair the node generated for its conversation with `peer` (hex). */
export interface DhKeyMadeFact {
  type: 'dh-key-made';
  node: string;
  peer: string;
  keyid: number;
  priv: string;
  pub: string;
}

/** Why a DH key went: the peer used our newer key (rotation), the session ended, or a new AKE replaced it. */
export type ForgetReason = 'rotation' | 'end' | 'restart';

export interface DhKeyForgottenFact {
  type: 'dh-key-forgotten';
  node: string;
  peer: string;
  keyid: number;
  pub: string;
  why: ForgetReason;
}

/** The node's long-term OTR DSA key (x private, y public; hex) and its fingerprint. */
export interface LongTermKeyMadeFact {
  type: 'long-term-key-made';
  node: string;
  scheme: 'otr-dsa';
  fingerprint: string;
  x: string;
  y: string;
}

/** The static-key contrast's X25519 key pair (hex). */
export interface StaticKeyMadeFact {
  type: 'static-key-made';
  node: string;
  priv: string;
  pub: string;
}

/** A signing key made public (the signed-message contrast): anyone may verify with it. */
export interface SigningKeyPublishedFact {
  type: 'signing-key-published';
  node: string;
  jid: string;
  publicKey: string;
}

/** OTR MAC keys the node revealed in a data message (hex), so that anyone can forge old messages. */
export interface MacKeysPublishedFact {
  type: 'mac-keys-published';
  node: string;
  peer: string;
  macKeys: string[];
}

/** A thief copied this device: the keys it held at this moment now belong to the thief too. */
export interface KeysStolenFact {
  type: 'keys-stolen';
  node: string;
  thief: string;
  what: StolenKind[];
}

/** A server operator in the middle decrypted a message from `from` to `to` (bare JIDs). */
export interface MitmReadFact {
  type: 'mitm-read';
  node: string;
  from: string;
  to: string;
  text: string;
}

/** The operator in the middle re-encrypted a message for `to` (it sends it at this event). */
export interface MitmReencryptedFact {
  type: 'mitm-reencrypted';
  node: string;
  from: string;
  to: string;
  /** The plaintext it re-encrypted (read from `from` at this event or earlier, when it had to wait). */
  text: string;
}

/**
 * Server dialback (XEP-0220) accepted a domain pair on one s2s connection: as Receiving Server, the
 * peer's claim checked out with its Authoritative Server ('claim-accepted'); as Originating Server, our
 * own claim was accepted ('our-claim-accepted'). Stanzas between the two domains flow from here on.
 */
export interface DialbackAcceptedFact {
  type: 'dialback-accepted';
  node: string;
  domain: string;
  peerDomain: string;
  as: 'claim-accepted' | 'our-claim-accepted';
  conn: string;
}

/** A client began a SASL exchange with this mechanism. */
export interface SaslStartedFact {
  type: 'sasl-started';
  node: string;
  mechanism: string;
}

/** A client's login ended without a session: why, in the words of its narration key's last part. */
export interface LoginFailedFact {
  type: 'login-failed';
  node: string;
  reason: string;
}

/** A stream that was online ended with an error (the session is gone). */
export interface StreamEndedFact {
  type: 'stream-ended';
  node: string;
  reason: string;
}

/** The client bound a resource and is online as `jid`. */
export interface SessionOnlineFact {
  type: 'session-online';
  node: string;
  jid: string;
}

/** A message reached the client's screen. */
export interface MessageShownFact {
  type: 'message-shown';
  node: string;
  from: string;
  body: string;
  /** XEP-0203 stamp when a server held it. */
  delayed?: string;
  /** Opened end to end (OTR, static key, signature checked). */
  encrypted?: boolean;
}

/** The client received its roster. */
export interface RosterReceivedFact {
  type: 'roster-received';
  node: string;
  count: number;
}

/**
 * XEP-0045: an occupant's client learned of another occupant of a room — its nickname always, its real
 * JID only when the room showed it (a non-anonymous room, or to moderators: §7.2.3, §7.2.4).
 */
export interface MucOccupantSeenFact {
  type: 'muc-occupant-seen';
  node: string;
  room: string;
  nick: string;
  jid?: string;
}

/**
 * A host's own defect, not the peer's: its code took a step its transition table refuses (the phase
 * stays). Tests assert none ever occurs; the narration shows it, so a reader is never left guessing.
 */
export interface EngineErrorFact {
  type: 'engine-error';
  node: string;
  /** Which machine: 'xmpp-client', 'xmpp-server' … */
  machine: string;
  from: string;
  trigger: string;
}

export type Fact =
  | TlsKeysFact
  | TlsFailedFact
  | TlsUpgradeFact
  | DhKeyMadeFact
  | DhKeyForgottenFact
  | LongTermKeyMadeFact
  | StaticKeyMadeFact
  | SigningKeyPublishedFact
  | MacKeysPublishedFact
  | KeysStolenFact
  | MitmReadFact
  | MitmReencryptedFact
  | SaslStartedFact
  | DialbackAcceptedFact
  | LoginFailedFact
  | SessionOnlineFact
  | StreamEndedFact
  | MessageShownFact
  | RosterReceivedFact
  | MucOccupantSeenFact
  | EngineErrorFact;

export type FactType = Fact['type'];
export type FactOf<T extends FactType> = Extract<Fact, { type: T }>;

/** The facts of one type, in order, from a list (an event's, or a host's outputs). */
export function factsOf<T extends FactType>(facts: readonly Fact[] | undefined, type: T): FactOf<T>[] {
  return (facts ?? []).filter((f): f is FactOf<T> => f.type === type);
}

/** A host output carrying one fact. */
export const fact = (f: Fact): { type: 'fact'; fact: Fact } => ({ type: 'fact', fact: f });
