/**
 * What a server holds at a step (issue #11 item 2): its accounts with the SCRAM records it keeps
 * instead of passwords (RFC 5802 §3), each account's roster (RFC 6121 §2) and offline queue
 * (XEP-0160), the sessions online now with the address each came from, and its federation peers.
 * Read from the server's own state after the step, so it is exactly what an operator, a thief of its
 * disk or an order served on it would find there — a seizure of the machine, not a tap on its links.
 * @module
 */
import { factsOf } from '../sim/facts';
import type { Trace } from '../sim/types';
import { child, text } from '../xml/element';
import type { ServerState } from '../xmpp/server/state';
import { asks, subscriptionAttr } from '../xmpp/im/subscription';

export interface StoredCredential {
  mechanism: 'SCRAM-SHA-1' | 'SCRAM-SHA-256';
  /** hex, as the server keeps them */
  salt: string;
  iterations: number;
  storedKey: string;
  serverKey: string;
}

export interface StoredRosterItem {
  jid: string;
  name?: string;
  /** RFC 6121 §2.1.2.5 'subscription' and §2.1.2.2 'ask' */
  subscription: 'none' | 'to' | 'from' | 'both';
  ask: boolean;
}

export interface StoredOffline {
  from: string;
  /** XEP-0203 stamp the server will add on delivery */
  stamp: string;
  /** the body as stored: readable text, or an end-to-end ciphertext the server cannot open */
  body: string;
  otr: boolean;
}

export interface StoredAccount {
  jid: string;
  credentials: StoredCredential[];
  roster: StoredRosterItem[];
  offline: StoredOffline[];
}

export interface ServerStorage {
  node: string;
  domain: string;
  accounts: StoredAccount[];
  /** Sessions with a bound resource: who is online, from which address. */
  online: { jid: string; ip: string; port: number }[];
  /** Federation: the domains it has a stream with, and whether dialback verified them. */
  peers: { domain: string; direction: 'outgoing' | 'incoming'; verified: boolean }[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The server's holdings, sorted so that a table of them reads the same at every step. */
export function serverStorage(s: ServerState): ServerStorage {
  const accounts = Object.entries(s.accounts)
    .sort(([a], [b]) => byText(a, b))
    .map(([user, acc]): StoredAccount => {
      const c = acc.credentials;
      return {
        jid: `${user}@${s.domain}`,
        credentials: [
          { mechanism: 'SCRAM-SHA-1', ...c.scramSha1 },
          { mechanism: 'SCRAM-SHA-256', ...c.scramSha256 },
        ],
        roster: Object.values(acc.roster)
          .sort((a, b) => byText(a.jid, b.jid))
          .map((r) => ({ jid: r.jid, ...(r.name ? { name: r.name } : {}), subscription: subscriptionAttr(r.state), ask: asks(r.state) })),
        offline: acc.offline.map((m) => {
          const body = text(child(m.stanza, 'body'));
          return { from: m.stanza.attrs.from ?? '', stamp: m.stamp, body, otr: body.startsWith('?OTR') };
        }),
      };
    });
  const online = Object.values(s.sessions)
    .filter((x) => x.fullJid !== null && x.phase !== 'closed')
    // The session's endpoints are written from the server's side: the client is the destination.
    .map((x) => ({ jid: x.fullJid!, ip: x.tcp.dstIp, port: x.tcp.dstPort }))
    .sort((a, b) => byText(a.jid, b.jid));
  const peers = [
    ...Object.values(s.s2s).filter((c) => c.phase === 'established' || c.phase === 'dialback').map((c) => ({ domain: c.peerDomain, direction: 'outgoing' as const, verified: c.phase === 'established' })),
    ...Object.values(s.s2sIn).filter((c) => c.phase !== 'failed' && c.phase !== 'closed').map((c) => ({ domain: c.peerDomain, direction: 'incoming' as const, verified: c.peerVerified })),
  ].sort((a, b) => byText(a.domain + a.direction, b.domain + b.direction));
  return { node: s.id, domain: s.domain, accounts, online, peers };
}

/** One session as a server's login log keeps it: who, from where, from when to when (null: still online). */
export interface LogEntry {
  jid: string;
  ip: string;
  since: { step: number; time: number };
  until: { step: number; time: number } | null;
}

/**
 * The server's connection log up to `step`: every session bound on it (the client's 'session-online'),
 * ended where the server last hears from it — the client's closing bytes after the user logs out, or
 * the client's 'stream-ended' when the stream broke. XMPP asks no server to keep one; nearly every deployment does
 * (Prosody and ejabberd log each login with its address by default), and it is what "last seen" comes from.
 */
export function connectionLog(trace: Trace, server: string, step: number): LogEntry[] {
  const clients = new Map(trace.nodes.filter((n) => n.kind === 'client' && n.server === server).map((n) => [n.id, n]));
  const log: LogEntry[] = [];
  const open = new Map<string, LogEntry>();
  const leaving = new Set<string>();
  for (const e of trace.events.slice(0, Math.max(0, step))) {
    if (e.kind === 'action' && e.action?.type === 'disconnect' && open.has(e.from)) leaving.add(e.from);
    if (e.kind === 'wire' && e.to === server && leaving.has(e.from)) {
      open.get(e.from)!.until = { step: e.seq + 1, time: e.time };
      open.delete(e.from);
      leaving.delete(e.from);
    }
    for (const f of factsOf(e.facts, 'session-online')) {
      const node = clients.get(f.node);
      if (!node) continue;
      const entry: LogEntry = { jid: f.jid, ip: node.ip, since: { step: e.seq + 1, time: e.time }, until: null };
      log.push(entry);
      open.set(f.node, entry);
    }
    for (const f of factsOf(e.facts, 'stream-ended')) {
      const entry = open.get(f.node);
      if (!entry) continue;
      entry.until = { step: e.seq + 1, time: e.time };
      open.delete(f.node);
      leaving.delete(f.node);
    }
  }
  return log;
}
