/**
 * lib/stun against coturn and Debian's STUN clients, on loopback (issue #16 items 2–3, STUN part):
 *  - our client (`peer:stun binding`) ↔ coturn's `turnserver`: prints the reflexive address;
 *  - coturn's `turnutils_stunclient` and Debian's `stun` (stun-client, RFC 3489) ↔ our `peer:stun serve`:
 *    each gets the source address it sent from;
 *  - FINGERPRINT both ways: coturn answers a request carrying our FINGERPRINT, its response carries
 *    one that our check accepts, and a request whose FINGERPRINT is wrong gets no success response.
 * Needs coturn and stun-client: a visible skip without them, a failure when CI=true.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { CI, removeDir, tempDir } from './helpers/xmpp-peers';
import { run, runOurBinding, startCoturn, startOurServe, stunPeersUnavailable, udpExchange, type Running } from './helpers/stun-peers';
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

    it('raw: the XOR-MAPPED-ADDRESS is our socket; a wrong FINGERPRINT gets no success', async () => {
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
      const answer = await udpExchange(coturn.port, bad, 700);
      const decoded = answer.reply ? decodeMessage(answer.reply) : null;
      expect(decoded?.ok ? decoded.message.cls : 'no answer').not.toBe('success');
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
