/** The handshake codec (RFC 8446 §4, §4.2) is strict: whatever does not parse exactly is a decode failure, never an exception. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeHandshake, encodeHandshake, splitHandshakes, type HandshakeMessage } from '../../../lib/tls/handshake-codec';
import { decodeAlert, encodeAlert } from '../../../lib/tls/alert';
import { recordNonce } from '../../../lib/tls/traffic-keys';
import { hkdfLabelInfo } from '../../../lib/tls/key-schedule';
import { fromHex, toHex } from '../../../lib/bytes/hex';
import { receiveServer } from '../../../lib/tls/server';
import { encodeRecord } from '../../../lib/tls/record';
import { alertsOf, identity, makePair } from './pair';

const ee = (extensions: { type: number; data: Uint8Array }[]): HandshakeMessage => ({ type: 'encrypted_extensions', extensions });

describe('tls/handshake-codec', () => {
  it('round-trips each message type', () => {
    const msgs: HandshakeMessage[] = [
      ee([{ type: 0, data: new Uint8Array(0) }]),
      { type: 'certificate', certificateRequestContext: new Uint8Array(0), certificateList: [{ certData: Uint8Array.of(1, 2, 3), extensions: [] }] },
      { type: 'certificate_verify', algorithm: 0x0807, signature: new Uint8Array(64).fill(9) },
      { type: 'finished', verifyData: new Uint8Array(32).fill(1) },
      { type: 'key_update', requestUpdate: 1 },
      { type: 'new_session_ticket', ticketLifetime: 7200, ticketAgeAdd: 0xfad6aac5, ticketNonce: Uint8Array.of(0, 0), ticket: Uint8Array.of(5), extensions: [] },
      { type: 'certificate_request', certificateRequestContext: new Uint8Array(0), extensions: [{ type: 13, data: Uint8Array.of(0, 2, 8, 7) }] },
      { type: 'other', msgType: 99, body: Uint8Array.of(0, 0, 0) },
    ];
    for (const m of msgs) expect(decodeHandshake(encodeHandshake(m))).toEqual({ ok: true, value: m });
  });

  it('refuses trailing octets, short bodies, a duplicated extension, an empty certificate entry', () => {
    const fin = encodeHandshake({ type: 'finished', verifyData: new Uint8Array(32) });
    expect(decodeHandshake(Uint8Array.of(...fin, 0)).ok).toBe(false); // outer length disagrees
    expect(decodeHandshake(fromHex('1400001f' + '00'.repeat(31))).ok).toBe(false); // 31-octet verify_data
    expect(decodeHandshake(encodeHandshake(ee([{ type: 10, data: Uint8Array.of(0, 2, 0, 0x1d) }, { type: 10, data: Uint8Array.of(0, 2, 0, 0x1d) }]))).ok).toBe(false);
    expect(decodeHandshake(fromHex('0b000009' + '00' + '000005' + '000000' + '0000')).ok).toBe(false); // cert_data<1..>
  });

  it('never throws on any input', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void decodeHandshake(b)), { numRuns: 2000 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void splitHandshakes(b)), { numRuns: 500 });
  });

  it('HkdfLabel, alerts and nonces as §7.1, §6 and §5.3 lay them out', () => {
    // RFC 8448 "key info (13 octets): 00 10 09 74 6c 73 31 33 20 6b 65 79 00"
    expect(toHex(hkdfLabelInfo('key', new Uint8Array(0), 16))).toBe('001009746c733133206b657900');
    expect(toHex(encodeAlert('close_notify'))).toBe('0100');
    expect(toHex(encodeAlert('bad_record_mac'))).toBe('0214');
    expect(decodeAlert(Uint8Array.of(2, 48))).toEqual({ name: 'unknown_ca' });
    expect(decodeAlert(Uint8Array.of(2, 255))).toEqual({ name: 'unknown(255)' });
    expect(decodeAlert(Uint8Array.of(2))).toBeNull();
    expect(toHex(recordNonce(fromHex('000000000000000000000000'), 0x0102))).toBe('000000000000000000000102');
    expect(toHex(recordNonce(fromHex('ffffffffffffffffffffffff'), 1))).toBe('fffffffffffffffffffffffe');
  });

  it('a handshake message announcing more than 256 KiB: illegal_parameter at once, not buffered', () => {
    const { pair } = makePair(identity('ed25519', 'huge'));
    const s = receiveServer(pair.server, encodeRecord(22, Uint8Array.of(1, 0x10, 0, 0)));
    expect(alertsOf(s.events)).toEqual(['sent illegal_parameter']);
  });
});
