/** SASL PLAIN (RFC 4616) message codec and hashed-storage verification. */
import { describe, expect, it } from 'vitest';
import { createAccountCredentials } from '@/lib/xmpp/sasl/credentials';
import { decodePlainMessage, encodePlainMessage, plainClientStart, plainServerVerify } from '@/lib/xmpp/sasl/plain';
import { decodeSaslText, encodeSaslPayload } from '@/lib/xmpp/sasl/payload';

const alice = createAccountCredentials({
  username: 'alice', password: 'alicepass', iterations: 1,
  salts: { sha1: new Uint8Array([1, 2, 3]), sha256: new Uint8Array([4, 5, 6]) },
});
const lookup = (u: string) => (u === 'alice' ? alice : null);

describe('message = [authzid] UTF8NUL authcid UTF8NUL passwd (RFC 4616 §2)', () => {
  it('encodes, with and without authzid', () => {
    expect(encodePlainMessage({ authcid: 'tim', password: 'tanstaaftanstaaf' })).toBe('\u0000tim\u0000tanstaaftanstaaf');
    expect(encodePlainMessage({ authzid: 'Ursel', authcid: 'Kurt', password: 'xipj3plmq' })).toBe('Ursel\u0000Kurt\u0000xipj3plmq');
  });
  it('RFC 4616 §4 examples decode', () => {
    expect(decodePlainMessage('\u0000tim\u0000tanstaaftanstaaf')).toEqual({ type: 'ok', authzid: null, authcid: 'tim', password: 'tanstaaftanstaaf' });
    expect(decodePlainMessage('Ursel\u0000Kurt\u0000xipj3plmq')).toEqual({ type: 'ok', authzid: 'Ursel', authcid: 'Kurt', password: 'xipj3plmq' });
  });
  it('the Prosody-era XMPP client: base64 on the wire is just an encoding, not protection', () => {
    const { initialResponse } = plainClientStart({ authcid: 'alice', password: 'alicepass' });
    const wire = encodeSaslPayload(initialResponse);
    expect(wire).toBe('AGFsaWNlAGFsaWNlcGFzcw==');
    const back = decodeSaslText(wire);
    expect(back.type === 'ok' && decodePlainMessage(back.text)).toMatchObject({ password: 'alicepass' });
  });
  it.each([
    ['one NUL', 'tim\u0000pw'],
    ['three NULs', 'a\u0000b\u0000c\u0000d'],
    ['empty authcid', '\u0000\u0000pw'],
    ['empty password', '\u0000tim\u0000'],
    ['authcid over 255 octets', '\u0000' + 'ä'.repeat(128) + '\u0000pw'],
    ['empty message', ''],
  ])('malformed: %s', (_, m) => {
    expect(decodePlainMessage(m)).toMatchObject({ type: 'failure', condition: 'malformed-request' });
  });
  it('throws on misuse when encoding', () => {
    expect(() => encodePlainMessage({ authcid: '', password: 'x' })).toThrow(/^sasl\/plain: /);
    expect(() => encodePlainMessage({ authcid: 'a', password: '' })).toThrow(/^sasl\/plain: /);
    expect(() => encodePlainMessage({ authcid: 'a\u0000b', password: 'x' })).toThrow(/^sasl\/plain: /);
    expect(() => encodePlainMessage({ authzid: '', authcid: 'a', password: 'x' })).toThrow(/^sasl\/plain: /);
  });
});

describe('server: verify against the SCRAM record, no stored password (as Prosody internal_hashed)', () => {
  it('accepts the right password', () => {
    expect(plainServerVerify(lookup, '\u0000alice\u0000alicepass')).toEqual({ type: 'ok', username: 'alice', authzid: null });
    expect(plainServerVerify(lookup, 'alice@example.test\u0000alice\u0000alicepass')).toEqual({ type: 'ok', username: 'alice', authzid: 'alice@example.test' });
  });
  it('SASLprep makes equivalent passwords equal (RFC 4616 §2)', () => {
    const ix = createAccountCredentials({ username: 'u', password: 'IX', iterations: 1, salts: { sha1: new Uint8Array([1]), sha256: new Uint8Array([2]) } });
    expect(plainServerVerify(() => ix, '\u0000u\u0000\u2168').type).toBe('ok');
  });
  it.each([
    ['wrong password', '\u0000alice\u0000bobpass', 'not-authorized'],
    ['unknown user', '\u0000mallory\u0000alicepass', 'not-authorized'],
    ['password fails SASLprep', '\u0000alice\u0000alice\u0007pass', 'not-authorized'],
    ['malformed', 'alice', 'malformed-request'],
  ])('%s', (_, m, condition) => {
    expect(plainServerVerify(lookup, m)).toMatchObject({ type: 'failure', condition });
  });
});
