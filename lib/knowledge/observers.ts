/**
 * Who can observe a scenario, and from where. Every party is an observer: a client and a server see the
 * events of their own connections and hold the keys they compute; an operator is a server's logs
 * handed over (who, when, from where, how big — no bodies); a tap records every byte on one link; a
 * thief records a link like a tap and holds what it stole from devices; a forger records a link and
 * edits what it recorded. This module reads the scenario's topology once; the fold
 * (lib/knowledge/fold.ts) asks it which events an observer sees.
 * @module
 */
import { forgersOf, mitmOf, tapsOf, thievesOf } from '../sim/observers';
import type { ForgerSpec, NodeInfo, Scenario, ThiefSpec, TraceEvent } from '../sim/types';
import type { ObserverInfo, ObserverKind } from './observation';

export function listObservers(scenario: Scenario): ObserverInfo[] {
  return [
    ...scenario.topology.clients.map((c): ObserverInfo => ({ name: c.id, kind: 'client' })),
    ...scenario.topology.servers.map((s): ObserverInfo => ({ name: s.id, kind: 'server' })),
    ...tapsOf(scenario.topology).map((t): ObserverInfo => ({ name: t.id, kind: 'tap' })),
    ...thievesOf(scenario.topology).map((t): ObserverInfo => ({ name: t.id, kind: 'thief' })),
    ...scenario.topology.servers.map((s): ObserverInfo => ({ name: `operator:${s.id}`, kind: 'operator' })),
    ...forgersOf(scenario.topology).map((f): ObserverInfo => ({ name: f.id, kind: 'forger' })),
  ];
}

/** One observer of one scenario: fixed for the whole run (the fold's changing part is its KnowledgeState). */
export interface Observer {
  name: string;
  kind: ObserverKind;
  /** The node whose keys and connections it has (a client, a server, the server an operator runs); null when it records a link. */
  node: string | null;
  /** The link it records (tap, thief, forger); null for a node. */
  link: string | null;
  /** Operators get the logs: metadata, no content and no passwords. */
  logsOnly: boolean;
  /** A thief: what it steals from which device, and when. */
  thief?: ThiefSpec;
  /** A forger: the edits it makes to what it recorded. */
  forger?: ForgerSpec;
  /** An operator whose server runs the OTR man in the middle: the server's id (its relay read the bodies). */
  mitmServer?: string;
  /** Each node's IP address; each client's JID (a client's stanzas carry no 'from', RFC 6120 §8.1.2.1). */
  ips: Map<string, string>;
  clientJids: Map<string, string>;
}

/** The observer called `name`, or null when the scenario has none. `nodes` are the trace's (their IP addresses). */
export function observerOf(scenario: Scenario, nodes: readonly NodeInfo[], name: string): Observer | null {
  const t = scenario.topology;
  const base = { name, logsOnly: false, ips: new Map(nodes.map((n) => [n.id, n.ip])), clientJids: new Map(t.clients.map((c) => [c.id, c.jid])) };
  const forger = forgersOf(t).find((f) => f.id === name);
  if (forger) return { ...base, kind: 'forger', node: null, link: forger.link, forger };
  const tap = tapsOf(t).find((x) => x.id === name);
  if (tap) return { ...base, kind: 'tap', node: null, link: tap.link };
  const thief = thievesOf(t).find((x) => x.id === name);
  if (thief) return { ...base, kind: 'thief', node: null, link: thief.link, thief };
  const operated = name.startsWith('operator:') ? t.servers.find((s) => `operator:${s.id}` === name) : undefined;
  if (operated) return { ...base, kind: 'operator', node: operated.id, link: null, logsOnly: true, ...(mitmOf(t, operated.id) ? { mitmServer: operated.id } : {}) };
  if (t.clients.some((c) => c.id === name)) return { ...base, kind: 'client', node: name, link: null };
  if (t.servers.some((s) => s.id === name)) return { ...base, kind: 'server', node: name, link: null };
  return null;
}

/** Does the observer see this event at all: the wire events of its link, or every event of its node's connections and its own local events. */
export function sees(o: Observer, ev: TraceEvent): boolean {
  if (o.node === null) return ev.kind === 'wire' && ev.link === o.link;
  return ev.from === o.node || ev.to === o.node;
}
