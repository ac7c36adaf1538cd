import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8, utf8Decode } from '@/lib/bytes/hex';
import { tlsClientStart, tlsReceive, tlsServerStart, writeKeys } from '@/lib/xmpp/tls-model/connection';
import { decodeHello, deriveKeys, keySharePublic } from '@/lib/xmpp/tls-model/handshake';
import { openRecord, recordNonce, sealRecord, splitRecords } from '@/lib/xmpp/tls-model/record';
import { composeTlsWire } from '@/lib/xmpp/wire';

const entropy = (b: number) => new Uint8Array(64).map((_, i) => (i * 7 + b) & 0xff);
const tcp = { srcIp: '192.0.2.10', srcPort: 50000, dstIp: '198.51.100.10', dstPort: 5222 };

function pair() {
  const { conn: client, hello } = tlsClientStart('tls:alice~a.example', entropy(1));
  const server = tlsServerStart('tls:alice~a.example', entropy(2));
  const r1 = tlsReceive(server, hello);
  const r2 = tlsReceive(client, r1.reply!);
  return { client, server, r1, r2 };
}

describe('modelled TLS 1.3 records (RFC 8446 §5 shapes, AES-128-GCM)', () => {
  it('the hello exchange gives both ends the same keys; a listener with both hellos has no private key', () => {
    const { client, server, r1, r2 } = pair();
    expect(r1.established && r2.established).toBe(true);
    expect(client.keys).toEqual(server.keys);
    expect(client.privateKey).toBeNull();
    expect(server.privateKey).toBeNull();
    // A third party's own key share gives other keys.
    const mallory = entropy(9).slice(32);
    const hello = decodeHello(tlsClientStart('x', entropy(1)).hello.slice(5))!;
    expect(deriveKeys(mallory, hello.keyShare, hello.random, new Uint8Array(32))).not.toEqual(client.keys);
  });

  it('nonce = IV XOR sequence number (RFC 8446 §5.3)', () => {
    expect(Buffer.from(recordNonce('000000000000000000000000', 0)).toString('hex')).toBe('000000000000000000000000');
    expect(Buffer.from(recordNonce('0102030405060708090a0b0c', 1)).toString('hex')).toBe('0102030405060708090a0b0d');
    expect(Buffer.from(recordNonce('0102030405060708090a0b0c', 0x0102)).toString('hex')).toBe('0102030405060708090a0a0e');
  });

  it('a record opens with the right key and sequence number only; a flipped bit fails the tag', () => {
    const key = '000102030405060708090a0b0c0d0e0f';
    const iv = '101112131415161718191a1b';
    const rec = sealRecord(key, iv, 3, utf8('<presence/>'));
    expect([...rec.slice(0, 5)]).toEqual([0x17, 0x03, 0x03, 0x00, 11 + 1 + 16]);
    expect(utf8Decode(openRecord(key, iv, 3, rec)!)).toBe('<presence/>');
    expect(openRecord(key, iv, 4, rec)).toBeNull();
    const bad = rec.slice();
    bad[10] = bad[10]! ^ 1;
    expect(openRecord(key, iv, 3, bad)).toBeNull();
  });

  it('composeTlsWire: the XML layers keep their offsets inside the ciphertext, each naming the key', () => {
    const { client, server } = pair();
    const { data, layers } = composeTlsWire([{ text: '<a/>', label: '<a/>' }, { text: '<b>x</b>', label: '<b/>' }], tcp, client);
    expect(layers.map((l) => [l.layer, l.start, l.end, l.key ?? ''])).toEqual([
      ['tcp', 0, data.length, ''],
      ['tls', 0, data.length, 'tls:alice~a.example'],
      ['xml', 5, 9, 'tls:alice~a.example'],
      ['xml', 9, 17, 'tls:alice~a.example'],
    ]);
    const r = tlsReceive(server, data);
    expect(utf8Decode(r.plaintext[0]!)).toBe('<a/><b>x</b>');
    expect(writeKeys(client).key).toBe(client.keys!.clientWriteKey);
  });

  it('more than 2^14 bytes are split into several records', () => {
    const { client, server } = pair();
    const big = 'x'.repeat(40000);
    const { data, layers } = composeTlsWire([{ text: big, label: 'big' }], tcp, client);
    expect(layers.filter((l) => l.layer === 'tls')).toHaveLength(3);
    expect(splitRecords(data).records).toHaveLength(3);
    expect(tlsReceive(server, data).plaintext.map((p) => utf8Decode(p)).join('')).toBe(big);
  });

  it('peer garbage never throws: it fails the connection', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, asServer) => {
        const conn = asServer ? tlsServerStart('k', entropy(3)) : pair().client;
        const r = tlsReceive(conn, bytes);
        expect(r.plaintext.every((p) => p instanceof Uint8Array)).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(keySharePublic(entropy(5).slice(32))).toHaveLength(32);
  });
});
