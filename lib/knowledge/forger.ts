/**
 * The forger, an observer declared in the scenario (`topology.forgers`): it records one link like a
 * tap, collects every OTR Data Message and signed message that crossed it, and makes the edits the
 * scenario asks for (lib/knowledge/forger-edit.ts). Its observation is a tap's; its metadata adds the
 * recording (each message checked as a judge would check it) and the forgeries beside the originals.
 * Signing keys are public: the forger, like any judge, takes them from the 'signed.key-published' notes.
 * @module
 */
import { utf8DecodeStrict } from '../bytes/hex';
import type { ForgerSpec, Scenario, Trace } from '../sim/types';
import { child, text } from '../xml/element';
import { createStreamParser, feed, type StreamParserState } from '../xml/stream-parser';
import { forge, recordedMessages, type Forgery, type RecordedBody, type RecordedMessage } from './forger-edit';
import { observe, readEvents, type Observation } from './observe';

/** A tap's observation; its metadata (shown by the widget like any other) adds the recording and the forgeries. */
export interface ForgerObservation extends Observation {
  metadata: Observation['metadata'] & { recorded: RecordedMessage[]; forgeries: Forgery[] };
}

export const forgerOf = (scenario: Scenario, name: string): ForgerSpec | undefined => scenario.topology.forgers?.find((f) => f.id === name);

/** The same scenario with the forger as a tap on its link: what it records is what a tap records. */
function asTap(scenario: Scenario, f: ForgerSpec): Scenario {
  const forgers = (scenario.topology.forgers ?? []).filter((o) => o.id !== f.id);
  return { ...scenario, topology: { ...scenario.topology, taps: [...scenario.topology.taps, { id: f.id, link: f.link }], forgers } };
}

/** Public signing keys, by bare JID, as their owners published them. */
export function publishedSigningKeys(trace: Trace): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const ev of trace.events) {
    for (const n of [ev.note, ...ev.effects]) {
      const p = n.params ?? {};
      if (n.key === 'signed.key-published' && typeof p.jid === 'string' && typeof p.publicKey === 'string') keys[p.jid] ??= p.publicKey;
    }
  }
  return keys;
}

/** Every message body that crossed the forger's link, in order. */
function recordedBodies(scenario: Scenario, trace: Trace, f: ForgerSpec): RecordedBody[] {
  const clientJid = new Map(scenario.topology.clients.map((c) => [c.id, c.jid]));
  const parsers = new Map<string, StreamParserState>();
  const out: RecordedBody[] = [];
  for (const { event: ev, plaintext } of readEvents(asTap(scenario, f), trace, f.id) ?? []) {
    if (!plaintext) continue;
    const direction = `${ev.from}\u0000${ev.to}`;
    const head = utf8DecodeStrict(plaintext.slice(0, 64)) ?? '';
    if (!parsers.has(direction) || head.startsWith('<?xml') || head.startsWith('<stream:stream')) parsers.set(direction, createStreamParser());
    for (const pe of feed(parsers.get(direction)!, plaintext)) {
      if (pe.type !== 'element' || pe.element.name !== 'message' || pe.element.attrs.type === 'error') continue;
      const body = child(pe.element, 'body');
      if (!body) continue;
      const from = pe.element.attrs.from ?? clientJid.get(ev.from) ?? ev.from;
      const to = pe.element.attrs.to ?? clientJid.get(ev.to) ?? ev.to;
      out.push({ seq: ev.seq, time: ev.time, from, to, body: text(body) });
    }
  }
  return out;
}

export function observeForger(scenario: Scenario, trace: Trace, f: ForgerSpec): ForgerObservation | null {
  const base = observe(asTap(scenario, f), trace, f.id);
  if (!base) return null;
  const keys = publishedSigningKeys(trace);
  const recorded = recordedMessages(recordedBodies(scenario, trace, f), keys);
  return { ...base, metadata: { ...base.metadata, recorded, forgeries: forge(recorded, f.edits, keys) } };
}
