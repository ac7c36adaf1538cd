/**
 * Our certificates against Debian's OpenSSL (3.x), both ways: OpenSSL parses, prints and verifies
 * what our lab CA writes (XmppAddr included) and reads our PKCS #8 keys; we decode and verify what
 * `openssl req -x509` and `openssl x509 -req` make, and validate an OpenSSL-issued chain.
 * Needs `openssl` on PATH: a visible skip without it, a failure when CI=true.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeCertificate } from '../../../lib/x509/certificate';
import { schemeOf, verifySignature } from '../../../lib/x509/encode';
import { verify } from '../../../lib/tls/certificate-verify';
import { issueServerCert } from '../../../lib/x509/lab-ca';
import { OID } from '../../../lib/x509/oids';
import { fromPem, fromPkcs8 } from '../../../lib/x509/pem';
import { certificateChecker, validateChain } from '../../../lib/x509/validate';
import { serverIdentity } from '../../../lib/x509/identity';
import { alertsOf, makePair, run } from '../tls/pair';
import { NOW, T0, T1, lab, seededRandom } from './fixtures';

const CI = process.env.CI === 'true';
const missing = spawnSync('openssl', ['version']).error ? 'openssl not on PATH (apt-get install openssl)' : null;

if (missing) {
  describe('x509 ↔ OpenSSL (unavailable)', () => {
    if (CI)
      it(`openssl is installed — ${missing}`, () => {
        throw new Error(missing);
      });
    else it.skip(`skipped: ${missing}`, () => undefined);
  });
}

const dir = missing ? '' : mkdtempSync(join(tmpdir(), 'x509-'));
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function openssl(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const certOf = (name: string) => {
  const d = decodeCertificate(fromPem(read(name), 'CERTIFICATE')[0]!);
  if (!d.ok) throw new Error(d.reason);
  return d.cert;
};

describe.skipIf(!!missing).each(['p256', 'ed25519'] as const)('x509 ↔ OpenSSL with %s keys', (kt) => {
  const { ca, server } = lab(kt, `openssl-${kt}`);
  const inter = issueServerCert(ca, { domain: 'Lab Intermediate', dns: [], ca: true, keyType: kt, notBefore: T0, notAfter: T1, randomBytes: seededRandom(`inter-${kt}`) });
  const leaf = issueServerCert(inter, { domain: 'b.example', xmppAddrs: ['b.example'], keyType: kt, notBefore: T0, notAfter: T1, randomBytes: seededRandom(`leaf-${kt}`) });

  it('openssl x509 -text reads ours, XmppAddr SAN and extensions shown', () => {
    const r = openssl('x509', '-in', file(`${kt}-server.pem`, server.pem), '-noout', '-text');
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/DNS:a\.example/);
    expect(r.out).toMatch(/XmppAddr:+a\.example/);
    expect(r.out).toMatch(/CA:FALSE/);
    expect(r.out).toMatch(kt === 'p256' ? /ecdsa-with-SHA256/ : /ED25519/);
  });

  it('openssl verify accepts our chain; with -verify_hostname and -attime it agrees with our validator', () => {
    const caFile = file(`${kt}-ca.pem`, ca.pem);
    const srv = file(`${kt}-server.pem`, server.pem);
    const at = String(Math.floor(NOW / 1000));
    expect(openssl('verify', '-CAfile', caFile, '-attime', at, srv)).toMatchObject({ status: 0, out: expect.stringContaining(': OK') });
    expect(openssl('verify', '-CAfile', caFile, '-attime', at, '-verify_hostname', 'a.example', srv).status).toBe(0);
    expect(openssl('verify', '-CAfile', caFile, '-attime', at, '-verify_hostname', 'b.example', srv).out).toMatch(/hostname mismatch/);
    expect(openssl('verify', '-CAfile', caFile, '-attime', String(Math.floor(T1 / 1000) + 60), srv).out).toMatch(/certificate has expired/);
    expect(openssl('verify', '-CAfile', caFile, '-attime', String(Math.floor(T0 / 1000) - 60), srv).out).toMatch(/not yet valid/);
    const other = lab(kt, 'someone-else');
    expect(openssl('verify', '-CAfile', file(`${kt}-other-ca.pem`, other.ca.pem), '-attime', at, srv).out).toMatch(/unable to get local issuer certificate/);
    // an intermediate
    const chain = openssl('verify', '-CAfile', caFile, '-untrusted', file(`${kt}-inter.pem`, inter.pem), '-attime', at, file(`${kt}-leaf.pem`, leaf.pem));
    expect(chain).toMatchObject({ status: 0, out: expect.stringContaining(': OK') });
  });

  it('openssl pkey reads our PKCS #8 key and finds the certificate’s public key', () => {
    const key = file(`${kt}-key.pem`, server.keyPem);
    const fromKey = openssl('pkey', '-in', key, '-pubout');
    const fromCert = openssl('x509', '-in', file(`${kt}-server.pem`, server.pem), '-noout', '-pubkey');
    expect(fromKey.status).toBe(0);
    expect(fromKey.out).toBe(fromCert.out);
    // and OpenSSL signs with it: the signature verifies with the key in our certificate
    const msg = file(`${kt}-msg.txt`, 'hello from openssl');
    const sig = spawnSync('openssl', kt === 'p256' ? ['dgst', '-sha256', '-sign', key, msg] : ['pkeyutl', '-sign', '-rawin', '-inkey', key, '-in', msg], { cwd: dir });
    expect(sig.status).toBe(0);
    const content = new TextEncoder().encode('hello from openssl');
    expect(verify(schemeOf(kt), server.cert.publicKey.type === kt ? server.key.publicKey : new Uint8Array(0), content, new Uint8Array(sig.stdout))).toBe(true);
    expect(verify(schemeOf(kt), server.key.publicKey, content.subarray(1), new Uint8Array(sig.stdout))).toBe(false);
  });

  it('we decode and verify a self-signed certificate made by openssl req -x509, and read its key', () => {
    const newkey = kt === 'p256' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-newkey', 'ed25519'];
    const r = openssl(
      'req', '-x509', ...newkey, '-nodes', '-keyout', `${kt}-o-key.pem`, '-out', `${kt}-o-cert.pem`, '-days', '30',
      '-subj', '/O=OpenSSL Lab/CN=o.example',
      '-addext', 'subjectAltName=DNS:o.example,otherName:1.3.6.1.5.5.7.8.5;UTF8:o.example',
    );
    expect(r.status, r.out).toBe(0);
    const c = certOf(`${kt}-o-cert.pem`);
    expect(c.signatureAlgorithm).toBe(kt === 'p256' ? OID.ecdsaWithSha256 : OID.ed25519);
    expect(c.subjectAltName).toEqual({ dns: ['o.example'], xmppAddrs: ['o.example'], others: 0 });
    expect(c.basicConstraints?.ca).toBe(true);
    expect(verifySignature(c, c.publicKey)).toBe('ok');
    const key = fromPkcs8(fromPem(read(`${kt}-o-key.pem`), 'PRIVATE KEY')[0]!);
    expect(c.publicKey).toEqual({ type: kt, bytes: key.publicKey });
    // trusted as its own anchor, at a time inside its 30 days
    const der = fromPem(read(`${kt}-o-cert.pem`), 'CERTIFICATE')[0]!;
    const now = c.notBefore + 86_400_000;
    expect(validateChain([der], { anchors: [der], now, name: 'o.example' }).ok).toBe(true);
    expect(validateChain([der], { anchors: [der], now, name: 'p.example' })).toMatchObject({ failure: 'name-mismatch' });
  });

  it('our TLS server runs on OpenSSL’s certificate and key (serverIdentity), our client validates it', () => {
    const newkey = kt === 'p256' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-newkey', 'ed25519'];
    const r = openssl('req', '-x509', ...newkey, '-nodes', '-keyout', `${kt}-s-key.pem`, '-out', `${kt}-s-cert.pem`, '-days', '30', '-subj', '/CN=s.example', '-addext', 'subjectAltName=DNS:s.example');
    expect(r.status, r.out).toBe(0);
    const id = serverIdentity(read(`${kt}-s-cert.pem`), read(`${kt}-s-key.pem`));
    expect(id.ok).toBe(true);
    if (!id.ok) return;
    const now = certOf(`${kt}-s-cert.pem`).notBefore + 60_000;
    const hooks = { checkCertificate: certificateChecker({ anchors: id.certificateChain, now }) };
    const pseudo = { scheme: id.signatureScheme, privateKey: id.privateKey, publicKey: new Uint8Array(0), certificate: id.certificateChain[0]! };
    const { pair, firstFlight } = makePair(pseudo, { client: { serverName: 's.example', serverKey: undefined }, hooks });
    const p = run(pair, firstFlight, hooks);
    expect(p.client.phase).toBe('connected');
    expect(alertsOf(p.clientEvents)).toEqual([]);
    // a key that is not the certificate's is refused before any handshake
    expect(serverIdentity(read(`${kt}-s-cert.pem`), server.keyPem)).toMatchObject({ ok: false, reason: expect.stringContaining('does not belong') });
  });

  it('we validate a chain OpenSSL issued (openssl x509 -req -CA), and refuse it under the wrong CA', () => {
    const newkey = kt === 'p256' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-newkey', 'ed25519'];
    expect(openssl('req', '-x509', ...newkey, '-nodes', '-keyout', `${kt}-oca-key.pem`, '-out', `${kt}-oca.pem`, '-days', '30', '-subj', '/CN=OpenSSL CA').status).toBe(0);
    expect(openssl('req', '-new', ...newkey, '-nodes', '-keyout', `${kt}-oleaf-key.pem`, '-out', `${kt}-oleaf.csr`, '-subj', '/CN=c.example').status).toBe(0);
    const ext = file(`${kt}-ext.cnf`, 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectAltName=DNS:c.example\n');
    const r = openssl('x509', '-req', '-in', `${kt}-oleaf.csr`, '-CA', `${kt}-oca.pem`, '-CAkey', `${kt}-oca-key.pem`, '-set_serial', '7', '-days', '10', '-extfile', ext, '-out', `${kt}-oleaf.pem`);
    expect(r.status, r.out).toBe(0);
    const anchor = fromPem(read(`${kt}-oca.pem`), 'CERTIFICATE')[0]!;
    const leafDer = fromPem(read(`${kt}-oleaf.pem`), 'CERTIFICATE')[0]!;
    const now = certOf(`${kt}-oleaf.pem`).notBefore + 3_600_000;
    expect(validateChain([leafDer], { anchors: [anchor], now, name: 'c.example' }).ok).toBe(true);
    expect(validateChain([leafDer], { anchors: [ca.der], now, name: 'c.example' })).toMatchObject({ failure: 'unknown-ca' });
    expect(validateChain([leafDer], { anchors: [anchor], now: now + 20 * 86_400_000, name: 'c.example' })).toMatchObject({ failure: 'expired' });
  });
});
