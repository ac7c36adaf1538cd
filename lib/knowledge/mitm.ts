/**
 * What the operator of a server learns when it runs the OTR man in the middle
 * (lib/xmpp/server/otr-mitm.ts): its logs hold no bodies, but its relay decrypted every message it
 * took ('mitm.read') and re-encrypted ('mitm.deliver-data'). The operator's observation shows
 * those plaintexts as content; any other observer's view is untouched.
 * @module
 */
import type { Scenario, Trace } from '../sim/types';
import type { Observation } from './observe';

const bare = (jid: string): string => (jid.includes('/') ? jid.slice(0, jid.indexOf('/')) : jid);

export function withMitmReadings(scenario: Scenario, trace: Trace, name: string, obs: Observation): Observation {
  const server = name.startsWith('operator:') ? scenario.topology.servers.find((s) => `operator:${s.id}` === name) : undefined;
  if (!server?.otrMitm) return obs;
  const bySeq = new Map(trace.events.map((e) => [e.seq, e]));
  const messages = obs.messages.map((m) => {
    const ev = bySeq.get(m.seq);
    if (!ev) return m;
    // Arriving from one end: what the relay read. Leaving to the other: what it re-encrypted.
    const read = ev.effects.find((n) => n.key === 'mitm.read' && n.params?.from === bare(m.from) && n.params?.to === bare(m.to));
    const made = ev.note.key === 'mitm.deliver-data' && ev.from === server.id ? ev.note : undefined;
    const body = (read ?? made)?.params?.body;
    return typeof body === 'string' ? { ...m, content: body } : m;
  });
  return { ...obs, messages };
}
