/**
 * Our XMPP client doing STARTTLS with our own TLS 1.3 (lib/tls, inside the very machine the simulator
 * runs: lib/xmpp/tls-channel) against Prosody 0.12, whose certificate our lab CA issued (lib/x509,
 * ECDSA P-256; Ed25519 works as well). The client trusts that CA and nothing else; the chain, the name (example.test) and
 * the validity are checked at the real time. Then SCRAM (Prosody with `password_hash = "SHA-256"`
 * offers SCRAM-SHA-256) and a chat message to a second account of ours that arrives. On the wire
 * after `<proceed/>` there are only TLS records: neither the body nor the user name can be read.
 * A Prosody presenting a certificate of the same CA for another name, and a CA the client does not
 * trust, each stop the login before SASL, with the alert our client sent named.
 * Needs: apt-get install prosody
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from '../../lib/io/cli';
import { XmppClient } from '../../lib/io/xmpp-client';
import { factsOf } from '../../lib/sim/facts';
import type { KeyType } from '../../lib/x509/encode';
import { issueServerCert, makeLabCa, type LabCa } from '../../lib/x509/lab-ca';
import { EXAMPLE_DOMAIN as DOMAIN, EXAMPLE_USERS as USERS, peerUnavailable } from './helpers/xmpp-fixtures';
import { freePort, Prosody, prosodyUnavailable } from './helpers/xmpp-peers';

const missing = prosodyUnavailable();
if (missing) peerUnavailable('xmpp interop: our client with lib/tls ↔ Prosody', missing);

const HOUR = 3_600_000;

/** A real CA's clock: valid from an hour ago (clock skew) for a day. */
const validity = (keyType: KeyType = 'p256') => ({ notBefore: Date.now() - HOUR, notAfter: Date.now() + 24 * HOUR, keyType, randomBytes });

function serverCertificate(ca: LabCa, name: string, keyType?: KeyType): { certPem: string; keyPem: string } {
  const c = issueServerCert(ca, { domain: name, xmppAddrs: [name], ...validity(keyType) });
  return { certPem: c.pem, keyPem: c.keyPem };
}

describe.skipIf(!!missing)('xmpp interop: our client with lib/tls ↔ Prosody 0.12 (certificate from our lab CA)', () => {
  let ca: LabCa;
  let good: Prosody;
  let wrongName: Prosody;
  let ed25519: Prosody;
  const clients: XmppClient[] = [];
  const login = async (server: Prosody, user: string, resource: string, anchor = ca.pem) => {
    const c = new XmppClient({
      jid: `${user}@${DOMAIN}`,
      password: USERS.find((u) => u.user === user)!.password,
      resource,
      host: server.opts.host,
      port: server.opts.c2sPort,
      mechanism: 'SCRAM-SHA-256',
      ca: anchor,
      tlsStack: 'lib/tls',
    });
    clients.push(c);
    await c.connect();
    return c;
  };

  beforeAll(async () => {
    ca = makeLabCa({ name: 'Messenger Lab CA', ...validity() });
    const [p1, p2, p3, p4, p5, p6] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
    good = new Prosody({ domain: DOMAIN, host: '127.0.0.1', c2sPort: p1, s2sPort: p2, users: USERS, passwordHash: 'SHA-256', certificate: serverCertificate(ca, DOMAIN) });
    wrongName = new Prosody({ domain: DOMAIN, host: '127.0.0.1', c2sPort: p3, s2sPort: p4, users: USERS, passwordHash: 'SHA-256', certificate: serverCertificate(ca, 'other.test') });
    ed25519 = new Prosody({ domain: DOMAIN, host: '127.0.0.1', c2sPort: p5, s2sPort: p6, users: USERS, passwordHash: 'SHA-256', certificate: serverCertificate(ca, DOMAIN, 'ed25519') });
    await Promise.all([good.start(), wrongName.start(), ed25519.start()]);
  }, 40_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all([good?.clean(), wrongName?.clean(), ed25519?.clean()]);
  }, 30_000);

  it('STARTTLS with lib/tls (our CA, P-256), SCRAM-SHA-256, and a message that arrives', async () => {
    const alice = await login(good, 'alice', 'libtls');
    const bob = await login(good, 'bob', 'libtls');
    for (const c of [alice, bob]) {
      expect(c.tls).toEqual({ role: 'client', protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', authorized: true });
      // The machine's own handshake: the certificate accepted against the lab CA, all five secrets derived.
      expect(c.notes.some((n) => n.key === 'tls.certificate-accepted')).toBe(true);
      expect(factsOf(c.facts, 'tls-keys')).toHaveLength(1);
      expect(c.offered).toContain('SCRAM-SHA-256');
      expect(c.mechanism).toBe('SCRAM-SHA-256');
      // RFC 5802 §5: Prosody's v=ServerSignature verified — it holds the stored key for this password.
      expect(c.notes.some((n) => n.key === 'client.scram-verified')).toBe(true);
    }
    expect(alice.boundJid).toBe('alice@example.test/libtls');

    alice.sendMessage('bob@example.test', 'Hello Bob, sealed by lib/tls');
    const got = await bob.waitForMessage((m) => m.body === 'Hello Bob, sealed by lib/tls');
    expect(got.from).toBe('alice@example.test/libtls');

    // From <proceed/> on, the wire carries TLS records only (the transcript shows their types and sizes).
    const proceed = alice.transcript.findIndex((l) => l.text.includes('<proceed'));
    expect(proceed).toBeGreaterThan(0);
    const after = alice.transcript.slice(proceed + 1);
    expect(after[0]?.text).toMatch(/^\[TLS handshake \d+ B\]$/); // the ClientHello
    expect(after.every((l) => l.text.startsWith('[TLS '))).toBe(true);
    expect(after.map((l) => l.text).join('')).not.toMatch(/Hello Bob|alice|<auth/);
    await Promise.all([alice.disconnect(), bob.disconnect()]);
  }, 30_000);

  it('an Ed25519 server certificate works as well (Prosody signs CertificateVerify with ed25519)', async () => {
    const alice = await login(ed25519, 'alice', 'ed');
    expect(alice.tls?.authorized).toBe(true);
    expect(alice.boundJid).toBe('alice@example.test/ed');
    await alice.disconnect();
  }, 20_000);

  it('a certificate for another name: our client sends bad_certificate and never reaches SASL', async () => {
    await expect(login(wrongName, 'alice', 'wrong')).rejects.toThrow(/login failed: tls-certificate: name-mismatch \(alert bad_certificate \(we sent it\): name-mismatch\)/);
    const c = clients.at(-1)!;
    expect(c.tls).toMatchObject({ authorized: false, authorizationError: 'alert bad_certificate (we sent it): name-mismatch' });
    expect(c.notes.some((n) => n.key === 'tls.certificate-wrong-name')).toBe(true);
    expect(factsOf(c.facts, 'sasl-started')).toEqual([]);
  }, 20_000);

  it('a CA the client does not trust: unknown_ca', async () => {
    const stranger = makeLabCa({ name: 'Some Other CA', ...validity() });
    await expect(login(good, 'alice', 'stranger', stranger.pem)).rejects.toThrow(/alert unknown_ca \(we sent it\): unknown-ca/);
    expect(factsOf(clients.at(-1)!.facts, 'sasl-started')).toEqual([]);
  }, 20_000);
});
