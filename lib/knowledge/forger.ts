/**
 * The forger, an observer declared in the scenario (`topology.observers`, kind 'forger'): it records one link like a
 * tap, collects every OTR Data Message and signed message that crossed it, and makes the edits the
 * scenario asks for (lib/knowledge/forger-edit.ts). Its observation is a tap's; its metadata adds the
 * recording (each message checked as a judge would check it) and the forgeries beside the originals.
 * Signing keys are public: the forger, like any judge, takes them from the 'signing-key-published' facts.
 * @module
 */
import { factsOf } from '../sim/facts';
import type { ForgerSpec, Trace, TraceEvent } from '../sim/types';
import { forge, recordedMessages, type Forgery, type RecordedBody, type RecordedMessage } from './forger-edit';
import type { Observation } from './observation';

/** A tap's observation; its metadata (shown by the widget like any other) adds the recording and the forgeries. */
export interface ForgerObservation extends Observation {
  metadata: Observation['metadata'] & { recorded: RecordedMessage[]; forgeries: Forgery[] };
}

/** Learn the signing keys published at this event, by bare JID; a JID's first key counts. */
export function learnSigningKeys(ev: TraceEvent, keys: Record<string, string>): void {
  for (const f of factsOf(ev.facts, 'signing-key-published')) if (!Object.hasOwn(keys, f.jid)) keys[f.jid] = f.publicKey;
}

/** Public signing keys, by bare JID, as their owners published them over the whole trace. */
export function publishedSigningKeys(trace: Trace): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const ev of trace.events) learnSigningKeys(ev, keys);
  return keys;
}

/** The forger's recording (every message body that crossed its link, in order), checked and edited. */
export function forgerMetadata(bodies: readonly RecordedBody[], signingKeys: Record<string, string>, f: ForgerSpec): { recorded: RecordedMessage[]; forgeries: Forgery[] } {
  const recorded = recordedMessages(bodies, signingKeys);
  return { recorded, forgeries: forge(recorded, f.edits, signingKeys) };
}
