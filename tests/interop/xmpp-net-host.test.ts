/**
 * lib/io/net-host.ts on its own, with a toy line protocol instead of XMPP: bytes from each socket
 * reach `handle` under that connection's id and `send` outputs go back to the right socket; `timer`
 * outputs fire as real timers; a `tls-upgrade` fact switches exactly that connection to node:tls
 * right after the bytes before it (the STARTTLS pattern of RFC 6120 §5.4.3), with writes queued
 * until the handshake is done; a dropped connection is reported to the machine; `dial` opens
 * outgoing connections on demand, one socket per connection id (`conn`) even to the same node.
 * Like the simulator's kernel it says how bytes came (`transport`: real addresses, `opened` on the
 * first bytes of a socket the peer opened, never on one it dialled), and a send that closes its side
 * ends the socket. Needs openssl (certificate made at test time).
 */
import { toyNote } from '../helpers/toy-note';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetHost, utf8Text, type NetHostEvent } from '../../lib/io/net-host';
import type { HostMachine, HostOutput } from '../../lib/sim/types';
import { peerUnavailable } from './helpers/xmpp-fixtures';
import { makeCert, opensslUnavailable, removeDir, tempDir, type Cert } from './helpers/xmpp-peers';

const missing = opensslUnavailable();
if (missing) peerUnavailable('net-host', missing);

interface ToyState {
  lines: string[];
  timers: string[];
  closed: string[];
}

const enc = (s: string) => new TextEncoder().encode(s);
const send = (to: string, text: string, conn?: string): HostOutput => ({ type: 'send', to, data: enc(text), note: toyNote('toy.send'), layers: [], ...(conn ? { conn } : {}) });

/** "PING" → "PONG"; "STARTTLS" → "GO" and upgrade; "LATER n" → a timer; "TELL id text" → send to another connection; "VIA conn text" → to node echo on connection conn. */
const toy: HostMachine<ToyState> = {
  init: () => ({ lines: [], timers: [], closed: [] }),
  handle(s, input) {
    if (input.type === 'timer') {
      s.timers.push(input.name);
      return [];
    }
    if (input.type !== 'bytes') return [];
    const text = utf8Text(input.data).trim();
    if (text === '#closed') {
      s.closed.push(input.from);
      return [];
    }
    const out: HostOutput[] = [];
    for (const line of text.split('\n')) {
      s.lines.push(`${input.from}: ${line}`);
      if (line === 'PING') out.push(send(input.from, 'PONG\n'));
      else if (line === 'STARTTLS') out.push(send(input.from, 'GO\n'), { type: 'fact', fact: { type: 'tls-upgrade', node: 'toy', peer: input.from, role: 'server', domain: 'toy.test' } }, send(input.from, 'HELLO INSIDE TLS\n'));
      else if (line === 'BYE') out.push({ type: 'send', to: input.from, data: enc('BYE\n'), note: toyNote('toy.send'), layers: [], transport: { proto: 'tcp', src: input.transport!.dst, dst: input.transport!.src, close: true } });
      else if (line.startsWith('LATER ')) out.push({ type: 'timer', name: `t${line.slice(6)}`, after: Number(line.slice(6)) });
      else if (line.startsWith('VIA ')) {
        // Two connections to the same node, told apart by id (as the s2s machine keeps one per direction).
        const [, conn, ...rest] = line.split(' ');
        out.push(send('echo', rest.join(' ') + '\n', conn));
      } else if (line.startsWith('TELL ')) {
        const [, to, ...rest] = line.split(' ');
        out.push(send(to!, rest.join(' ') + '\n'));
      }
    }
    return out;
  },
};

/** Read from a socket until `pattern` has arrived. */
function readUntil(sock: net.Socket, pattern: RegExp, timeoutMs = 5000): Promise<string> {
  let buf = '';
  return new Promise((res, rej) => {
    const t = setTimeout(() => rej(new Error(`timed out waiting for ${pattern}; got ${JSON.stringify(buf)}`)), timeoutMs);
    const on = (d: Buffer) => {
      buf += d.toString();
      if (pattern.test(buf)) {
        clearTimeout(t);
        sock.off('data', on);
        res(buf);
      }
    };
    sock.on('data', on);
  });
}

describe.skipIf(!!missing)('lib/io/net-host: a HostMachine on real sockets', () => {
  let cert: Cert;
  let dir = '';
  let host: NetHost<ToyState>;
  let server: net.Server;
  let port = 0;
  const events: NetHostEvent[] = [];
  const dials: string[] = [];
  const sockets: net.Socket[] = [];
  let nextId = 0;

  beforeAll(async () => {
    dir = tempDir('xmpp-net-host');
    cert = makeCert(dir, 'toy.test');
    host = new NetHost<ToyState>({
      machine: toy,
      self: 'toy',
      init: () => ({ lines: [], timers: [], closed: [] }),
      tls: { cert: cert.certPem, key: readFileSync(cert.key, 'utf8') },
      onPeerClosed: (id) => ({ type: 'bytes', from: id, data: enc('#closed') }),
      dial: (to, conn) => {
        dials.push(`${to}/${conn ?? '-'}`);
        return to === 'echo' ? { host: '127.0.0.1', port: echoPort } : null;
      },
      observe: (ev) => events.push(ev),
    });
    server = net.createServer((s) => host.attach(`c${++nextId}`, s));
    await new Promise<void>((r) => server.listen({ host: '127.0.0.1', port: 0 }, r));
    port = (server.address() as net.AddressInfo).port;
    echo = net.createServer((s) => s.on('data', (d) => s.write(`echo:${d.toString()}`)));
    await new Promise<void>((r) => echo.listen({ host: '127.0.0.1', port: 0 }, r));
    echoPort = (echo.address() as net.AddressInfo).port;
  });
  let echo: net.Server;
  let echoPort = 0;

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await host?.stop();
    server?.close();
    echo?.close();
    if (dir) removeDir(dir);
  });

  const client = async () => {
    const s = net.connect({ host: '127.0.0.1', port });
    sockets.push(s);
    await new Promise<void>((r) => s.once('connect', () => r()));
    return s;
  };

  it('routes bytes per connection and answers on the same socket', async () => {
    const a = await client();
    const b = await client();
    const pa = readUntil(a, /PONG/);
    a.write('PING\n');
    expect(await pa).toBe('PONG\n');
    // "TELL c2 …" from a reaches b: sends go to the socket of the id the machine names.
    const pb = readUntil(b, /hello b/);
    a.write(`TELL c${nextId} hello b\n`);
    expect(await pb).toBe('hello b\n');
  }, 10_000);

  it('timer outputs fire as real timers, through handle', async () => {
    const a = await client();
    const t0 = Date.now();
    a.write('LATER 150\n');
    while (!host.state.timers.includes('t150')) await new Promise((r) => setTimeout(r, 10));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  }, 10_000);

  it('tls-upgrade fact: cleartext up to it, TLS after it (writes queued until the handshake is done)', async () => {
    const raw = await client();
    const id = `c${nextId}`;
    const go = readUntil(raw, /GO\n/);
    raw.write('STARTTLS\n');
    expect(await go).toBe('GO\n');
    const secure = tls.connect({ socket: raw, servername: 'toy.test', ca: cert.certPem });
    const hello = readUntil(secure, /HELLO INSIDE TLS/);
    await new Promise<void>((r, j) => secure.once('secureConnect', () => r()).once('error', j));
    expect(secure.authorized).toBe(true);
    expect(await hello).toBe('HELLO INSIDE TLS\n');
    const pong = readUntil(secure, /PONG/);
    secure.write('PING\n');
    expect(await pong).toBe('PONG\n');
    expect(host.tlsInfo(id)).toMatchObject({ role: 'server', protocol: 'TLSv1.3' });
    expect(host.state.lines).toContain(`${id}: PING`);
    secure.destroy();
  }, 10_000);

  it('a connection that drops is reported to the machine; dial opens outgoing connections', async () => {
    const a = await client();
    const id = `c${nextId}`;
    a.destroy();
    while (!host.state.closed.includes(id)) await new Promise((r) => setTimeout(r, 10));
    const b = await client();
    b.write('TELL echo via dial\n');
    while (!events.some((e) => e.type === 'in' && e.from === 'echo' && utf8Text(e.data) === 'echo:via dial\n')) await new Promise((r) => setTimeout(r, 10));
    // An id nobody can reach: the bytes are dropped, and said so.
    b.write('TELL nowhere lost\n');
    while (!events.some((e) => e.type === 'dropped' && e.to === 'nowhere')) await new Promise((r) => setTimeout(r, 10));
  }, 10_000);

  it('says how bytes came, as the kernel does: real addresses, `opened` once on an accepted socket, never on a dialled one; a closing send ends the socket', async () => {
    const a = await client();
    const id = `c${nextId}`;
    a.write('PING\n');
    await readUntil(a, /PONG/);
    a.write('PING\n');
    await readUntil(a, /PONG/);
    while (events.filter((e) => e.type === 'in' && e.from === id).length < 2) await new Promise((r) => setTimeout(r, 10));
    const ins = events.flatMap((e) => (e.type === 'in' && e.from === id ? [e.transport] : []));
    expect(ins[0]).toEqual({ proto: 'tcp', src: { ip: '127.0.0.1', port: a.localPort }, dst: { ip: '127.0.0.1', port }, conn: id, opened: true });
    expect(ins[1]).toEqual({ proto: 'tcp', src: { ip: '127.0.0.1', port: a.localPort }, dst: { ip: '127.0.0.1', port }, conn: id });
    // Bytes on a socket the host dialled itself open nothing.
    const fromEcho = events.flatMap((e) => (e.type === 'in' && e.from === 'echo' ? [e.transport] : []));
    expect(fromEcho.length).toBeGreaterThan(0);
    expect(fromEcho.every((t) => t !== undefined && t.opened === undefined && t.src.port === echoPort)).toBe(true);
    const ended = new Promise<void>((r) => a.once('end', () => r()));
    a.write('BYE\n');
    await ended;
  }, 10_000);

  it('connection ids: two sockets to one node, each dialled once, its bytes heard as from that node on that connection', async () => {
    const c = await client();
    c.write('VIA x1 first\nVIA x2 second\nVIA x1 again\n');
    // What came back on each connection, without the echo server's prefixes (TCP may join two writes into one).
    const on = (conn: string) => events.flatMap((e) => (e.type === 'in' && e.from === 'echo' && e.conn === conn ? [utf8Text(e.data)] : [])).join('').replaceAll('echo:', '');
    while (!on('x1').includes('again') || !on('x2').includes('second')) await new Promise((r) => setTimeout(r, 10));
    expect([on('x1'), on('x2')]).toEqual(['first\nagain\n', 'second\n']);
    expect(dials.filter((d) => d.startsWith('echo/x'))).toEqual(['echo/x1', 'echo/x2']);
    expect([host.isOpen('x1'), host.isOpen('x2'), host.isOpen('echo')]).toEqual([true, true, true]);
    c.destroy();
  }, 10_000);
});
