/**
 * The Handshake view's data (issue #10 item 6): every handshake message of a run's TLS connections laid
 * out field by field — every byte in exactly one field, values as lib/tls and lib/x509 decode them — the
 * records an observer without keys sees, and the key schedule with the values of the ends' tls-keys facts.
 */
import { describe, expect, it } from 'vitest';
import { FIELD_WORDS, GROUP_WORDS, SECRET_WORDS } from '../../../app/_i18n/tls-fields';
import { fromHex, toHex } from '../../../lib/bytes/hex';
import { getPreset } from '../../../lib/scenarios/presets/index';
import { runScenario } from '../../../lib/scenarios/run';
import { factsOf } from '../../../lib/sim/facts';
import { readKeyShareClient, readServerName } from '../../../lib/tls/extensions';
import { decodeHandshake } from '../../../lib/tls/handshake-codec';
import { deriveSecret, hkdfExtract, transcriptHash } from '../../../lib/tls/key-schedule';
import { decodeCertificate } from '../../../lib/x509/certificate';
import { FIELD_KINDS, GROUP_KINDS, layoutHandshake, layoutRecord, type FieldLayout } from '../../../lib/viz/tls-fields';
import { entryAt, handshakeEntries, hasTls, tlsConnections } from '../../../lib/viz/tls-handshake';
import { keySchedule, SECRET_IDS } from '../../../lib/viz/tls-schedule';
import { observeUpTo } from '../../../lib/viz/knowledge';

const c2s = runScenario(getPreset('c2s-login')!, { seed: 1 }).trace;
const fed = runScenario(getPreset('federation')!, { seed: 1 }).trace;
const [conn] = tlsConnections(c2s);
const entries = handshakeEntries(c2s, conn!);

/** Every byte in exactly one field, fields in order, nothing left over. */
function expectTiles(layout: FieldLayout, length: number) {
  let at = 0;
  for (const f of layout.fields) {
    expect(f.start, `${f.kind} starts where the last ended`).toBe(at);
    expect(f.end).toBeGreaterThan(f.start);
    at = f.end;
  }
  expect(at).toBe(length);
  for (const g of layout.groups) expect(layout.fields.filter((f) => f.start >= g.start && f.end <= g.end).length > 0 || g.start === g.end).toBe(true);
}

describe('connections and messages', () => {
  it('c2s-login has one connection, alice → a.example, with both ends’ keys', () => {
    expect(tlsConnections(c2s).map((c) => [c.keyName, c.client, c.server])).toEqual([['tls:alice~a.example', 'alice', 'a.example']]);
    expect(conn!.keys?.clientRandom).toMatch(/^[0-9a-f]{64}$/);
    expect(hasTls(c2s)).toBe(true);
    expect(hasTls(runScenario(getPreset('hello')!, { seed: 1 }).trace)).toBe(false);
  });

  it('federation has four: two c2s and the two s2s directions', () => {
    expect(tlsConnections(fed).map((c) => c.keyName)).toEqual(['tls:alice~a.example', 'tls:bob~b.example', 'tls:a.example>b.example', 'tls:b.example>a.example']);
  });

  it('the seven messages of a 1-RTT handshake, in order, the server’s flight in one protected record', () => {
    expect(entries.map((e) => [e.name, e.by, e.protected])).toEqual([
      ['ClientHello', 'client', false],
      ['ServerHello', 'server', false],
      ['EncryptedExtensions', 'server', true],
      ['Certificate', 'server', true],
      ['CertificateVerify', 'server', true],
      ['Finished', 'server', true],
      ['Finished', 'client', true],
    ]);
    expect(new Set(entries.slice(2, 6).map((e) => e.record!.id)).size).toBe(1);
    expect(entries[0]!.step).toBe(conn!.helloStep);
  });

  it('the entry a step opens is the last one that had arrived', () => {
    expect(entryAt(entries, 1)).toBe(0);
    expect(entryAt(entries, entries[1]!.step)).toBe(5);
    expect(entryAt(entries, 999)).toBe(6);
  });
});

describe('fields', () => {
  it('every byte of every message of every connection lies in exactly one field', () => {
    for (const trace of [c2s, fed])
      for (const c of tlsConnections(trace))
        for (const e of handshakeEntries(trace, c)) {
          expect(e.message, `${c.keyName} ${e.name}`).not.toBeNull();
          expectTiles(e.message!.layout, e.message!.bytes.length);
          if (e.record) expectTiles(e.record.layout, e.record.bytes.length);
        }
  });

  it('ClientHello values are what lib/tls decodes', () => {
    const { bytes, layout } = entries[0]!.message!;
    const ch = decodeHandshake(bytes);
    if (!ch.ok || ch.value.type !== 'client_hello') throw new Error('not a ClientHello');
    const field = (kind: string) => layout.fields.find((f) => f.kind === kind)!;
    expect(field('random').value).toBe(toHex(ch.value.random));
    expect(field('random').value).toBe(conn!.keys!.clientRandom);
    expect(bytes.subarray(field('random').start, field('random').end)).toEqual(ch.value.random);
    const sni = ch.value.extensions.find((x) => x.type === 0)!;
    expect(field('server_name').value).toBe(readServerName(sni.data));
    expect(field('server_name').value).toBe('a.example');
    const share = readKeyShareClient(ch.value.extensions.find((x) => x.type === 51)!.data)[0]!;
    expect(fromHex(field('key_exchange').value)).toEqual(share.keyExchange);
    expect(bytes.subarray(field('key_exchange').start, field('key_exchange').end)).toEqual(share.keyExchange);
    expect(field('cipher_suite').value).toBe('0x1301 TLS_AES_128_GCM_SHA256');
    expect(field('version').value).toBe('0x0304 TLS 1.3');
    expect(layout.groups.filter((g) => g.kind === 'extension').map((g) => g.detail)).toEqual(['server_name', 'supported_groups', 'key_share', 'supported_versions', 'signature_algorithms']);
  });

  it('the certificate’s main fields are its DER elements, with lib/x509’s values', () => {
    const { bytes, layout } = entries.find((e) => e.name === 'Certificate')!.message!;
    const field = (kind: string) => layout.fields.find((f) => f.kind === kind)!;
    const x509 = layout.groups.find((g) => g.kind === 'x509')!;
    const cert = decodeCertificate(bytes.slice(x509.start, x509.end));
    if (!cert.ok) throw new Error(cert.reason);
    expect(field('x509_serial').value).toBe(toHex(cert.cert.serial));
    expect(field('x509_subject').value).toBe('a.example');
    expect(field('x509_extensions').value).toContain('XmppAddr:a.example');
    expect(field('x509_signature').value).toBe(toHex(cert.cert.signature));
    // The signed part is exactly the TBSCertificate that the signature covers.
    const tbs = layout.groups.find((g) => g.kind === 'tbs')!;
    expect(bytes.slice(tbs.start, tbs.end)).toEqual(cert.cert.tbs);
  });

  it('a Finished is its verify_data; a message lib/tls cannot decode has no layout', () => {
    const fin = entries.at(-1)!.message!;
    expect(fin.layout.fields.map((f) => f.kind)).toEqual(['msg_type', 'length', 'verify_data']);
    expect(layoutHandshake(fin.bytes.slice(0, -1))).toBeNull();
  });

  it('a protected record as a tap sees it: header, then ciphertext', () => {
    const rec = entries[2]!.record!;
    expect(rec.layout.fields.map((f) => [f.kind, f.value.slice(0, 22)])).toEqual([
      ['record_type', '23 application_data'],
      ['record_version', '0x0303 TLS 1.2'],
      ['record_length', `${rec.bytes.length - 5} bytes`],
      ['encrypted_record', toHex(rec.bytes.subarray(5, 16))],
    ]);
    expect(layoutRecord(rec.bytes)).toEqual(rec.layout);
  });

  it('every field, group and secret has a name and a meaning in English and German', () => {
    for (const k of FIELD_KINDS) for (const part of [FIELD_WORDS[k].name, FIELD_WORDS[k].meaning]) expect(part.en && part.de && part.en !== '' && part.de !== '', k).toBeTruthy();
    for (const k of GROUP_KINDS) expect(GROUP_WORDS[k].en && GROUP_WORDS[k].de, k).toBeTruthy();
    for (const k of SECRET_IDS) expect(SECRET_WORDS[k].name.de && SECRET_WORDS[k].meaning.de && SECRET_WORDS[k].meaning.en, k).toBeTruthy();
    expect(Object.keys(FIELD_WORDS).sort()).toEqual([...FIELD_KINDS].sort());
  });
});

describe('key schedule', () => {
  const schedule = keySchedule(c2s, conn!, entries);
  const v = (id: string) => schedule.nodes.find((n) => n.id === id)!.value!;
  const keys = conn!.keys!;

  it('its values are the tls-keys facts’', () => {
    expect(v('c_hs')).toBe(keys.clientHandshakeTrafficSecret);
    expect(v('s_hs')).toBe(keys.serverHandshakeTrafficSecret);
    expect(v('c_ap')).toBe(keys.clientTrafficSecret0);
    expect(v('s_ap')).toBe(keys.serverTrafficSecret0);
    expect(v('exp')).toBe(keys.exporterSecret);
    expect(v('handshake')).toBe(keys.schedule!.handshakeSecret);
    expect(v('ecdhe')).toBe(keys.schedule!.sharedSecret);
  });

  it('and they hang together as RFC 8446 §7.1 says: each derived from its parent, label and transcript', () => {
    const zeros = new Uint8Array(32);
    expect(v('early')).toBe(toHex(hkdfExtract(zeros, zeros)));
    expect(v('handshake')).toBe(toHex(hkdfExtract(fromHex(v('derived1')), fromHex(v('ecdhe')))));
    expect(v('master')).toBe(toHex(hkdfExtract(fromHex(v('derived2')), zeros)));
    const hello = entries.slice(0, 2).map((e) => e.message!.bytes);
    const flight = entries.slice(0, 6).map((e) => e.message!.bytes);
    expect(v('c_hs')).toBe(toHex(deriveSecret(fromHex(v('handshake')), 'c hs traffic', hello)));
    expect(v('exp')).toBe(toHex(deriveSecret(fromHex(v('master')), 'exp master', flight)));
    expect(schedule.nodes.find((n) => n.id === 's_ap')!.transcript).toEqual({ through: 'server Finished', hash: toHex(transcriptHash(flight)) });
  });

  it('held by the two ends and nobody else', () => {
    expect(schedule.holders.map((h) => [h.node, h.role]).sort()).toEqual([['a.example', 'server'], ['alice', 'client']]);
    const factNodes = c2s.events.flatMap((e) => factsOf(e.facts, 'tls-keys')).map((f) => f.node);
    expect(factNodes.sort()).toEqual(['a.example', 'alice']);
  });

  it('a tap on the link holds none of it; alice holds it once her keys are derived (the lens’s keys)', () => {
    const scenario = getPreset('c2s-login')!;
    const end = c2s.events.length;
    expect(observeUpTo(scenario, c2s, 'tap:alice~a.example', end)!.metadata.keys).not.toContain(conn!.keyName);
    expect(observeUpTo(scenario, c2s, 'alice', end)!.metadata.keys).toContain(conn!.keyName);
    expect(observeUpTo(scenario, c2s, 'alice', conn!.helloStep)!.metadata.keys).not.toContain(conn!.keyName);
  });

  it('boxes do not overlap', () => {
    for (const a of schedule.nodes)
      for (const b of schedule.nodes) {
        if (a === b) continue;
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart, `${a.id} / ${b.id}`).toBe(true);
      }
  });
});
