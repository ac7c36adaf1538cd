/**
 * Our client against our server, in memory: full handshakes with ECDSA P-256 and Ed25519
 * CertificateVerify signatures, application data both ways, and what each peer error ends in —
 * the alert RFC 8446 §6.2 names, sent by the end that found it and received by the other.
 */
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../../lib/bytes/hex';
import { encodeHandshake } from '../../../lib/tls/handshake-codec';
import { encodeRecord, protectRecord } from '../../../lib/tls/record';
import { trafficKeys } from '../../../lib/tls/traffic-keys';
import { ContentType } from '../../../lib/tls/constants';
import { closeClient, receiveClient, sendClient } from '../../../lib/tls/client';
import { closeServer, receiveServer, sendServer } from '../../../lib/tls/server';
import { clientTransitions, serverTransitions } from '../../../lib/tls/table';
import { plainDataProblems } from '../../helpers/plain-data';
import { alertsOf, identity, makePair, run, type Scheme } from './pair';

describe('tls: our client ↔ our server', () => {
  for (const scheme of ['ecdsa_secp256r1_sha256', 'ed25519'] as Scheme[]) {
    it(`${scheme}: handshake, application data both ways, close_notify both ways`, () => {
      const id = identity(scheme, scheme);
      const { pair, firstFlight } = makePair(id);
      let p = run(pair, firstFlight);
      expect(p.client.phase).toBe('connected');
      expect(p.server.phase).toBe('connected');
      expect(alertsOf([...p.clientEvents, ...p.serverEvents])).toEqual([]);
      const done = p.clientEvents.find((e) => e.type === 'handshake-complete');
      expect(done).toMatchObject({ signatureScheme: id.scheme, serverName: 'a.example', cipherSuite: 0x1301 });
      expect(p.serverEvents.find((e) => e.type === 'handshake-complete')).toMatchObject({ serverName: 'a.example' });
      // Both derived the same secrets.
      expect(p.client.secrets).toEqual(p.server.secrets);
      // Records: ClientHello; ServerHello + one protected flight; client Finished.
      expect(p.clientRecords.map((r) => r[0])).toEqual([22, 23]);
      expect(p.serverRecords.map((r) => r[0])).toEqual([22, 23]);

      const c1 = sendClient(p.client, utf8('<stream:stream to="a.example">'));
      p = run({ ...p, client: c1.state }, c1.out);
      expect(p.serverEvents.at(-1)).toEqual({ type: 'application-data', data: utf8('<stream:stream to="a.example">') });
      const s1 = sendServer(p.server, utf8('<stream:features/>'));
      p = run({ ...p, server: s1.state }, [], {}, s1.out);
      expect(p.clientEvents.at(-1)).toEqual({ type: 'application-data', data: utf8('<stream:features/>') });

      const bye = closeClient(p.client);
      p = run({ ...p, client: bye.state }, bye.out);
      expect(p.server.phase).toBe('closed');
      expect(p.client.phase).toBe('closed');
      expect(alertsOf(p.serverEvents)).toEqual(['received close_notify']);
      expect(plainDataProblems(p.client)).toEqual([]);
      expect(plainDataProblems(p.server)).toEqual([]);
    });
  }

  it('application data larger than 2^14 goes in several records (§5.1) and arrives whole', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'big'));
    const p = run(pair, firstFlight);
    const big = Uint8Array.from({ length: 40_000 }, (_, i) => i & 0xff);
    const sent = sendClient(p.client, big);
    expect(sent.out).toHaveLength(3);
    // each record decrypts under its own sequence number: feed them in order through one state
    let st = p.server;
    const data: number[] = [];
    for (const r of sent.out) {
      const s = receiveServer(st, r);
      st = s.state;
      for (const e of s.events) if (e.type === 'application-data') data.push(...e.data);
    }
    expect(Uint8Array.from(data)).toEqual(big);
  });

  it('a tampered record: bad_record_mac, sent by the receiver and received by the sender', () => {
    const { pair, firstFlight } = makePair(identity('ecdsa_secp256r1_sha256', 'tamper'));
    const p = run(pair, firstFlight);
    const rec = sendServer(p.server, utf8('hello')).out[0]!.slice();
    rec[rec.length - 1]! ^= 1; // one bit of the tag
    const c = receiveClient(p.client, rec);
    expect(alertsOf(c.events)).toEqual(['sent bad_record_mac']);
    expect(c.state.phase).toBe('failed');
    const s = receiveServer(p.server, c.out[0]!);
    expect(alertsOf(s.events)).toEqual(['received bad_record_mac']);
    expect(s.state.phase).toBe('failed');
    // Afterwards both ignore everything.
    expect(receiveClient(c.state, rec)).toMatchObject({ out: [], events: [] });
  });

  it('a wrong signature (the server signs with another key than the client expects): decrypt_error', () => {
    const real = identity('ecdsa_secp256r1_sha256', 'real');
    const other = identity('ecdsa_secp256r1_sha256', 'impostor');
    const { pair, firstFlight } = makePair(real, { server: { privateKey: other.privateKey } });
    const p = run(pair, firstFlight);
    expect(alertsOf(p.clientEvents)).toEqual(['sent decrypt_error']);
    expect(alertsOf(p.serverEvents)).toEqual(['received decrypt_error']);
    expect([p.client.phase, p.server.phase]).toEqual(['failed', 'failed']);
  });

  it('an Ed25519 signature that does not verify: decrypt_error', () => {
    const id = identity('ed25519', 'ed');
    const { pair, firstFlight } = makePair(id, { server: { replaySignature: new Uint8Array(64).fill(7), privateKey: undefined } });
    const p = run(pair, firstFlight);
    expect(alertsOf(p.clientEvents)).toEqual(['sent decrypt_error']);
  });

  it('the server signs with a scheme other than its certificate key: illegal_parameter', () => {
    const id = identity('ed25519', 'mismatch');
    const ecdsa = identity('ecdsa_secp256r1_sha256', 'mismatch');
    const { pair, firstFlight } = makePair(id, { server: { signatureScheme: ecdsa.scheme, privateKey: ecdsa.privateKey } });
    const p = run(pair, firstFlight);
    expect(alertsOf(p.clientEvents)).toEqual(['sent illegal_parameter']);
  });

  it("the certificate check's verdict is the alert: unknown_ca, bad_certificate, certificate_expired", () => {
    for (const alert of ['unknown_ca', 'bad_certificate', 'certificate_expired'] as const) {
      const id = identity('ed25519', alert);
      const hooks = { checkCertificate: () => ({ ok: false as const, alert, reason: 'test' }) };
      const { pair, firstFlight } = makePair(id);
      const p = run(pair, firstFlight, hooks);
      expect(alertsOf(p.clientEvents)).toEqual([`sent ${alert}`]);
      expect(alertsOf(p.serverEvents)).toEqual([`received ${alert}`]);
    }
  });

  it('the hook sees the chain and the name asked for', () => {
    const id = identity('ed25519', 'hook');
    const seen: unknown[] = [];
    const hooks = {
      checkCertificate: (chain: readonly Uint8Array[], name: string | null) => {
        seen.push([chain, name]);
        return { ok: true as const, key: { scheme: id.scheme, publicKey: id.publicKey } };
      },
    };
    const { pair, firstFlight } = makePair(id, { client: { serverKey: undefined } });
    const p = run(pair, firstFlight, hooks);
    expect(p.client.phase).toBe('connected');
    expect(seen).toEqual([[[id.certificate], 'a.example']]);
  });

  it('no way to check the certificate: certificate_unknown', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'nocheck'), { client: { serverKey: undefined } });
    const p = run(pair, firstFlight);
    expect(alertsOf(p.clientEvents)).toEqual(['sent certificate_unknown']);
  });

  it('an unexpected message: a Finished instead of a ClientHello, a second ClientHello, app data too early', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'unexpected'));
    const finished = encodeRecord(ContentType.handshake, encodeHandshake({ type: 'finished', verifyData: new Uint8Array(32) }));
    const s = receiveServer(pair.server, finished);
    expect(alertsOf(s.events)).toEqual(['sent unexpected_message']);
    expect(s.out).toEqual([encodeRecord(ContentType.alert, Uint8Array.of(2, 10))]);

    const p = run(pair, firstFlight);
    // The ClientHello again, in plaintext, after the keys changed.
    expect(alertsOf(receiveServer(p.server, firstFlight[0]!).events)).toEqual(['sent unexpected_message']);
    // Application data in plaintext before any keys.
    const early = receiveServer(pair.server, encodeRecord(ContentType.application_data, utf8('hi')));
    expect(alertsOf(early.events)).toEqual(['sent unexpected_message']);
  });

  it('a ClientHello without supported_versions (a TLS 1.2 client): protocol_version', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'v12'));
    const ch = firstFlight[0]!.slice();
    // supported_versions 00 2b 00 03 02 03 04 → an unknown extension 0xfa2b with the same body
    const at = findSub(ch, Uint8Array.of(0x00, 0x2b, 0x00, 0x03, 0x02, 0x03, 0x04));
    ch[at] = 0xfa;
    expect(alertsOf(receiveServer(pair.server, ch).events)).toEqual(['sent protocol_version']);
  });

  it('a ClientHello with a truncated extension block: decode_error', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'decode'));
    const ch = firstFlight[0]!.slice();
    // record header 5, msg_type + length 4, legacy_version 2, random 32, session id 1, suites 2+2, compression 1+1
    const at = 5 + 4 + 2 + 32 + 1 + 4 + 2;
    const extLength = (ch[at]! << 8) | ch[at + 1]!;
    ch[at + 1] = (extLength + 1) & 0xff; // one octet more than there is
    const out = receiveServer(pair.server, ch);
    expect(out.state.phase).toBe('failed');
    expect(alertsOf(out.events)).toEqual(['sent decode_error']);
  });

  it('a compatibility change_cipher_spec during the handshake is dropped (§5); another value is unexpected', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'ccs'));
    const ccs = encodeRecord(ContentType.change_cipher_spec, Uint8Array.of(1));
    const p = run(pair, [...firstFlight, ccs]);
    expect([p.client.phase, p.server.phase]).toEqual(['connected', 'connected']);
    expect(alertsOf(receiveServer(p.server, ccs).events)).toEqual(['sent unexpected_message']);
    const bad = encodeRecord(ContentType.change_cipher_spec, Uint8Array.of(2));
    const { pair: q, firstFlight: f2 } = makePair(identity('ed25519', 'ccs2'));
    expect(alertsOf(run(q, [...f2, bad]).serverEvents)).toEqual(['sent unexpected_message']);
  });

  it('a record longer than 2^14 + 256: record_overflow', () => {
    const { pair } = makePair(identity('ed25519', 'overflow'));
    const header = Uint8Array.of(23, 3, 3, 0x41, 0x01);
    expect(alertsOf(receiveServer(pair.server, header).events)).toEqual(['sent record_overflow']);
  });

  it('no X25519 in the ClientHello at all (no share, not in supported_groups): handshake_failure', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'group'));
    const ch = firstFlight[0]!.slice();
    const at = findSub(ch, Uint8Array.of(0x00, 0x1d, 0x00, 0x20)); // KeyShareEntry x25519, 32 octets
    ch[at + 1] = 0x1e; // x448
    const groups = findSub(ch, Uint8Array.of(0x00, 0x0a, 0x00, 0x04, 0x00, 0x02, 0x00, 0x1d)); // supported_groups [x25519]
    ch[groups + 7] = 0x1e;
    expect(alertsOf(receiveServer(pair.server, ch).events)).toEqual(['sent handshake_failure']);
  });

  it('the ends move only along their transition tables', () => {
    const phasesOf = (rows: readonly { from: string; to: string }[]) => new Set(rows.flatMap((r) => [r.from, r.to]));
    expect([...phasesOf(clientTransitions)].sort()).toEqual(['closed', 'connected', 'failed', 'start', 'wait-cert', 'wait-cert-cr', 'wait-cv', 'wait-ee', 'wait-finished', 'wait-sh']);
    expect([...phasesOf(serverTransitions)].sort()).toEqual(['closed', 'connected', 'failed', 'start', 'wait-cert', 'wait-finished']);
    // §6.2: from every live phase a fatal alert leads to 'failed' (connection.ts relies on these rows).
    for (const table of [clientTransitions, serverTransitions] as const) {
      const live = [...phasesOf(table)].filter((ph) => ph !== 'closed' && ph !== 'failed');
      for (const ph of live) expect(table.some((t) => t.from === ph && t.on === 'fatal-alert' && t.to === 'failed')).toBe(true);
    }
  });

  it('the server may close first (§6.1): its close_notify reaches the client, which answers with its own', () => {
    const { pair, firstFlight } = makePair(identity('ecdsa_secp256r1_sha256', 'server-closes'));
    let p = run(pair, firstFlight);
    const bye = closeServer(p.server);
    expect(() => sendServer(bye.state, utf8('x'))).toThrow(/close_notify/);
    p = run({ ...p, server: bye.state }, [], {}, bye.out);
    expect(alertsOf(p.clientEvents)).toEqual(['received close_notify']);
    expect(p.client.phase).toBe('closed');
    expect(p.server.phase).toBe('closed');
  });

  it('after close_notify the closing end may not send', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'halfclose'));
    const p = run(pair, firstFlight);
    const closed = closeClient(p.client);
    expect(closed.state.phase).toBe('connected'); // its read side stays open until the server's close_notify
    expect(() => sendClient(closed.state, utf8('x'))).toThrow(/close_notify/);
  });
});

function findSub(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error('not found');
}

describe('tls: a server that asks for a client certificate (§4.3.2)', () => {
  it('our client answers with an empty Certificate before its Finished; the handshake completes', () => {
    const { pair, firstFlight } = makePair(identity('ecdsa_secp256r1_sha256', 'cr'), { server: { requestClientCertificate: true } });
    const p = run(pair, firstFlight);
    expect([p.client.phase, p.server.phase]).toEqual(['connected', 'connected']);
    const sent = p.clientEvents.flatMap((e) => (e.type === 'handshake' && e.direction === 'sent' ? [e.message.type] : []));
    expect(sent).toEqual(['client_hello', 'certificate', 'finished']);
    const got = p.clientEvents.flatMap((e) => (e.type === 'handshake' && e.direction === 'received' ? [e.message.type] : []));
    expect(got).toEqual(['server_hello', 'encrypted_extensions', 'certificate_request', 'certificate', 'certificate_verify', 'finished']);
    expect(p.client.secrets).toEqual(p.server.secrets);
  });

  it('a client certificate we cannot judge: unsupported_certificate', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'cr2'), { server: { requestClientCertificate: true } });
    const flight = receiveServer(pair.server, firstFlight[0]!);
    const keys = trafficKeys(flight.state.secrets.clientHandshakeTrafficSecret!);
    const cert = encodeHandshake({ type: 'certificate', certificateRequestContext: new Uint8Array(0), certificateList: [{ certData: utf8('me'), extensions: [] }] });
    const s = receiveServer(flight.state, protectRecord(keys, 0, ContentType.handshake, cert));
    expect(alertsOf(s.events)).toEqual(['sent unsupported_certificate']);
  });
});

describe('tls: middlebox compatibility mode and padding', () => {
  it('Appendix D.4: a session id, change_cipher_spec records both ways, and the handshake completes', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'compat'), { client: { compatibilityMode: true } });
    const p = run(pair, firstFlight);
    expect([p.client.phase, p.server.phase]).toEqual(['connected', 'connected']);
    expect(p.client.sessionId).toHaveLength(32);
    expect(p.clientRecords.map((r) => r[0])).toEqual([22, 20, 23]); // ClientHello, CCS, Finished
    expect(p.serverRecords.map((r) => r[0])).toEqual([22, 20, 23]); // ServerHello, CCS, flight
  });

  it('§5.4: padding hides the length of the content but not from the receiver', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'pad'));
    const p = run(pair, firstFlight);
    const plain = sendClient(p.client, utf8('hi')).out[0]!;
    const padded = sendClient(p.client, utf8('hi'), 100).out[0]!;
    expect(padded.length - plain.length).toBe(100);
    expect(receiveServer(p.server, padded).events).toEqual([{ type: 'application-data', data: utf8('hi') }]);
  });
});
