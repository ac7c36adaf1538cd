/**
 * `npm run peer:xmpp-server` — the simulator's server machine as a process on a real socket — with
 * our client machine on a real socket (lib/io/xmpp-client.ts): the CLI contract (one JSON line when
 * listening, clean exit on SIGTERM and on stdin close, usage errors, loopback only), STARTTLS with a
 * self-signed certificate verified by the client, every SASL mechanism, roster, presence
 * subscription, chat and offline storage. No external peer: this file never skips (openssl aside).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { XmppClient } from '../../lib/io/xmpp-client';
import { EXAMPLE_DOMAIN as DOMAIN, EXAMPLE_USERS as USERS, peerUnavailable, useOurServer } from './helpers/xmpp-fixtures';
import { opensslUnavailable, OurServer, REPO } from './helpers/xmpp-peers';

const missing = opensslUnavailable();
if (missing) peerUnavailable('xmpp: our server peer', missing);

function exitOf(p: OurServer): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (p.proc.exitCode !== null || p.proc.signalCode !== null) return Promise.resolve({ code: p.proc.exitCode, signal: p.proc.signalCode });
  return new Promise((res) => p.proc.once('exit', (code, signal) => res({ code, signal })));
}

describe.skipIf(!!missing)('xmpp: our server peer on a real socket, our client machine against it', () => {
  const ours = useOurServer();
  const clients: XmppClient[] = [];
  const extra: OurServer[] = [];
  const login = async (user: string, resource: string, mechanism: 'SCRAM-SHA-256' | 'SCRAM-SHA-1' | 'PLAIN' = 'SCRAM-SHA-256') => {
    const c = await XmppClient.login({ jid: `${user}@${DOMAIN}`, password: USERS.find((u) => u.user === user)!.password, resource, host: '127.0.0.1', port: ours.server().port, mechanism, ca: ours.cert().certPem });
    clients.push(c);
    return c;
  };

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all(extra.map((s) => s.stop()));
  }, 15_000);

  it('prints one JSON line when listening, with its pid and the port it got', async () => {
    const ev = await ours.server().ready;
    expect(ev).toMatchObject({ host: '127.0.0.1', s2sPort: null });
    expect(ev.port).toBeGreaterThan(0);
  });

  it.each(['SCRAM-SHA-256', 'SCRAM-SHA-1', 'PLAIN'] as const)('STARTTLS (certificate verified) + %s + bind', async (mech) => {
    const c = await login('alice', `m-${mech}`, mech);
    expect(c.mechanism).toBe(mech);
    expect(c.boundJid).toBe(`alice@example.test/m-${mech}`);
    expect(c.tls).toMatchObject({ protocol: 'TLSv1.3', authorized: true });
    // Before TLS only STARTTLS was offered (RFC 6120 §5.3.1 with TLS required): no mechanisms in clear.
    const firstFeatures = c.transcript.find((l) => l.dir === 'in' && l.text.includes('<stream:features>'))!.text;
    expect(firstFeatures).toContain('<starttls');
    expect(firstFeatures).not.toContain('<mechanisms');
    await c.disconnect();
  }, 20_000);

  it('iq: XEP-0199 ping and XEP-0030 disco#info answered by our server', async () => {
    const c = await login('alice', 'iq');
    const from = c.notes.length;
    c.act({ type: 'ping' });
    expect((await c.waitForNote((n) => n.key === 'client.pong', 'pong', from)).params?.from).toBe('example.test');
    c.act({ type: 'disco-info' });
    const info = await c.waitForNote((n) => n.key === 'client.disco-info-result', 'disco#info result', from);
    expect(String(info.params?.features)).toContain('urn:xmpp:ping');
    await c.disconnect();
  }, 20_000);

  it('a wrong password is refused with <not-authorized/>', async () => {
    const c = new XmppClient({ jid: `bob@${DOMAIN}`, password: 'not-bobs', host: '127.0.0.1', port: ours.server().port, ca: ours.cert().certPem });
    clients.push(c);
    await expect(c.connect()).rejects.toThrow(/login failed: sasl-failed: not-authorized/);
  }, 20_000);

  it('roster, subscription, chat, offline message with delay stamp', async () => {
    const alice = await login('alice', 'desk');
    const bob = await login('bob', 'phone');
    alice.act({ type: 'add-contact', jid: 'bob@example.test', name: 'Bob' });
    await bob.waitForNote((n) => n.key === 'client.subscription-request' && n.params?.from === 'alice@example.test', 'subscription request');
    bob.act({ type: 'approve-subscription', jid: 'alice@example.test' });
    await alice.until(() => alice.presenceOf('bob@example.test/phone')?.available === true, "bob's presence");
    expect(await alice.roster()).toEqual([expect.objectContaining({ jid: 'bob@example.test', subscription: 'to', name: 'Bob' })]);

    alice.sendMessage('bob@example.test', 'Hello Bob');
    expect((await bob.waitForMessage((m) => m.body === 'Hello Bob')).from).toBe('alice@example.test/desk');
    await bob.disconnect();
    await alice.until(() => alice.presenceOf('bob@example.test/phone')?.available === false, "bob's unavailable presence");
    alice.sendMessage('bob@example.test', 'While you were away');
    await new Promise((r) => setTimeout(r, 200));
    const bob2 = await login('bob', 'phone');
    const m = await bob2.waitForMessage((x) => x.body === 'While you were away');
    expect(m.delayed).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(Date.parse(m.delayed!) - Date.now())).toBeLessThan(60_000);
    await Promise.all([alice.disconnect(), bob2.disconnect()]);
  }, 30_000);

  it('a client that requires TLS refuses a server that offers none (no credentials sent)', async () => {
    const plain = new OurServer({ domain: DOMAIN, users: USERS });
    extra.push(plain);
    await plain.ready;
    const c = new XmppClient({ jid: `alice@${DOMAIN}`, password: 'alice-pass', host: '127.0.0.1', port: plain.port });
    clients.push(c);
    await expect(c.connect()).rejects.toThrow(/login failed: tls-missing/);
    expect(c.transcript.some((l) => l.text.includes('<auth'))).toBe(false);
  }, 30_000);

  it('exits 0 on SIGTERM and when stdin closes; usage errors exit 2; only loopback addresses', async () => {
    const a = new OurServer({ domain: DOMAIN, users: USERS });
    extra.push(a);
    await a.ready;
    a.proc.kill('SIGTERM');
    expect(await exitOf(a)).toEqual({ code: 0, signal: null });
    const b = new OurServer({ domain: DOMAIN, users: USERS });
    extra.push(b);
    await b.ready;
    b.proc.stdin!.end();
    expect(await exitOf(b)).toEqual({ code: 0, signal: null });

    const run = (args: string[]) =>
      new Promise<{ code: number | null; err: string }>((res) => {
        const p = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'lib/io/xmpp-server-peer.ts'), ...args], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
        let err = '';
        p.stderr.on('data', (d: Buffer) => (err += d.toString()));
        p.once('exit', (code) => res({ code, err }));
      });
    expect(await run(['--domain', DOMAIN])).toMatchObject({ code: 2, err: expect.stringContaining('--port') });
    expect(await run(['--port', '0', '--domain', DOMAIN, '--host', '0.0.0.0'])).toMatchObject({ code: 2, err: expect.stringContaining('not a loopback address') });
    expect(await run(['--port', '0', '--domain', DOMAIN, '--user', 'nopassword'])).toMatchObject({ code: 2, err: expect.stringContaining('name:password') });
  }, 40_000);
});
