/**
 * Interop harness for OMEMO 2: JSON-lines peers (interop/omemo/README.md §3) — ours
 * (lib/io/omemo-peer.ts, `npm run peer:omemo`) and python-omemo 1.0.2 + python-twomemo 1.0.3
 * (Debian, through the interop folder's omemo_peer.py) — in any seat, and a PEP stand-in that hands
 * every published device list and bundle to every other peer, as a server's +notify would.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { INTEROP_DIR, REPO, SYSTEM_PYTHON } from './otr-peers';

export type OmemoPeerKind = 'ours' | 'python';
export type OmemoEvent = Record<string, unknown> & { ev: string };

export const OMEMO_PEER_PY = join(INTEROP_DIR, 'omemo/omemo_peer.py');
export const OMEMO_DEBIAN = 'python3-omemo python3-twomemo python3-oldmemo python3-doubleratchet python3-x3dh python3-xeddsa python3-xmlschema';

/** Why python-omemo cannot run here (naming the Debian packages), or null when it can. */
export function omemoPythonUnavailable(): string | null {
  if (!existsSync(SYSTEM_PYTHON)) return `missing /usr/bin/python3 (apt-get install ${OMEMO_DEBIAN})`;
  const r = spawnSync(SYSTEM_PYTHON, ['-c', 'import omemo, twomemo, twomemo.etree, oldmemo'], { encoding: 'utf8' });
  if (r.status !== 0) return `python-omemo not importable (apt-get install ${OMEMO_DEBIAN})`;
  if (!existsSync(OMEMO_PEER_PY)) return `omemo_peer.py not found in ${join(INTEROP_DIR, 'omemo')} (set OTR_INTEROP_DIR)`;
  return null;
}

/** One running peer; `call()` writes a request and resolves with its events up to "done". */
export class OmemoPeer {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly ready: Promise<OmemoEvent[]>;
  device = 0;
  stderr = '';
  private pending: OmemoEvent[] = [];
  private waiters: ((evs: OmemoEvent[]) => void)[] = [];

  constructor(
    readonly name: string,
    readonly kind: OmemoPeerKind,
    readonly jid: string,
    extra: string[] = [],
  ) {
    const args = ['--jid', jid, '--label', name, ...extra];
    this.proc =
      kind === 'ours'
        ? spawn(process.execPath, ['--import', 'tsx', join(REPO, 'lib/io/omemo-peer.ts'), ...args], { cwd: REPO })
        : spawn(SYSTEM_PYTHON, [OMEMO_PEER_PY, ...args]);
    this.proc.stderr.on('data', (d: Buffer) => void (this.stderr += d.toString()));
    createInterface({ input: this.proc.stdout }).on('line', (line) => {
      const ev = JSON.parse(line) as OmemoEvent;
      if (ev.ev !== 'done') return void this.pending.push(ev);
      const evs = this.pending;
      this.pending = [];
      this.waiters.shift()?.(evs);
    });
    this.ready = this.next().then((evs) => {
      const r = evs.find((e) => e.ev === 'ready');
      if (!r) throw new Error(`${name} (${kind}) did not start: ${this.stderr}`);
      this.device = r.device as number;
      return evs;
    });
  }

  private next(): Promise<OmemoEvent[]> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${this.name} (${this.kind}) timed out; stderr: ${this.stderr.slice(-2000)}`)), 20_000);
      this.waiters.push((evs) => {
        clearTimeout(t);
        resolve(evs);
      });
    });
  }

  async call(req: Record<string, unknown>): Promise<OmemoEvent[]> {
    await this.ready;
    const done = this.next();
    this.proc.stdin.write(JSON.stringify(req) + '\n');
    return done;
  }

  async one(req: Record<string, unknown>, ev: string): Promise<OmemoEvent> {
    const evs = await this.call(req);
    const hit = evs.find((e) => e.ev === ev);
    if (!hit) throw new Error(`${this.name} (${this.kind}): no ${ev} event for ${JSON.stringify(req).slice(0, 200)}: ${JSON.stringify(evs).slice(0, 600)}`);
    return hit;
  }

  async close(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise((r) => this.proc.once('exit', r));
    this.proc.stdin.end(JSON.stringify({ op: 'quit' }) + '\n');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

/** Start peers and let PEP introduce them: every device list to everyone, every bundle to everyone else. */
export async function startNetwork(specs: { name: string; kind: OmemoPeerKind; jid: string; extra?: string[] }[]): Promise<OmemoPeer[]> {
  const peers = specs.map((s) => new OmemoPeer(s.name, s.kind, s.jid, s.extra));
  await Promise.all(peers.map((p) => p.ready));
  const lists: Record<string, Record<string, string | null>> = {};
  for (const p of peers) (lists[p.jid] ??= {})[String(p.device)] = p.name;
  const bundles = new Map<OmemoPeer, string>();
  for (const p of peers) bundles.set(p, (await p.one({ op: 'bundle' }, 'bundle')).xml as string);
  for (const p of peers) {
    for (const [jid, devices] of Object.entries(lists)) await p.one({ op: 'add_devicelist', jid, devices }, 'ok');
    for (const q of peers) if (q !== p) await p.one({ op: 'add_bundle', jid: q.jid, device: q.device, bundle: bundles.get(q) }, 'ok');
  }
  return peers;
}

export interface Delivery {
  to: OmemoPeer;
  events: OmemoEvent[];
  decrypted: OmemoEvent | null;
  error: OmemoEvent | null;
}

/**
 * Hand `xml` from `sender` to each recipient; what a recipient sends back by itself (the empty
 * message completing a key exchange) goes to every other device of the addressed account, and a
 * republished bundle to everyone else — what the server would do.
 */
export async function deliver(all: OmemoPeer[], sender: OmemoPeer, xml: string, recipients: OmemoPeer[]): Promise<Delivery[]> {
  const out: Delivery[] = [];
  for (const r of recipients) {
    const events = await r.call({ op: 'decrypt', from: sender.jid, xml });
    out.push({ to: r, events, decrypted: events.find((e) => e.ev === 'decrypted') ?? null, error: events.find((e) => e.ev === 'error') ?? null });
    for (const e of events) {
      if (e.ev === 'publish_bundle') for (const q of all) if (q !== r) await q.one({ op: 'add_bundle', jid: r.jid, device: r.device, bundle: e.xml }, 'ok');
      if (e.ev === 'send') {
        const auto = await deliver(all, r, e.xml as string, all.filter((q) => q.jid === e.to && q !== r));
        for (const d of auto) if (d.error && d.error.type !== 'MessageNotForUs') throw new Error(`${d.to.name} could not read ${r.name}'s empty message: ${JSON.stringify(d.error)}`);
      }
    }
  }
  return out;
}
