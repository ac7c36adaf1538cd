/**
 * A client that rejects the server's certificate answers before it has sent anything under its
 * handshake keys, so its alert is a plaintext record (RFC 8446 §6: alerts "are encrypted as specified
 * by the current connection state" — the client's write state is still plaintext; OpenSSL's s_client
 * does exactly this). The server must read it as the client's alert, not fail to deprotect it
 * (OpenSSL's server allows plaintext alerts there too: ENC_READ_STATE_ALLOW_PLAIN_ALERTS). Found by
 * tests/interop/tls-openssl.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { receiveServer } from '../../../lib/tls/server';
import { identity, makePair } from './pair';

const plainAlert = (code: number) => Uint8Array.of(0x15, 0x03, 0x03, 0x00, 0x02, 0x02, code);

describe('tls server: a plaintext alert in answer to its first flight', () => {
  it('is the client\'s alert (unknown_ca), not a record that fails to deprotect', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'plain-alert'));
    const flight = receiveServer(pair.server, firstFlight[0]!);
    expect(flight.state.phase).not.toBe('failed');
    const step = receiveServer(flight.state, plainAlert(48));
    expect(step.events).toEqual([{ type: 'alert', alert: { name: 'unknown_ca' }, sent: false }]);
    expect(step.out).toEqual([]);
    expect(step.state.phase).toBe('failed');
  });

  it('once a protected record has come, a plaintext alert is refused again', () => {
    const { pair, firstFlight } = makePair(identity('ed25519', 'plain-alert-2'));
    const flight = receiveServer(pair.server, firstFlight[0]!);
    const step = receiveServer({ ...flight.state, read: { ...flight.state.read, seq: 1 } }, plainAlert(48));
    expect(step.events.some((e) => e.type === 'alert' && e.sent)).toBe(true);
  });
});
