/** KeyUpdate (RFC 8446 §4.6.3) between our ends: both directions move on, data still flows; misuse ends in the alert §4.6.3 names. */
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../../lib/bytes/hex';
import { sendClient } from '../../../lib/tls/client';
import { sendServer, receiveServer } from '../../../lib/tls/server';
import { sendKeyUpdate, nextTrafficSecret } from '../../../lib/tls/key-update';
import { protectRecord } from '../../../lib/tls/record';
import { ContentType } from '../../../lib/tls/constants';
import { trafficKeys } from '../../../lib/tls/traffic-keys';
import { alertsOf, identity, makePair, run } from './pair';

describe('tls: KeyUpdate', () => {
  it('update_requested: the peer updates its reading keys, answers with its own KeyUpdate, and data flows on new keys', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'ku'));
    let p = run(pair, firstFlight);
    const before = p.client.write.secret!;
    const ku = sendKeyUpdate(p.client, true);
    p = run({ ...p, client: ku.state }, ku.out);
    expect(alertsOf([...p.clientEvents, ...p.serverEvents])).toEqual([]);
    expect(p.client.write.secret).toEqual(nextTrafficSecret(before));
    expect(p.server.read.secret).toEqual(p.client.write.secret);
    expect(p.server.write.secret).toEqual(p.client.read.secret);
    expect([p.client.write.generation, p.client.read.generation, p.server.write.generation, p.server.read.generation]).toEqual([1, 1, 1, 1]);
    const a = sendClient(p.client, utf8('after'));
    p = run({ ...p, client: a.state }, a.out);
    expect(p.serverEvents.at(-1)).toEqual({ type: 'application-data', data: utf8('after') });
    const b = sendServer(p.server, utf8('back'));
    p = run({ ...p, server: b.state }, [], {}, b.out);
    expect(p.clientEvents.at(-1)).toEqual({ type: 'application-data', data: utf8('back') });
  });

  it('request_update other than 0 or 1: illegal_parameter', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'ku2'));
    const p = run(pair, firstFlight);
    const w = p.client.write;
    const bad = protectRecord(w.keys!, w.seq, ContentType.handshake, Uint8Array.of(24, 0, 0, 1, 2));
    expect(alertsOf(receiveServer(p.server, bad).events)).toEqual(['sent illegal_parameter']);
  });

  it('a KeyUpdate before the handshake completed: unexpected_message', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'ku3'));
    const s = receiveServer(pair.server, firstFlight[0]!);
    // the client would now write under its handshake keys; forge a KeyUpdate there
    const hsSecret = s.state.secrets.clientHandshakeTrafficSecret!;
    const rec = protectRecord(trafficKeys(hsSecret), 0, ContentType.handshake, Uint8Array.of(24, 0, 0, 1, 0));
    expect(alertsOf(receiveServer(s.state, rec).events)).toEqual(['sent unexpected_message']);
  });
});
