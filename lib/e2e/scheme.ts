/**
 * An end-to-end scheme: one way two clients protect a message body from everyone between them
 * (OTR, the static-key and the signed contrasts; OMEMO next). The XMPP client knows schemes only
 * through this shape and a list (lib/e2e/registry.ts): it lends each scheme a host (its stanza sender
 * and its screen), offers it the actions it owns and every received body, and asks it what a thief
 * copies. An observer (lib/knowledge) asks the same scheme to open a body with the keys it holds.
 * Adding a scheme means adding its files and one line in the registry.
 *
 * A scheme's client state is plain data (the kernel checkpoints and clones it); its functions mutate
 * that state in place and return outputs, like every host here. Peer input never throws.
 * @module
 */
import type { Action, HostContext, HostOutput, Note, StolenKind } from '../sim/types';
import type { WirePiece } from '../xmpp/wire';

/** What the client lends a scheme: who it is, its stanza sender and its screen. */
export interface E2eHost {
  /** The client's node id (notes and facts name it). */
  client: string;
  /** The client's own JID, as the account's bare JID. */
  account: string;
  /** No TLS on the client's own link: the narration says when a body crosses readable. */
  plainLink: boolean;
  /** A fresh stanza id (`alice-7`). */
  nextId(): string;
  /** Send stanzas to the client's server, on the client's stream (inside TLS when it is up). */
  send(pieces: WirePiece[], note: Note): HostOutput;
  /** Put a message on the client's screen. */
  show(from: string, body: string, marks: { encrypted: boolean; verified: boolean }): void;
}

/** What an observer made of one body: the kind of message (scheme-prefixed) and its text if it could open it. */
export interface E2eReading {
  /** `otr-data`, `static-message`, … — the scheme's id or family first. */
  kind: string;
  /** OTR data messages: "S/R", the sender's and recipient's key ids. */
  keys?: string;
  content: string | null;
}

/**
 * The end-to-end keys an observer holds (lib/knowledge/e2e-keyring.ts fills them from facts): the
 * private halves by public key, hex. One map per kind of key; a new scheme with a new kind of key
 * adds a map here and in the keyring.
 */
export interface E2eKeys {
  /** OTR DH private keys by public key (hex). */
  readonly dh: ReadonlyMap<string, bigint>;
  /** Static-key private keys by public key (hex). */
  readonly statics: ReadonlyMap<string, string>;
}

/**
 * One scheme. `S`: its per-client state; `R`: the per-observer state its reader keeps while it
 * follows a conversation on the wire (OTR follows the public DH keys). Methods, not function fields,
 * so that a list of schemes with different states type-checks as `E2eScheme[]`.
 */
export interface E2eScheme<S = unknown, R = unknown> {
  /** The key of its state in the client's `e2e` record (`otr`, `static`, `signed`). */
  readonly id: string;
  /** A client's state before the scheme was ever used (keys are made on first use, from the seeded randomness). */
  init(): S;
  /** The action types it may take; the client offers it only those. */
  readonly actions: readonly Action['type'][];
  /** Handle an action while the client is online; null: not ours this time (OTR takes `send-message` only inside a session). */
  act(state: S, host: E2eHost, action: Action, ctx: HostContext): HostOutput[] | null;
  /** A received `<body>`: claim it (outputs, maybe showing the text) or return null. The first scheme in the registry that claims it wins. */
  receive(state: S, host: E2eHost, from: string, body: string, ctx: HostContext): HostOutput[] | null;
  /** A thief copies the device (the client emits the 'keys-stolen' fact): what the copy holds of this scheme, as notes and facts. */
  steal(state: S, node: string, thief: string, what: readonly StolenKind[]): HostOutput[];
  /** A fresh reader state for one observer. */
  newReader(): R;
  /** An observer reads one body sent `from` → `to` (bare JIDs) with the keys it holds; null: not this scheme's body. */
  read(reader: R, keys: E2eKeys, from: string, to: string, body: string): E2eReading | null;
}
