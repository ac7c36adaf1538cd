/**
 * Federation over real sockets (RFC 6120 s2s, XEP-0220 dialback, STARTTLS with node:tls), each
 * server on a loopback address of its own, names resolved from a private hosts file:
 *  1. our server ↔ our server (two `npm run peer:xmpp-server` processes): the simulator's s2s
 *     machine end to end on real TCP and real TLS — dialback valid, messages both ways.
 *  2. Prosody 0.12 ↔ our server: a message each way. Prosody, as Receiving Server, checks our key
 *     over a second connection of its own to us, and we check its key over ours to it (XEP-0220
 *     §2.1.3): two TCP connections, one per direction, each authenticated by dialback.
 * A missing Prosody, lua-unbound or openssl is a failure under CI=true, a skip elsewhere.
 * Needs: apt-get install prosody lua-unbound (and openssl)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { XmppClient } from '../../lib/io/xmpp-client';
import { peerUnavailable } from './helpers/xmpp-fixtures';
import { loopbackAddress, makeCert, opensslUnavailable, OurServer, Prosody, prosodyUnavailable, removeDir, tempDir } from './helpers/xmpp-peers';

const opensslMissing = opensslUnavailable();
const prosodyMissing = prosodyUnavailable({ s2s: true });

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((s) => s()));
}, 30_000);

/** Events our server process traced to stderr (--trace), as JSON. */
interface Traced {
  ev: string;
  text?: string;
  conn?: string;
  fact?: { type: string; as?: string; peerDomain?: string };
  info?: Record<string, unknown>;
  id?: string;
}
function traced(server: OurServer): Traced[] {
  return server.stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as never);
}
/** How `server`'s dialback went, from its typed facts: which claims it accepted, in which role. */
const dialbacks = (server: OurServer) => traced(server).flatMap((e) => (e.ev === 'fact' && e.fact?.type === 'dialback-accepted' ? [e.fact.as] : []));

/**
 * XEP-0220 §2.1.3 as seen from `domain`'s trace: real TLS as the client on its own outgoing stream
 * and as the server on the peer's; its questions (<db:verify/> without a type) only ever leave on
 * its own outgoing stream; both claims accepted.
 */
function expectOneConnectionEachWay(server: OurServer, domain: string): void {
  const t = traced(server);
  const own = (id: string | undefined) => !!id?.startsWith(`${domain}>s2s:`);
  expect(t.find((e) => e.ev === 'tls' && own(e.id))?.info).toMatchObject({ role: 'client', protocol: 'TLSv1.3' });
  expect(t.find((e) => e.ev === 'tls' && e.id?.startsWith('s2s-in:'))?.info).toMatchObject({ role: 'server', protocol: 'TLSv1.3' });
  const questions = t.filter((e) => e.ev === 'out' && /^<db:verify [^>]*>[0-9a-f]+<\/db:verify>$/.test(e.text ?? '') && !e.text!.includes('type='));
  expect(questions.length).toBeGreaterThan(0);
  for (const q of questions) expect(own(q.conn), `question on ${q.conn}`).toBe(true);
  expect(dialbacks(server)).toEqual(expect.arrayContaining(['our-claim-accepted', 'claim-accepted']));
}

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

if (opensslMissing) peerUnavailable('xmpp federation: our server ↔ our server', opensslMissing);
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

    // Each server dialled the other: its own stream carried its claim, its questions and its stanzas.
    expectOneConnectionEachWay(a, 'a.test');
    expectOneConnectionEachWay(b, 'b.test');
    // The stanzas went inside TLS on the sender's own connection.
    const s2sOut = traced(a).filter((e) => e.ev === 'out' && e.text?.includes('Hello from a.test') && e.conn?.startsWith('a.test>s2s:'));
    expect(s2sOut.length).toBe(1);
    await Promise.all([alice.disconnect(), bob.disconnect()]);
  }, 60_000);
});

if (prosodyMissing) peerUnavailable('xmpp interop: Prosody ↔ our server (federation)', prosodyMissing);
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

  it(
    'messages both ways between alice@a.test (ours) and bob@b.test (Prosody), dialback valid on both connections',
    async () => {
      const { ours, prosody, alice, bob } = await setUp();
      const t0 = performance.now();
      alice.sendMessage('bob@b.test', 'Hello Prosody, from a.test');
      expect((await bob.waitForMessage((m) => m.body === 'Hello Prosody, from a.test')).from).toBe('alice@a.test/laptop');
      const first = performance.now() - t0;
      bob.sendMessage('alice@a.test', 'Hello a.test, from Prosody');
      expect((await alice.waitForMessage((m) => m.body === 'Hello a.test, from Prosody')).from).toBe('bob@b.test/phone');
      console.info(`Prosody ↔ our federation: first delivery ${first.toFixed(0)} ms (DNS, two TCP connections, STARTTLS, dialback both ways)`);
      expectOneConnectionEachWay(ours, 'a.test');
      // Prosody asked about our key on its own connection to us, and we confirmed it there …
      const log = prosody.log();
      expect(log).toMatch(/asking a\.test if key \w+ belongs to them/);
      expect(traced(ours).some((e) => e.ev === 'out' && e.conn?.startsWith('s2s-in:') && /^<db:verify from='a\.test' to='b\.test' id='[^']+' type='valid'\/>$/.test(e.text ?? ''))).toBe(true);
      // … and confirmed ours when we asked on our connection to it.
      expect(log).toMatch(/verified dialback key\.\.\. it is valid/);
      expect(log).toMatch(/[Oo]utgoing s2s connection b\.test->a\.test complete/);
      expect(log).toMatch(/[Ii]ncoming s2s connection a\.test->b\.test complete/);
      // Nothing was refused on either side.
      expect(traced(ours).some((e) => e.ev === 'out' && /<conflict|type='invalid'|type='error'/.test(e.text ?? ''))).toBe(false);
      expect(alice.notes.some((n) => n.key === 'client.message-error') || bob.notes.some((n) => n.key === 'client.message-error')).toBe(false);
    },
    60_000,
  );
});
