/**
 * Runs a sans-I/O protocol host (lib/sim/types.ts `HostMachine`: the very state machines the
 * simulator runs) on real TCP sockets. Every socket has a connection id. Bytes from a socket become
 * `{type:'bytes', from: <id>, data}` — or, for a socket attached with the peer node it leads to,
 * `{type:'bytes', from: <peer node>, conn: <id>, data}`, as the simulator's kernel delivers bytes of
 * one of several connections between two nodes (an s2s stream each way). Like the kernel, it says how
 * the bytes came (`transport`): the socket's real addresses and ports, and `opened` on the first bytes
 * of a socket the peer opened (one handed to `attach`). A `send` output is written
 * to the socket of its `conn` (or of `to` when it names none); a connection id the host does not
 * know yet is dialled (options `dial`); a send that closes its side (`transport.close`) ends the socket
 * after it (a send's `open` needs nothing here: sockets open when dialled or accepted). `timer` outputs become real timers, randomness comes from node:crypto and `now` from a
 * monotonic clock.
 *
 * TLS: the simulator's machines run lib/tls inside (lib/xmpp/tls-channel); on a real socket they may
 * keep doing so — the host then only carries their records (xmpp-client.ts `tlsStack: 'lib/tls'`).
 * Or node:tls takes over: a machine told to leave TLS to the caller (`tlsLayer: 'external'`) keeps sending and receiving
 * plaintext and emits the fact `tls-upgrade` {peer, role, domain, conn?} right after `<proceed/>`: here the
 * socket of `conn` (or of `peer`) is then wrapped in TLS — as the server with the configured certificate, or as the
 * client (SNI = `domain`, certificate checked against `ca` unless `rejectUnauthorized` is false).
 * Writes that come while a connection is still connecting or handshaking wait in a queue.
 * @module
 */
import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import tls from 'node:tls';
import type { Fact, TlsUpgradeFact } from '../sim/facts';
import type { Delivery, Endpoint, HostContext, HostInput, HostMachine, HostOutput, Note } from '../sim/types';

export interface NetTlsOptions {
  /** Server side of an upgrade: certificate and private key, PEM. */
  cert?: string | Buffer;
  key?: string | Buffer;
  /** Client side: trust anchors, PEM (e.g. the peer's self-signed certificate). */
  ca?: string | Buffer;
  /** Client side: refuse a certificate that does not verify (default true). */
  rejectUnauthorized?: boolean;
}

/** What a connection's TLS turned out to be, once the handshake is done. */
export interface TlsInfo {
  role: 'client' | 'server';
  protocol: string | null;
  cipher: string;
  /** Client side: the peer's certificate verified against `ca` and the name. */
  authorized: boolean;
  authorizationError?: string;
}

export type NetHostEvent =
  | { type: 'in'; from: string; conn?: string; data: Uint8Array; transport?: Delivery }
  | { type: 'out'; to: string; conn?: string; data: Uint8Array; note: Note }
  | { type: 'note'; note: Note }
  | { type: 'fact'; fact: Fact }
  | { type: 'connected'; id: string; remote: string }
  | { type: 'tls'; id: string; info: TlsInfo }
  | { type: 'closed'; id: string; error?: string }
  | { type: 'dropped'; to: string; bytes: number }
  | { type: 'fault'; error: string }
  /** The machine has handled one input and its outputs are carried out. */
  | { type: 'handled'; input: HostInput['type'] };

export interface NetHostOptions<S> {
  machine: HostMachine<S>;
  /** This host's node id (HostContext.self). */
  self: string;
  /** Make the machine's state (usually `machine.init(spec, scenario, ctx)`, then adjusted). */
  init: (ctx: HostContext) => S;
  tls?: NetTlsOptions;
  /** How to reach node `to` for connection `conn` (the machine's id, absent = `to`) while none is open; null = drop the bytes. */
  dial?: (to: string, conn?: string) => net.NetConnectOpts | null;
  /** What the machine hears when a connection closes under it (e.g. a synthetic stream close); null = nothing. */
  onPeerClosed?: (id: string, state: S) => HostInput | null;
  /** Close the TCP connection `id` (half-close: FIN or TLS close_notify) after writing these bytes. */
  endAfter?: (id: string, data: Uint8Array) => boolean;
  /** Every event, in order: for logs and for test clients. */
  observe?: (ev: NetHostEvent) => void;
}

interface Conn {
  id: string;
  /** The node at the other end, when the machine tells connections to it apart by id (HostInput `conn`). */
  peer: string | undefined;
  socket: net.Socket;
  /** Writes waiting for the TCP connect or the TLS handshake; null when the socket is ready. */
  queue: Uint8Array[] | null;
  /** We ended or destroyed it ourselves. */
  closing: boolean;
  tls: TlsInfo | null;
  /** Our end and the peer's, once connected (a TLS upgrade keeps them). */
  local: Endpoint | null;
  remote: Endpoint | null;
  /** The peer opened it and the machine has not heard from it yet: its first bytes carry `opened`. */
  fresh: boolean;
  listeners: { data: (d: Buffer) => void; error: (e: Error) => void; close: () => void };
}

/** The simulation's clock starts at 2026-01-01T09:00:00Z (lib/xmpp/wire.ts stampFor); real time is measured from there. */
const SIM_EPOCH_MS = Date.UTC(2026, 0, 1, 9, 0, 0);

export class NetHost<S> {
  readonly state: S;
  readonly ctx: HostContext;
  private readonly conns = new Map<string, Conn>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inbox: HostInput[] = [];
  private running = false;
  private stopped = false;

  constructor(private readonly opts: NetHostOptions<S>) {
    // Monotonic (performance.now) yet anchored so that XEP-0203 stamps show the real UTC time.
    const base = Date.now() - SIM_EPOCH_MS - performance.now();
    this.ctx = {
      get now() {
        return base + performance.now();
      },
      self: opts.self,
      randomBytes: (n: number) => new Uint8Array(cryptoRandomBytes(n)),
    };
    this.state = opts.init(this.ctx);
  }

  /**
   * Hand an accepted (or otherwise opened) socket to the host under a connection id; with `peer`, the
   * machine hears its bytes as from that node on connection `id`, else as from node `id`.
   */
  attach(id: string, socket: net.Socket, peer?: string): void {
    const old = this.conns.get(id);
    if (old) this.dropConn(old);
    const conn: Conn = { id, peer, socket, queue: null, closing: false, tls: null, ...addresses(socket), fresh: true, listeners: this.listenersFor(id, peer) };
    this.conns.set(id, conn);
    this.bind(conn, socket);
    this.emit({ type: 'connected', id, remote: `${socket.remoteAddress}:${socket.remotePort}` });
  }

  /** Open a TCP connection and attach it (`peer` as in `attach`); writes wait until it is connected. */
  connect(id: string, options: net.NetConnectOpts, peer?: string): void {
    const socket = net.connect(options);
    const conn: Conn = { id, peer, socket, queue: [], closing: false, tls: null, local: null, remote: null, fresh: false, listeners: this.listenersFor(id, peer) };
    const old = this.conns.get(id);
    if (old) this.dropConn(old);
    this.conns.set(id, conn);
    this.bind(conn, socket);
    socket.once('connect', () => {
      Object.assign(conn, addresses(socket));
      this.emit({ type: 'connected', id, remote: `${socket.remoteAddress}:${socket.remotePort}` });
      this.flush(conn);
    });
  }

  /** Feed one input (an action, a timer, bytes) and carry out what the machine answers. */
  input(input: HostInput): void {
    if (this.stopped) return;
    this.inbox.push(input);
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.inbox.shift(); next; next = this.inbox.shift()) {
        if (next.type === 'bytes') this.emit({ type: 'in', from: next.from, ...(next.conn !== undefined ? { conn: next.conn } : {}), data: next.data, ...(next.transport ? { transport: next.transport } : {}) });
        let outputs: HostOutput[];
        try {
          outputs = this.opts.machine.handle(this.state, next, this.ctx);
        } catch (e) {
          this.emit({ type: 'fault', error: `machine threw on ${next.type}: ${e instanceof Error ? e.stack ?? e.message : String(e)}` });
          continue;
        }
        for (const o of outputs) this.carryOut(o);
        this.emit({ type: 'handled', input: next.type });
      }
    } finally {
      this.running = false;
    }
  }

  tlsInfo(id: string): TlsInfo | null {
    return this.conns.get(id)?.tls ?? null;
  }

  isOpen(id: string): boolean {
    const c = this.conns.get(id);
    return !!c && !c.closing && !c.socket.destroyed;
  }

  /** Stop: clear timers, end every connection (destroyed after `graceMs`). */
  async stop(graceMs = 500): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const closing = [...this.conns.values()].map(
      (c) =>
        new Promise<void>((res) => {
          c.closing = true;
          if (c.socket.destroyed) return res();
          const t = setTimeout(() => {
            c.socket.destroy();
            res();
          }, graceMs);
          c.socket.once('close', () => {
            clearTimeout(t);
            res();
          });
          c.socket.end();
        }),
    );
    await Promise.all(closing);
    this.conns.clear();
  }

  // ---------------------------------------------------------------------------------------------

  private emit(ev: NetHostEvent): void {
    this.opts.observe?.(ev);
  }

  private carryOut(o: HostOutput): void {
    switch (o.type) {
      case 'send': {
        const id = o.conn ?? o.to;
        this.emit({ type: 'out', to: o.to, ...(o.conn !== undefined ? { conn: o.conn } : {}), data: o.data, note: o.note });
        this.write(id, o.to, o.conn, o.data);
        if (o.transport?.close || this.opts.endAfter?.(id, o.data)) this.end(id);
        return;
      }
      case 'timer': {
        const t = setTimeout(() => {
          this.timers.delete(t);
          this.input({ type: 'timer', name: o.name });
        }, Math.max(0, o.after));
        this.timers.add(t);
        return;
      }
      case 'note':
        this.emit({ type: 'note', note: o.note });
        return;
      case 'fact':
        this.emit({ type: 'fact', fact: o.fact });
        if (o.fact.type === 'tls-upgrade') this.upgrade(o.fact);
        return;
    }
  }

  private write(id: string, to: string, connId: string | undefined, data: Uint8Array): void {
    let conn = this.conns.get(id);
    if (!conn || conn.socket.destroyed || conn.closing) {
      const dial = this.opts.dial?.(to, connId) ?? null;
      if (!dial || this.stopped) {
        this.emit({ type: 'dropped', to: id, bytes: data.length });
        return;
      }
      this.connect(id, dial, connId !== undefined ? to : undefined);
      conn = this.conns.get(id)!;
    }
    if (conn.queue) conn.queue.push(data);
    else conn.socket.write(data);
  }

  private end(id: string): void {
    const c = this.conns.get(id);
    if (!c || c.closing) return;
    c.closing = true;
    if (c.queue) c.queue.push(new Uint8Array(0));
    else c.socket.end();
  }

  private flush(conn: Conn): void {
    const q = conn.queue ?? [];
    conn.queue = null;
    for (const d of q) {
      if (d.length === 0) conn.socket.end();
      else conn.socket.write(d);
    }
  }

  /** How bytes on this connection came, as the kernel would say it; `opened` once, on a socket the peer opened. */
  private delivery(id: string): Delivery | undefined {
    const c = this.conns.get(id);
    if (!c || !c.local || !c.remote) return undefined;
    const opened = c.fresh;
    c.fresh = false;
    return { proto: 'tcp', src: c.remote, dst: c.local, conn: id, ...(opened ? { opened: true } : {}) };
  }

  private listenersFor(id: string, peer: string | undefined): Conn['listeners'] {
    const from = peer !== undefined ? { from: peer, conn: id } : { from: id };
    return {
      data: (d: Buffer) => {
        const transport = this.delivery(id);
        this.input({ type: 'bytes', ...from, data: new Uint8Array(d.buffer, d.byteOffset, d.byteLength), ...(transport ? { transport } : {}) });
      },
      error: (e: Error) => this.closed(id, e.message),
      close: () => this.closed(id),
    };
  }

  private bind(conn: Conn, socket: net.Socket): void {
    socket.on('data', conn.listeners.data);
    socket.on('error', conn.listeners.error);
    socket.on('close', conn.listeners.close);
  }

  private unbind(conn: Conn, socket: net.Socket): void {
    socket.off('data', conn.listeners.data);
    socket.off('error', conn.listeners.error);
    socket.off('close', conn.listeners.close);
  }

  private dropConn(conn: Conn): void {
    this.unbind(conn, conn.socket);
    conn.closing = true;
    conn.socket.destroy();
  }

  private closed(id: string, error?: string): void {
    const conn = this.conns.get(id);
    if (!conn) return;
    this.unbind(conn, conn.socket);
    if (!conn.socket.destroyed) conn.socket.destroy();
    this.conns.delete(id);
    this.emit({ type: 'closed', id, ...(error ? { error } : {}) });
    if (!conn.closing && !this.stopped) {
      let input = this.opts.onPeerClosed?.(id, this.state) ?? null;
      // What the machine hears instead comes on the connection that closed: the peer's side is shut.
      if (input?.type === 'bytes' && !input.transport && conn.local && conn.remote) input = { ...input, transport: { proto: 'tcp', src: conn.remote, dst: conn.local, conn: id, closed: true } };
      if (input) this.input(input);
    }
  }

  /** RFC 6120 §5.4.3: after `<proceed/>` the TLS handshake starts on the same TCP connection. */
  private upgrade(p: TlsUpgradeFact): void {
    const id = p.conn ?? p.peer;
    const role = p.role === 'server' ? 'server' : 'client';
    const conn = this.conns.get(id);
    if (!conn) {
      this.emit({ type: 'fault', error: `tls-upgrade for ${id}: no such connection` });
      return;
    }
    const raw = conn.socket;
    const o = this.opts.tls ?? {};
    this.unbind(conn, raw);
    // Bytes already queued for the raw socket (the <proceed/> itself) go out in clear first.
    if (conn.queue) this.flush(conn);
    let secure: tls.TLSSocket;
    if (role === 'server') {
      if (!o.cert || !o.key) {
        this.emit({ type: 'fault', error: 'tls-upgrade as server without a certificate' });
        raw.destroy();
        return;
      }
      secure = new tls.TLSSocket(raw, { isServer: true, secureContext: tls.createSecureContext({ cert: o.cert, key: o.key }) });
      secure.once('secure', () => this.secured(conn, secure, role));
    } else {
      secure = tls.connect({ socket: raw, servername: p.domain, ...(o.ca ? { ca: o.ca } : {}), rejectUnauthorized: o.rejectUnauthorized ?? true });
      secure.once('secureConnect', () => this.secured(conn, secure, role));
    }
    conn.socket = secure;
    conn.queue = [];
    this.bind(conn, secure);
  }

  private secured(conn: Conn, socket: tls.TLSSocket, role: 'client' | 'server'): void {
    const err = socket.authorizationError;
    conn.tls = {
      role,
      protocol: socket.getProtocol(),
      cipher: socket.getCipher()?.name ?? '',
      authorized: socket.authorized,
      ...(err ? { authorizationError: String(err) } : {}),
    };
    this.emit({ type: 'tls', id: conn.id, info: conn.tls });
    this.flush(conn);
  }
}

/** A connected socket's two ends. */
function addresses(socket: net.Socket): { local: Endpoint | null; remote: Endpoint | null } {
  const ok = socket.localAddress !== undefined && socket.localPort !== undefined && socket.remoteAddress !== undefined && socket.remotePort !== undefined;
  return ok ? { local: { ip: socket.localAddress!, port: socket.localPort! }, remote: { ip: socket.remoteAddress!, port: socket.remotePort! } } : { local: null, remote: null };
}

/** Bytes as text for logs (the XML streams are UTF-8). */
export function utf8Text(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
}
