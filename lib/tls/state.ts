/**
 * What one end of a TLS 1.3 connection holds, as plain data (Uint8Arrays, numbers, strings — no
 * classes, closures or promises), and the events it reports. Shared by client.ts and server.ts.
 * The secrets each end derived are kept (and named) so that a key log, an observer or a lesson can
 * show them (NSS key log names: CLIENT_HANDSHAKE_TRAFFIC_SECRET …; RFC 8446 §7.1 names beside them).
 * @module
 */
import type { Alert } from './alert';
import type { HandshakeMessage } from './handshake-codec';
import type { TrafficKeys } from './traffic-keys';

/** One direction of the record layer: the keys in use (null = plaintext) and §5.3's sequence number. */
export interface Direction {
  keys: TrafficKeys | null;
  seq: number;
  /** which secret the keys come from, for display ('plaintext' before any) */
  epoch: 'plaintext' | 'handshake' | 'application';
  /** the traffic secret the keys were derived from (§7.3), null in plaintext */
  secret: Uint8Array | null;
  /** application_traffic_secret_N: how many KeyUpdates (§4.6.3) this direction has seen */
  generation: number;
}

/** The schedule's secrets as this end derived them (§7.1), filled in as the handshake goes. */
export interface Secrets {
  /** ClientHello.random: the key log's line key */
  clientRandom: Uint8Array | null;
  /** the X25519 output, (EC)DHE in §7.1's diagram */
  sharedSecret?: Uint8Array;
  earlySecret?: Uint8Array;
  handshakeSecret?: Uint8Array;
  masterSecret?: Uint8Array;
  /** NSS key log: CLIENT_HANDSHAKE_TRAFFIC_SECRET */
  clientHandshakeTrafficSecret?: Uint8Array;
  /** NSS key log: SERVER_HANDSHAKE_TRAFFIC_SECRET */
  serverHandshakeTrafficSecret?: Uint8Array;
  /** NSS key log: CLIENT_TRAFFIC_SECRET_0 */
  clientApplicationTrafficSecret0?: Uint8Array;
  /** NSS key log: SERVER_TRAFFIC_SECRET_0 */
  serverApplicationTrafficSecret0?: Uint8Array;
  /** NSS key log: EXPORTER_SECRET */
  exporterMasterSecret?: Uint8Array;
  resumptionMasterSecret?: Uint8Array;
}

/** The fields both ends share; client.ts and server.ts add their own. */
export interface Core<Phase extends string> {
  phase: Phase;
  /** received bytes that are not yet a whole record */
  inbox: Uint8Array;
  /** received handshake bytes that are not yet a whole message (§5.1: messages may span records) */
  handshakeInbox: Uint8Array;
  read: Direction;
  write: Direction;
  /** every handshake message so far, as on the wire: the transcript of §4.4.1 */
  transcript: Uint8Array[];
  /** handshake messages waiting to be put into records under the current write keys */
  pending: Uint8Array[];
  secrets: Secrets;
  sentCloseNotify: boolean;
  receivedCloseNotify: boolean;
  /**
   * §4.2.10: a server that rejects 0-RTT skips the client's early data — records that fail to
   * deprotect under the handshake keys — "up to the configured max_early_data_size": octets left.
   */
  earlyDataToSkip: number;
}

export interface HandshakeSummary {
  cipherSuite: number;
  group: number;
  signatureScheme: number;
  serverName: string | null;
}

export type TlsEvent =
  /** a handshake message went out or came in (its decoded form and its bytes) */
  | { type: 'handshake'; direction: 'sent' | 'received'; message: HandshakeMessage; bytes: Uint8Array }
  | ({ type: 'handshake-complete' } & HandshakeSummary)
  | { type: 'application-data'; data: Uint8Array }
  /** `sent`: we raised it (a peer error or our close); otherwise the peer sent it */
  | { type: 'alert'; alert: Alert; sent: boolean };

/** What every input returns: the next state, the records to send (in order), what happened. */
export interface Step<S> {
  state: S;
  out: Uint8Array[];
  events: TlsEvent[];
}
