/**
 * Lesson 8 (certificates) quotes a.example's certificate from `c2s-login`, the steps and bytes of
 * `starttls-stripping` and `s2s-plaintext` (seed 1, the widget's seed), and the TLS alert each failed
 * check ends with. Every quoted value is pinned here. Steps are widget steps: step k = event k − 1.
 */
import { describe, expect, it } from 'vitest';
import { WIDGET_SEED } from '@/app/_components/scenario/ScenarioWidget';
import { fromHex, toHex } from '@/lib/bytes/hex';
import { observe } from '@/lib/knowledge/observe';
import { getPreset } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';
import { factsOf } from '@/lib/sim/facts';
import { randomBytes, seedRng } from '@/lib/sim/rng';
import { decodeHandshake, splitHandshakes } from '@/lib/tls/handshake-codec';
import { splitRecords, unprotectRecord } from '@/lib/tls/record';
import { trafficKeys } from '@/lib/tls/traffic-keys';
import { commonName, decodeCertificate, type Certificate } from '@/lib/x509/certificate';
import { issueServerCert, makeLabCa } from '@/lib/x509/lab-ca';
import { OID } from '@/lib/x509/oids';
import { validateChain } from '@/lib/x509/validate';
import { SIM_EPOCH_MS } from '@/lib/xmpp/tls-channel/pki';

function load(id: string) {
  const scenario = getPreset(id)!;
  const trace = runScenario(scenario, { seed: WIDGET_SEED }).trace;
  const ev = (step: number) => trace.events[step - 1]!;
  const text = (step: number) => new TextDecoder().decode(ev(step).wire!);
  return { scenario, trace, ev, text };
}

/** The certificate a.example sends at step 7 of c2s-login, opened with alice's handshake keys. */
function certificateOfC2sLogin(): { cert: Certificate; messageBytes: number } {
  const c = load('c2s-login');
  const keys = factsOf(c.ev(7).facts, 'tls-keys').find((f) => f.node === 'alice')!;
  const sealed = splitRecords(c.ev(7).wire!).records[1]!;
  const opened = unprotectRecord(trafficKeys(fromHex(keys.serverHandshakeTrafficSecret)), 0, sealed);
  if (!opened.ok) throw new Error('cannot open the server flight');
  for (const m of splitHandshakes(opened.content).messages) {
    const d = decodeHandshake(m);
    if (d.ok && d.value.type === 'certificate') {
      const x = decodeCertificate(d.value.certificateList[0]!.certData);
      if (!x.ok) throw new Error(x.reason);
      expect(d.value.certificateList).toHaveLength(1); // the leaf only: the CA is the trust anchor alice already holds
      return { cert: x.cert, messageBytes: m.length };
    }
  }
  throw new Error('no Certificate');
}

describe('lesson 8 quotes a.example’s certificate', () => {
  const { cert, messageBytes } = certificateOfC2sLogin();

  it('410 bytes of X.509 v3 in a 423-byte Certificate message; serial, issuer, subject, key, names, constraints', () => {
    expect([cert.der.length, messageBytes, cert.version]).toEqual([410, 423, 3]);
    expect(toHex(cert.serial)).toBe('429a7e2fca9d8e91030a638a1dcc74e0');
    expect([commonName(cert.issuer), commonName(cert.subject)]).toEqual(['Messenger Lab CA', 'a.example']);
    expect([cert.publicKey.type, cert.signatureAlgorithm]).toEqual(['ed25519', '1.3.101.112']);
    expect(cert.subjectAltName).toEqual({ dns: ['a.example'], xmppAddrs: ['a.example'], others: 0 });
    expect(cert.basicConstraints).toEqual({ ca: false, pathLen: null });
    expect(cert.keyUsage).toEqual([0]); // digitalSignature (RFC 5280 §4.2.1.3)
    expect(OID.xmppAddr).toBe('1.3.6.1.5.5.7.8.5');
  });

  it('valid 2025-12-02 09:00 to 2027-01-01 09:00 UTC; the simulation starts 2026-01-01 09:00 UTC, inside it', () => {
    expect([new Date(cert.notBefore).toISOString(), new Date(cert.notAfter).toISOString()]).toEqual(['2025-12-02T09:00:00.000Z', '2027-01-01T09:00:00.000Z']);
    expect(new Date(SIM_EPOCH_MS).toISOString()).toBe('2026-01-01T09:00:00.000Z');
    expect(cert.notBefore < SIM_EPOCH_MS && SIM_EPOCH_MS < cert.notAfter).toBe(true);
  });
});

describe('lesson 8: each failed check ends with the alert the lesson names', () => {
  const rng = seedRng('lesson-8');
  const rb = (n: number) => randomBytes(rng, n);
  const day = 86_400_000;
  const ca = makeLabCa({ name: 'Messenger Lab CA', keyType: 'ed25519', randomBytes: rb, notBefore: SIM_EPOCH_MS - 365 * day, notAfter: SIM_EPOCH_MS + 3650 * day });
  const issue = (domain: string, notAfter = SIM_EPOCH_MS + 365 * day, issuer = ca) =>
    issueServerCert(issuer, { domain, xmppAddrs: [domain], keyType: 'ed25519', notBefore: SIM_EPOCH_MS - 400 * day, notAfter, randomBytes: rb }).der;
  const check = (der: Uint8Array) => {
    const v = validateChain([der], { anchors: [ca.der], now: SIM_EPOCH_MS, name: 'a.example' });
    return v.ok ? 'ok' : v.alert;
  };

  it('the right certificate passes; another CA → unknown_ca, expired → certificate_expired, another name → bad_certificate', () => {
    const rogue = makeLabCa({ name: 'Unknown CA', keyType: 'ed25519', randomBytes: rb, notBefore: SIM_EPOCH_MS - 365 * day, notAfter: SIM_EPOCH_MS + 3650 * day });
    expect(check(issue('a.example'))).toBe('ok');
    expect(check(issue('a.example', undefined, rogue))).toBe('unknown_ca');
    expect(check(issue('a.example', SIM_EPOCH_MS - 35 * day))).toBe('certificate_expired');
    expect(check(issue('mallory.example'))).toBe('bad_certificate');
  });
});

describe('lesson 8 quotes starttls-stripping', () => {
  const s = load('starttls-stripping');
  const STARTTLS = "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>";
  const sent = (step: number) => {
    const t = (s.ev(step) as unknown as { transport: { sent: { data: Record<string, number> } } }).transport.sent.data;
    return new TextDecoder().decode(Uint8Array.from(Object.values(t)));
  };

  it('steps 3 and 8: a.example sends 409 bytes with <starttls/> (51 bytes), the client receives 358 without it; mallory-bob and mallory cut it', () => {
    for (const [step, client, attacker] of [[3, 'bob', 'mallory-bob'], [8, 'alice', 'mallory']] as const) {
      expect([s.ev(step).from, s.ev(step).to]).toEqual(['a.example', client]);
      expect([sent(step).length, s.ev(step).wire!.length, STARTTLS.length]).toEqual([409, 358, 51]);
      expect(sent(step)).toContain(STARTTLS);
      expect(s.text(step)).not.toContain('starttls');
      expect(sent(step).replace(STARTTLS, '')).toBe(s.text(step));
      // the server offered PLAIN before TLS (RFC 6120 §13.8.3 forbids it)
      expect(s.text(step)).toContain('<mechanism>SCRAM-SHA-256</mechanism><mechanism>PLAIN</mechanism>');
      expect((s.ev(step) as unknown as { effects: { key: string; params: { middlebox: string } }[] }).effects[0]).toMatchObject({ key: 'attack.starttls-stripped', params: { middlebox: attacker } });
    }
  });

  it('step 4: bob’s client refuses and closes; step 9: alice’s lax client logs in with PLAIN; step 18: her message in clear', () => {
    expect(factsOf(s.ev(3).facts, 'login-failed')).toEqual([{ type: 'login-failed', node: 'bob', reason: 'tls-missing' }]);
    expect([s.ev(4).from, s.ev(4).note.key, s.text(4)]).toEqual(['bob', 'client.tls-missing', '</stream:stream>']);
    expect(s.text(9)).toBe("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGFsaWNlAHdvbmRlcmxhbmQ=</auth>");
    expect(s.text(18)).toContain('<body>The door code is 4711.</body>');
    const tap = observe(s.scenario, s.trace, 'tap:alice~a.example')!;
    expect(tap.metadata.credentials).toEqual([expect.objectContaining({ user: 'alice', password: 'wonderland' })]);
    expect(observe(s.scenario, s.trace, 'tap:bob~a.example')!.metadata.credentials).toEqual([]);
  });
});

describe('lesson 8 quotes s2s-plaintext', () => {
  const p = load('s2s-plaintext');

  it('step 43: b.example offers dialback, no STARTTLS; step 40 alice’s message sealed on her link; 55 and 59 in clear between the servers', () => {
    expect([p.ev(43).from, p.ev(43).to]).toEqual(['b.example', 'a.example']);
    expect(p.text(43)).toContain('<stream:features>');
    expect(p.text(43)).toContain('urn:xmpp:features:dialback');
    expect(p.text(43)).not.toContain('starttls');
    expect([p.ev(40).from, p.ev(40).to, (p.ev(40).layers ?? []).find((l) => l.layer === 'tls')?.key]).toEqual(['alice', 'a.example', 'tls:alice~a.example']);
    expect([p.ev(55).from, p.ev(55).to]).toEqual(['a.example', 'b.example']);
    expect(p.text(55)).toContain('<body>Meet me at the station at six.</body>');
    expect([p.ev(59).from, p.ev(59).to]).toEqual(['b.example', 'a.example']);
    expect(p.text(59)).toContain('<body>See you there.</body>');
  });
});

describe('lesson 8 quotes sasl-downgrade', () => {
  const d = load('sasl-downgrade');

  it('step 3: alice gets neither STARTTLS nor SCRAM, step 4 PLAIN; step 14 bob’s offer without SCRAM; 17 the ClientHello; 20 the full offer inside TLS; 21 SCRAM', () => {
    expect([d.ev(3).to, d.text(3).includes('starttls'), d.text(3).includes('SCRAM')]).toEqual(['alice', false, false]);
    expect(d.text(4)).toMatch(/mechanism='PLAIN'>AGFsaWNlAHdvbmRlcmxhbmQ=<\/auth>$/);
    expect([d.ev(14).to, d.text(14).includes('<starttls'), d.text(14).includes('SCRAM')]).toEqual(['bob', true, false]);
    expect([d.ev(17).from, d.ev(17).note.key]).toEqual(['bob', 'tls.client-hello']);
    expect([d.ev(20).from, d.ev(20).to, (d.ev(20).layers ?? []).find((l) => l.layer === 'tls')?.key]).toEqual(['a.example', 'bob', 'tls:bob~a.example']);
    expect(d.ev(20).note.params).toMatchObject({ mechanisms: 'SCRAM-SHA-256, PLAIN' });
    expect(factsOf(d.ev(20).facts, 'sasl-started')).toEqual([{ type: 'sasl-started', node: 'bob', mechanism: 'SCRAM-SHA-256' }]);
    expect([d.ev(21).from, d.ev(21).to]).toEqual(['bob', 'a.example']);
  });
});
