/**
 * Peers for tests/interop/stun-coturn.test.ts: coturn's `turnserver` (STUN only, loopback, no
 * TLS/DTLS/CLI, a throwaway directory), our `peer:stun serve`, our `peer:stun binding`, Debian's
 * `stun` (package stun-client, an RFC 3489 client) and coturn's `turnutils_stunclient`, plus a raw
 * UDP exchange for sending hand-made datagrams.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { join } from 'node:path';
import { REPO, stopProcess } from './xmpp-peers';

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

/** Why the STUN peers cannot run here (naming the Debian packages), or null. */
export function stunPeersUnavailable(): string | null {
  const missing = [['turnserver', 'coturn'], ['turnutils_stunclient', 'coturn'], ['stun', 'stun-client']].filter(([cmd]) => !which(cmd!));
  if (!missing.length) return null;
  const pkgs = [...new Set(missing.map(([, p]) => p))].join(' ');
  return `${missing.map(([c]) => c).join(', ')} not installed (apt-get install --no-install-recommends ${pkgs})`;
}

/** A UDP port that was free a moment ago on 127.0.0.1. */
export function freeUdpPort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = dgram.createSocket('udp4');
    s.once('error', rej);
    s.bind(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** Sends one datagram from a fresh socket and resolves with the first answer, or null after `timeoutMs`. */
export function udpExchange(port: number, bytes: Uint8Array, timeoutMs = 1000): Promise<{ reply: Uint8Array | null; localPort: number }> {
  return new Promise((res, rej) => {
    const s = dgram.createSocket('udp4');
    let localPort = 0;
    const done = (reply: Uint8Array | null): void => {
      clearTimeout(t);
      s.close(() => res({ reply, localPort }));
    };
    const t = setTimeout(() => done(null), timeoutMs);
    s.once('error', (e) => {
      clearTimeout(t);
      rej(e);
    });
    s.on('message', (m) => done(new Uint8Array(m)));
    s.bind(0, '127.0.0.1', () => {
      localPort = s.address().port;
      s.send(bytes, port, '127.0.0.1');
    });
  });
}

export interface Running {
  readonly port: number;
  readonly proc: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}

function collect(proc: ChildProcess): () => string {
  let text = '';
  proc.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  return () => text;
}

export interface TurnUser {
  readonly user: string;
  readonly password: string;
  readonly realm: string;
  /** `--stale-nonce=S`: coturn's nonces expire after S seconds, so a later request meets 438. */
  readonly staleNonce?: number;
}

/**
 * A minimal coturn on 127.0.0.1:port, no TLS/DTLS, no CLI, its database in `dir`: STUN only, or with
 * `turn` a TURN server with long-term credentials for one user that relays on 127.0.0.1 (loopback
 * peers must be allowed explicitly) from a port range of its own, so parallel runs do not collide.
 */
export async function startCoturn(dir: string, probe: (port: number) => Promise<boolean>, turn?: TurnUser): Promise<Running> {
  const port = await freeUdpPort();
  const minPort = 50_000 + Math.floor(Math.random() * 300) * 50;
  const mode = turn
    ? ['--relay-ip=127.0.0.1', '--lt-cred-mech', `--user=${turn.user}:${turn.password}`, `--realm=${turn.realm}`, '--allow-loopback-peers', `--min-port=${minPort}`, `--max-port=${minPort + 49}`, ...(turn.staleNonce ? [`--stale-nonce=${turn.staleNonce}`] : [])]
    : ['--stun-only'];
  const args = [
    '-n', `--listening-ip=127.0.0.1`, `--listening-port=${port}`, '--no-tls', '--no-dtls', '--no-cli', ...mode,
    `--db=${join(dir, 'turndb')}`, `--pidfile=${join(dir, 'turn.pid')}`, '--log-file=stdout', '--simple-log', '--no-stdout-log',
  ];
  const proc = spawn('turnserver', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = collect(proc);
  const t0 = Date.now();
  // coturn gives no "ready" line we can rely on; poll it with a Binding request until it answers.
  while (!(await probe(port))) {
    if (proc.exitCode !== null) throw new Error(`turnserver exited (${proc.exitCode}):\n${log()}`);
    if (Date.now() - t0 > 10_000) throw new Error(`turnserver did not answer on 127.0.0.1:${port} within 10 s:\n${log()}`);
  }
  return { port, proc, log, stop: () => stopProcess(proc) };
}

/** `npm run peer:stun -- serve --port 0`, resolved once it printed {"listening":port}. */
export function startOurServe(): Promise<Running> {
  return new Promise((res, rej) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'lib/io/stun-peer.ts', 'serve', '--port', '0'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    const log = collect(proc);
    let out = '';
    const t = setTimeout(() => rej(new Error(`peer:stun serve did not start:\n${log()}`)), 20_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0]!;
      if (out.includes('\n')) {
        clearTimeout(t);
        const port = (JSON.parse(line) as { listening: number }).listening;
        res({ port, proc, log, stop: () => stopProcess(proc) });
      }
    });
    proc.once('exit', (c) => rej(new Error(`peer:stun serve exited (${c}):\n${log()}`)));
  });
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs a command to completion (with a timeout: `turnutils_stunclient` never gives up on its own). */
export function run(cmd: string, args: string[], timeoutMs = 20_000, cwd = REPO): Promise<Run> {
  return new Promise((res) => {
    const t0 = Date.now();
    const proc = spawn('timeout', [String(Math.ceil(timeoutMs / 1000)), cmd, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.once('close', (status) => res({ status, stdout, stderr, ms: Date.now() - t0 }));
  });
}

export interface Listener {
  readonly port: number;
  /** Every datagram so far, with the address it came from (`127.0.0.1:PORT`). */
  readonly received: { readonly text: string; readonly from: string }[];
  close(): Promise<void>;
}

/** A plain UDP socket standing for the TURN peer; with `echo` it answers each datagram with `pong:` + its text. */
export function udpListener(echo = false): Promise<Listener> {
  return new Promise((res, rej) => {
    const s = dgram.createSocket('udp4');
    const received: { text: string; from: string }[] = [];
    s.once('error', rej);
    s.on('message', (m, r) => {
      received.push({ text: m.toString(), from: `${r.address}:${r.port}` });
      if (echo) s.send(`pong:${m.toString()}`, r.port, r.address);
    });
    s.bind(0, '127.0.0.1', () => res({ port: s.address().port, received, close: () => new Promise((done) => s.close(() => done())) }));
  });
}

/** `npm run peer:stun -- binding --server 127.0.0.1:port …`. */
export const runOurBinding = (port: number, extra: string[] = []): Promise<Run> =>
  run(process.execPath, ['--import', 'tsx', 'lib/io/stun-peer.ts', 'binding', '--server', `127.0.0.1:${port}`, '--rto', '100', ...extra]);
