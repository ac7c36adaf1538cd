/**
 * The simulator's TLS is real TLS 1.3 (lib/xmpp/tls-channel over lib/tls): its bytes parse with lib/tls's
 * own codec, the certificate chains to the scenario's lab CA, the key log of a connection opens its
 * records, a tap reads nothing, and a bad certificate is refused — narrated, and as a typed fact.
 */
import { describe, expect, it } from 'vitest';
import { fromHex } from '@/lib/bytes/hex';
import { observe } from '@/lib/knowledge/observe';
import { c2sLogin } from '@/lib/scenarios/presets/c2s-login';
import { federation } from '@/lib/scenarios/presets/federation';
import { runScenario } from '@/lib/scenarios/run';
import { factsOf } from '@/lib/sim/facts';
import type { Scenario, TraceEvent } from '@/lib/sim/types';
import { ExtensionType } from '@/lib/tls/constants';
import { findExtension, readServerName } from '@/lib/tls/extensions';
import { decodeHandshake, splitHandshakes } from '@/lib/tls/handshake-codec';
import { splitRecords, unprotectRecord } from '@/lib/tls/record';
import { trafficKeys } from '@/lib/tls/traffic-keys';
import { validateChain } from '@/lib/x509/validate';
import { labAnchor, SIM_EPOCH_MS } from '@/lib/xmpp/tls-channel/pki';
import { variant } from './transcript';

const run = runScenario(c2sLogin, { seed: 1 });
const wires = run.trace.events.filter((e) => e.kind === 'wire' && e.layers.some((l) => l.layer === 'tls'));
const [helloEvent, flightEvent, finishedEvent] = wires as [TraceEvent, TraceEvent, TraceEvent];
const keysOf = (node: string) => run.trace.events.flatMap((e) => factsOf(e.facts, 'tls-keys')).find((f) => f.node === node)!;

describe('the simulated c2s handshake is TLS 1.3 as RFC 8446 writes it', () => {
  it('ClientHello: a handshake record in clear that names a.example (SNI)', () => {
    const [rec] = splitRecords(helloEvent.wire!).records;
    expect(rec!.type).toBe(22);
    const ch = decodeHandshake(rec!.fragment);
    expect(ch.ok && ch.value.type).toBe('client_hello');
    if (!ch.ok || ch.value.type !== 'client_hello') return;
    expect(readServerName(findExtension(ch.value.extensions, ExtensionType.server_name)!)).toBe('a.example');
    expect(ch.value.cipherSuites).toEqual([0x1301]);
  });

  it('the server’s flight: ServerHello in clear, then EncryptedExtensions, a certificate the lab CA issued for a.example, CertificateVerify and Finished', () => {
    const [sh, protectedRecord] = splitRecords(flightEvent.wire!).records;
    const hello = decodeHandshake(sh!.fragment);
    expect(hello.ok && hello.value.type).toBe('server_hello');
    expect(protectedRecord!.type).toBe(23);
    // The client's key log opens it: the server's handshake traffic secret.
    const k = keysOf('alice');
    const opened = unprotectRecord(trafficKeys(fromHex(k.serverHandshakeTrafficSecret)), 0, protectedRecord!);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const messages = splitHandshakes(opened.content).messages.map((m) => decodeHandshake(m));
    expect(messages.map((m) => m.ok && m.value.type)).toEqual(['encrypted_extensions', 'certificate', 'certificate_verify', 'finished']);
    const cert = messages[1]!;
    if (!cert.ok || cert.value.type !== 'certificate') throw new Error('no certificate');
    const chain = cert.value.certificateList.map((c) => c.certData);
    // The anchor is the lab CA of this run; it is the same for every host and every seed-1 run.
    const clientState = run.checkpoints[0]!.state.nodes.alice as { trustAnchor: Uint8Array };
    const v = validateChain(chain, { anchors: [clientState.trustAnchor], now: SIM_EPOCH_MS, name: 'a.example' });
    expect(v.ok).toBe(true);
    expect(validateChain(chain, { anchors: [labAnchor('another seed')], now: SIM_EPOCH_MS, name: 'a.example' })).toMatchObject({ ok: false, failure: 'unknown-ca' });
  });

  it('the client’s Finished goes out with the new stream header in one send', () => {
    const recs = splitRecords(finishedEvent.wire!).records;
    expect(recs.map((r) => r.type)).toEqual([23, 23]);
    const k = keysOf('a.example');
    const fin = unprotectRecord(trafficKeys(fromHex(k.clientHandshakeTrafficSecret)), 0, recs[0]!);
    expect(fin.ok && decodeHandshake(fin.content).ok && fin.content[0]).toBe(20);
    const header = unprotectRecord(trafficKeys(fromHex(k.clientTrafficSecret0)), 0, recs[1]!);
    expect(header.ok && new TextDecoder().decode(header.content)).toMatch(/^<\?xml version='1.0'\?><stream:stream to='a.example'/);
  });

  it('C1: one tls-keys fact per end, with the NSS key log fields; both ends agree', () => {
    const facts = run.trace.events.flatMap((e) => factsOf(e.facts, 'tls-keys'));
    expect(facts.map((f) => [f.node, f.role])).toEqual([
      ['a.example', 'server'],
      ['alice', 'client'],
    ]);
    const [s, c] = facts;
    for (const field of ['clientRandom', 'clientHandshakeTrafficSecret', 'serverHandshakeTrafficSecret', 'clientTrafficSecret0', 'serverTrafficSecret0', 'exporterSecret'] as const) {
      expect(s![field]).toMatch(/^[0-9a-f]{64}$/);
      expect(c![field]).toBe(s![field]);
    }
    expect(c!.cipher).toBe('TLS_AES_128_GCM_SHA256');
  });

  it('a tap reads record sizes and times, never content; both ends read everything', () => {
    const tap = observe(c2sLogin, run.trace, 'tap:alice~a.example')!;
    expect(tap.messages.length).toBeGreaterThan(10);
    expect(tap.messages.every((m) => m.content === null)).toBe(true);
    expect(observe(c2sLogin, run.trace, 'alice')!.metadata.sealedRecords).toBe(0);
  });

  it('the same seed gives the same bytes; another seed another CA', () => {
    const again = runScenario(c2sLogin, { seed: 1 });
    expect(again.trace.events.map((e) => e.wire)).toEqual(run.trace.events.map((e) => e.wire));
    const other = runScenario(c2sLogin, { seed: 2 });
    const anchorOf = (r: typeof run) => (r.checkpoints[0]!.state.nodes.alice as { trustAnchor: Uint8Array }).trustAnchor;
    expect(anchorOf(other)).not.toEqual(anchorOf(run));
  });

  it('s2s: each connection runs its own handshake, the dialling server checks the other’s certificate', () => {
    const fed = runScenario(federation, { seed: 1 });
    const facts = fed.trace.events.flatMap((e) => factsOf(e.facts, 'tls-keys'));
    const s2s = facts.filter((f) => f.keyName.includes('>'));
    expect(s2s.map((f) => `${f.keyName} ${f.node} ${f.role}`).sort()).toEqual([
      'tls:a.example>b.example a.example client',
      'tls:a.example>b.example b.example server',
      'tls:b.example>a.example a.example server',
      'tls:b.example>a.example b.example client',
    ]);
  });
});

describe('a bad certificate is refused: a typed fact, a narrated step, no login', () => {
  const withCert = (certificate: 'wrong-name' | 'expired' | 'unknown-ca'): Scenario =>
    variant(c2sLogin, (s) => {
      s.topology.servers[0]!.certificate = certificate;
    });
  for (const [certificate, failure, alert, note] of [
    ['wrong-name', 'name-mismatch', 'bad_certificate', 'tls.certificate-wrong-name'],
    ['expired', 'expired', 'certificate_expired', 'tls.certificate-expired'],
    ['unknown-ca', 'unknown-ca', 'unknown_ca', 'tls.certificate-unknown-ca'],
  ] as const) {
    it(certificate, () => {
      const r = runScenario(withCert(certificate), { seed: 1 });
      const failed = r.trace.events.flatMap((e) => factsOf(e.facts, 'tls-failed'));
      expect(failed.find((f) => f.node === 'alice')).toMatchObject({ peer: 'a.example', alert, sent: true, certificate: failure });
      // the server hears the alert
      expect(failed.find((f) => f.node === 'a.example')).toMatchObject({ alert, sent: false });
      const refusal = r.trace.events.find((e) => e.note.key === note || e.effects.some((n) => n.key === note));
      expect(refusal?.from).toBe('alice');
      expect(r.trace.events.flatMap((e) => factsOf(e.facts, 'login-failed'))).toMatchObject([{ node: 'alice', reason: `tls-certificate: ${failure}` }]);
      expect(r.trace.events.flatMap((e) => factsOf(e.facts, 'tls-keys')).filter((f) => f.node === 'alice')).toEqual([]);
      expect(r.trace.events.flatMap((e) => factsOf(e.facts, 'engine-error'))).toEqual([]);
    });
  }
});
