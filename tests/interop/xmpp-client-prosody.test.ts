/**
 * Our XMPP client (lib/io/xmpp-client.ts: the simulator's client machine on a real socket) against
 * Prosody 0.12 (Debian `prosody`): STARTTLS with real TLS (the self-signed certificate verified, not
 * ignored), SCRAM-SHA-1 (Prosody's default) and SCRAM-SHA-256 (a second instance with
 * `password_hash = "SHA-256"`: Prosody offers exactly one SCRAM hash, the one its credentials are
 * stored with), bind, roster, a presence subscription, chat between two of our clients through
 * Prosody, and an offline message delivered with its XEP-0203 delay stamp.
 * Needs: apt-get install prosody
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XmppClient } from '../../lib/io/xmpp-client';
import { EXAMPLE_DOMAIN as DOMAIN, EXAMPLE_USERS as USERS, peerUnavailable } from './helpers/xmpp-fixtures';
import { freePort, Prosody, prosodyUnavailable } from './helpers/xmpp-peers';

const missing = prosodyUnavailable();
if (missing) peerUnavailable('xmpp interop: our client ↔ Prosody', missing);

describe.skipIf(!!missing)('xmpp interop: our client ↔ Prosody 0.12', () => {
  let sha1: Prosody;
  let sha256: Prosody;
  const clients: XmppClient[] = [];
  const login = async (server: Prosody, user: string, resource: string, mechanism: 'SCRAM-SHA-1' | 'SCRAM-SHA-256' | 'PLAIN', password?: string) => {
    const c = await XmppClient.login({
      jid: `${user}@${DOMAIN}`,
      password: password ?? USERS.find((u) => u.user === user)!.password,
      resource,
      host: server.opts.host,
      port: server.opts.c2sPort,
      mechanism,
      ca: server.cert.certPem,
    });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    const [p1, p2, p3, p4] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    sha1 = new Prosody({ domain: DOMAIN, host: '127.0.0.1', c2sPort: p1, s2sPort: p2, users: USERS });
    sha256 = new Prosody({ domain: DOMAIN, host: '127.0.0.1', c2sPort: p3, s2sPort: p4, users: USERS, passwordHash: 'SHA-256' });
    await Promise.all([sha1.start(), sha256.start()]);
  }, 40_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all([sha1?.clean(), sha256?.clean()]);
  }, 30_000);

  it('STARTTLS (certificate verified) + SCRAM-SHA-1 + bind', async () => {
    const alice = await login(sha1, 'alice', 'lab', 'SCRAM-SHA-1');
    expect(alice.boundJid).toBe('alice@example.test/lab');
    expect(alice.tls?.authorized).toBe(true);
    expect(alice.tls?.protocol).toBe('TLSv1.3');
    expect(alice.mechanism).toBe('SCRAM-SHA-1');
    // Prosody 0.12 on TLS 1.3 with SHA-1 credentials: SCRAM-SHA-1 and PLAIN, no -PLUS (no tls-unique in 1.3).
    expect(alice.offered).toContain('SCRAM-SHA-1');
    expect(alice.offered).not.toContain('SCRAM-SHA-256');
    // The server's <success/> carried v=ServerSignature and the client verified it (RFC 5802 §5).
    expect(alice.notes.some((n) => n.key === 'client.scram-verified')).toBe(true);
    await alice.disconnect();
  }, 20_000);

  it('SCRAM-SHA-256 against Prosody with password_hash = "SHA-256"', async () => {
    const alice = await login(sha256, 'alice', 'lab256', 'SCRAM-SHA-256');
    expect(alice.offered).toContain('SCRAM-SHA-256');
    expect(alice.mechanism).toBe('SCRAM-SHA-256');
    expect(alice.boundJid).toBe('alice@example.test/lab256');
    expect(alice.tls?.authorized).toBe(true);
    await alice.disconnect();
  }, 20_000);

  it('PLAIN inside TLS (Prosody offers it only after STARTTLS)', async () => {
    const alice = await login(sha1, 'alice', 'plain', 'PLAIN');
    expect(alice.mechanism).toBe('PLAIN');
    expect(alice.boundJid).toBe('alice@example.test/plain');
    const before = alice.transcript.find((l) => l.dir === 'in' && l.text.includes('<stream:features'))!.text;
    expect(before).not.toContain('<mechanism>PLAIN');
    await alice.disconnect();
  }, 20_000);

  it('iq: XEP-0199 ping and XEP-0030 disco#info answered by Prosody', async () => {
    const alice = await login(sha1, 'alice', 'iq', 'SCRAM-SHA-1');
    const from = alice.notes.length;
    alice.act({ type: 'ping' });
    expect((await alice.waitForNote((n) => n.key === 'client.pong', 'pong', from)).params?.from).toBe('example.test');
    alice.act({ type: 'disco-info' });
    const info = await alice.waitForNote((n) => n.key === 'client.disco-info-result', 'disco#info result', from);
    expect(String(info.params?.features)).toContain('urn:xmpp:ping');
    expect(String(info.params?.features)).toContain('http://jabber.org/protocol/disco#info');
    await alice.disconnect();
  }, 20_000);

  it('a wrong password is refused with <not-authorized/>', async () => {
    await expect(login(sha1, 'alice', 'bad', 'SCRAM-SHA-1', 'wrong-password')).rejects.toThrow(/login failed: sasl-failed: not-authorized/);
  }, 20_000);

  it('a certificate that does not verify stops the login before SASL', async () => {
    // No trust anchor: Prosody's self-signed certificate must be refused (and no credentials sent).
    const c = new XmppClient({ jid: `alice@${DOMAIN}`, password: 'alice-pass', host: '127.0.0.1', port: sha1.opts.c2sPort, mechanism: 'SCRAM-SHA-1' });
    clients.push(c);
    await expect(c.connect()).rejects.toThrow(/self[- ]signed certificate/);
    expect(c.transcript.some((l) => l.text.includes('<auth'))).toBe(false);
  }, 20_000);

  it('roster, presence subscription, chat between two clients, offline message with delay stamp', async () => {
    const alice = await login(sha1, 'alice', 'desk', 'SCRAM-SHA-1');
    const bob = await login(sha1, 'bob', 'phone', 'SCRAM-SHA-1');
    expect(await alice.roster()).toEqual([]);

    // RFC 6121 §3.1: alice adds bob and asks for his presence; bob approves.
    const from = bob.notes.length;
    alice.act({ type: 'add-contact', jid: 'bob@example.test', name: 'Bob' });
    await bob.waitForNote((n) => n.key === 'client.subscription-request' && n.params?.from === 'alice@example.test', 'subscription request', from);
    bob.act({ type: 'approve-subscription', jid: 'alice@example.test' });
    await alice.until(() => alice.state.roster['bob@example.test']?.subscription === 'to', "alice's roster item for bob with subscription 'to'");
    expect(alice.state.roster['bob@example.test']?.name).toBe('Bob');
    // After approval bob's server sends alice bob's current presence (RFC 6121 §3.1.5).
    await alice.until(() => alice.presenceOf('bob@example.test/phone')?.available === true, "bob's available presence");
    bob.setPresence({ show: 'away', status: 'in a meeting' });
    await alice.until(() => alice.presenceOf('bob@example.test/phone')?.show === 'away', "bob's presence update (away)");
    expect(alice.presenceOf('bob@example.test/phone')?.status).toBe('in a meeting');
    const items = await alice.roster();
    expect(items).toEqual([expect.objectContaining({ jid: 'bob@example.test', subscription: 'to' })]);

    // Chat through Prosody, both ways; Prosody stamps the sender's full JID.
    alice.sendMessage('bob@example.test', 'Hello Bob, via Prosody');
    expect((await bob.waitForMessage((m) => m.body === 'Hello Bob, via Prosody')).from).toBe('alice@example.test/desk');
    bob.sendMessage('alice@example.test/desk', 'Hi Alice!');
    const reply = await alice.waitForMessage((m) => m.body === 'Hi Alice!');
    expect(reply.from).toBe('bob@example.test/phone');
    expect(reply.delayed).toBeUndefined();

    // Offline: bob logs out, alice writes, bob comes back and gets it with <delay/> (XEP-0160, XEP-0203).
    await bob.disconnect();
    await alice.until(() => alice.presenceOf('bob@example.test/phone')?.available === false, "bob's unavailable presence");
    alice.sendMessage('bob@example.test', 'Sent while you were away');
    await new Promise((r) => setTimeout(r, 300));
    const before = Date.now();
    const bob2 = await login(sha1, 'bob', 'phone', 'SCRAM-SHA-1');
    const offline = await bob2.waitForMessage((m) => m.body === 'Sent while you were away');
    expect(offline.from).toBe('alice@example.test/desk');
    expect(offline.delayed).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(Math.abs(Date.parse(offline.delayed!) - before)).toBeLessThan(60_000);
    await Promise.all([alice.disconnect(), bob2.disconnect()]);
  }, 40_000);

});
