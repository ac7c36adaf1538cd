import { describe, expect, it } from 'vitest';
import { encodeSigned, newSigningKey, parseSigned, signMessage, verifySigned } from '@/lib/contrast/signed';
import { seededCtx } from '../otr/pair';

describe('contrast/signed', () => {
  const ctx = seededCtx('signed');
  const alice = newSigningKey(ctx.randomBytes);
  const mallory = newSigningKey(ctx.randomBytes);
  const published = { 'alice@a.example': alice.publicKey };
  const body = signMessage(alice, 'alice@a.example', 'Line one\nI’ll pay 100 €');

  it('round-trips text (with newlines and non-ASCII), signer and key', () => {
    const m = parseSigned(body)!;
    expect(m).toMatchObject({ text: 'Line one\nI’ll pay 100 €', signer: 'alice@a.example', publicKey: alice.publicKey });
    expect(encodeSigned(m)).toBe(body);
    expect(verifySigned(body, published)).toEqual({ valid: true });
  });

  it('is deterministic for a seeded key (Ed25519 signatures are)', () => {
    const again = newSigningKey(seededCtx('signed').randomBytes);
    expect(signMessage(again, 'alice@a.example', 'Line one\nI’ll pay 100 €')).toBe(body);
  });

  it('fails for a changed text, a changed signer, and a key other than the published one', () => {
    expect(verifySigned(body.replace('100', '900'), published)).toEqual({ valid: false, reason: 'bad-signature' });
    const m = parseSigned(body)!;
    expect(verifySigned(encodeSigned({ ...m, signer: 'bob@a.example' }), { ...published, 'bob@a.example': alice.publicKey })).toEqual({ valid: false, reason: 'bad-signature' });
    // mallory signs the edited text with her own key: well-formed, but not alice's key
    const resigned = signMessage(mallory, 'alice@a.example', 'I’ll pay 900 €');
    expect(verifySigned(resigned, published)).toEqual({ valid: false, reason: 'unknown-key' });
  });

  it('anything else is not a signed message (never a throw)', () => {
    for (const bad of ['', 'hello', '?OTR:AAMD', body.replace('Key: ed25519 ', 'Key: rsa '), body.replace(/\n[A-Za-z0-9+/=]{88}\n/, '\n!!!!\n'), body.slice(0, -5)]) {
      expect(parseSigned(bad)).toBe(null);
      expect(verifySigned(bad, published)).toEqual({ valid: false, reason: 'not-signed' });
    }
  });
});
