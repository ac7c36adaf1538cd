import { describe, expect, it } from 'vitest';
import { bitString, oid, seq, utf8String } from '../../../lib/x509/der';
import { extension, name, signCertificate, tbsCertificate, type KeyType } from '../../../lib/x509/encode';
import { generateKey, issueServerCert, makeLabCa, type Issued, type Issuer } from '../../../lib/x509/lab-ca';
import { KeyUsageBit, OID } from '../../../lib/x509/oids';
import { certificateChecker, validateChain, type ValidateOptions } from '../../../lib/x509/validate';
import { SignatureScheme } from '../../../lib/tls/constants';
import { DAY, NOW, T0, T1, lab, seededRandom } from './fixtures';

const { ca, server } = lab();
const opts = (o: Partial<ValidateOptions> = {}): ValidateOptions => ({ anchors: [ca.der], now: NOW, name: 'a.example', ...o });
const issue = (issuer: Issuer, seed: string, o: { domain?: string; dns?: string[]; xmppAddrs?: string[]; ca?: boolean; pathLen?: number; keyType?: KeyType } = {}): Issued =>
  issueServerCert(issuer, { domain: o.domain ?? 'a.example', notBefore: T0, notAfter: T1, randomBytes: seededRandom(seed), ...o });

/** A leaf built field by field, for the wrong certificates a CA would never issue. */
function craft(o: { keyUsage?: number[]; extra?: Uint8Array[]; claim?: KeyType }): Uint8Array {
  const key = generateKey('p256', seededRandom('craft'));
  const tbs = tbsCertificate({
    serial: Uint8Array.of(0x42),
    issuer: ca.subject,
    subject: name({ commonName: 'a.example' }),
    notBefore: T0,
    notAfter: T1,
    subjectKey: key,
    issuerPublicKey: ca.key.publicKey,
    signerType: o.claim ?? 'p256',
    ca: false,
    dns: ['a.example'],
    keyUsage: o.keyUsage,
    extraExtensions: o.extra,
  });
  if (o.claim === 'ed25519') return seq(tbs, seq(oid(OID.ed25519)), bitString(new Uint8Array(64)));
  return signCertificate(tbs, ca.key);
}

describe('validateChain: success', () => {
  it.each(['p256', 'ed25519'] as const)('a lab chain (%s) validates and yields the leaf key for TLS', (kt) => {
    const l = lab(kt);
    const v = validateChain([l.server.der], { anchors: [l.ca.der], now: NOW, name: 'a.example' });
    expect(v).toMatchObject({ ok: true, key: { scheme: kt === 'p256' ? SignatureScheme.ecdsa_secp256r1_sha256 : SignatureScheme.ed25519, publicKey: l.server.key.publicKey } });
    if (v.ok) expect(v.path.map((c) => c.der)).toEqual([l.server.der, l.ca.der]);
  });
  it('names compare case-insensitively, with or without a trailing dot', () => {
    expect(validateChain([server.der], opts({ name: 'A.Example.' })).ok).toBe(true);
  });
  it('the root may be sent too (RFC 8446 §4.4.2)', () => {
    expect(validateChain([server.der, ca.der], opts()).ok).toBe(true);
  });
  it('an intermediate CA in the chain', () => {
    const inter = issue(ca, 'inter', { domain: 'Lab Intermediate', dns: [], ca: true });
    const leaf = issue(inter, 'leaf-under-inter');
    const v = validateChain([leaf.der, inter.der], opts());
    expect(v.ok && v.path.length).toBe(3);
    // … but not when the path may hold only two certificates
    expect(validateChain([leaf.der, inter.der], opts({ maxDepth: 2 }))).toMatchObject({ ok: false, failure: 'path-too-long' });
    // … and not without the intermediate
    expect(validateChain([leaf.der], opts())).toMatchObject({ ok: false, failure: 'unknown-ca', alert: 'unknown_ca' });
  });
});

describe('validateChain: each failure is its own value with its alert', () => {
  it('malformed', () => {
    expect(validateChain([Uint8Array.of(0x30, 0x03, 1, 2, 3)], opts())).toMatchObject({ ok: false, failure: 'malformed', alert: 'bad_certificate', index: 0 });
    expect(validateChain([server.der, Uint8Array.of(1)], opts())).toMatchObject({ failure: 'malformed', index: 1 });
    expect(validateChain([], opts())).toMatchObject({ failure: 'malformed' });
  });
  it('path-too-long: pathLenConstraint 0 on an intermediate that signs another CA (§6.1.4 (l))', () => {
    const i1 = issue(ca, 'pl-1', { domain: 'Intermediate 1', dns: [], ca: true, pathLen: 0 });
    expect(i1.cert.basicConstraints).toEqual({ ca: true, pathLen: 0 });
    const i2 = issue(i1, 'pl-2', { domain: 'Intermediate 2', dns: [], ca: true });
    const leaf = issue(i2, 'pl-leaf');
    expect(validateChain([leaf.der, i2.der, i1.der], opts())).toMatchObject({ ok: false, failure: 'path-too-long', index: 2 });
    const direct = issue(i1, 'pl-direct');
    expect(validateChain([direct.der, i1.der], opts()).ok).toBe(true);
  });
  it('unknown-ca: another lab CA issued it', () => {
    const other = lab('p256', 'mallory');
    expect(validateChain([other.server.der], opts())).toMatchObject({ ok: false, failure: 'unknown-ca', alert: 'unknown_ca', index: 0 });
    // even when the attacker also sends their root
    expect(validateChain([other.server.der, other.ca.der], opts())).toMatchObject({ failure: 'unknown-ca', index: 1 });
  });
  it('unknown-ca: a self-signed leaf', () => {
    const self = makeLabCa({ name: 'a.example', randomBytes: seededRandom('self'), notBefore: T0, notAfter: T1 });
    expect(validateChain([self.der], opts())).toMatchObject({ failure: 'unknown-ca' });
  });
  it('bad-signature: one flipped bit in the signature', () => {
    const bad = Uint8Array.from(server.der);
    bad[bad.length - 3]! ^= 0x01;
    expect(validateChain([bad], opts())).toMatchObject({ ok: false, failure: 'bad-signature', alert: 'bad_certificate', index: 0 });
  });
  it('bad-signature: a changed name inside the signed part', () => {
    const bad = Uint8Array.from(server.der);
    const at = Buffer.from(bad).indexOf('a.example');
    bad[at] = 'b'.charCodeAt(0);
    expect(validateChain([bad], opts({ name: 'b.example' }))).toMatchObject({ failure: 'bad-signature' });
  });
  it('name-mismatch', () => {
    expect(validateChain([server.der], opts({ name: 'b.example' }))).toMatchObject({ ok: false, failure: 'name-mismatch', alert: 'bad_certificate', subject: 'a.example' });
    expect(validateChain([server.der], opts({ name: null }))).toMatchObject({ failure: 'name-mismatch' });
  });
  it('expired: the virtual clock after notAfter; not-yet-valid: before notBefore', () => {
    expect(validateChain([server.der], opts({ now: T1 + 1 }))).toMatchObject({ ok: false, failure: 'expired', alert: 'certificate_expired' });
    expect(validateChain([server.der], opts({ now: T1 })).ok).toBe(true); // notAfter is inclusive (§4.1.2.5)
    expect(validateChain([server.der], opts({ now: T0 - DAY }))).toMatchObject({ ok: false, failure: 'not-yet-valid', alert: 'certificate_expired' });
    expect(validateChain([server.der], opts({ now: T0 })).ok).toBe(true);
  });
  it('expired trust anchor', () => {
    const shortCa = makeLabCa({ name: 'Short CA', randomBytes: seededRandom('short'), notBefore: T0, notAfter: T0 + DAY });
    const leaf = issue(shortCa, 'short-leaf');
    expect(validateChain([leaf.der], opts({ anchors: [shortCa.der] }))).toMatchObject({ failure: 'expired', index: -1 });
  });
  it('not-a-ca: a server certificate used to sign another', () => {
    const forged = issue(server, 'forged', { domain: 'b.example' });
    expect(validateChain([forged.der, server.der], opts({ name: 'b.example' }))).toMatchObject({ ok: false, failure: 'not-a-ca', alert: 'bad_certificate', index: 1 });
  });
  it('unsupported-algorithm: the certificate says Ed25519, the issuer holds a P-256 key', () => {
    expect(validateChain([craft({ claim: 'ed25519' })], opts())).toMatchObject({ ok: false, failure: 'unsupported-algorithm', alert: 'unsupported_certificate' });
  });
  it('unsupported-critical-extension (RFC 5280 §4.2)', () => {
    const unknown = extension('1.3.6.1.4.1.99999.1', true, utf8String('must understand me'));
    expect(validateChain([craft({ extra: [unknown] })], opts())).toMatchObject({ ok: false, failure: 'unsupported-critical-extension', alert: 'unsupported_certificate' });
    const harmless = extension('1.3.6.1.4.1.99999.1', false, utf8String('ignore me'));
    expect(validateChain([craft({ extra: [harmless] })], opts()).ok).toBe(true);
  });
  it('bad-key-usage: a leaf without digitalSignature (RFC 8446 §4.4.2.2)', () => {
    expect(validateChain([craft({ keyUsage: [KeyUsageBit.keyCertSign] })], opts())).toMatchObject({ ok: false, failure: 'bad-key-usage', alert: 'unsupported_certificate' });
  });
});

describe('names (RFC 6125 §6, RFC 6120 §13.7.1.4)', () => {
  const check = (cert: Issued, name: string, service: 'xmpp' | 'dns' = 'xmpp', allowCommonName = true) =>
    validateChain([cert.der], opts({ name, service, allowCommonName })).ok;
  it('wildcards: only the whole leftmost label, matching one label', () => {
    const w = issue(ca, 'wild', { domain: 'a.example', dns: ['*.a.example'] });
    expect(check(w, 'chat.a.example')).toBe(true);
    expect(check(w, 'a.example')).toBe(false);
    expect(check(w, 'x.chat.a.example')).toBe(false);
    const tooWide = issue(ca, 'wild2', { domain: 'example', dns: ['*.example', 'f*.a.example', 'x.*.example'] });
    expect(check(tooWide, 'a.example')).toBe(false);
    expect(check(tooWide, 'foo.a.example')).toBe(false);
    expect(check(tooWide, 'x.a.example')).toBe(false);
  });
  it('an XmppAddr alone names an XMPP server, not a DNS service', () => {
    const x = issue(ca, 'xmpp-only', { domain: 'Some Server', dns: [], xmppAddrs: ['a.example'] });
    expect(check(x, 'a.example', 'xmpp')).toBe(true);
    expect(check(x, 'a.example', 'dns')).toBe(false);
    const user = issue(ca, 'xmpp-user', { domain: 'Some Server', dns: [], xmppAddrs: ['alice@a.example'] });
    expect(check(user, 'a.example')).toBe(false);
  });
  it('the CN counts only when no DNS-ID or XmppAddr is present (§6.4.4)', () => {
    const noSan = issue(ca, 'no-san', { domain: 'a.example', dns: [] });
    expect(noSan.cert.subjectAltName).toBeNull();
    expect(check(noSan, 'a.example')).toBe(true);
    expect(check(noSan, 'a.example', 'xmpp', false)).toBe(false);
    const sanElsewhere = issue(ca, 'san-elsewhere', { domain: 'a.example', dns: ['b.example'] });
    expect(check(sanElsewhere, 'a.example')).toBe(false);
    expect(check(sanElsewhere, 'b.example')).toBe(true);
  });
});

describe('certificateChecker: the lib/tls client hook', () => {
  it('returns the leaf key, or the alert with the failure named in the reason', () => {
    const hook = certificateChecker({ anchors: [ca.der], now: NOW });
    expect(hook([server.der], 'a.example')).toEqual({ ok: true, key: { scheme: SignatureScheme.ecdsa_secp256r1_sha256, publicKey: server.key.publicKey } });
    expect(hook([server.der], 'b.example')).toMatchObject({ ok: false, alert: 'bad_certificate', reason: expect.stringMatching(/^name-mismatch: /) });
  });
});
