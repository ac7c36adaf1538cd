/**
 * Finding a domain's server (RFC 6120 §3.2.1): look up the SRV record `_xmpp-server._tcp.<domain>`,
 * take the target with the lowest priority (RFC 2782; ties by the highest weight, so the answer is
 * deterministic), resolve it with an A record; without SRV records fall back to the domain's own A
 * record and port 5269 (§3.2.2). No answer at all: the domain does not resolve.
 * @module
 */
import type { DnsZone } from '../../sim/types';

export interface DnsStep {
  query: string;
  type: 'SRV' | 'A';
  answer: string | null;
}

export type Resolution =
  | { ok: true; ip: string; port: number; host: string; steps: DnsStep[] }
  | { ok: false; steps: DnsStep[] };

export const XMPP_SERVER_PORT = 5269;

export function srvName(domain: string): string {
  return `_xmpp-server._tcp.${domain}`;
}

export function resolveServer(zone: DnsZone, domain: string): Resolution {
  const steps: DnsStep[] = [];
  const lookupA = (name: string): string | null => zone.a.find((r) => r.name === name)?.ip ?? null;
  const srv = zone.srv.filter((r) => r.name === srvName(domain)).sort((a, b) => a.priority - b.priority || b.weight - a.weight);
  steps.push({ query: srvName(domain), type: 'SRV', answer: srv.length ? srv.map((r) => `${r.priority} ${r.weight} ${r.port} ${r.target}`).join('; ') : null });
  for (const r of srv) {
    const ip = lookupA(r.target);
    steps.push({ query: r.target, type: 'A', answer: ip });
    if (ip) return { ok: true, ip, port: r.port, host: r.target, steps };
  }
  if (srv.length) return { ok: false, steps };
  const ip = lookupA(domain);
  steps.push({ query: domain, type: 'A', answer: ip });
  return ip ? { ok: true, ip, port: XMPP_SERVER_PORT, host: domain, steps } : { ok: false, steps };
}
