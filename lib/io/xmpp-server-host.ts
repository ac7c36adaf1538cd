/**
 * The engine's XMPP server (lib/xmpp/stream/server.ts, the machine the simulator runs) on real TCP
 * sockets on a loopback address: c2s on one port, optionally s2s on another, STARTTLS with a real
 * certificate through node:tls (the machine runs with `tlsLayer: 'external'`, see net-host.ts).
 *
 * A c2s connection is its own "node" for the machine: `c2s:<ip>:<port>`; the machine knows it for
 * c2s by the port it came to (the c2s listener's, `state.c2sPort`). A peer server is the node `s2s:<ip>`, found through the machine's DNS zone,
 * which here is the `hosts` list (A records; no SRV, so remote servers are reached on
 * `s2sRemotePort`); between it and us run two kinds of connection, told apart by id as in the
 * simulator (XEP-0220 §2.1.3): our outgoing stream, which the machine names
 * (`<domain>>s2s:<ip>`) and this adapter dials, and each stream a peer opens to us, `s2s-in:<ip>:<port>`.
 * A connection that drops without `</stream:stream>` is ended in the machine as if it had sent one
 * (RFC 6121 §4.5.2: the server then broadcasts unavailable presence for it).
 * @module
 */
import net from 'node:net';
import type { Account, Scenario, SaslMechanismSetting, Settings } from '../sim/types';
import { createXmppServer, xmppServer, type ServerState } from '../xmpp/stream/server';
import { SERVER_SERVICES } from '../xmpp/server/services';
import { mucServices } from '../xmpp/muc/service';
import { isLoopback } from './cli';
import { NetHost, utf8Text, type NetHostEvent } from './net-host';

export interface HostsEntry {
  ip: string;
  names: string[];
}

export interface XmppServerConfig {
  /** A loopback address (127.0.0.0/8); nothing else is accepted. */
  host: string;
  /** c2s port; 0 = any free port. */
  port: number;
  domain: string;
  users: Account[];
  /** PEM certificate and key: STARTTLS is offered (and required) when given. */
  cert?: string;
  key?: string;
  /** STARTTLS policy (default: 'required' with a certificate, 'none' without). */
  tls?: Settings['tls'];
  /** SASL mechanisms offered (default: SCRAM-SHA-256, SCRAM-SHA-1, PLAIN — PLAIN only inside TLS). */
  mechanisms?: SaslMechanismSetting[];
  scramIterations?: number;
  /** Run the MUC service at conference.<domain> (XEP-0045, lib/xmpp/muc); default: no. */
  muc?: boolean;
  /** s2s port on `host`; absent = no federation listener. */
  s2sPort?: number;
  /** Port of remote servers' s2s listeners (default: s2sPort, else 5269). */
  s2sRemotePort?: number;
  /** Name resolution for federation: A records (a private hosts file). */
  hosts?: HostsEntry[];
  observe?: (ev: NetHostEvent) => void;
}

export interface RunningXmppServer {
  host: string;
  port: number;
  s2sPort: number | null;
  domain: string;
  net: NetHost<ServerState>;
  state: ServerState;
  close(): Promise<void>;
}

const STREAM_CLOSE = '</stream:stream>';

/** `ip name [name …]` lines, `#` comments (the /etc/hosts format). */
export function parseHosts(text: string): HostsEntry[] {
  const out: HostsEntry[] = [];
  for (const line of text.split('\n')) {
    const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (ip && names.length) out.push({ ip, names });
  }
  return out;
}

function listen(server: net.Server, host: string, port: number): Promise<number> {
  return new Promise((res, rej) => {
    server.once('error', rej);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', rej);
      res((server.address() as net.AddressInfo).port);
    });
  });
}

export async function startXmppServer(cfg: XmppServerConfig): Promise<RunningXmppServer> {
  if (!isLoopback(cfg.host)) throw new Error(`xmpp-server: ${cfg.host} is not a loopback address (127.0.0.0/8)`);
  if (!!cfg.cert !== !!cfg.key) throw new Error('xmpp-server: --cert and --key go together');
  const hosts = cfg.hosts ?? [];
  const s2sRemotePort = cfg.s2sRemotePort ?? cfg.s2sPort ?? 5269;
  const scenario: Scenario = {
    version: 2,
    id: 'xmpp-server-peer',
    title: { en: 'XMPP server on a real socket', de: 'XMPP-Server an einem echten Socket' },
    summary: { en: cfg.domain, de: cfg.domain },
    topology: {
      servers: [{ id: cfg.domain, domain: cfg.domain, ip: cfg.host, accounts: cfg.users }],
      clients: [],
      links: [],
      observers: [],
      dns: { srv: [], a: hosts.flatMap((h) => h.names.map((name) => ({ name, ip: h.ip }))) },
    },
    settings: {
      tls: cfg.tls ?? (cfg.cert ? 'required' : 'none'),
      sasl: 'SCRAM-SHA-256',
      ...(cfg.mechanisms ? { serverMechanisms: cfg.mechanisms } : {}),
      ...(cfg.scramIterations ? { scramIterations: cfg.scramIterations } : {}),
    },
    script: [],
  };
  const spec = scenario.topology.servers[0]!;
  /** Our outgoing s2s connections whose socket has closed. */
  const ended = new Set<string>();
  const machine = cfg.muc ? xmppServer : createXmppServer(SERVER_SERVICES.filter((v) => !mucServices.includes(v)));
  const host: NetHost<ServerState> = new NetHost<ServerState>({
    machine,
    self: cfg.domain,
    init: (ctx) => {
      const s = machine.init(spec, scenario, ctx);
      s.settings.tlsLayer = 'external';
      // Remote servers are reached by address: one s2s "node" per peer IP.
      for (const h of hosts) {
        if (h.ip === cfg.host) continue;
        s.nodeByIp[h.ip] = `s2s:${h.ip}`;
        s.links[`s2s:${h.ip}`] = `${cfg.domain}~${h.ip}`;
      }
      return s;
    },
    tls: { ...(cfg.cert ? { cert: cfg.cert, key: cfg.key } : {}), rejectUnauthorized: false },
    // Only our own outgoing s2s streams are dialled, each once: a closed one is never reopened to say goodbye.
    dial: (to, conn) => {
      const m = /^s2s:(127\.\d+\.\d+\.\d+)$/.exec(to);
      if (!m || cfg.s2sPort === undefined || conn === undefined || !conn.startsWith(`${cfg.domain}>`) || ended.has(conn)) return null;
      return { host: m[1]!, port: s2sRemotePort, localAddress: cfg.host };
    },
    onPeerClosed: (id, s) => {
      if (id.startsWith(`${cfg.domain}>`)) ended.add(id);
      const close = new TextEncoder().encode(STREAM_CLOSE);
      const sess = s.sessions[id];
      if (sess && sess.phase !== 'closed') return { type: 'bytes', from: id, data: close };
      const s2s = [...Object.values(s.s2s), ...Object.values(s.s2sIn)].find((c) => c.id === id && c.phase !== 'closed' && c.phase !== 'failed');
      return s2s?.peer ? { type: 'bytes', from: s2s.peer, conn: id, data: close } : null;
    },
    endAfter: (_to, data) => utf8Text(data.subarray(Math.max(0, data.length - 32))).trimEnd().endsWith(STREAM_CLOSE),
    ...(cfg.observe ? { observe: cfg.observe } : {}),
  });
  const state = host.state;

  const c2s = net.createServer((socket) => host.attach(`c2s:${socket.remoteAddress}:${socket.remotePort}`, socket));
  const port = await listen(c2s, cfg.host, cfg.port);
  // The machine tells c2s from s2s bytes by the port they came to (HostInput `transport`).
  state.c2sPort = port;
  let s2s: net.Server | null = null;
  let s2sPort: number | null = null;
  if (cfg.s2sPort !== undefined) {
    s2s = net.createServer((socket) => {
      const ip = socket.remoteAddress ?? '0.0.0.0';
      host.attach(`s2s-in:${ip}:${socket.remotePort}`, socket, `s2s:${ip}`);
    });
    s2sPort = await listen(s2s, cfg.host, cfg.s2sPort);
  }
  const close = async () => {
    c2s.close();
    s2s?.close();
    await host.stop();
  };
  return { host: cfg.host, port, s2sPort, domain: cfg.domain, net: host, state, close };
}
