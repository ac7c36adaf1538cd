/**
 * `npm run peer:tls -- ca --dir D --name a.example [--key-type p256|ed25519]`
 * `npm run peer:tls -- server --port P --cert F --key F [--host 127.0.0.1] [--keylog F]`
 * `npm run peer:tls -- client --connect 127.0.0.1:P --servername N --ca F [--keylog F]`
 *
 * lib/tls and lib/x509 as a real peer, for interop with OpenSSL (tests/interop/tls-openssl.test.ts):
 *  - `ca` writes a lab CA (ca.pem) and a server certificate for the name (cert.pem: DNS-ID and
 *    XmppAddr-ID, RFC 6120 §13.7.1.4) with its PKCS #8 key (key.pem), all of which OpenSSL reads.
 *    Unlike the simulator's lab CA (deterministic from the seed), a real peer draws from node:crypto.
 *  - `server` listens on loopback with the sans-I/O TLS 1.3 server driven by node:net and echoes
 *    each line of application data back. Prints one JSON line {"listening":port} (port 0 = any free
 *    one); each connection's outcome goes to stderr ("tls: handshake complete …", "tls: alert …").
 *  - `client` connects, validates the server's chain against the CA file at the current time (a peer
 *    on a real network has only the real clock), sends each stdin line as application data and
 *    prints what comes back. A failed handshake exits 1 with the alert named on stderr, e.g.
 *    `tls: alert unknown_ca (we sent it): unknown-ca: …` or `tls: alert handshake_failure (peer sent it)`.
 * Both stop cleanly on SIGTERM/SIGINT and when stdin (a pipe or terminal) closes — the client after
 * its close_notify has been answered. Usage errors exit 2. `--keylog F` appends each connection's
 * secrets in the NSS key log format (SSLKEYLOGFILE: Wireshark reads it; OpenSSL writes the same
 * lines with -keylogfile, which is how the tests compare key schedules).
 * @module
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { closeClient, receiveClient, sendClient, startClient, type ClientState } from '../tls/client';
import { closeServer, createServer, receiveServer, sendServer, type ServerState } from '../tls/server';
import { keyLogLines } from '../tls/keylog';
import type { Secrets, Step, TlsEvent } from '../tls/state';
import type { KeyType } from '../x509/encode';
import { serverIdentity } from '../x509/identity';
import { issueServerCert, makeLabCa } from '../x509/lab-ca';
import { fromPem } from '../x509/pem';
import { certificateChecker } from '../x509/validate';
import { isLoopback, onStop, parseOptions, randomBytes } from './cli';

const USAGE = `usage: tls-peer ca --dir D --name a.example [--key-type p256|ed25519]
       tls-peer server --port P --cert F --key F [--host 127.0.0.1] [--keylog F]
       tls-peer client --connect 127.0.0.1:P --servername N --ca F [--keylog F]
`;

function usage(msg: string): never {
  process.stderr.write(`tls-peer: ${msg}\n${USAGE}`);
  process.exit(2);
}

const DAY = 86_400_000;

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    return usage(`cannot read ${what} ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const describeAlert = (ev: Extract<TlsEvent, { type: 'alert' }>): string =>
  `tls: alert ${ev.alert.name} (${ev.sent ? 'we sent it' : 'peer sent it'})${ev.alert.reason ? `: ${ev.alert.reason}` : ''}`;

/** Appends the key log lines of a finished handshake (all five secrets are known by then). */
function writeKeyLog(file: string | undefined, secrets: Secrets): void {
  if (file) appendFileSync(file, keyLogLines(secrets).map((l) => `${l}\n`).join(''), { mode: 0o600 });
}

// ---------------------------------------------------------------------------------------------
// ca

function ca(args: string[]): void {
  const o = parseOptions(args, ['dir', 'name', 'key-type'], usage);
  if (!o.dir) usage('ca: --dir is required');
  if (!o.name) usage('ca: --name is required');
  const keyType = (o['key-type'] ?? 'p256') as KeyType;
  if (keyType !== 'p256' && keyType !== 'ed25519') usage('--key-type must be p256 or ed25519');
  // A real CA's clock: valid from an hour ago (clock skew) for 30 days.
  const now = Date.now();
  const validity = { notBefore: now - 3_600_000, notAfter: now + 30 * DAY, keyType, randomBytes };
  const root = makeLabCa({ name: 'Messenger Lab CA', ...validity });
  const server = issueServerCert(root, { domain: o.name, xmppAddrs: [o.name], ...validity });
  mkdirSync(o.dir, { recursive: true });
  writeFileSync(join(o.dir, 'ca.pem'), root.pem);
  writeFileSync(join(o.dir, 'cert.pem'), server.pem);
  writeFileSync(join(o.dir, 'key.pem'), server.keyPem, { mode: 0o600 });
  process.stdout.write(JSON.stringify({ dir: o.dir, name: o.name, keyType, files: ['ca.pem', 'cert.pem', 'key.pem'] }) + '\n');
}

// ---------------------------------------------------------------------------------------------
// server

/** Splits a byte stream into lines (LF-terminated), keeping the LF; the tail waits for more. */
function lineSplitter(): (data: Uint8Array) => Uint8Array[] {
  let buf = new Uint8Array(0);
  return (data) => {
    const all = new Uint8Array(buf.length + data.length);
    all.set(buf);
    all.set(data, buf.length);
    const lines: Uint8Array[] = [];
    let start = 0;
    for (let i = 0; i < all.length; i++) {
      if (all[i] === 0x0a) {
        lines.push(all.slice(start, i + 1));
        start = i + 1;
      }
    }
    buf = all.slice(start);
    return lines;
  };
}

function server(args: string[]): void {
  const o = parseOptions(args, ['port', 'cert', 'key', 'host', 'keylog'], usage);
  const port = Number(o.port);
  if (o.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535) usage('server: --port must be a port number (0 = any free port)');
  if (!o.cert || !o.key) usage('server: --cert and --key are required');
  const host = o.host ?? '127.0.0.1';
  if (!isLoopback(host)) usage(`server: --host must be a 127.x address, not ${host}`);
  const identity = serverIdentity(readText(o.cert, 'certificate'), readText(o.key, 'key'));
  if (!identity.ok) usage(`server: ${identity.reason}`);
  const config = { certificateChain: identity.certificateChain, signatureScheme: identity.signatureScheme, privateKey: identity.privateKey };

  const sockets = new Set<net.Socket>();
  const listener = net.createServer((socket) => {
    sockets.add(socket);
    const who = `${socket.remotePort ?? '?'}`;
    let state: ServerState = createServer(config, randomBytes);
    const lines = lineSplitter();
    const apply = (step: Step<ServerState>): void => {
      state = step.state;
      for (const record of step.out) socket.write(record);
      for (const ev of step.events) {
        if (ev.type === 'handshake-complete') {
          writeKeyLog(o.keylog, state.secrets);
          process.stderr.write(`tls: [${who}] handshake complete${ev.serverName ? ` for ${ev.serverName}` : ''}\n`);
        }
        else if (ev.type === 'alert') process.stderr.write(`${describeAlert(ev).replace('tls:', `tls: [${who}]`)}\n`);
        else if (ev.type === 'application-data')
          for (const line of lines(ev.data)) if (state.phase === 'connected' && !state.sentCloseNotify) apply(sendServer(state, line));
      }
      if (state.phase === 'failed' || state.phase === 'closed') socket.end();
    };
    socket.on('data', (data: Buffer) => apply(receiveServer(state, new Uint8Array(data))));
    socket.on('end', () => {
      if (state.phase === 'connected') apply(closeServer(state));
      socket.end();
    });
    socket.on('error', (e) => process.stderr.write(`tls: [${who}] socket error: ${e.message}\n`));
    socket.on('close', () => sockets.delete(socket));
  });
  let stopping = false;
  onStop((why) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`tls-peer: stopping (${why})\n`);
    for (const s of sockets) s.destroy();
    listener.close(() => process.exit(0));
  }, 'pipe-or-tty');
  listener.on('error', (e) => usage(`server: ${e.message}`));
  listener.listen({ host, port }, () => {
    process.stdout.write(JSON.stringify({ listening: (listener.address() as net.AddressInfo).port, host, pid: process.pid }) + '\n');
  });
}

// ---------------------------------------------------------------------------------------------
// client

function client(args: string[]): void {
  const o = parseOptions(args, ['connect', 'servername', 'ca', 'keylog'], usage);
  const m = /^(.+):(\d+)$/.exec(o.connect ?? '');
  if (!m) usage('client: --connect host:port is required');
  const host = m[1]!;
  const port = Number(m[2]);
  if (!isLoopback(host)) usage(`client: --connect must name a 127.x address, not ${host}`);
  if (!o.servername) usage('client: --servername is required');
  if (!o.ca) usage('client: --ca is required');
  const anchors = fromPem(readText(o.ca, 'CA file'), 'CERTIFICATE');
  if (anchors.length === 0) usage(`client: no CERTIFICATE in ${o.ca}`);
  const hooks = { checkCertificate: certificateChecker({ anchors, now: Date.now() }) };

  const socket = net.connect({ host, port });
  // Compatibility mode (RFC 8446 Appendix D.4), as OpenSSL's own client speaks by default.
  const first = startClient({ serverName: o.servername, compatibilityMode: true }, randomBytes);
  let state: ClientState = first.state;
  let failed = false;
  let inputDone = false;
  const waiting: Uint8Array[] = [];

  const finish = (code: number): void => {
    socket.end();
    process.exit(code);
  };
  const closeIfDone = (): void => {
    if (inputDone && state.phase === 'connected' && !state.sentCloseNotify) apply(closeClient(state));
  };
  const apply = (step: Step<ClientState>): void => {
    state = step.state;
    for (const record of step.out) socket.write(record);
    for (const ev of step.events) {
      if (ev.type === 'alert' && ev.alert.name !== 'close_notify') {
        failed = true;
        process.stderr.write(describeAlert(ev) + '\n');
      } else if (ev.type === 'handshake-complete') {
        writeKeyLog(o.keylog, state.secrets);
        process.stderr.write(`tls: handshake complete with ${o.servername}\n`);
      }
      else if (ev.type === 'application-data') process.stdout.write(ev.data);
    }
    if (state.phase === 'connected' && !state.sentCloseNotify)
      while (waiting.length > 0) {
        const line = waiting.shift()!;
        apply(sendClient(state, line));
      }
    if (state.phase === 'failed') return finish(1);
    if (state.receivedCloseNotify) return finish(failed ? 1 : 0);
    closeIfDone();
  };

  socket.on('connect', () => apply(first));
  socket.on('data', (data: Buffer) => apply(receiveClient(state, new Uint8Array(data), hooks)));
  socket.on('end', () => {
    if (state.phase !== 'connected' && !state.receivedCloseNotify) {
      process.stderr.write(`tls: connection closed by the peer in phase ${state.phase}\n`);
      return finish(1);
    }
    finish(failed ? 1 : 0);
  });
  socket.on('error', (e) => {
    process.stderr.write(`tls: socket error: ${e.message}\n`);
    process.exit(1);
  });

  const lines = lineSplitter();
  process.stdin.on('data', (data: Buffer) => {
    for (const line of lines(new Uint8Array(data))) {
      if (state.phase === 'connected' && !state.sentCloseNotify) apply(sendClient(state, line));
      else waiting.push(line);
    }
  });
  onStop((why) => {
    if (why === 'stdin closed') {
      inputDone = true;
      // a last line without LF still goes out
      const rest = lines(Uint8Array.of(0x0a));
      for (const line of rest) if (line.length > 1) waiting.push(line);
      if (state.phase === 'connected') apply({ state, out: [], events: [] });
      return;
    }
    if (state.phase === 'connected') apply(closeClient(state));
    finish(0);
  }, 'always');
}

// ---------------------------------------------------------------------------------------------

const [command, ...rest] = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
if (command === 'ca') ca(rest);
else if (command === 'server') server(rest);
else if (command === 'client') client(rest);
else usage(command === undefined ? 'a subcommand is needed' : `unknown subcommand ${command}`);
