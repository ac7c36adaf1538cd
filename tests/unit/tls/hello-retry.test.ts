/**
 * HelloRetryRequest (RFC 8446 §4.1.4): a server that wants a cookie echoed, or an X25519 share the
 * client did not send; the transcript restarts from message_hash (§4.4.1); and what a client must
 * refuse in an HRR.
 */
import { describe, expect, it } from 'vitest';
import { fromHex, utf8 } from '../../../lib/bytes/hex';
import { HELLO_RETRY_REQUEST_RANDOM, ExtensionType, ContentType, X25519 } from '../../../lib/tls/constants';
import { cookie, keyShareClient, keyShareHelloRetry, supportedGroups, supportedVersionsServer } from '../../../lib/tls/extensions';
import { decodeHandshake, encodeHandshake, type ClientHello, type ServerHello } from '../../../lib/tls/handshake-codec';
import { encodeRecord } from '../../../lib/tls/record';
import { receiveClient } from '../../../lib/tls/client';
import { receiveServer } from '../../../lib/tls/server';
import { alertsOf, identity, makePair, run } from './pair';

const hrr = (extensions: ServerHello['extensions'], suite = 0x1301): Uint8Array =>
  encodeRecord(
    ContentType.handshake,
    encodeHandshake({ type: 'server_hello', legacyVersion: 0x0303, random: fromHex(HELLO_RETRY_REQUEST_RANDOM), legacySessionIdEcho: new Uint8Array(0), cipherSuite: suite, legacyCompressionMethod: 0, extensions }),
  );

const sentTypes = (events: ReturnType<typeof run>['clientEvents']) =>
  events.flatMap((e) => (e.type === 'handshake' && e.direction === 'sent' ? [e.message.type] : []));

describe('tls: HelloRetryRequest', () => {
  for (const compatibilityMode of [false, true]) {
    it(`a cookie to echo: ClientHello2 carries it, both agree on every secret${compatibilityMode ? ' (compatibility mode)' : ''}`, () => {
      const { pair, firstFlight } = makePair(identity('ecdsa_secp256r1_sha256', 'hrr'), {
        server: { helloRetryCookie: utf8('state of a stateless server') },
        client: { compatibilityMode },
      });
      const p = run(pair, firstFlight);
      expect([p.client.phase, p.server.phase]).toEqual(['connected', 'connected']);
      expect(alertsOf([...p.clientEvents, ...p.serverEvents])).toEqual([]);
      expect(sentTypes(p.clientEvents)).toEqual(['client_hello', 'client_hello', 'finished']);
      expect(p.client.secrets).toEqual(p.server.secrets);
      expect(p.client.transcript[0]![0]).toBe(254); // message_hash
      expect(p.client.transcript).toEqual(p.server.transcript);
      // one change_cipher_spec each way at most (Appendix D.4)
      const ccs = (records: Uint8Array[]) => records.filter((r) => r[0] === 20).length;
      expect([ccs(p.clientRecords), ccs(p.serverRecords)]).toEqual(compatibilityMode ? [1, 1] : [0, 0]);
    });
  }

  it('a ClientHello without an X25519 share but with X25519 in supported_groups: the server asks for it, then proceeds', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'hrr-group'));
    const realRecord = firstFlight[0]!;
    const real = decodeHandshake(realRecord.subarray(5));
    if (!real.ok || real.value.type !== 'client_hello') throw new Error('no ClientHello');
    const ch1: ClientHello = {
      ...real.value,
      extensions: real.value.extensions.map((e) =>
        e.type === ExtensionType.key_share
          ? keyShareClient([{ group: 0x0017, keyExchange: new Uint8Array(65).fill(4) }])
          : e.type === ExtensionType.supported_groups
            ? supportedGroups([0x0017, X25519])
            : e,
      ),
    };
    const first = receiveServer(pair.server, encodeRecord(ContentType.handshake, encodeHandshake(ch1)));
    expect(alertsOf(first.events)).toEqual([]);
    const sent = first.events.find((e) => e.type === 'handshake' && e.direction === 'sent');
    expect(sent).toMatchObject({ message: { type: 'server_hello', extensions: [supportedVersionsServer(0x0304), keyShareHelloRetry(X25519)] } });
    expect(first.state.phase).toBe('start');
    // The second ClientHello brings the X25519 share: the server sends its flight.
    const second = receiveServer(first.state, realRecord);
    expect(second.state.phase).toBe('wait-finished');
    expect(second.out.length).toBeGreaterThanOrEqual(2);
    // A third ClientHello would be unexpected.
    const { pair: p2 } = makePair(identity('ed25519', 'hrr-group2'));
    const again = receiveServer(receiveServer(p2.server, encodeRecord(ContentType.handshake, encodeHandshake(ch1))).state, encodeRecord(ContentType.handshake, encodeHandshake(ch1)));
    expect(alertsOf(again.events)).toEqual(['sent illegal_parameter']);
  });

  it('what the client refuses in a HelloRetryRequest', () => {
    const { pair } = makePair(identity('ed25519', 'hrr-refuse'), { client: { supportedGroups: [X25519, 0x0017] } });
    const c = pair.client;
    const cases: [Uint8Array, string][] = [
      [hrr([supportedVersionsServer(0x0304)]), 'sent illegal_parameter'], // changes nothing
      [hrr([supportedVersionsServer(0x0304), keyShareHelloRetry(X25519)]), 'sent illegal_parameter'], // the group we sent
      [hrr([supportedVersionsServer(0x0304), keyShareHelloRetry(0x0018)]), 'sent illegal_parameter'], // a group not offered
      [hrr([supportedVersionsServer(0x0304), keyShareHelloRetry(0x0017)]), 'sent handshake_failure'], // offered, not implemented
      [hrr([supportedVersionsServer(0x0304), cookie(Uint8Array.of(1))], 0x1302), 'sent illegal_parameter'], // a suite not offered
      [hrr([cookie(Uint8Array.of(1))]), 'sent illegal_parameter'], // no supported_versions
    ];
    for (const [record, alert] of cases) expect(alertsOf(receiveClient(c, record).events)).toEqual([alert]);
    const once = receiveClient(c, hrr([supportedVersionsServer(0x0304), cookie(Uint8Array.of(1))]));
    expect(alertsOf(once.events)).toEqual([]);
    expect(alertsOf(receiveClient(once.state, hrr([supportedVersionsServer(0x0304), cookie(Uint8Array.of(2))])).events)).toEqual(['sent unexpected_message']);
  });
});

describe('tls: rejected 0-RTT (§4.2.10)', () => {
  it('a client that offered early_data and sent some: the server skips what does not deprotect, then completes', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'early'), { client: { extraExtensions: [{ type: ExtensionType.early_data, data: new Uint8Array(0) }] } });
    const early = encodeRecord(ContentType.application_data, new Uint8Array(300).fill(0xee)); // under keys we never derive
    const p = run(pair, [firstFlight[0]!, early]);
    expect(alertsOf([...p.clientEvents, ...p.serverEvents])).toEqual([]);
    expect([p.client.phase, p.server.phase]).toEqual(['connected', 'connected']);
  });
  it('without early_data offered, such a record is bad_record_mac', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'early2'));
    const early = encodeRecord(ContentType.application_data, new Uint8Array(300).fill(0xee));
    const p = run(pair, [firstFlight[0]!, early]);
    expect(alertsOf(p.serverEvents)).toEqual(['sent bad_record_mac']);
  });
});
