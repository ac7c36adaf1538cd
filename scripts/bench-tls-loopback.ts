/**
 * TLS 1.3 handshakes per second on real loopback sockets, ours beside OpenSSL's, in the same run:
 * every pairing of client (OpenSSL `s_time -new`, our lib/tls client in this process) and server
 * (`openssl s_server -tls1_3`, our `peer:tls server` as a child process), with the same suite
 * (TLS_AES_128_GCM_SHA256), the same group (X25519: the only one our client offers, and the only one
 * s_server is given) and the same certificate from our lab CA, ECDSA P-256 and Ed25519. Both clients
 * verify the chain against the CA (s_time `-verify`, ours against the name too), open one connection
 * after another, handshake, and close. Each figure is connections / wall-clock seconds over the run,
 * so a server that is slow counts against every client that talks to it. Printed, never asserted.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { randomBytes } from '../lib/io/cli';
import { closeClient, receiveClient, startClient } from '../lib/tls/client';
import type { KeyType } from '../lib/x509/encode';
import { issueServerCert, makeLabCa } from '../lib/x509/lab-ca';
import { certificateChecker } from '../lib/x509/validate';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SUITE = 'TLS_AES_128_GCM_SHA256';
const NAME = 'bench.example';
/** Seconds each pairing runs. */
const SECONDS = 2;

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

interface Server {
  port: number;
  proc: ChildProcess;
}

/** Resolves with the first stdout line matching `re` (or rejects when the process ends first). */
function lineMatching(proc: ChildProcess, re: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: proc.stdout! });
    rl.on('line', (l) => {
      const m = re.exec(l);
      if (m) {
        rl.close();
        resolve(m);
      }
    });
    proc.once('exit', (code) => reject(new Error(`exited (${code}) before printing ${re}`)));
  });
}

async function opensslServer(dir: string): Promise<Server> {
  const port = await freePort();
  const proc = spawn('openssl', ['s_server', '-tls1_3', '-accept', `127.0.0.1:${port}`, '-cert', join(dir, 'cert.pem'), '-key', join(dir, 'key.pem'), '-ciphersuites', SUITE, '-groups', 'X25519', '-quiet'], { stdio: ['pipe', 'ignore', 'ignore'] });
  await untilListening(port, proc);
  return { port, proc };
}

async function ourServer(dir: string): Promise<Server> {
  // Its stdin stays open (the peer stops when it closes); stderr (a line per connection) is not kept.
  const proc = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'lib/io/tls-peer.ts'), 'server', '--port', '0', '--cert', join(dir, 'cert.pem'), '--key', join(dir, 'key.pem')], { cwd: REPO, stdio: ['pipe', 'pipe', 'ignore'] });
  const m = await lineMatching(proc, /"listening":(\d+)/);
  return { port: Number(m[1]), proc };
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen({ host: '127.0.0.1', port: 0 }, () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => res(port));
    });
  });
}

async function untilListening(port: number, proc: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (proc.exitCode !== null) throw new Error('openssl s_server exited');
    const ok = await new Promise<boolean>((res) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => {
        s.destroy();
        res(true);
      });
      s.once('error', () => res(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('openssl s_server did not listen');
}

function stop(s: Server): Promise<void> {
  if (s.proc.exitCode !== null || s.proc.signalCode !== null) return Promise.resolve();
  const gone = new Promise<void>((res) => s.proc.once('exit', () => res()));
  s.proc.kill('SIGTERM');
  return gone;
}

/** OpenSSL's client: `s_time -new` for SECONDS; its own count over our wall clock (s_time rounds its real time to whole seconds). */
function opensslClient(port: number, dir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const args = ['s_time', '-connect', `127.0.0.1:${port}`, '-new', '-tls1_3', '-ciphersuites', SUITE, '-CAfile', join(dir, 'ca.pem'), '-verify', '2', '-time', String(SECONDS)];
    const proc = spawn('openssl', args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('exit', () => {
      const secs = (performance.now() - t0) / 1000;
      const m = /(\d+) connections in [\d.]+s/.exec(out);
      if (!m) return reject(new Error(`s_time printed no count:\n${out.slice(-400)}`));
      resolve(Number(m[1]) / secs);
    });
  });
}

/** One handshake of our client over a fresh socket: ClientHello, the server's flight checked against the CA, Finished, close_notify. */
function ourHandshake(port: number, check: ReturnType<typeof certificateChecker>): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setNoDelay(true);
    const first = startClient({ serverName: NAME, compatibilityMode: true }, randomBytes);
    let state = first.state;
    socket.once('connect', () => first.out.forEach((r) => socket.write(r)));
    socket.on('data', (data: Buffer) => {
      const step = receiveClient(state, new Uint8Array(data), { checkCertificate: check });
      state = step.state;
      step.out.forEach((r) => socket.write(r));
      if (state.phase === 'failed') {
        socket.destroy();
        reject(new Error(`handshake failed: ${JSON.stringify(step.events.find((e) => e.type === 'alert'))}`));
      } else if (state.phase === 'connected') {
        closeClient(state).out.forEach((r) => socket.write(r));
        socket.end();
        socket.removeAllListeners('data');
        resolve();
      }
    });
    socket.once('error', reject);
  });
}

async function ourClient(port: number, caDer: Uint8Array): Promise<number> {
  const check = certificateChecker({ anchors: [caDer], now: Date.now() });
  for (let i = 0; i < 5; i++) await ourHandshake(port, check); // JIT warm-up
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) {
    await ourHandshake(port, check);
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

export async function benchTlsLoopback(): Promise<void> {
  if (spawnSync('sh', ['-c', 'command -v openssl']).status !== 0) {
    console.log('\nTLS on loopback beside OpenSSL: skipped (openssl not installed)');
    return;
  }
  console.log(`\nTLS 1.3 handshakes/s on loopback (${SUITE}, X25519, certificate from our lab CA, chain verified; ${SECONDS} s per pairing, one connection at a time):`);
  console.log('  certificate   client → server                  handshakes/s');
  for (const keyType of ['p256', 'ed25519'] as KeyType[]) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-tls-'));
    const now = Date.now();
    const validity = { notBefore: now - 3_600_000, notAfter: now + 86_400_000, keyType, randomBytes };
    const ca = makeLabCa({ name: 'Messenger Lab CA', ...validity });
    const leaf = issueServerCert(ca, { domain: NAME, ...validity });
    writeFileSync(join(dir, 'ca.pem'), ca.pem);
    writeFileSync(join(dir, 'cert.pem'), leaf.pem);
    writeFileSync(join(dir, 'key.pem'), leaf.keyPem, { mode: 0o600 });
    const label = keyType === 'p256' ? 'ECDSA P-256' : 'Ed25519    ';
    try {
      for (const [serverName, start] of [['openssl s_server', opensslServer], ['our peer:tls server', ourServer]] as const) {
        const server = await start(dir);
        try {
          for (const [clientName, run] of [['openssl s_time', () => opensslClient(server.port, dir)], ['our lib/tls client', () => ourClient(server.port, ca.der)]] as const) {
            const rate = await run();
            console.log(`  ${label}   ${`${clientName} → ${serverName}`.padEnd(41)} ${fmt(rate).padStart(6)}`);
          }
        } finally {
          await stop(server);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

