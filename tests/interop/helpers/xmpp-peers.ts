/**
 * Interop harness for XMPP: throwaway peers on loopback addresses, stopped by their own pids.
 *  - Prosody 0.12 (Debian `prosody`, + `lua-unbound` for s2s name lookups from a private hosts file):
 *    config, self-signed certificate and accounts written into a fresh `.tmp/xmpp-*` directory;
 *    nothing in /etc/prosody or /var/lib/prosody is touched.
 *  - our server (lib/io/xmpp-server-peer.ts, `npm run peer:xmpp-server`) as a child process.
 *  - slixmpp 1.8 (Debian `python3-slixmpp`) through xmpp-slix-driver.py, run with /usr/bin/python3
 *    (the `python3` on PATH may be a pyenv shim that cannot see Debian's dist-packages).
 * Recipes after the shared interop notes (interop/README.md §5), written anew for this project.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
export const SYSTEM_PYTHON = '/usr/bin/python3';
export const SLIX_DRIVER = fileURLToPath(new URL('./xmpp-slix-driver.py', import.meta.url));
export const CI = process.env.CI === 'true';

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

function dpkgInstalled(pkg: string): boolean | null {
  if (!which('dpkg-query')) return null;
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** The test certificates are made with openssl at test time. */
export function opensslUnavailable(): string | null {
  return which('openssl') ? null : 'openssl not installed (apt-get install openssl)';
}

/** Why Prosody cannot run here (naming the Debian package), or null. `s2s` also needs lua-unbound. */
export function prosodyUnavailable(opts: { s2s?: boolean } = {}): string | null {
  if (!which('prosody') || !which('prosodyctl')) return 'prosody not installed (apt-get install prosody lua-unbound)';
  if (!which('openssl')) return 'openssl not installed (apt-get install openssl)';
  if (opts.s2s && dpkgInstalled('lua-unbound') === false) return 'lua-unbound not installed, needed for s2s lookups in a private hosts file (apt-get install lua-unbound)';
  return null;
}

export function slixmppUnavailable(): string | null {
  if (!existsSync(SYSTEM_PYTHON)) return 'missing /usr/bin/python3 (apt-get install python3-slixmpp)';
  const r = spawnSync(SYSTEM_PYTHON, ['-c', 'import slixmpp'], { encoding: 'utf8', cwd: '/' });
  return r.status === 0 ? null : 'python3-slixmpp not importable by /usr/bin/python3 (apt-get install python3-slixmpp)';
}

/** A fresh directory under the repository's .tmp/ (gitignored). */
export function tempDir(prefix: string): string {
  const base = join(REPO, '.tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

/** Remove a temporary directory (kept when KEEP_TMP is set, for a look after a failure). */
export function removeDir(dir: string): void {
  if (!process.env.KEEP_TMP) rmSync(dir, { recursive: true, force: true });
}

/** A port that was free a moment ago on `host`. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen({ host, port: 0, exclusive: true }, () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => res(port));
    });
  });
}

/**
 * A loopback address of its own for this run (127.0.0.0/8 needs no configuration on Linux), so that
 * fixed ports (s2s 5269, which Prosody dials without SRV records) never collide between runs.
 */
export function loopbackAddress(): string {
  const r = () => 2 + Math.floor(Math.random() * 250);
  return `127.${r()}.${r()}.${r()}`;
}

export interface Cert {
  cert: string;
  key: string;
  certPem: string;
}

/** Self-signed certificate for `domain` (+ extra names), made with openssl at test time. */
export function makeCert(dir: string, domain: string, extraNames: string[] = []): Cert {
  const cert = join(dir, `${domain}.crt`);
  const key = join(dir, `${domain}.key`);
  const san = [domain, ...extraNames].map((n) => `DNS:${n}`).join(',');
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${domain}`, '-addext', `subjectAltName=${san}`, '-keyout', key, '-out', cert], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl req failed: ${r.stderr}`);
  return { cert, key, certPem: readFileSync(cert, 'utf8') };
}

/** A given certificate where Prosody looks for the domain's (`certificates` folder: DOMAIN.crt, DOMAIN.key). */
function writeCert(dir: string, domain: string, c: { certPem: string; keyPem: string }): Cert {
  const cert = join(dir, `${domain}.crt`);
  const key = join(dir, `${domain}.key`);
  writeFileSync(cert, c.certPem);
  writeFileSync(key, c.keyPem, { mode: 0o600 });
  return { cert, key, certPem: c.certPem };
}

/** Wait until something accepts TCP connections on host:port (or the process dies). */
export async function waitForPort(host: string, port: number, proc: ChildProcess, timeoutMs: number, what: string, log: () => string): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`${what} exited (${proc.exitCode ?? proc.signalCode}) before listening:\n${log()}`);
    const ok = await new Promise<boolean>((res) => {
      const s = net.connect({ host, port });
      s.once('connect', () => {
        s.destroy();
        res(true);
      });
      s.once('error', () => res(false));
    });
    if (ok) return;
    if (Date.now() - t0 > timeoutMs) throw new Error(`${what} did not listen on ${host}:${port} within ${timeoutMs} ms:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** SIGTERM by pid, SIGKILL after `graceMs`; resolves when the process is gone. */
export async function stopProcess(proc: ChildProcess, graceMs = 5000): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return;
  const gone = new Promise<void>((res) => proc.once('exit', () => res()));
  process.kill(proc.pid, 'SIGTERM');
  const t = setTimeout(() => {
    if (proc.exitCode === null && proc.signalCode === null && proc.pid !== undefined) process.kill(proc.pid, 'SIGKILL');
  }, graceMs);
  await gone;
  clearTimeout(t);
}

// ---------------------------------------------------------------------------------------------
// Prosody

export interface ProsodyOptions {
  domain: string;
  /** Loopback address Prosody listens on. */
  host: string;
  c2sPort: number;
  s2sPort: number;
  users: { user: string; password: string }[];
  /** 'SHA-256': store SCRAM-SHA-256 credentials and offer SCRAM-SHA-256 (Prosody offers one SCRAM hash). */
  passwordHash?: 'SHA-1' | 'SHA-256';
  /** `ip name …` lines for s2s lookups through lua-unbound (no /etc/hosts edit, DNS pinned to loopback). */
  hosts?: string;
  /** Extra modules (e.g. 's2s_bidi'). */
  modules?: string[];
  /** The certificate and key Prosody presents (PEM text), e.g. issued by our lab CA; absent = a self-signed RSA one from openssl. */
  certificate?: { certPem: string; keyPem: string };
}

export class Prosody {
  readonly dir: string;
  readonly cert: Cert;
  private proc: ChildProcess | null = null;
  private stdout = '';

  constructor(readonly opts: ProsodyOptions) {
    this.dir = tempDir(`xmpp-prosody-${opts.domain}`);
    mkdirSync(join(this.dir, 'certs'));
    mkdirSync(join(this.dir, 'data'));
    this.cert = opts.certificate ? writeCert(join(this.dir, 'certs'), opts.domain, opts.certificate) : makeCert(join(this.dir, 'certs'), opts.domain);
    let unbound = '';
    if (opts.hosts !== undefined) {
      writeFileSync(join(this.dir, 'hosts'), opts.hosts);
      unbound = `unbound = { hoststxt = ${lua(join(this.dir, 'hosts'))}; resolvconf = false; forward = "127.0.0.1" }`;
    }
    const modules = ['roster', 'saslauth', 'tls', 'disco', 'ping', 'dialback', 'offline', ...(opts.modules ?? [])];
    writeFileSync(
      this.configPath,
      `-- Messenger Lab interop: a throwaway loopback-only Prosody (tests/interop/helpers/xmpp-peers.ts)
local base = ${lua(this.dir)}
run_as_root = true                  -- CI runs as root; mod_posix refuses otherwise
pidfile = base .. "/prosody.pid"
data_path = base .. "/data"
interfaces = { ${lua(opts.host)} }
c2s_ports = { ${opts.c2sPort} }
s2s_ports = { ${opts.s2sPort} }
c2s_direct_tls_ports = { }
s2s_direct_tls_ports = { }
http_ports = { }
https_ports = { }
admins = { }
modules_enabled = { ${modules.map(lua).join('; ')} }
modules_disabled = { "admin_socket" }
authentication = "internal_hashed"
password_hash = ${lua(opts.passwordHash ?? 'SHA-1')}
storage = "internal"
c2s_require_encryption = true
s2s_require_encryption = false
s2s_secure_auth = false             -- self-signed certificates: s2s is authenticated by dialback
allow_registration = false
limits = { }
log = { { levels = { min = "debug" }, to = "file", filename = base .. "/prosody.log" } }
certificates = base .. "/certs"
${unbound}

VirtualHost ${lua(opts.domain)}
`,
    );
    for (const u of opts.users) this.register(u.user, u.password);
  }

  get configPath(): string {
    return join(this.dir, 'prosody.cfg.lua');
  }

  register(user: string, password: string): void {
    const r = spawnSync('prosodyctl', ['--config', this.configPath, 'register', user, this.opts.domain, password], { encoding: 'utf8', timeout: 20_000 });
    if (r.status !== 0) throw new Error(`prosodyctl register ${user} failed (${r.status}): ${r.stderr}${r.stdout}`);
  }

  async start(timeoutMs = 15_000): Promise<void> {
    // Its own process group (like setsid), so that a stop never reaches us; stopped by pid.
    this.proc = spawn('prosody', ['-F', '--config', this.configPath], { cwd: this.dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc.stdout!.on('data', (d: Buffer) => (this.stdout += d.toString()));
    this.proc.stderr!.on('data', (d: Buffer) => (this.stdout += d.toString()));
    await waitForPort(this.opts.host, this.opts.c2sPort, this.proc, timeoutMs, `prosody ${this.opts.domain}`, () => this.stdout + this.log().slice(-3000));
  }

  log(): string {
    const f = join(this.dir, 'prosody.log');
    return existsSync(f) ? readFileSync(f, 'utf8') : '';
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  /** SIGTERM by pid (a clean shutdown takes about 2 s), SIGKILL after 6 s. */
  async stop(): Promise<void> {
    if (this.proc) await stopProcess(this.proc, 6000);
    this.proc = null;
  }

  async clean(): Promise<void> {
    await this.stop();
    removeDir(this.dir);
  }
}

function lua(s: string): string {
  return JSON.stringify(s);
}

// ---------------------------------------------------------------------------------------------
// Our server as a child process (npm run peer:xmpp-server)

export interface OurServerOptions {
  domain: string;
  host?: string;
  port?: number;
  users: { user: string; password: string }[];
  cert?: Cert;
  s2sPort?: number;
  s2sRemotePort?: number;
  hosts?: string;
  mechanisms?: string[];
  trace?: boolean;
}

export class OurServer {
  readonly proc: ChildProcess;
  readonly ready: Promise<{ host: string; port: number; s2sPort: number | null }>;
  stderr = '';
  port = 0;
  readonly dir: string;

  constructor(readonly opts: OurServerOptions) {
    this.dir = tempDir(`xmpp-ours-${opts.domain}`);
    const args = ['--import', 'tsx', join(REPO, 'lib/io/xmpp-server-peer.ts'), '--host', opts.host ?? '127.0.0.1', '--port', String(opts.port ?? 0), '--domain', opts.domain];
    for (const u of opts.users) args.push('--user', `${u.user}:${u.password}`);
    args.push('--muc', `conference.${opts.domain}`);
    if (opts.cert) args.push('--cert', opts.cert.cert, '--key', opts.cert.key);
    if (opts.s2sPort !== undefined) args.push('--s2s-port', String(opts.s2sPort));
    if (opts.s2sRemotePort !== undefined) args.push('--s2s-remote-port', String(opts.s2sRemotePort));
    if (opts.hosts !== undefined) {
      writeFileSync(join(this.dir, 'hosts'), opts.hosts);
      args.push('--hosts', join(this.dir, 'hosts'));
    }
    if (opts.mechanisms) args.push('--mechanisms', opts.mechanisms.join(','));
    if (opts.trace) args.push('--trace');
    this.proc = spawn(process.execPath, args, { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.ready = new Promise((res, rej) => {
      const t = setTimeout(() => rej(new Error(`our server ${opts.domain}: no 'listening' line in 20 s; stderr: ${this.stderr}`)), 20_000);
      this.proc.once('exit', (code) => rej(new Error(`our server ${opts.domain} exited (${code}); stderr: ${this.stderr}`)));
      createInterface({ input: this.proc.stdout! }).once('line', (line) => {
        clearTimeout(t);
        const ev = JSON.parse(line) as { ev: string; host: string; port: number; s2sPort: number | null };
        if (ev.ev !== 'listening') return rej(new Error(`our server: unexpected first line ${line}`));
        this.port = ev.port;
        res(ev);
      });
    });
  }

  /** Close stdin (the peer's clean shutdown), then SIGTERM/SIGKILL by pid if it lingers. */
  async stop(): Promise<void> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) {
      const gone = new Promise<void>((res) => this.proc.once('exit', () => res()));
      this.proc.stdin!.end();
      const t = setTimeout(() => void stopProcess(this.proc, 2000), 3000);
      await gone;
      clearTimeout(t);
    }
    removeDir(this.dir);
  }
}

// ---------------------------------------------------------------------------------------------
// slixmpp

export interface SlixEvent {
  ev: string;
  [k: string]: unknown;
}

export interface SlixRun {
  status: number | null;
  events: SlixEvent[];
  stderr: string;
}

/** Run xmpp-slix-driver.py to completion (bounded by `timeoutMs`, then SIGKILL by pid). */
export function runSlix(args: { host: string; port: number; domain: string; cafile: string; users: { user: string; password: string }[]; steps: string[]; mech?: string; timeoutS?: number }, timeoutMs = 60_000): Promise<SlixRun> {
  const argv = [SLIX_DRIVER, '--host', args.host, '--port', String(args.port), '--domain', args.domain, '--cafile', args.cafile, '--steps', args.steps.join(','), '--timeout', String(args.timeoutS ?? 10)];
  for (const u of args.users) argv.push('--user', `${u.user}:${u.password}`);
  if (args.mech) argv.push('--mech', args.mech);
  const proc = spawn(SYSTEM_PYTHON, argv, { cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((res) => {
    const t = setTimeout(() => proc.pid !== undefined && process.kill(proc.pid, 'SIGKILL'), timeoutMs);
    proc.once('close', (status) => {
      clearTimeout(t);
      const events = stdout
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => {
          try {
            return JSON.parse(l) as SlixEvent;
          } catch {
            return { ev: 'unparsed', line: l };
          }
        });
      res({ status, events, stderr: stderr.split('\n').filter((l) => !/stringprep|Task was destroyed|^task: <Task/.test(l)).join('\n') });
    });
  });
}
