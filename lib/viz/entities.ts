/**
 * The order in which entities appear, shared by the Network and Sequence views so that a reader finds
 * alice on the same side in both: domains in trace order, and each domain's clients around its server
 * (the first domain's clients to the left of it, the last domain's to the right, a lone domain's on both sides).
 * @module
 */
import type { NodeInfo } from '../sim/types';

export interface DomainGroup {
  /** The domain name (`a.example`). */
  domain: string;
  /** The server node of this domain, if the topology has one. */
  server: NodeInfo | undefined;
  /** Clients of this domain in trace order. */
  clients: NodeInfo[];
}

/** Group the nodes by domain: each server opens a domain; clients join their server's domain. */
export function groupDomains(nodes: readonly NodeInfo[]): DomainGroup[] {
  const groups: DomainGroup[] = [];
  const byDomain = new Map<string, DomainGroup>();
  const serverDomain = new Map<string, string>();
  const get = (domain: string): DomainGroup => {
    let g = byDomain.get(domain);
    if (!g) {
      g = { domain, server: undefined, clients: [] };
      byDomain.set(domain, g);
      groups.push(g);
    }
    return g;
  };
  for (const n of nodes) {
    if (n.kind !== 'server') continue;
    serverDomain.set(n.id, n.domain);
    const g = get(n.domain);
    if (!g.server) g.server = n;
  }
  for (const n of nodes) {
    if (n.kind !== 'client') continue;
    const domain = (n.server !== undefined ? serverDomain.get(n.server) : undefined) ?? n.domain;
    get(domain).clients.push(n);
  }
  return groups;
}

/** How many of a domain's clients go before (left of) its server. */
export function clientsBefore(groupIndex: number, groupCount: number, clientCount: number): number {
  if (groupCount === 1) return Math.ceil(clientCount / 2);
  if (groupIndex === 0) return clientCount;
  if (groupIndex === groupCount - 1) return 0;
  return Math.ceil(clientCount / 2);
}

/** Node ids left to right: for each domain, some clients, its server, the other clients. */
export function orderEntities(nodes: readonly NodeInfo[]): string[] {
  const groups = groupDomains(nodes);
  const out: string[] = [];
  groups.forEach((g, i) => {
    const before = clientsBefore(i, groups.length, g.clients.length);
    for (const c of g.clients.slice(0, before)) out.push(c.id);
    if (g.server) out.push(g.server.id);
    for (const c of g.clients.slice(before)) out.push(c.id);
  });
  return out;
}

/** The capital initial shown in a client's box: first letter of the JID's localpart. */
export function initialOf(node: NodeInfo): string {
  const local = node.label.split('@')[0] || node.id;
  return (Array.from(local)[0] ?? '?').toUpperCase();
}

/** The short name shown under a node: a client's localpart, a server's domain. */
export function shortName(node: NodeInfo): string {
  return node.kind === 'client' ? node.label.split('@')[0] || node.id : node.domain;
}

/** Round to one decimal so geometry snapshots are stable across platforms. */
export function r1(n: number): number {
  return Math.round(n * 10) / 10;
}
