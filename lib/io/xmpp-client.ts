/**
 * The engine's XMPP client (lib/xmpp/stream/client.ts, the machine the simulator runs) on a real TCP
 * socket, with a promise API for tests and scripts: connect → STARTTLS → SASL with the chosen
 * mechanism → bind → initial presence; then roster, presence, subscriptions and messages. Everything
 * the machine narrates is kept in `notes`, every byte in `transcript`.
 *
 * Two ways to do the TLS (option `tlsStack`):
 *  - 'node:tls' (default): the machine runs with `tlsLayer: 'external'` and net-host.ts wraps the
 *    socket in node:tls after `<proceed/>`; the transcript is plaintext, as the machine sees it.
 *  - 'lib/tls': the machine keeps TLS inside, exactly as in the simulator (lib/xmpp/tls-channel →
 *    lib/tls, TLS 1.3 with X25519 and TLS_AES_128_GCM_SHA256), and the socket only carries its
 *    records; the trust anchor is `ca` (PEM), checked at the real time. The transcript then shows
 *    TLS records by type and size, as anyone on the wire would see them.
 *
 *   const c = await XmppClient.login({ jid: 'alice@example.test', password, host: '127.0.0.1', port, ca });
 *   c.sendMessage('bob@example.test', 'hi'); await c.waitForMessage((m) => m.body === 'hi back');
 * @module
 */
import { factsOf, type Fact, type TlsFailedFact } from '../sim/facts';
import type { Action, ClientSpec, Note, SaslMechanismSetting, Scenario, Settings } from '../sim/types';
import { fromPem } from '../x509/pem';
import { xmppClient, type ClientRosterItem, type ClientState, type ContactPresence, type ReceivedMessage } from '../xmpp/stream/client';
import { NetHost, utf8Text, type NetHostEvent, type TlsInfo } from './net-host';

export interface XmppClientOptions {
  /** Bare JID of the account, `user@domain`. */
  jid: string;
  password: string;
  /** Resource to bind; absent = the server chooses. */
  resource?: string;
  /** Where the server listens (a loopback address and port). */
  host: string;
  port: number;
  mechanism?: SaslMechanismSetting;
  /** STARTTLS policy: 'required' (default) refuses to log in without TLS. */
  tls?: Settings['tls'];
  /** PEM trust anchor for the server's certificate (a self-signed test certificate, or a lab CA's). */
  ca?: string;
  /** Check the certificate (default true: against `ca` and the domain). Only for node:tls: lib/tls always checks. */
  rejectUnauthorized?: boolean;
  /** Who does the TLS: node:tls on the socket (default) or our lib/tls inside the machine (needs `ca`). */
  tlsStack?: 'node:tls' | 'lib/tls';
  /** Time limit for each wait (default 10 s). */
  timeoutMs?: number;
}

export interface TranscriptLine {
  dir: 'out' | 'in';
  text: string;
}

/** Notes after which a login cannot succeed any more. */

interface Waiter {
  check: () => boolean;
  fail: (why: string) => void;
}

const SERVER = 'server';

export class XmppClient {
  readonly notes: Note[] = [];
  /** Everything the machine did, as typed facts (lib/sim/facts.ts): what this adapter decides on. */
  readonly facts: Fact[] = [];
  readonly transcript: TranscriptLine[] = [];
  readonly net: NetHost<ClientState>;
  private readonly waiters = new Set<Waiter>();
  private closedReason: string | null = null;
  private readonly timeoutMs: number;

  constructor(readonly opts: XmppClientOptions) {
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    const inside = opts.tlsStack === 'lib/tls';
    if (inside && !opts.ca) throw new Error('xmpp-client: tlsStack lib/tls needs a trust anchor (ca)');
    // The machine's trust anchor is DER: the first certificate of the PEM file.
    const anchor = inside ? fromPem(opts.ca!, 'CERTIFICATE')[0] : undefined;
    if (inside && !anchor) throw new Error('xmpp-client: ca holds no PEM CERTIFICATE');
    const [, domain = ''] = opts.jid.split('@');
    const spec: ClientSpec = { id: opts.jid.split('@')[0] ?? 'client', jid: opts.jid, password: opts.password, server: SERVER, ip: '127.0.0.1', ...(opts.resource ? { resource: opts.resource } : {}) };
    const scenario: Scenario = {
      version: 2,
      id: 'xmpp-client',
      title: { en: 'XMPP client on a real socket', de: 'XMPP-Client an einem echten Socket' },
      summary: { en: opts.jid, de: opts.jid },
      topology: { servers: [{ id: SERVER, domain, ip: opts.host, accounts: [] }], clients: [spec], links: [], observers: [] },
      settings: { tls: opts.tls ?? 'required', sasl: opts.mechanism ?? 'SCRAM-SHA-256' },
      script: [],
    };
    this.net = new NetHost<ClientState>({
      machine: xmppClient,
      self: spec.id,
      init: (ctx) => {
        const s = xmppClient.init(spec, scenario, ctx);
        if (anchor) s.trustAnchor = anchor;
        else s.policy.tlsLayer = 'external';
        s.tcp = { ...s.tcp, dstPort: opts.port };
        return s;
      },
      tls: { ...(opts.ca ? { ca: opts.ca } : {}), rejectUnauthorized: opts.rejectUnauthorized ?? true },
      // Inside lib/tls the stream's end is ciphertext; the server closes the socket after its own </stream:stream>.
      endAfter: (_to, data) => !inside && utf8Text(data).trimEnd().endsWith('</stream:stream>'),
      observe: (ev) => this.observe(ev),
    });
  }

  /** Connect, log in and bind; resolves when online, rejects with the reason otherwise. */
  static async login(opts: XmppClientOptions): Promise<XmppClient> {
    const c = new XmppClient(opts);
    try {
      await c.connect();
    } catch (e) {
      await c.close();
      throw e;
    }
    return c;
  }

  get state(): ClientState {
    return this.net.state;
  }

  get boundJid(): string | null {
    return this.state.boundJid;
  }

  /** What the connection's TLS turned out to be, whichever stack did it. */
  get tls(): TlsInfo | null {
    if (this.opts.tlsStack !== 'lib/tls') return this.net.tlsInfo(SERVER);
    const ch = this.state.tls;
    const failed = factsOf(this.facts, 'tls-failed')[0];
    if (failed) return { role: 'client', protocol: null, cipher: '', authorized: false, authorizationError: describeTlsFailure(failed) };
    // lib/tls speaks TLS 1.3 with one suite only; the channel is open once the server's Finished and certificate checked out.
    return ch?.phase === 'open' ? { role: 'client', protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', authorized: true } : null;
  }

  /** The SASL mechanism this client used. */
  get mechanism(): string | null {
    return factsOf(this.facts, 'sasl-started')[0]?.mechanism ?? null;
  }

  /** Mechanisms the server offered after TLS. */
  get offered(): string[] {
    return this.state.offered;
  }

  async connect(): Promise<void> {
    this.closedReason = null;
    this.net.connect(SERVER, { host: this.opts.host, port: this.opts.port });
    this.act({ type: 'connect' });
    const from = this.facts.length;
    await this.until(
      () => {
        const bad = factsOf(this.facts.slice(from), 'login-failed')[0];
        const tlsFailed = factsOf(this.facts.slice(from), 'tls-failed')[0];
        // A refused handshake says why in the tls-failed fact that follows the same input's login-failed.
        if (bad && /^tls-(certificate|failed)/.test(bad.reason) && !tlsFailed && this.opts.tlsStack === 'lib/tls') return false;
        if (bad) throw new Error(`login failed: ${bad.reason}${tlsFailed ? ` (${describeTlsFailure(tlsFailed)})` : ''}`);
        return this.state.phase === 'online';
      },
      `${this.opts.jid} online`,
    );
  }

  act(action: Action): void {
    this.net.input({ type: 'action', action });
  }

  sendMessage(to: string, body: string, messageType: 'chat' | 'normal' = 'chat'): void {
    this.act({ type: 'send-message', to, body, messageType });
  }

  /** Change the own presence (RFC 6121 §4.7): show, status, priority — or unavailable. */
  setPresence(p: Omit<Extract<Action, { type: 'set-presence' }>, 'type'>): void {
    this.act({ type: 'set-presence', ...p });
  }

  /** Bytes written into the stream as they are (inside TLS once it is up): any stanza the machine has no action for. */
  sendRaw(xml: string): void {
    this.act({ type: 'send-raw', text: xml });
  }

  /** The first received message (since the start) that matches. */
  async waitForMessage(match: (m: ReceivedMessage) => boolean, what = 'a message'): Promise<ReceivedMessage> {
    let found: ReceivedMessage | undefined;
    await this.until(() => {
      for (const f of factsOf(this.facts, 'message-shown')) {
        const m: ReceivedMessage = { from: f.from, body: f.body, time: 0, ...(f.delayed ? { delayed: f.delayed } : {}) };
        if (match(m)) {
          found = m;
          return true;
        }
      }
      return false;
    }, what);
    return found!;
  }

  /** Ask for the roster and resolve with its items. */
  async roster(): Promise<ClientRosterItem[]> {
    const from = this.facts.length;
    this.act({ type: 'roster-get' });
    await this.until(() => factsOf(this.facts.slice(from), 'roster-received').length > 0, 'roster result');
    return Object.values(this.state.roster);
  }

  /** Resolve once a note matches (looking at notes from index `from`). */
  async waitForNote(match: (n: Note) => boolean, what: string, from = 0): Promise<Note> {
    let found: Note | undefined;
    await this.until(() => {
      found = this.notes.slice(from).find(match);
      return !!found;
    }, what);
    return found!;
  }

  /** Resolve when `cond` holds (checked after every input the machine handles). */
  until(cond: () => boolean, what: string, timeoutMs = this.timeoutMs): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(`timed out after ${timeoutMs} ms waiting for ${what}`), timeoutMs);
      const done = (err?: string) => {
        clearTimeout(timer);
        this.waiters.delete(w);
        if (err) reject(new Error(`${this.opts.jid}: ${err}\n--- last transcript lines:\n${this.transcript.slice(-8).map((l) => `${l.dir === 'out' ? 'C→S' : 'S→C'} ${l.text}`).join('\n')}`));
        else resolve();
      };
      const w: Waiter = {
        check: () => {
          try {
            if (cond()) done();
            else return false;
          } catch (e) {
            done(e instanceof Error ? e.message : String(e));
          }
          return true;
        },
        fail: (why) => done(`${why} while waiting for ${what}`),
      };
      this.waiters.add(w);
      if (w.check()) return;
      if (this.closedReason !== null) w.fail(this.closedReason);
    });
  }

  presenceOf(jid: string): ContactPresence | undefined {
    return this.state.presence[jid];
  }

  /** Log out (unavailable presence, stream close) and wait for the connection to close. */
  async disconnect(): Promise<void> {
    if (this.closedReason !== null) return;
    this.act({ type: 'disconnect' });
    await this.until(() => this.closedReason !== null, 'the server to close the stream', 3000).catch(() => undefined);
    await this.close();
  }

  /** Drop the connection without a goodbye. */
  async close(): Promise<void> {
    await this.net.stop(200);
  }

  private observe(ev: NetHostEvent): void {
    if (ev.type === 'note') this.notes.push(ev.note);
    else if (ev.type === 'fact') this.facts.push(ev.fact);
    else if (ev.type === 'out') {
      this.notes.push(ev.note);
      this.transcript.push({ dir: 'out', text: this.wireText(ev.data) });
    } else if (ev.type === 'in') this.transcript.push({ dir: 'in', text: this.wireText(ev.data) });
    else if (ev.type === 'closed') this.closedReason = ev.error ? `connection failed: ${ev.error}` : 'connection closed';
    else if (ev.type === 'fault') this.closedReason = ev.error;
    for (const w of [...this.waiters]) if (!w.check() && this.closedReason !== null) w.fail(this.closedReason);
  }

  /** Bytes as the transcript shows them: text, or once lib/tls is under way the records' types and sizes. */
  private wireText(data: Uint8Array): string {
    return this.state.tls && !this.state.tls.external ? recordSummary(data) : utf8Text(data);
  }
}

/** `alert bad_certificate (we sent it): name-mismatch`, as the tls-peer CLI words it. */
function describeTlsFailure(f: TlsFailedFact): string {
  return `alert ${f.alert} (${f.sent ? 'we sent it' : 'peer sent it'})${f.certificate ? `: ${f.certificate}` : ''}`;
}

/** RFC 8446 §5.1 record headers walked: `[TLS handshake 90 B, application_data 1180 B]` (a record cut by TCP counts as it begins). */
function recordSummary(data: Uint8Array): string {
  const names: Record<number, string> = { 20: 'change_cipher_spec', 21: 'alert', 22: 'handshake', 23: 'application_data' };
  const parts: string[] = [];
  for (let at = 0; at + 5 <= data.length; ) {
    const length = (data[at + 3]! << 8) | data[at + 4]!;
    parts.push(`${names[data[at]!] ?? `type ${data[at]}`} ${length} B`);
    at += 5 + length;
  }
  return `[TLS ${parts.join(', ') || `${data.length} B`}]`;
}
