/**
 * RFC 8448 §3 "Simple 1-RTT Handshake", byte for byte: our client and our server, each driven with
 * the RFC's randoms and X25519 private keys, must produce the RFC's messages, secrets, keys, IVs and
 * protected records, and accept the other side's. The one thing not checked is the server's
 * RSA-PSS CertificateVerify signature (we do not implement RSA): the client is told to skip exactly
 * that, and the server replays the RFC's (randomised) signature instead of making one.
 */
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../lib/bytes/hex';
import { ExtensionType } from '../../../lib/tls/constants';
import { decodeHandshake, type EncryptedExtensions, type NewSessionTicket } from '../../../lib/tls/handshake-codec';
import { finishedKey, verifyData } from '../../../lib/tls/finished';
import { hkdfExpandLabel, hkdfExtract, deriveSecret, transcriptHash } from '../../../lib/tls/key-schedule';
import { trafficKeys } from '../../../lib/tls/traffic-keys';
import { startClient, receiveClient, sendClient, closeClient, type ClientConfig } from '../../../lib/tls/client';
import { createServer, receiveServer, sendServer, sendSessionTicket } from '../../../lib/tls/server';
import { keyLogLines } from '../../../lib/tls/keylog';
import type { TlsEvent } from '../../../lib/tls/state';
import { plainDataProblems } from '../../helpers/plain-data';
import { rfc8448Simple1Rtt as R } from '../../fixtures/rfc8448-simple-1rtt';

const x = (hex: string) => fromHex(hex);
const hex = (b: Uint8Array) => toHex(b);
const ch = x(R.clientHello);
const sh = x(R.serverHello);
const ee = x(R.encryptedExtensions);
const cert = x(R.certificate);
const cv = x(R.certificateVerify);
const sfin = x(R.serverFinished);
const cfin = x(R.clientFinished);
const appData = Uint8Array.from({ length: 50 }, (_, i) => i);

/** randomBytes that hands out the given values in order, and fails loudly if asked for more. */
function replay(...values: Uint8Array[]) {
  const queue = [...values];
  return (n: number) => {
    const v = queue.shift();
    if (!v || v.length !== n) throw new Error(`replay: unexpected draw of ${n}`);
    return v;
  };
}

/** The RFC's client sends more than we act on; these settings make our ClientHello its twin. */
const rfcClientConfig: ClientConfig = {
  serverName: 'server',
  cipherSuites: [0x1301, 0x1303, 0x1302],
  supportedGroups: [0x001d, 0x0017, 0x0018, 0x0019, 0x0100, 0x0101, 0x0102, 0x0103, 0x0104],
  signatureAlgorithms: [0x0403, 0x0503, 0x0603, 0x0203, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0201, 0x0402, 0x0502, 0x0602, 0x0202],
  extraExtensions: [
    { type: 0xff01, data: Uint8Array.of(0) }, // renegotiation_info (RFC 5746), empty
    { type: 0x0023, data: new Uint8Array(0) }, // session_ticket (RFC 5077)
    { type: ExtensionType.psk_key_exchange_modes, data: Uint8Array.of(1, 1) }, // psk_dhe_ke
    { type: ExtensionType.record_size_limit, data: Uint8Array.of(0x40, 0x01) }, // RFC 8449
  ],
  extensionOrder: [0x0000, 0xff01, 0x000a, 0x0023, 0x0033, 0x002b, 0x000d, 0x002d, 0x001c],
  serverKey: 'skip-rsa-signature',
};

const events = (evs: TlsEvent[], type: TlsEvent['type']) => evs.filter((e) => e.type === type);

describe('RFC 8448 §3: the key schedule, step by step', () => {
  it('extract secret "early" (salt 0, IKM 0)', () => {
    expect(hex(hkdfExtract(new Uint8Array(32), new Uint8Array(32)))).toBe(R.earlySecret);
  });
  it('derive secret for handshake "tls13 derived", then extract "handshake" with the X25519 output', () => {
    expect(hex(deriveSecret(x(R.earlySecret), 'derived', []))).toBe(R.derivedForHandshake);
    expect(hex(hkdfExtract(x(R.derivedForHandshake), x(R.sharedSecret)))).toBe(R.handshakeSecret);
  });
  it('Transcript-Hash(ClientHello, ServerHello) and the handshake traffic secrets', () => {
    expect(hex(transcriptHash([ch, sh]))).toBe(R.helloHash);
    expect(hex(deriveSecret(x(R.handshakeSecret), 'c hs traffic', [ch, sh]))).toBe(R.clientHandshakeTrafficSecret);
    expect(hex(deriveSecret(x(R.handshakeSecret), 's hs traffic', [ch, sh]))).toBe(R.serverHandshakeTrafficSecret);
  });
  it('derive secret for master "tls13 derived", then extract "master"', () => {
    expect(hex(deriveSecret(x(R.handshakeSecret), 'derived', []))).toBe(R.derivedForMaster);
    expect(hex(hkdfExtract(x(R.derivedForMaster), new Uint8Array(32)))).toBe(R.masterSecret);
  });
  it('traffic keys and IVs (§7.3): handshake and application, both directions', () => {
    const pairs: [string, string, string][] = [
      [R.serverHandshakeTrafficSecret, R.serverHandshakeKey, R.serverHandshakeIv],
      [R.clientHandshakeTrafficSecret, R.clientHandshakeKey, R.clientHandshakeIv],
      [R.serverApplicationTrafficSecret0, R.serverApplicationKey, R.serverApplicationIv],
      [R.clientApplicationTrafficSecret0, R.clientApplicationKey, R.clientApplicationIv],
    ];
    for (const [secret, key, iv] of pairs) {
      const k = trafficKeys(x(secret));
      expect([hex(k.key), hex(k.iv)]).toEqual([key, iv]);
    }
    // "key info (13 octets): 00 10 09 74 6c 73 31 33 20 6b 65 79 00" — checked through the label:
    expect(hex(hkdfExpandLabel(x(R.serverHandshakeTrafficSecret), 'key', new Uint8Array(0), 16))).toBe(R.serverHandshakeKey);
  });
  it('finished keys and verify_data, both sides (§4.4.4)', () => {
    expect(hex(finishedKey(x(R.serverHandshakeTrafficSecret)))).toBe(R.serverFinishedKey);
    expect(hex(verifyData(x(R.serverHandshakeTrafficSecret), [ch, sh, ee, cert, cv]))).toBe(R.serverVerifyData);
    expect(hex(finishedKey(x(R.clientHandshakeTrafficSecret)))).toBe(R.clientFinishedKey);
    expect(hex(verifyData(x(R.clientHandshakeTrafficSecret), [ch, sh, ee, cert, cv, sfin]))).toBe(R.clientVerifyData);
  });
  it('application secrets, exporter and resumption master secrets', () => {
    const upToSfin = [ch, sh, ee, cert, cv, sfin];
    expect(hex(transcriptHash(upToSfin))).toBe(R.serverFinishedHash);
    expect(hex(deriveSecret(x(R.masterSecret), 'c ap traffic', upToSfin))).toBe(R.clientApplicationTrafficSecret0);
    expect(hex(deriveSecret(x(R.masterSecret), 's ap traffic', upToSfin))).toBe(R.serverApplicationTrafficSecret0);
    expect(hex(deriveSecret(x(R.masterSecret), 'exp master', upToSfin))).toBe(R.exporterMasterSecret);
    expect(hex(transcriptHash([...upToSfin, cfin]))).toBe(R.clientFinishedHash);
    expect(hex(deriveSecret(x(R.masterSecret), 'res master', [...upToSfin, cfin]))).toBe(R.resumptionMasterSecret);
  });
});

describe('RFC 8448 §3: the handshake messages decode and re-encode to the same bytes', () => {
  for (const [name, bytes] of [['ClientHello', ch], ['ServerHello', sh], ['EncryptedExtensions', ee], ['Certificate', cert], ['CertificateVerify', cv], ['Finished (server)', sfin], ['Finished (client)', cfin], ['NewSessionTicket', x(R.newSessionTicket)]] as const) {
    it(name, async () => {
      const { encodeHandshake } = await import('../../../lib/tls/handshake-codec');
      const d = decodeHandshake(bytes);
      expect(d.ok).toBe(true);
      if (d.ok) expect(hex(encodeHandshake(d.value))).toBe(hex(bytes));
    });
  }
});

describe('RFC 8448 §3: our client, driven with the RFC randoms', () => {
  it('sends the ClientHello record, accepts the server flight, sends its Finished, then talks and closes as the RFC does', () => {
    const random = ch.slice(6, 38);
    const start = startClient(rfcClientConfig, replay(random, x(R.clientPrivateKey)));
    expect(start.out.map(hex)).toEqual(['16030100c4' + R.clientHello]);

    const flight = receiveClient(start.state, fromHex(R.serverHelloRecord + R.serverFlightRecord));
    expect(events(flight.events, 'alert')).toEqual([]);
    expect(flight.out.map(hex)).toEqual([R.clientFinishedRecord]);
    expect(events(flight.events, 'handshake-complete')).toEqual([
      { type: 'handshake-complete', cipherSuite: 0x1301, group: 0x1d, signatureScheme: 0x0804, serverName: 'server' },
    ]);
    const s = flight.state.secrets;
    expect({
      sharedSecret: hex(s.sharedSecret!),
      earlySecret: hex(s.earlySecret!),
      handshakeSecret: hex(s.handshakeSecret!),
      clientHandshakeTrafficSecret: hex(s.clientHandshakeTrafficSecret!),
      serverHandshakeTrafficSecret: hex(s.serverHandshakeTrafficSecret!),
      masterSecret: hex(s.masterSecret!),
      clientApplicationTrafficSecret0: hex(s.clientApplicationTrafficSecret0!),
      serverApplicationTrafficSecret0: hex(s.serverApplicationTrafficSecret0!),
      exporterMasterSecret: hex(s.exporterMasterSecret!),
      resumptionMasterSecret: hex(s.resumptionMasterSecret!),
    }).toEqual({
      sharedSecret: R.sharedSecret,
      earlySecret: R.earlySecret,
      handshakeSecret: R.handshakeSecret,
      clientHandshakeTrafficSecret: R.clientHandshakeTrafficSecret,
      serverHandshakeTrafficSecret: R.serverHandshakeTrafficSecret,
      masterSecret: R.masterSecret,
      clientApplicationTrafficSecret0: R.clientApplicationTrafficSecret0,
      serverApplicationTrafficSecret0: R.serverApplicationTrafficSecret0,
      exporterMasterSecret: R.exporterMasterSecret,
      resumptionMasterSecret: R.resumptionMasterSecret,
    });
    // The handshake messages it saw and sent are the RFC's.
    expect(events(flight.events, 'handshake').map((e) => e.type === 'handshake' && hex(e.bytes))).toEqual(
      [R.serverHello, R.encryptedExtensions, R.certificate, R.certificateVerify, R.serverFinished, R.clientFinished],
    );
    expect(flight.state.phase).toBe('connected');
    expect(plainDataProblems(flight.state)).toEqual([]);

    // The NewSessionTicket is read and kept by no one (we never resume); nothing goes out.
    const nst = receiveClient(flight.state, fromHex(R.newSessionTicketRecord));
    expect(nst.out).toEqual([]);
    expect(events(nst.events, 'alert')).toEqual([]);

    const sent = sendClient(nst.state, appData);
    expect(sent.out.map(hex)).toEqual([R.clientApplicationDataRecord]);
    const got = receiveClient(sent.state, fromHex(R.serverApplicationDataRecord));
    expect(got.events).toEqual([{ type: 'application-data', data: appData }]);
    const closed = closeClient(got.state);
    expect(closed.out.map(hex)).toEqual([R.clientAlertRecord]);
    // The server's close_notify ends it.
    const end = receiveClient(closed.state, fromHex(R.serverAlertRecord));
    expect(end.events).toEqual([{ type: 'alert', alert: { name: 'close_notify' }, sent: false }]);
    expect(end.state.phase).toBe('closed');
  });

  it('names its secrets in the NSS key log format', () => {
    const start = startClient(rfcClientConfig, replay(ch.slice(6, 38), x(R.clientPrivateKey)));
    const done = receiveClient(start.state, fromHex(R.serverHelloRecord + R.serverFlightRecord));
    const random = hex(ch.slice(6, 38));
    expect(keyLogLines(done.state.secrets)).toEqual([
      `CLIENT_HANDSHAKE_TRAFFIC_SECRET ${random} ${R.clientHandshakeTrafficSecret}`,
      `SERVER_HANDSHAKE_TRAFFIC_SECRET ${random} ${R.serverHandshakeTrafficSecret}`,
      `CLIENT_TRAFFIC_SECRET_0 ${random} ${R.clientApplicationTrafficSecret0}`,
      `SERVER_TRAFFIC_SECRET_0 ${random} ${R.serverApplicationTrafficSecret0}`,
      `EXPORTER_SECRET ${random} ${R.exporterMasterSecret}`,
    ]);
  });

  it('records may arrive one octet at a time', () => {
    let st = startClient(rfcClientConfig, replay(ch.slice(6, 38), x(R.clientPrivateKey))).state;
    const out: string[] = [];
    for (const b of fromHex(R.serverHelloRecord + R.serverFlightRecord)) {
      const step = receiveClient(st, Uint8Array.of(b));
      out.push(...step.out.map(hex));
      st = step.state;
    }
    expect(out).toEqual([R.clientFinishedRecord]);
    expect(st.phase).toBe('connected');
  });
});

describe('RFC 8448 §3: our server, driven with the RFC randoms', () => {
  const ticket = decodeHandshake(x(R.newSessionTicket));
  const eeMsg = decodeHandshake(ee);

  it('answers the ClientHello with the RFC ServerHello record and server flight, accepts the client Finished, and talks', () => {
    const cvSignature = cv.slice(8); // 0f 000084 | 0804 | 0080 | signature
    const server = createServer(
      {
        certificateChain: [cert.slice(11, 11 + 0x1b0)],
        signatureScheme: 0x0804,
        replaySignature: cvSignature,
        encryptedExtensions: (eeMsg.ok ? (eeMsg.value as EncryptedExtensions) : null)!.extensions,
      },
      replay(sh.slice(6, 38), x(R.serverPrivateKey)),
    );
    const first = receiveServer(server, fromHex('16030100c4' + R.clientHello));
    expect(events(first.events, 'alert')).toEqual([]);
    expect(first.out.map(hex)).toEqual([R.serverHelloRecord, R.serverFlightRecord]);
    expect(first.state.phase).toBe('wait-finished');
    expect(hex(first.state.secrets.clientApplicationTrafficSecret0!)).toBe(R.clientApplicationTrafficSecret0);

    const fin = receiveServer(first.state, fromHex(R.clientFinishedRecord));
    expect(events(fin.events, 'handshake-complete')).toEqual([
      { type: 'handshake-complete', cipherSuite: 0x1301, group: 0x1d, signatureScheme: 0x0804, serverName: 'server' },
    ]);
    expect(hex(fin.state.secrets.resumptionMasterSecret!)).toBe(R.resumptionMasterSecret);

    const nst = sendSessionTicket(fin.state, (ticket.ok ? (ticket.value as NewSessionTicket) : null)!);
    expect(nst.out.map(hex)).toEqual([R.newSessionTicketRecord]);
    const got = receiveServer(nst.state, fromHex(R.clientApplicationDataRecord));
    expect(got.events).toEqual([{ type: 'application-data', data: appData }]);
    const sent = sendServer(got.state, appData);
    expect(sent.out.map(hex)).toEqual([R.serverApplicationDataRecord]);
    // The client's close_notify; the server answers with its own (§6.1), the RFC's last record.
    const closing = receiveServer(sent.state, fromHex(R.clientAlertRecord));
    expect(closing.out.map(hex)).toEqual([R.serverAlertRecord]);
    expect(closing.state.phase).toBe('closed');
    expect(plainDataProblems(closing.state)).toEqual([]);
  });
});
