/**
 * lib/stun against coturn and Debian's STUN clients, on loopback (issue #16 items 2–3, STUN part):
 *  - our client (`peer:stun binding`) ↔ coturn's `turnserver`: prints the reflexive address;
 *  - coturn's `turnutils_stunclient` and Debian's `stun` (stun-client, RFC 3489) ↔ our `peer:stun serve`:
 *    each gets the source address it sent from;
 *  - FINGERPRINT both ways: coturn answers a request carrying our FINGERPRINT, its response carries
 *    one that our check accepts, and a request whose FINGERPRINT is wrong gets no answer at all;
 *  - the CLI's conventions (usage errors exit 2, loopback only, timeout, stop on stdin close), which need no peer.
 * Needs coturn and stun-client: a visible skip without them, a failure when CI=true.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { CI, REPO, removeDir, tempDir } from './helpers/xmpp-peers';
import { freeUdpPort, run, runOurBinding, startCoturn, startOurServe, stunPeersUnavailable, udpExchange, type Running } from './helpers/stun-peers';
import { ATTR, decodeText } from '../../lib/stun/attributes';
import { bindingRequest, newTransactionId, reflexiveAddress } from '../../lib/stun/binding';
import { checkFingerprint, encodeSigned } from '../../lib/stun/integrity';
import { decodeMessage, findAttribute } from '../../lib/stun/message';

const rnd = (n: number): Uint8Array => new Uint8Array(randomBytes(n));
const missing = stunPeersUnavailable();

if (missing) {
  describe('STUN ↔ coturn (unavailable)', () => {
    if (CI)
      it(`coturn and stun-client are installed — ${missing}`, () => {
        throw new Error(missing);
      });
    else it.skip(`skipped: ${missing}`, () => undefined);
  });
} else {
  const dir = tempDir('stun-coturn');
  let coturn: Running;
  let ours: Running;
  const probe = async (port: number): Promise<boolean> =>
    (await udpExchange(port, encodeSigned(bindingRequest(newTransactionId(rnd))), 200)).reply !== null;

  beforeAll(async () => {
    [coturn, ours] = await Promise.all([startCoturn(dir, probe), startOurServe()]);
  }, 30_000);
  afterAll(async () => {
    await Promise.all([coturn?.stop(), ours?.stop()]);
    removeDir(dir);
  });

  describe('our Binding client ↔ coturn', () => {
    it('prints the reflexive address coturn reports (127.0.0.1:PORT)', async () => {
      const r = await runOurBinding(coturn.port);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^127\.0\.0\.1:\d{1,5}\n$/);
      expect(r.stderr).toMatch(/server SOFTWARE Coturn/);
    });

    it('with --fingerprint, coturn answers and its FINGERPRINT checks out', async () => {
      const r = await runOurBinding(coturn.port, ['--fingerprint']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/FINGERPRINT valid/);
    });

    it('raw: the XOR-MAPPED-ADDRESS is our socket; a wrong FINGERPRINT gets no answer', async () => {
      const good = encodeSigned(bindingRequest(newTransactionId(rnd), { software: 'lab test' }), { fingerprint: true });
      const { reply, localPort } = await udpExchange(coturn.port, good);
      expect(reply).not.toBeNull();
      const d = decodeMessage(reply!);
      expect(d.ok).toBe(true);
      if (!d.ok) return;
      expect(d.message.cls).toBe('success');
      expect(reflexiveAddress(d.message)).toEqual({ family: 4, address: '127.0.0.1', port: localPort });
      expect(checkFingerprint(d.message)).toBe('valid');
      expect(decodeText(findAttribute(d.message, ATTR.SOFTWARE)!.value)).toMatch(/^Coturn/);

      const bad = encodeSigned(bindingRequest(newTransactionId(rnd)), { fingerprint: true });
      bad[bad.length - 1]! ^= 0xff;
      // coturn treats it as not STUN (RFC 8489 §7.3: FINGERPRINT tells STUN from other traffic) and stays silent.
      expect((await udpExchange(coturn.port, bad, 700)).reply).toBeNull();
    });
  });

  describe('other clients ↔ our Binding server', () => {
    it("coturn's turnutils_stunclient gets the reflexive address our server saw", async () => {
      const r = await run('turnutils_stunclient', ['-p', String(ours.port), '127.0.0.1'], 5000);
      const m = /UDP reflexive addr: (127\.0\.0\.1:\d+)/.exec(r.stdout + r.stderr);
      expect(m, r.stdout + r.stderr).not.toBeNull();
      expect(ours.log()).toContain(`answered ${m![1]}`);
    });

    it("Debian's RFC 3489 client (stun) gets MAPPED-ADDRESS = its own source port", async () => {
      const src = 40_000 + Math.floor(Math.random() * 20_000);
      const r = await run('stun', [`127.0.0.1:${ours.port}`, '-v', '-p', String(src)], 10_000);
      const out = r.stdout + r.stderr;
      expect(out).toContain(`MappedAddress = 127.0.0.1:${src}`);
      expect(out).not.toMatch(/Bad length/);
      expect(out).toMatch(/Primary: Open/);
      expect(ours.log()).toContain(`answered 127.0.0.1:${src} (RFC 3489 client`);
    });

    it('our client ↔ our server', async () => {
      const r = await runOurBinding(ours.port, ['--fingerprint']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^127\.0\.0\.1:\d+\n$/);
      expect(r.stderr).toMatch(/FINGERPRINT valid/);
    });
  });
}

describe('peer:stun CLI conventions', () => {
  const peer = (args: string[]) => run(process.execPath, ['--import', 'tsx', 'lib/io/stun-peer.ts', ...args]);
  it('usage errors exit 2: no command, a non-loopback server or host, a bad port', async () => {
    for (const args of [[], ['binding', '--server', '192.0.2.1:3478'], ['serve', '--port', '1', '--host', '0.0.0.0'], ['serve', '--port', 'x'], ['binding']]) {
      const r = await peer(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^stun-peer: .*\nusage:/);
    }
  });
  it('binding to a silent port gives up after the §6.2.1 schedule (7 sends, then 16·RTO) and exits 1', async () => {
    const r = await peer(['binding', '--server', `127.0.0.1:${await freeUdpPort()}`, '--rto', '20']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/retransmission 6\n/);
    expect(r.stderr).toMatch(/no response after 7 requests/);
    expect(r.ms).toBeGreaterThanOrEqual(20 * 63 + 16 * 20);
  });
  it('serve stops cleanly when its stdin closes', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'lib/io/stun-peer.ts', 'serve', '--port', '0'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    const line = await new Promise<string>((res) => proc.stdout.once('data', (d: Buffer) => res(d.toString())));
    expect(line).toMatch(/^\{"listening":\d+\}\n$/);
    const code = new Promise<number | null>((res) => proc.once('exit', res));
    proc.stdin.end();
    expect(await code).toBe(0);
  });
});
