/** The server's hashed credential records: what is stored, what it allows, what it leaks (RFC 5802 §9). */
import { describe, expect, it } from 'vitest';
import { plainDataProblems } from '../../../helpers/plain-data';
import { fromBase64, toBase64 } from '@/lib/bytes/base64';
import { fromHex } from '@/lib/bytes/hex';
import { clientSignature, recoverClientKey, H } from '@/lib/crypto/scram';
import {
  createAccountCredentials, dictionaryAttack, findAccount, scramCredentialsFor, scramLookup, verifyPassword, verifyScramPassword,
} from '@/lib/xmpp/sasl/credentials';
import { scramClientFinal, scramClientStart, scramServerFinal, scramServerStart } from '@/lib/xmpp/sasl/scram';

const salt = fromBase64('QSXCR+Q6sek8bf92');
const user = createAccountCredentials({ username: 'user', password: 'pencil', iterations: 4096, salts: { sha1: salt, sha256: salt } });

describe('createAccountCredentials', () => {
  it('stores salt, i, StoredKey, ServerKey per hash, hex, and no password anywhere', () => {
    expect(user.scramSha1).toEqual({
      salt: '4125c247e43ab1e93c6dff76', iterations: 4096,
      storedKey: 'e9d94660c39d65c38fbad91c358f14da0eef2bd6', serverKey: '0fe09258b3ac852ba502cc62ba903eaacdbf7d31',
    });
    expect(fromHex(user.scramSha256.storedKey).length).toBe(32);
    expect(JSON.stringify(user)).not.toContain('pencil');
    expect(plainDataProblems(user)).toEqual([]);
  });
  it('throws on misuse', () => {
    const salts = { sha1: salt, sha256: salt };
    expect(() => createAccountCredentials({ username: '', password: 'x', iterations: 1, salts })).toThrow(/^sasl\/credentials: /);
    expect(() => createAccountCredentials({ username: 'u', password: '', iterations: 1, salts })).toThrow(/^sasl\/credentials: /);
    expect(() => createAccountCredentials({ username: 'u', password: '\u00AD', iterations: 1, salts })).toThrow(/^sasl\/credentials: /);
    expect(() => createAccountCredentials({ username: 'u', password: 'x', iterations: 0, salts })).toThrow(/^sasl\/scram: /);
    expect(() => createAccountCredentials({ username: 'u', password: 'x', iterations: 1, salts: { sha1: new Uint8Array(), sha256: salt } })).toThrow(/^sasl\/scram: /);
  });
});

describe('lookup', () => {
  const accounts = [user];
  it('finds by SASLprep\'d name and never by prototype keys', () => {
    expect(findAccount(accounts, 'user')).toBe(user);
    expect(findAccount(accounts, 'constructor')).toBeNull();
    expect(findAccount(accounts, '__proto__')).toBeNull();
    expect(findAccount(accounts, 'us\u00ADer')).toBe(user);
    expect(scramLookup(accounts, 'SHA-256')('user')).toBe(user.scramSha256);
    expect(scramCredentialsFor(user, 'SHA-1')).toBe(user.scramSha1);
    expect(scramLookup(accounts, 'SHA-1')('nobody')).toBeNull();
  });
});

describe('password verification from the record (PLAIN with hashed storage)', () => {
  it('right and wrong passwords', () => {
    expect(verifyPassword(user, 'pencil')).toBe(true);
    expect(verifyPassword(user, 'pencil ')).toBe(false);
    expect(verifyPassword(user, 'pen\u0007cil')).toBe(false);
    expect(verifyScramPassword(user.scramSha1, 'pencil', 'SHA-1')).toBe(true);
    expect(verifyScramPassword(user.scramSha1, 'Pencil', 'SHA-1')).toBe(false);
  });
});

describe('what the operator or a court order gets (RFC 5802 §9)', () => {
  it('an offline dictionary attack finds a weak password', () => {
    const weak = createAccountCredentials({ username: 'bob', password: 'sunshine', iterations: 16, salts: { sha1: salt, sha256: salt } });
    expect(dictionaryAttack(weak.scramSha256, 'SHA-256', ['123456', 'password', 'sunshine', 'qwerty'])).toBe('sunshine');
    expect(dictionaryAttack(weak.scramSha1, 'SHA-1', ['123456', 'password'])).toBeNull();
  });
  it('StoredKey plus one recorded exchange yields ClientKey, and that logs in without the password', () => {
    // The recorded exchange: RFC 5802 §5.
    const authMessage =
      'n=user,r=fyko+d2lbbFgONRv9qkxdawL,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096,c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j';
    const stolen = fromHex(user.scramSha1.storedKey);
    const ck = recoverClientKey(fromBase64('v0X8v3Bz2T0CJGbJQyF0X+HI4Ts='), clientSignature(stolen, authMessage, 'SHA-1'));
    // A fresh login with a new server nonce: the attacker forges the proof from ClientKey alone.
    const s = scramServerStart('SHA-1', scramLookup([user], 'SHA-1'), 'n,,n=user,r=attacker', 'fresh');
    if (s.type !== 'ok') throw new Error('unexpected');
    const withoutProof = 'c=biws,r=attackerfresh';
    const am = `n=user,r=attacker,${s.serverFirstMessage},${withoutProof}`;
    const cs = clientSignature(H('SHA-1', ck), am, 'SHA-1');
    const proof = ck.map((b, i) => b ^ cs[i]!);
    expect(scramServerFinal(s.state, `${withoutProof},p=${toBase64(proof)}`).type).toBe('ok');
  });
  it('a genuine client still works against the record', () => {
    const c = scramClientStart({ username: 'user', password: 'pencil', hash: 'SHA-256', nonce: 'n0nce' });
    const s = scramServerStart('SHA-256', scramLookup([user], 'SHA-256'), c.clientFirstMessage, 'srv');
    if (s.type !== 'ok') throw new Error('unexpected');
    const f = scramClientFinal(c.state, s.serverFirstMessage);
    if (f.type !== 'ok') throw new Error('unexpected');
    expect(scramServerFinal(s.state, f.clientFinalMessage).type).toBe('ok');
  });
});
