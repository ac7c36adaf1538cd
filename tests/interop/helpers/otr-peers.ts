/**
 * Interop harness for OTR: spawns JSON-lines peers (interop/README.md §2.4) — our engine
 * (lib/io/otr-peer.ts), potr (python3-potr, v2) and libotr (libotr5 through libotr_peer.c, v3+v2) —
 * and relays their wire messages to each other until both are idle.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
/**
 * Where potr_peer.py and libotr_peer.c live: the shared interop folder beside the repository
 * (CI lays shared/ next to its clone), or OTR_INTEROP_DIR.
 */
export const INTEROP_DIR = process.env.OTR_INTEROP_DIR ?? [join(REPO, '../shared/interop'), '/work/shared/interop'].find((d) => existsSync(d)) ?? join(REPO, '../shared/interop');
export const CACHE_DIR = join(REPO, '.tmp/peers');
export const SYSTEM_PYTHON = '/usr/bin/python3';

export type PeerKind = 'ours' | 'potr' | 'libotr';
export type PeerEvent = Record<string, unknown> & { ev: string };

/** Why a peer cannot run here (naming the Debian package), or null when it can. */
export function peerUnavailable(kind: PeerKind): string | null {
  if (kind === 'ours') return null;
  if (kind === 'potr') {
    if (!existsSync(SYSTEM_PYTHON)) return 'missing /usr/bin/python3 (apt-get install python3-potr python3-pycryptodome)';
    const r = spawnSync(SYSTEM_PYTHON, ['-c', 'import potr, Cryptodome'], { encoding: 'utf8' });
    if (r.status !== 0) return 'python3-potr / python3-pycryptodome not importable (apt-get install python3-potr python3-pycryptodome)';
    if (!existsSync(join(INTEROP_DIR, 'potr_peer.py'))) return `potr_peer.py not found in ${INTEROP_DIR} (set OTR_INTEROP_DIR)`;
    return null;
  }
  const bin = libotrPeerBinary();
  return typeof bin === 'string' && bin.startsWith('!') ? bin.slice(1) : null;
}

/** Build libotr_peer into .tmp/peers once (rebuilt when the source is newer); '!reason' on failure. */
export function libotrPeerBinary(): string {
  const src = join(INTEROP_DIR, 'libotr_peer.c');
  const bin = join(CACHE_DIR, 'libotr_peer');
  if (!existsSync(src)) return `!libotr_peer.c not found in ${INTEROP_DIR} (set OTR_INTEROP_DIR)`;
  if (existsSync(bin) && statSync(bin).mtimeMs >= statSync(src).mtimeMs) return bin;
  const pc = spawnSync('pkg-config', ['--cflags', '--libs', 'libotr'], { encoding: 'utf8' });
  if (pc.status !== 0) return '!libotr development files missing (apt-get install libotr5-dev pkg-config gcc libc6-dev)';
  mkdirSync(CACHE_DIR, { recursive: true });
  const flags = pc.stdout.trim().split(/\s+/).filter(Boolean);
  const cc = spawnSync('gcc', ['-O2', '-Wall', '-o', bin, src, ...flags, '-lgcrypt'], { encoding: 'utf8' });
  if (cc.status !== 0) return `!building libotr_peer failed (apt-get install gcc libc6-dev libotr5-dev): ${cc.stderr}`;
  return bin;
}

export function tempKeyDir(): string {
  mkdirSync(join(REPO, '.tmp'), { recursive: true });
  return mkdtempSync(join(existsSync(join(REPO, '.tmp')) ? join(REPO, '.tmp') : tmpdir(), 'otr-keys-'));
}

/** One running peer process; `op()` writes a line and resolves with the events up to "done". */
export class Peer {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly ready: Promise<PeerEvent>;
  /** every event ever emitted, in order */
  readonly log: PeerEvent[] = [];
  private waiters: ((e: PeerEvent) => void)[] = [];
  private queue: PeerEvent[] = [];
  stderr = '';

  constructor(
    readonly name: string,
    readonly kind: PeerKind,
    opts: { account: string; peer: string; keyFile: string; versions?: string; mms?: number },
  ) {
    const common = ['--account', opts.account, '--peer', opts.peer, '--key', opts.keyFile];
    const mms = ['--mms', String(opts.mms ?? 0)];
    const versions = opts.versions ? ['--versions', opts.versions] : [];
    if (kind === 'ours') {
      this.proc = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'lib/io/otr-peer.ts'), ...common, ...versions, ...mms], { cwd: REPO });
    } else if (kind === 'potr') {
      this.proc = spawn(SYSTEM_PYTHON, [join(INTEROP_DIR, 'potr_peer.py'), ...common, ...mms]);
    } else {
      this.proc = spawn(libotrPeerBinary(), [...common, ...versions, ...mms]);
    }
    this.proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    const rl = createInterface({ input: this.proc.stdout });
    rl.on('line', (line) => {
      if (!line.trim()) return;
      let e: PeerEvent;
      try {
        e = JSON.parse(line) as PeerEvent;
      } catch {
        e = { ev: 'unparsed', line };
      }
      this.log.push(e);
      const w = this.waiters.shift();
      if (w) w(e);
      else this.queue.push(e);
    });
    this.ready = this.next();
  }

  private next(timeoutMs = 30_000): Promise<PeerEvent> {
    const q = this.queue.shift();
    if (q) return Promise.resolve(q);
    return new Promise((res, rej) => {
      const t = setTimeout(() => rej(new Error(`${this.name}: no output for ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push((e) => {
        clearTimeout(t);
        res(e);
      });
    });
  }

  async op(obj: Record<string, unknown>): Promise<PeerEvent[]> {
    this.proc.stdin.write(JSON.stringify(obj) + '\n');
    const out: PeerEvent[] = [];
    for (;;) {
      const e = await this.next();
      out.push(e);
      if (e.ev === 'done') return out;
    }
  }

  async quit(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise<void>((res) => this.proc.once('exit', () => res()));
    this.proc.stdin.write('{"op":"quit"}\n');
    const t = setTimeout(() => this.proc.kill('SIGTERM'), 3000);
    await exited;
    clearTimeout(t);
  }
}

export interface Hop {
  from: string;
  to: string;
  wire: string;
  events: PeerEvent[];
}

/**
 * Deliver the `send` events of `events` (produced by `from`) to `to`, then the replies back, until
 * nothing is left to deliver; returns the new hops (also appended to `transcript`). `intercept` may rewrite or drop (return null) a wire in flight.
 */
export async function relay(
  from: Peer,
  to: Peer,
  events: PeerEvent[],
  transcript: Hop[] = [],
  intercept?: (wire: string, from: Peer, to: Peer) => string | null,
): Promise<Hop[]> {
  const start = transcript.length;
  let pending: { src: Peer; dst: Peer; wire: string }[] = sends(events).map((wire) => ({ src: from, dst: to, wire }));
  for (let rounds = 0; pending.length; rounds++) {
    if (rounds > 100) throw new Error('relay: no quiescence after 100 rounds');
    const next: typeof pending = [];
    for (const { src, dst, wire: w } of pending) {
      const wire = intercept ? intercept(w, src, dst) : w;
      if (wire === null) continue;
      const ev = await dst.op({ op: 'recv', wire });
      transcript.push({ from: src.name, to: dst.name, wire, events: ev });
      next.push(...sends(ev).map((x) => ({ src: dst, dst: src, wire: x })));
    }
    pending = next;
  }
  return transcript.slice(start);
}

export const sends = (events: PeerEvent[]): string[] =>
  events.filter((e) => e.ev === 'send' && typeof e.wire === 'string' && e.wire !== '').map((e) => e.wire as string);

export const eventsOf = (hops: Hop[], peer: string): PeerEvent[] => hops.filter((h) => h.to === peer).flatMap((h) => h.events);
