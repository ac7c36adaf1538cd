/**
 * Interop harness for TLS 1.3: OpenSSL's s_server/s_client and our peer (lib/io/tls-peer.ts,
 * `npm run peer:tls`) as child processes on 127.0.0.1, ports from the OS (listen on 0), each stopped
 * by its own pid. Certificates are made at test time, by OpenSSL (`openssl req`/`openssl x509 -req`:
 * a CA and a server certificate it issues) or by our lab CA (`peer:tls ca`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO, stopProcess } from './xmpp-peers';

export { CI, opensslUnavailable, removeDir, stopProcess, tempDir } from './xmpp-peers';

export type KeyType = 'p256' | 'ed25519';

/** Where a CA and a server certificate for one name were written. */
export interface CertFiles {
  ca: string;
  cert: string;
  key: string;
}

const PEER = ['--import', 'tsx', join(REPO, 'lib/io/tls-peer.ts')];

function openssl(cwd: string, ...args: string[]): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed:\n${r.stderr}`);
}

/** A CA and a server certificate for `name` (DNS SAN) issued by it, all made by OpenSSL. */
export function opensslCerts(dir: string, name: string, kt: KeyType): CertFiles {
  const newkey = kt === 'p256' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-newkey', 'ed25519'];
  openssl(dir, 'req', '-x509', ...newkey, '-nodes', '-days', '2', '-subj', '/CN=OpenSSL Test CA', '-keyout', 'ca.key', '-out', 'ca.pem');
  openssl(dir, 'req', '-new', ...newkey, '-nodes', '-subj', `/CN=${name}`, '-keyout', 'key.pem', '-out', 'server.csr');
  writeFileSync(join(dir, 'ext.cnf'), `subjectAltName=DNS:${name}\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n`);
  openssl(dir, 'x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'ext.cnf', '-out', 'cert.pem');
  return { ca: join(dir, 'ca.pem'), cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') };
}

/** The same, made by our lab CA through `peer:tls ca`. */
export function ourCerts(dir: string, name: string, kt: KeyType): CertFiles {
  const r = spawnSync(process.execPath, [...PEER, 'ca', '--dir', dir, '--name', name, '--key-type', kt], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`peer:tls ca failed (${r.status}):\n${r.stderr}`);
  return { ca: join(dir, 'ca.pem'), cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') };
}

/** An NSS key log (SSLKEYLOGFILE) as a sorted list of its secret lines, comments dropped. */
export function keyLog(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .sort();
}

/** A long-running server process: its port, and its stderr (and stdout) so far. */
export interface Server {
  proc: ChildProcess;
  port: number;
  log: () => string;
  stop: () => Promise<void>;
}

function collect(proc: ChildProcess): () => string {
  let text = '';
  proc.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  return () => text;
}

/** Resolves with the first match of `re` in the process's stdout lines (or fails when it exits first). */
function firstLine(proc: ChildProcess, re: RegExp, what: string, log: () => string, timeoutMs = 10_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: proc.stdout! });
    const t = setTimeout(() => reject(new Error(`${what}: nothing matching ${re} within ${timeoutMs} ms:\n${log()}`)), timeoutMs);
    rl.on('line', (line) => {
      const m = re.exec(line);
      if (!m) return;
      clearTimeout(t);
      rl.close();
      resolve(m);
    });
    proc.once('exit', (code, signal) => {
      clearTimeout(t);
      reject(new Error(`${what} exited (${code ?? signal}) before listening:\n${log()}`));
    });
  });
}

/** `openssl s_server -tls1_3 -rev`: each line it reads comes back reversed. */
export async function startSServer(files: Pick<CertFiles, 'cert' | 'key'>, extra: string[] = []): Promise<Server> {
  const proc = spawn('openssl', ['s_server', '-tls1_3', '-accept', '127.0.0.1:0', '-cert', files.cert, '-key', files.key, '-rev', ...extra], { stdio: ['pipe', 'pipe', 'pipe'] });
  const log = collect(proc);
  const m = await firstLine(proc, /^ACCEPT 127\.0\.0\.1:(\d+)$/, 'openssl s_server', log);
  return { proc, port: Number(m[1]), log, stop: () => stopProcess(proc, 2000) };
}

/** Our server (`peer:tls server --port 0`): echoes each line. */
export async function startOurServer(files: Pick<CertFiles, 'cert' | 'key'>, extra: string[] = []): Promise<Server> {
  const proc = spawn(process.execPath, [...PEER, 'server', '--port', '0', '--cert', files.cert, '--key', files.key, ...extra], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
  const log = collect(proc);
  const m = await firstLine(proc, /^(\{.*\})$/, 'peer:tls server', log);
  return { proc, port: (JSON.parse(m[1]!) as { listening: number }).listening, log, stop: () => stopProcess(proc, 2000) };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function finish(proc: ChildProcess, timeoutMs: number, what: string): Promise<Run> {
  const t0 = Date.now();
  let stdout = '';
  let stderr = '';
  proc.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      if (proc.pid !== undefined) process.kill(proc.pid, 'SIGKILL');
      reject(new Error(`${what} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    proc.once('exit', (code) => {
      clearTimeout(t);
      resolve({ code, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

/** Our client: `input` on stdin (then closed), what came back on stdout. */
export function runOurClient(port: number, servername: string, ca: string, input: string, extra: string[] = [], timeoutMs = 10_000): Promise<Run> {
  const proc = spawn(process.execPath, [...PEER, 'client', '--connect', `127.0.0.1:${port}`, '--servername', servername, '--ca', ca, ...extra], {
    cwd: REPO,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const done = finish(proc, timeoutMs, 'peer:tls client');
  proc.stdin!.end(input);
  return done;
}

/**
 * `openssl s_client -tls1_3`, checking the name (-verify_hostname) and refusing a bad chain
 * (-verify_return_error). stdin stays open until `until` appears on stdout (s_client quits at EOF,
 * which could be before the answer arrives), or until it exits by itself.
 */
export function runSClient(port: number, servername: string, ca: string, input: string, until: string, extra: string[] = [], timeoutMs = 10_000): Promise<Run> {
  const proc = spawn(
    'openssl',
    ['s_client', '-tls1_3', '-connect', `127.0.0.1:${port}`, '-servername', servername, '-verify_hostname', servername, '-CAfile', ca, '-verify_return_error', ...extra],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const done = finish(proc, timeoutMs, 'openssl s_client');
  let seen = '';
  proc.stdout!.on('data', (d: Buffer) => {
    seen += d.toString();
    if (seen.includes(until)) proc.stdin!.end();
  });
  proc.stdin!.on('error', () => undefined); // s_client may be gone already (a failed handshake)
  proc.stdin!.write(input);
  return done;
}
