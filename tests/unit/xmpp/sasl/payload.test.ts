/** SASL data in XMPP (RFC 6120 §6.4.2). */
import { describe, expect, it } from 'vitest';
import { decodeSaslPayload, decodeSaslText, encodeSaslPayload } from '@/lib/xmpp/sasl/payload';

describe('RFC 6120 §6.4.2 base64 payloads', () => {
  it('zero-length data is "="', () => {
    expect(encodeSaslPayload('')).toBe('=');
    expect(decodeSaslPayload('=')).toEqual({ type: 'ok', bytes: new Uint8Array() });
    expect(decodeSaslPayload('')).toEqual({ type: 'ok', bytes: new Uint8Array() });
  });
  it('round trip (the Prosody <auth/> of the transcript)', () => {
    expect(encodeSaslPayload('n,,n=alice,r=ilIjlSx25DPxEy44eECroX83')).toBe('biwsbj1hbGljZSxyPWlsSWpsU3gyNURQeEV5NDRlRUNyb1g4Mw==');
    expect(decodeSaslText('biwsbj1hbGljZSxyPWlsSWpsU3gyNURQeEV5NDRlRUNyb1g4Mw==')).toEqual({ type: 'ok', text: 'n,,n=alice,r=ilIjlSx25DPxEy44eECroX83' });
  });
  it.each(['biws=', 'bi ws', 'biw', 'b!ws', 'YQ=', 'YR=='])('incorrect-encoding: %j', (s) => {
    expect(decodeSaslPayload(s)).toMatchObject({ type: 'failure', condition: 'incorrect-encoding' });
  });
  it('bad UTF-8 inside good base64 is malformed-request', () => {
    expect(decodeSaslText('/w==')).toMatchObject({ type: 'failure', condition: 'malformed-request' });
  });
});
