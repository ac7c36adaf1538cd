/**
 * What the command-line peers (`npm run peer:tls`, `peer:stun`) share: their option parsing, the
 * loopback-only rule, the way they stop, and real randomness. The peers are tools for tests on one
 * machine, so each refuses any address outside 127.0.0.0/8.
 * @module
 */
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { fstatSync } from 'node:fs';

/** Loopback only: these peers are for tests on one machine, never a listener on the network. */
export const isLoopback = (host: string): boolean => /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/** `127.x.y.z:PORT` (port 1–65535) as host and port, or null. */
export function loopbackHostPort(text: string | undefined): { host: string; port: number } | null {
  const m = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}):(\d{1,5})$/.exec(text ?? '');
  const port = Number(m?.[2]);
  return m && port >= 1 && port <= 65535 ? { host: m[1]!, port } : null;
}

/** `--rto MS`: RFC 8489 §6.2.1's initial retransmission timeout, 500 ms unless given. */
export function rtoOption(value: string | undefined, usage: (msg: string) => never): number {
  const rto = value === undefined ? 500 : Number(value);
  if (!Number.isInteger(rto) || rto < 1) usage('--rto must be a positive number of milliseconds');
  return rto;
}

/** Real randomness for a real peer (the simulator's comes from its seed). */
export const randomBytes = (n: number): Uint8Array => new Uint8Array(nodeRandomBytes(n));

/**
 * `--name value` options (and `--flag` for the names in `flags`, set to 'true'); anything else goes to
 * `usage`, which prints the peer's usage and exits 2.
 */
export function parseOptions(args: readonly string[], known: readonly string[], usage: (msg: string) => never, flags: readonly string[] = []): Record<string, string> {
  const opts: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') continue;
    if (!a.startsWith('--')) usage(`unexpected argument ${a}`);
    const name = a.slice(2);
    if (flags.includes(name)) {
      opts[name] = 'true';
      continue;
    }
    if (!known.includes(name)) usage(`unknown option --${name}`);
    const v = args[++i];
    if (v === undefined) usage(`--${name} needs a value`);
    opts[name] = v;
  }
  return opts;
}

/**
 * Stop on SIGTERM/SIGINT, and when stdin ends: for a server only if stdin is a pipe or a terminal
 * (a server started with </dev/null runs until signalled); for a client always (no more input).
 */
export function onStop(stop: (why: string) => void, stdin: 'pipe-or-tty' | 'always'): void {
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  const st = fstatSync(0);
  if (stdin === 'always' || st.isFIFO() || st.isSocket() || process.stdin.isTTY) {
    process.stdin.on('end', () => stop('stdin closed'));
    process.stdin.resume();
  }
}
