/**
 * Exporters (RFC 8446 §7.5) and the RFC 9266 "tls-exporter" channel binding. The vector was
 * recorded from OpenSSL 3.0.19 (through Node's tls: the client's EXPORTER_SECRET key log line and
 * `exportKeyingMaterial`), TLS_AES_128_GCM_SHA256; there is no RFC vector for exporters.
 */
import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from '../../../lib/bytes/hex';
import { exportKeyingMaterial, tlsExporterChannelBinding } from '../../../lib/tls/exporter';
import { identity, makePair, run } from './pair';

const exporterSecret = fromHex('05d0fdd8d8d9f224fc4aff961e117032f7b24d3051f21a89f931daebbbe79e25');

describe('tls/exporter', () => {
  it('matches OpenSSL: EXPORTER-Channel-Binding (no context, 32 octets) and a label with context', () => {
    expect(toHex(exportKeyingMaterial(exporterSecret, 'EXPORTER-Channel-Binding', new Uint8Array(0), 32))).toBe(
      'aa9eeaa1d24cbf97aa2c64ce79acc27f622e9e61dfb497dba671e9cd7deca426',
    );
    expect(toHex(exportKeyingMaterial(exporterSecret, 'EXPERIMENTAL label', utf8('context'), 20))).toBe('b3ca3367b9c9bc1618d88fd0fc2f954fef9b7bad');
  });

  it('both ends of one connection get the same channel binding; another connection gets another', () => {
    const connect = (seed: string) => {
      const { pair, firstFlight } = makePair(identity('ed25519', seed), { seed });
      return run(pair, firstFlight);
    };
    const one = connect('cb1');
    const two = connect('cb2');
    const a = tlsExporterChannelBinding(one.client.secrets);
    expect(a).not.toBeNull();
    expect(a).toEqual(tlsExporterChannelBinding(one.server.secrets));
    expect(a).not.toEqual(tlsExporterChannelBinding(two.client.secrets));
    expect(tlsExporterChannelBinding({ clientRandom: null })).toBeNull();
  });
});
