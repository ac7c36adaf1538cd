/**
 * What an observer knows, as data: the messages it saw (with the text it could read) and the
 * metadata it collected. `observe()` (lib/knowledge/observe.ts) returns one for a whole trace, the
 * knowledge timeline (lib/knowledge/timeline.ts) one for any step; `npm run sim -- observe` prints it.
 * @module
 */
import type { E2eKind } from './e2e-reader';

export type ObserverKind = 'client' | 'server' | 'tap' | 'thief' | 'operator' | 'forger';

export interface ObserverInfo {
  name: string;
  kind: ObserverKind;
}

export interface ObservedMessage {
  seq: number;
  time: number;
  from: string;
  to: string;
  /** Bytes on the wire of the event that carried it. */
  size: number;
  /** The plaintext the observer could read, or null when it could not open it. */
  content: string | null;
  /** End-to-end bodies only: what kind of OTR or static-key message it is (plain messages have none). */
  kind?: E2eKind;
  /** OTR data messages: sender/recipient key ids, "2/3". */
  keys?: string;
}

export interface PresenceSeen {
  seq: number;
  time: number;
  jid: string;
}

export interface CredentialSeen {
  seq: number;
  user: string;
  password: string;
}

export interface Observation {
  observer: string;
  messages: ObservedMessage[];
  metadata: {
    /** IP addresses seen, with the node they belong to when known. */
    addresses: { ip: string; node: string }[];
    /** Every JID seen in an address attribute, sorted. */
    jids: string[];
    /** Who wrote to whom (from → to, bare JIDs), with how many messages. */
    contacts: { from: string; to: string; count: number }[];
    /** Presence seen: who was online when. */
    presence: PresenceSeen[];
    /** Passwords that crossed readable (SASL PLAIN without TLS, or PLAIN seen by the server). */
    credentials: CredentialSeen[];
    /** TLS keys this observer holds, by name. */
    keys: string[];
    /** Encrypted records this observer saw but could not open. */
    sealedRecords: number;
    /** Wire events seen and their total size. */
    events: number;
    bytes: number;
  };
}
