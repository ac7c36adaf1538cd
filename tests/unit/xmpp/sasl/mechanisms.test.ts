/** Mechanism registry, offer rule (RFC 6120 §13.8) and client choice. */
import { describe, expect, it } from 'vitest';
import { SASL_MECHANISMS, chooseMechanism, offeredMechanisms } from '@/lib/xmpp/sasl/mechanisms';

describe('registry', () => {
  it('names, in priority order, with their specs', () => {
    expect(SASL_MECHANISMS.map((m) => m.name)).toEqual(['SCRAM-SHA-256-PLUS', 'SCRAM-SHA-256', 'SCRAM-SHA-1', 'PLAIN']);
    expect(SASL_MECHANISMS.map((m) => m.spec)).toEqual(['RFC 9266', 'RFC 7677', 'RFC 5802', 'RFC 4616']);
    expect(SASL_MECHANISMS.find((m) => m.name === 'PLAIN')?.revealsPassword).toBe(true);
  });
});

describe('offeredMechanisms: a server MUST NOT offer PLAIN without TLS (RFC 6120 §13.8)', () => {
  it.each([
    [true, false, ['SCRAM-SHA-256-PLUS', 'SCRAM-SHA-256', 'SCRAM-SHA-1', 'PLAIN']],
    [false, false, ['SCRAM-SHA-256', 'SCRAM-SHA-1']],
    [false, true, ['SCRAM-SHA-256', 'SCRAM-SHA-1', 'PLAIN']],
    [true, true, ['SCRAM-SHA-256-PLUS', 'SCRAM-SHA-256', 'SCRAM-SHA-1', 'PLAIN']],
  ] as const)('tls=%s allowPlainWithoutTls=%s', (tls, allowPlainWithoutTls, expected) => {
    expect(offeredMechanisms({ tls, allowPlainWithoutTls })).toEqual(expected);
  });
  it('a server can enable a subset (Prosody 0.12: SCRAM-SHA-1 and PLAIN)', () => {
    expect(offeredMechanisms({ tls: true, allowPlainWithoutTls: false, enabled: ['PLAIN', 'SCRAM-SHA-1'] })).toEqual(['SCRAM-SHA-1', 'PLAIN']);
    expect(offeredMechanisms({ tls: false, allowPlainWithoutTls: false, enabled: ['PLAIN'] })).toEqual([]);
  });
});

describe('chooseMechanism: the strongest that both sides allow', () => {
  it.each([
    [['SCRAM-SHA-1', 'PLAIN'], ['SCRAM-SHA-256', 'SCRAM-SHA-1', 'PLAIN'], 'SCRAM-SHA-1'],
    [['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-1'], ['SCRAM-SHA-256', 'SCRAM-SHA-1', 'PLAIN'], 'SCRAM-SHA-256'],
    [['PLAIN'], ['SCRAM-SHA-256', 'SCRAM-SHA-1'], null],
    [['SCRAM-SHA-1-PLUS', 'X-OAUTH2', 'EXTERNAL'], ['SCRAM-SHA-256', 'SCRAM-SHA-1', 'PLAIN'], null],
    [['scram-sha-1'], ['SCRAM-SHA-1'], null],
    [[], ['PLAIN'], null],
  ] as const)('offered %j, allowed %j → %s', (offered, allowed, expected) => {
    expect(chooseMechanism(offered, allowed)).toBe(expected);
  });
  it('a client refuses PLAIN on a plaintext stream unless told otherwise', () => {
    expect(chooseMechanism(['PLAIN'], ['PLAIN'], { tls: false })).toBeNull();
    expect(chooseMechanism(['PLAIN'], ['PLAIN'], { tls: false, allowPlainWithoutTls: true })).toBe('PLAIN');
    expect(chooseMechanism(['PLAIN'], ['PLAIN'], { tls: true })).toBe('PLAIN');
  });
});
