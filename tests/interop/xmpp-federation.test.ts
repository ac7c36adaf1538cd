/**
 * Federation over real sockets (RFC 6120 s2s, XEP-0220 dialback, STARTTLS with node:tls), each
 * server on a loopback address of its own, names resolved from a private hosts file:
 *  1. our server ↔ our server (two `npm run peer:xmpp-server` processes): the simulator's s2s
 *     machine end to end on real TCP and real TLS — dialback valid, messages both ways.
 *  2. Prosody 0.12 ↔ our server: written out in full, but NOT TESTED YET — the engine's s2s cannot
 *     complete dialback with a real peer (PROSODY_S2S_GAP below says exactly why). Until it can, a
 *     test runs against Prosody and pins down the gap as observed, so that the day the engine closes
 *     it this file fails and says to switch the real test on. A missing Prosody or lua-unbound is a
 *     failure under CI=true, a skip elsewhere.
 * Needs: apt-get install prosody lua-unbound (and openssl)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { XmppClient } from '../../lib/io/xmpp-client';
import { CI, loopbackAddress, makeCert, opensslUnavailable, OurServer, Prosody, prosodyUnavailable, removeDir, tempDir } from './helpers/xmpp-peers';

/**
 * Why Prosody ↔ our server is not tested yet (engine side, lib/xmpp/server/s2s.ts), as observed:
 *  - we originate: Prosody, as Receiving Server, checks our db:result by opening a NEW connection to
 *    a.test and sending db:verify there (XEP-0220 §2.1.3). The engine keeps one s2s connection per
 *    peer domain and answers that second stream with <conflict/>; dialback never completes and the
 *    message bounces with remote-server-timeout.
 *  - Prosody originates: the engine, as Receiving Server, only verifies over the same connection
 *    (the simulator's shortcut) and only when the claimed domain resolves to that connection's
 *    peer, so it answers Prosody's db:result with type='invalid'. It would need to open its own
 *    connection to the Authoritative Server for db:verify.
 * Set to null when the engine handles both; XMPP_S2S_PROSODY=1 runs the real test regardless.
 */
export const PROSODY_S2S_GAP: string | null =
  "engine s2s keeps one connection per peer domain and verifies dialback only over the originating connection; Prosody verifies on a separate connection (XEP-0220 §2.1.3) — refused with <conflict/> / answered type='invalid'";

const opensslMissing = opensslUnavailable();
const prosodyMissing = prosodyUnavailable({ s2s: true });
const runProsodyFederation = PROSODY_S2S_GAP === null || process.env.XMPP_S2S_PROSODY === '1';

function unavailable(title: string, why: string): void {
  describe(`${title} (unavailable)`, () => {
    if (CI)
      it(`peer installed — ${why}`, () => {
        throw new Error(`XMPP interop peer unavailable: ${why}`);
      });
    else it.skip(`skipped: ${why}`, () => undefined);
  });
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((s) => s()));
}, 30_000);

/** Events our server process traced to stderr (--trace), as JSON. */
function traced(server: OurServer): { ev: string; text?: string; note?: string | { key: string; params?: Record<string, unknown> }; info?: Record<string, unknown>; id?: string }[] {
  return server.stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as never);
}
const noteKeys = (server: OurServer) => traced(server).flatMap((e) => (e.ev === 'note' && typeof e.note === 'object' ? [e.note.key] : e.ev === 'out' && typeof e.note === 'string' ? [e.note] : []));

interface Fed {
  ipA: string;
  ipB: string;
  hosts: string;
}
function federation(): Fed {
  const ipA = loopbackAddress();
  let ipB = loopbackAddress();
  while (ipB === ipA) ipB = loopbackAddress();
  return { ipA, ipB, hosts: `${ipA} a.test\n${ipB} b.test\n` };
}

if (opensslMissing) unavailable('xmpp federation: our server ↔ our server', opensslMissing);
describe.skipIf(!!opensslMissing)('xmpp federation over real sockets: our server ↔ our server', () => {
  it('STARTTLS + dialback between a.test and b.test on two loopback addresses; messages both ways', async () => {
    const f = federation();
    const certDir = tempDir('xmpp-cert');
    stops.push(async () => removeDir(certDir));
    const certA = makeCert(certDir, 'a.test');
    const certB = makeCert(certDir, 'b.test');
    const a = new OurServer({ domain: 'a.test', host: f.ipA, port: 5222, users: [{ user: 'alice', password: 'alice-pass' }], cert: certA, s2sPort: 5269, hosts: f.hosts, trace: true });
    const b = new OurServer({ domain: 'b.test', host: f.ipB, port: 5222, users: [{ user: 'bob', password: 'bob-pass' }], cert: certB, s2sPort: 5269, hosts: f.hosts, trace: true });
    stops.push(() => a.stop(), () => b.stop());
    await Promise.all([a.ready, b.ready]);
    const alice = await XmppClient.login({ jid: 'alice@a.test', password: 'alice-pass', resource: 'laptop', host: f.ipA, port: 5222, ca: certA.certPem });
    const bob = await XmppClient.login({ jid: 'bob@b.test', password: 'bob-pass', resource: 'phone', host: f.ipB, port: 5222, ca: certB.certPem });
    stops.push(() => alice.close(), () => bob.close());

    const t0 = performance.now();
    alice.sendMessage('bob@b.test', 'Hello from a.test');
    expect((await bob.waitForMessage((m) => m.body === 'Hello from a.test')).from).toBe('alice@a.test/laptop');
    const first = performance.now() - t0;
    bob.sendMessage('alice@a.test', 'Hi back from b.test');
    expect((await alice.waitForMessage((m) => m.body === 'Hi back from b.test')).from).toBe('bob@b.test/phone');
    console.info(`our ↔ our federation: first delivery ${first.toFixed(0)} ms (DNS, TCP, STARTTLS, dialback)`);

    // a.test originated: real TLS as the client on the s2s link, then dialback valid.
    const tlsA = traced(a).find((e) => e.ev === 'tls' && e.id?.startsWith('s2s:'));
    expect(tlsA?.info).toMatchObject({ role: 'client', protocol: 'TLSv1.3' });
    expect(noteKeys(a)).toContain('s2s.dialback-valid');
    const tlsB = traced(b).find((e) => e.ev === 'tls' && e.id?.startsWith('s2s:'));
    expect(tlsB?.info).toMatchObject({ role: 'server', protocol: 'TLSv1.3' });
    expect(noteKeys(b)).toContain('s2s.db-result-valid');
    // Nothing crossed the s2s link in clear after <proceed/> but the TLS handshake: the stanzas went inside TLS.
    const s2sOut = traced(a).filter((e) => e.ev === 'out' && e.text?.includes('Hello from a.test'));
    expect(s2sOut.length).toBeGreaterThan(0);
    await Promise.all([alice.disconnect(), bob.disconnect()]);
  }, 60_000);
});

if (prosodyMissing) unavailable('xmpp interop: Prosody ↔ our server (federation)', prosodyMissing);
describe.skipIf(!!prosodyMissing)('xmpp interop: Prosody 0.12 ↔ our server (federation with dialback)', () => {
  /** a.test = our server, b.test = Prosody; our clients on both. */
  async function setUp() {
    const f = federation();
    const certDir = tempDir('xmpp-cert');
    stops.push(async () => removeDir(certDir));
    const certA = makeCert(certDir, 'a.test');
    const ours = new OurServer({ domain: 'a.test', host: f.ipA, port: 5222, users: [{ user: 'alice', password: 'alice-pass' }], cert: certA, s2sPort: 5269, hosts: f.hosts, trace: true });
    const prosody = new Prosody({ domain: 'b.test', host: f.ipB, c2sPort: 5222, s2sPort: 5269, users: [{ user: 'bob', password: 'bob-pass' }], hosts: f.hosts });
    stops.push(() => ours.stop(), () => prosody.clean());
    await Promise.all([ours.ready, prosody.start()]);
    const alice = await XmppClient.login({ jid: 'alice@a.test', password: 'alice-pass', resource: 'laptop', host: f.ipA, port: 5222, ca: certA.certPem });
    const bob = await XmppClient.login({ jid: 'bob@b.test', password: 'bob-pass', resource: 'phone', host: f.ipB, port: 5222, ca: prosody.cert.certPem, mechanism: 'SCRAM-SHA-1' });
    stops.push(() => alice.close(), () => bob.close());
    return { ours, prosody, alice, bob };
  }

  const title = 'messages both ways between alice@a.test (ours) and bob@b.test (Prosody), dialback valid on both links';
  if (runProsodyFederation) {
    it(
      title,
      async () => {
        const { ours, prosody, alice, bob } = await setUp();
        alice.sendMessage('bob@b.test', 'Hello Prosody, from a.test');
        expect((await bob.waitForMessage((m) => m.body === 'Hello Prosody, from a.test')).from).toBe('alice@a.test/laptop');
        bob.sendMessage('alice@a.test', 'Hello a.test, from Prosody');
        expect((await alice.waitForMessage((m) => m.body === 'Hello a.test, from Prosody')).from).toBe('bob@b.test/phone');
        expect(noteKeys(ours)).toContain('s2s.dialback-valid');
        expect(prosody.log()).toMatch(/type='valid'|dialback.*valid/);
      },
      60_000,
    );
  } else {
    // Not tested yet (an unimplemented engine feature, not a missing peer): listed as a todo in local
    // runs; under CI=true nothing here is skipped — the gap test below runs against the real Prosody.
    if (!CI) it.todo(`${title} — not tested yet: ${PROSODY_S2S_GAP}`);

    it('known engine gap, as observed (when this fails, set PROSODY_S2S_GAP = null to test federation with Prosody)', async () => {
      const { ours, prosody, alice, bob } = await setUp();
      // We originate: our STARTTLS and db:result reach Prosody, which asks a.test back on a second connection …
      alice.sendMessage('bob@b.test', 'Hello Prosody, from a.test');
      await alice.waitForNote((n) => n.key === 'client.message-error' || n.key === 'client.message-received', 'the bounce', 0).catch(() => undefined);
      const a = traced(ours);
      expect(a.find((e) => e.ev === 'tls' && e.id?.startsWith('s2s:'))?.info).toMatchObject({ role: 'client', protocol: 'TLSv1.3' });
      expect(a.some((e) => e.ev === 'out' && e.text?.startsWith('<db:result from=\'a.test\' to=\'b.test\'>'))).toBe(true);
      expect(prosody.log()).toMatch(/asking a\.test if key \w+ belongs to them/);
      // … and the engine refuses that second stream from b.test with <conflict/>.
      expect(a.some((e) => e.ev === 'out' && e.text?.includes('<conflict'))).toBe(true);
      expect(noteKeys(ours)).not.toContain('s2s.dialback-valid');
      // Prosody originates: the engine cannot verify over a connection of its own and answers type='invalid'.
      bob.sendMessage('alice@a.test', 'Hello a.test, from Prosody');
      await bob.waitForNote((n) => n.key === 'client.message-error', 'the bounce from Prosody', 0);
      expect(noteKeys(ours)).toContain('s2s.dialback-refused');
      expect(alice.notes.some((n) => n.key === 'client.message-received')).toBe(false);
    }, 60_000);
  }
});
