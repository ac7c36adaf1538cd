/**
 * `npm run peer:xmpp-server -- --port P --domain D --user name:password … [--cert F --key F]
 *  [--host 127.0.0.1] [--s2s-port P2] [--s2s-remote-port P3] [--hosts FILE] [--mechanisms M,M] [--tls none|starttls|required] [--muc conference.D] [--trace]`
 *
 * The engine's server state machines on real TCP sockets (xmpp-server-host.ts). Prints one JSON line
 * when listening — {"ev":"listening","domain","host","port","s2sPort","pid"} (port 0 picks a free
 * one) — and, with --trace, every stream chunk and note to stderr as JSON lines. Stops cleanly on
 * SIGTERM, SIGINT, or when stdin (a pipe or terminal) closes.
 * @module
 */
import { fstatSync, readFileSync } from 'node:fs';
import { formatNote } from '../narration/notes';
import type { Account, SaslMechanismSetting, Settings } from '../sim/types';
import { utf8Text, type NetHostEvent } from './net-host';
import { parseHosts, startXmppServer } from './xmpp-server-host';

const USAGE =
  'usage: xmpp-server-peer --port P --domain D --user name:password … [--cert F --key F] [--host 127.0.0.1] [--s2s-port P2] [--s2s-remote-port P3] [--hosts FILE] [--mechanisms M,M] [--tls none|starttls|required] [--muc conference.D] [--trace]\n';

function fail(msg: string): never {
  process.stderr.write(`xmpp-server-peer: ${msg}\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const opts: Record<string, string[]> = {};
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--') continue;
  if (!a.startsWith('--')) fail(`unexpected argument ${a}`);
  const name = a.slice(2);
  if (name === 'trace') {
    opts.trace = ['1'];
    continue;
  }
  const v = args[++i];
  if (v === undefined) fail(`--${name} needs a value`);
  (opts[name] ??= []).push(v);
}
const one = (n: string): string | undefined => opts[n]?.[opts[n]!.length - 1];
const known = new Set(['port', 'domain', 'user', 'cert', 'key', 'host', 's2s-port', 's2s-remote-port', 'hosts', 'mechanisms', 'tls', 'muc', 'trace']);
for (const k of Object.keys(opts)) if (!known.has(k)) fail(`unknown option --${k}`);

const port = Number(one('port'));
const domain = one('domain');
if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a port number (0 = any free port)');
if (!domain) fail('--domain is required');
const users: Account[] = (opts.user ?? []).map((u) => {
  const i = u.indexOf(':');
  if (i <= 0) fail(`--user ${u}: expected name:password`);
  return { user: u.slice(0, i), password: u.slice(i + 1) };
});
const tlsOpt = one('tls');
if (tlsOpt !== undefined && !['none', 'starttls', 'required'].includes(tlsOpt)) fail('--tls must be none, starttls or required');
// XEP-0045's room service at its subdomain (lib/xmpp/muc); without --muc the server runs none.
const muc = one('muc');
if (muc !== undefined && muc !== `conference.${domain}`) fail(`--muc must be conference.${domain} (the subdomain lib/xmpp/muc answers at)`);
const mechanisms = one('mechanisms')?.split(',') as SaslMechanismSetting[] | undefined;
const num = (n: string): number | undefined => (one(n) === undefined ? undefined : Number(one(n)));
const trace = !!opts.trace;

function log(ev: NetHostEvent): void {
  const line =
    ev.type === 'in'
      ? { ev: 'in', from: ev.from, conn: ev.conn, text: utf8Text(ev.data) }
      : ev.type === 'out'
        ? { ev: 'out', to: ev.to, conn: ev.conn, text: utf8Text(ev.data), says: formatNote(ev.note, 'en') }
        : { ev: ev.type, ...ev };
  process.stderr.write(JSON.stringify(line) + '\n');
}

let running: Awaited<ReturnType<typeof startXmppServer>> | null = null;
let stopping = false;
async function shutdown(why: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (trace) process.stderr.write(JSON.stringify({ ev: 'shutdown', why }) + '\n');
  await running?.close();
  process.exit(0);
}
// Handlers first: a SIGTERM that comes during start-up is a clean exit too.
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
// Stdin closing ends the peer when it is a pipe or a terminal (not when it is /dev/null).
const st = fstatSync(0);
if (st.isFIFO() || st.isSocket() || process.stdin.isTTY) {
  process.stdin.on('end', () => void shutdown('stdin closed'));
  process.stdin.on('close', () => void shutdown('stdin closed'));
  process.stdin.resume();
}

running = await startXmppServer({
  host: one('host') ?? '127.0.0.1',
  port,
  domain,
  users,
  ...(one('cert') ? { cert: readFileSync(one('cert')!, 'utf8') } : {}),
  ...(one('key') ? { key: readFileSync(one('key')!, 'utf8') } : {}),
  ...(tlsOpt ? { tls: tlsOpt as Settings['tls'] } : {}),
  muc: muc !== undefined,
  ...(mechanisms ? { mechanisms } : {}),
  ...(num('s2s-port') !== undefined ? { s2sPort: num('s2s-port') } : {}),
  ...(num('s2s-remote-port') !== undefined ? { s2sRemotePort: num('s2s-remote-port') } : {}),
  ...(one('hosts') ? { hosts: parseHosts(readFileSync(one('hosts')!, 'utf8')) } : {}),
  observe: (ev) => {
    if (trace || ev.type === 'fault') log(ev);
  },
}).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));

process.stdout.write(JSON.stringify({ ev: 'listening', domain, host: running.host, port: running.port, s2sPort: running.s2sPort, pid: process.pid }) + '\n');
