/**
 * lib/tls and lib/x509 against OpenSSL 3, on loopback (issue #10 item 3, "Real peers prove it"):
 *  - our client (`peer:tls client`) ↔ `openssl s_server -tls1_3 -rev` (each line comes back reversed);
 *  - `openssl s_client -tls1_3 -verify_hostname … -CAfile … -verify_return_error` ↔ our server
 *    (`peer:tls server`, which echoes each line);
 * with ECDSA P-256 and Ed25519 certificates made by OpenSSL and by our lab CA; and a wrong name and an
 * unknown CA failing on both sides with the alert RFC 8446 §6.2 names (bad_certificate, unknown_ca).
 * Needs `openssl`: a visible skip without it, a failure when CI=true.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CI,
  keyLog,
  opensslCerts,
  opensslUnavailable,
  ourCerts,
  removeDir,
  runOurClient,
  runSClient,
  startOurServer,
  startSServer,
  tempDir,
  type CertFiles,
  type KeyType,
  type Server,
} from './helpers/tls-peers';

const missing = opensslUnavailable();
if (missing) {
  describe('TLS ↔ OpenSSL (unavailable)', () => {
    if (CI)
      it(`openssl is installed — ${missing}`, () => {
        throw new Error(missing);
      });
    else it.skip(`skipped: ${missing}`, () => undefined);
  });
}

const NAME = 'a.example';
const dir = missing ? '' : tempDir('tls-openssl');
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  if (dir) removeDir(dir);
});

function certs(maker: 'openssl' | 'ours', kt: KeyType, tag = ''): CertFiles {
  const d = join(dir, `${maker}-${kt}${tag}`);
  mkdirSync(d, { recursive: true });
  return maker === 'openssl' ? opensslCerts(d, NAME, kt) : ourCerts(d, NAME, kt);
}

const cases = [
  ['openssl', 'p256'],
  ['openssl', 'ed25519'],
  ['ours', 'p256'],
  ['ours', 'ed25519'],
] as const;

describe.skipIf(!!missing).each(cases)('TLS 1.3 ↔ OpenSSL, certificates by %s, %s keys', (maker, kt) => {
  let files: CertFiles;
  /** a CA that did not issue the server's certificate */
  let stranger: CertFiles;
  let sServer: Server;
  let ourServer: Server;

  beforeAll(async () => {
    files = certs(maker, kt);
    stranger = certs(maker, kt, '-stranger');
    [sServer, ourServer] = await Promise.all([
      startSServer(files, ['-keylogfile', join(dir, `${maker}-${kt}`, 's_server.keylog')]),
      startOurServer(files, ['--keylog', join(dir, `${maker}-${kt}`, 'our-server.keylog')]),
    ]);
    servers.push(sServer, ourServer);
  }, 15_000);

  it('our client ↔ s_server: handshake, each line echoed reversed, clean close, the same key schedule', async () => {
    const ours = join(dir, `${maker}-${kt}`, 'our-client.keylog');
    const r = await runOurClient(sServer.port, NAME, files.ca, 'hello world\nsecond line\n', ['--keylog', ours]);
    expect(r.stderr).toContain(`tls: handshake complete with ${NAME}`);
    expect(r.stdout).toBe('dlrow olleh\nenil dnoces\n');
    expect(r.code).toBe(0);
    expect(sServer.log()).toMatch(/Protocol version: TLSv1\.3[\s\S]*Ciphersuite: TLS_AES_128_GCM_SHA256/);
    // all five secrets of RFC 8446 §7.1 (handshake, traffic, exporter) as OpenSSL derived them
    expect(keyLog(ours)).toHaveLength(5);
    expect(keyLog(join(dir, `${maker}-${kt}`, 's_server.keylog'))).toEqual(expect.arrayContaining(keyLog(ours)));
  });

  it('s_client ↔ our server: Verify return code 0 (ok), the line echoed, the same key schedule', async () => {
    const theirs = join(dir, `${maker}-${kt}`, 's_client.keylog');
    const r = await runSClient(ourServer.port, NAME, files.ca, 'ping from openssl\n', 'ping from openssl', ['-keylogfile', theirs]);
    expect(keyLog(theirs)).toHaveLength(5);
    expect(keyLog(join(dir, `${maker}-${kt}`, 'our-server.keylog'))).toEqual(expect.arrayContaining(keyLog(theirs)));
    expect(r.stdout).toContain('Verify return code: 0 (ok)');
    expect(r.stdout).toContain(`Verified peername: ${NAME}`);
    expect(r.stdout).toMatch(/New, TLSv1\.3, Cipher is TLS_AES_128_GCM_SHA256/);
    expect(r.stdout).toMatch(kt === 'p256' ? /Peer signature type: ECDSA/ : /Peer signature type: ed25519/);
    expect(r.stdout.split('\n')).toContain('ping from openssl');
    expect(r.code).toBe(0);
  });

  it('wrong name: our client sends bad_certificate, s_server reads alert 42', async () => {
    const r = await runOurClient(sServer.port, 'b.example', files.ca, 'hello\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tls: alert bad_certificate \(we sent it\): name-mismatch/);
    expect(r.stdout).toBe('');
    await expect.poll(() => sServer.log()).toMatch(/alert bad certificate.*SSL alert number 42/);
  });

  it('unknown CA: our client sends unknown_ca, s_server reads alert 48', async () => {
    const r = await runOurClient(sServer.port, NAME, stranger.ca, 'hello\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tls: alert unknown_ca \(we sent it\): unknown-ca/);
    await expect.poll(() => sServer.log()).toMatch(/alert unknown ca.*SSL alert number 48/);
  });

  it('wrong name: s_client says hostname mismatch, our server reads bad_certificate', async () => {
    const r = await runSClient(ourServer.port, 'b.example', files.ca, 'hello\n', 'hello');
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain('Verify return code: 62 (hostname mismatch)');
    await expect.poll(() => ourServer.log()).toMatch(/tls: \[\d+\] alert bad_certificate \(peer sent it\)/);
  });

  it('unknown CA: s_client cannot find the issuer, our server reads unknown_ca', async () => {
    const r = await runSClient(ourServer.port, NAME, stranger.ca, 'hello\n', 'hello');
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/Verify return code: 2[01] \(unable to (get local issuer certificate|verify the first certificate)\)/);
    await expect.poll(() => ourServer.log()).toMatch(/tls: \[\d+\] alert unknown_ca \(peer sent it\)/);
  });
});

describe.skipIf(!!missing)('TLS 1.3 ↔ OpenSSL, beyond the plain handshake', () => {
  let files: CertFiles;
  beforeAll(() => {
    files = certs('openssl', 'p256', '-more');
  });
  const start = async (s: Promise<Server>): Promise<Server> => {
    const server = await s;
    servers.push(server);
    return server;
  };

  it('s_client offering a P-256 key share first: our server asks for X25519 (HelloRetryRequest), then completes', async () => {
    const ours = await start(startOurServer(files));
    const r = await runSClient(ours.port, NAME, files.ca, 'retry\n', 'retry', ['-groups', 'P-256:X25519', '-msg']);
    expect(r.stdout).toContain('Verify return code: 0 (ok)');
    expect(r.stdout).toMatch(/<<< TLS 1\.3, Handshake \[length [0-9a-f]+\], ServerHello[\s\S]*>>> TLS 1\.3, Handshake \[length [0-9a-f]+\], ClientHello[\s\S]*<<< TLS 1\.3, Handshake \[length [0-9a-f]+\], ServerHello/);
    expect(r.stdout).toMatch(/Server Temp Key: X25519/);
    expect(r.stdout.split('\n')).toContain('retry');
  });

  it('a 40 000-octet line from s_client comes back whole, in several records (§5.1: at most 2^14 each)', async () => {
    const ours = await start(startOurServer(files));
    const line = 'x'.repeat(40_000);
    const r = await runSClient(ours.port, NAME, files.ca, `${line}\n`, line);
    expect(r.stdout.split('\n')).toContain(line);
  });

  it('s_server asking for a client certificate (-verify): our client answers with none and goes on', async () => {
    const s = await start(startSServer(files, ['-verify', '1']));
    const r = await runOurClient(s.port, NAME, files.ca, 'no certificate\n');
    expect(r.stdout).toBe('etacifitrec on\n');
    expect(r.code).toBe(0);
  });

  it('s_server with no group in common (P-384 only): our client exits 1 naming the alert it got', async () => {
    const s = await start(startSServer(files, ['-groups', 'P-384']));
    const r = await runOurClient(s.port, NAME, files.ca, 'hello\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tls: alert handshake_failure \(peer sent it\)/);
  });
});

describe.skipIf(!!missing)('peer:tls usage', () => {
  it('a usage error exits 2 and names the problem', async () => {
    const r = await runOurClient(1, NAME, '/nonexistent/ca.pem', '');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read CA file/);
  });
});
