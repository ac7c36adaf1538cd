/**
 * Lesson 6 (tls) takes the TLS 1.3 handshake of `c2s-login` apart byte by byte and follows a message of
 * `federation` over three TLS links (seed 1, the widget's seed). Every number, byte and key name the lesson
 * quotes is pinned here, so a change to the simulator's TLS that would make the lesson wrong fails this test.
 * Steps are widget steps: step k = event k − 1.
 */
import { describe, expect, it } from 'vitest';
import { WIDGET_SEED } from '@/app/_components/scenario/ScenarioWidget';
import { toHex } from '@/lib/bytes/hex';
import { observe } from '@/lib/knowledge/observe';
import { getPreset } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';
import { decodeHandshake, type ClientHello, type ServerHello } from '@/lib/tls/handshake-codec';
import { findExtension } from '@/lib/tls/extensions';
import { trafficKeys } from '@/lib/tls/traffic-keys';

function load(id: string) {
  const scenario = getPreset(id)!;
  const run = { scenario, trace: runScenario(scenario, { seed: WIDGET_SEED }).trace };
  const ev = (step: number) => run.trace.events[step - 1]!;
  const wire = (step: number) => ev(step).wire!;
  /** The TLS layers of a step as the Layers tab lists them: label, size, key. */
  const tls = (step: number) => (ev(step).layers ?? []).filter((l) => l.layer === 'tls').map((l) => ({ label: l.label, bytes: l.end - l.start, key: l.key }));
  return { run, ev, wire, tls };
}

/** The handshake message inside a plaintext record (5-byte record header). */
const handshakeIn = <T,>(record: Uint8Array): T => {
  const d = decodeHandshake(record.subarray(5));
  if (!d.ok) throw new Error(d.reason);
  return d.value as T;
};
const u16s = (b: Uint8Array, from: number) => Array.from({ length: (b.length - from) / 2 }, (_, i) => toHex(b.subarray(from + 2 * i, from + 2 * i + 2)));

describe('lesson 6 quotes the handshake of c2s-login', () => {
  const c = load('c2s-login');

  it('steps 6–8: 137, 658 and 229 bytes; 95 in clear, then one sealed record of 563; alice’s Finished in 58, the new stream in 171', () => {
    expect([6, 7, 8].map((k) => [c.ev(k).from, c.ev(k).to, c.wire(k).length])).toEqual([
      ['alice', 'a.example', 137],
      ['a.example', 'alice', 658],
      ['alice', 'a.example', 229],
    ]);
    expect(c.tls(7)).toEqual([
      { label: 'TLS record: handshake, ServerHello (X25519 key share, TLS_AES_128_GCM_SHA256)', bytes: 95, key: undefined },
      { label: 'TLS record: application_data, 558 bytes', bytes: 563, key: 'tls:alice~a.example' },
      { label: 'TLS handshake: EncryptedExtensions', bytes: 10, key: 'tls:alice~a.example' },
      { label: 'TLS handshake: Certificate (a.example, issued by Messenger Lab CA)', bytes: 423, key: 'tls:alice~a.example' },
      { label: 'TLS handshake: CertificateVerify (Ed25519 signature)', bytes: 72, key: 'tls:alice~a.example' },
      { label: 'TLS handshake: Finished', bytes: 36, key: 'tls:alice~a.example' },
    ]);
    // The sealed record's outer type is application_data (23), RFC 8446 §5.2.
    expect(c.wire(7)[95]).toBe(23);
    expect(c.tls(8).map((l) => [l.label, l.bytes])).toEqual([
      ['TLS record: application_data, 53 bytes', 58],
      ['TLS handshake: Finished', 36],
      ['TLS record: application_data, 166 bytes', 171],
    ]);
  });

  it('the ClientHello, field by field as the lesson’s table gives it', () => {
    const w = c.wire(6);
    expect(toHex(w.subarray(0, 5))).toBe('1603010084');
    const ch = handshakeIn<ClientHello>(w);
    expect(ch.type).toBe('client_hello');
    expect(toHex(ch.random)).toMatch(/^fa28fbd7[0-9a-f]{50}c68a1f$/);
    expect(ch.cipherSuites).toEqual([0x1301]);
    const sni = findExtension(ch.extensions, 0)!;
    expect(new TextDecoder().decode(sni.subarray(5))).toBe('a.example');
    expect(u16s(findExtension(ch.extensions, 10)!, 2)).toEqual(['001d']); // x25519
    const share = findExtension(ch.extensions, 51)!; // key_share: list length, group 001d, length 0020, 32 bytes
    expect(toHex(share.subarray(2, 6))).toBe('001d0020');
    expect(toHex(share.subarray(6))).toMatch(/^515789cb[0-9a-f]{48}bb509f2f$/);
    expect(toHex(findExtension(ch.extensions, 43)!)).toBe('020304');
    expect(u16s(findExtension(ch.extensions, 13)!, 2)).toEqual(['0403', '0807']); // ecdsa_secp256r1_sha256, ed25519
  });

  it('the ServerHello: TLS_AES_128_GCM_SHA256, TLS 1.3 and the server’s key share d5033fe2 … 87d08328', () => {
    const sh = handshakeIn<ServerHello>(c.wire(7).subarray(0, 95));
    expect(sh.cipherSuite).toBe(0x1301);
    expect(toHex(findExtension(sh.extensions, 43)!)).toBe('0304');
    const share = findExtension(sh.extensions, 51)!;
    expect(toHex(share.subarray(0, 4))).toBe('001d0020');
    expect(toHex(share.subarray(4))).toMatch(/^d5033fe2[0-9a-f]{48}87d08328$/);
  });

  it('each traffic secret gives a 16-byte key and a 12-byte iv (RFC 8446 §7.3 for AES-128-GCM)', () => {
    const k = trafficKeys(new Uint8Array(32));
    expect([k.key.length, k.iv.length]).toEqual([16, 12]);
  });

  it('every sealed record is 22 bytes longer than what it carries; step 18 is 33 bytes around <presence/>', () => {
    const sealed = c.run.trace.events.flatMap((e) => (e.layers ?? []).filter((l) => l.layer === 'tls' && /^TLS record: application_data, (\d+) bytes$/.test(l.label)));
    expect(sealed.length).toBeGreaterThan(20);
    for (const l of sealed) expect(l.end - l.start - Number(/(\d+) bytes$/.exec(l.label)![1])).toBe(5);
    // 5 header + the 17 the payload adds to the XML (1 content type, 16 tag): 22 in all.
    const xml = c.run.trace.events.flatMap((e) => {
      const recs = (e.layers ?? []).filter((l) => l.layer === 'tls' && l.label.startsWith('TLS record: application_data'));
      const xs = (e.layers ?? []).filter((l) => l.layer === 'xml');
      return recs.length === 1 && xs.length > 0 && e.seq > 8 ? [(recs[0]!.end - recs[0]!.start) - (xs.at(-1)!.end - xs[0]!.start)] : [];
    });
    expect(new Set(xml)).toEqual(new Set([22]));
    expect([c.wire(18).length, c.tls(18)[0]!.label]).toEqual([33, 'TLS record: application_data, 28 bytes']);
    const presence = (c.ev(18).layers ?? []).find((l) => l.layer === 'xml')!;
    expect([presence.label, presence.end - presence.start]).toEqual(['<presence/>', 11]);
  });

  it('the tap: both addresses, port 5222, and no content after the hellos', () => {
    const seen = observe(c.run.scenario, c.run.trace, 'tap:alice~a.example')!;
    expect(seen.metadata.addresses).toEqual([
      { ip: '192.0.2.10', node: 'alice' },
      { ip: '198.51.100.10', node: 'a.example' },
    ]);
    expect(c.ev(6).layers![0]!.label).toMatch(/→ 198\.51\.100\.10:5222$/);
    expect(seen.messages.filter((m) => m.seq >= 6).every((m) => m.content === null)).toBe(true);
    expect(seen.metadata.credentials).toEqual([]);
  });
});

describe('lesson 6 quotes federation', () => {
  const f = load('federation');

  it('step 40 alice’s message under tls:alice~a.example; step 67 the same stanza under tls:a.example>b.example, step 68 under tls:bob~b.example', () => {
    expect([f.ev(40).from, f.ev(40).to, f.tls(40)[0]!.key]).toEqual(['alice', 'a.example', 'tls:alice~a.example']);
    expect([f.ev(67).from, f.ev(67).to, f.tls(67)[0]!.key]).toEqual(['a.example', 'b.example', 'tls:a.example>b.example']);
    expect([f.ev(68).from, f.ev(68).to, f.tls(68)[0]!.key]).toEqual(['b.example', 'bob', 'tls:bob~b.example']);
  });

  it('step 46: a.example’s ClientHello names b.example, 137 bytes; step 47 b.example answers with 658 and its certificate; a.example shows none', () => {
    expect([f.ev(46).from, f.ev(46).to, f.wire(46).length, f.wire(47).length]).toEqual(['a.example', 'b.example', 137, 658]);
    expect(f.tls(46)[0]!.label).toContain('server_name b.example');
    expect(f.tls(47).map((l) => l.label)).toContain('TLS handshake: Certificate (b.example, issued by Messenger Lab CA)');
    // a.example's flight after the server's: only its Finished, no Certificate.
    expect(f.tls(48).filter((l) => l.label.startsWith('TLS handshake')).map((l) => l.label)).toEqual(['TLS handshake: Finished']);
  });
});
