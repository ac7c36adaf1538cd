/** SCRAM key derivations (RFC 5802 §3, RFC 7677) against published vectors. */
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '@/lib/bytes/base64';
import { fromHex, toHex, utf8 } from '@/lib/bytes/hex';
import {
  H, HMAC, Hi, clientKey, clientProof, clientSignature, deriveScramCredentials, hashLength,
  recoverClientKey, saltedPassword, serverKey, serverSignature, storedKey, timingSafeEqual,
} from '@/lib/crypto/scram';

describe('Hi = PBKDF2-HMAC with dkLen = HashLen (RFC 5802 §2.2)', () => {
  // RFC 6070 §2: PBKDF2-HMAC-SHA1, P = "password", S = "salt", dkLen = 20.
  const rfc6070: [number, string][] = [
    [1, '0c60c80f961f0e71f3a9b524af6012062fe037a6'],
    [2, 'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957'],
    [4096, '4b007901b765489abead49d926f721d065a429c1'],
  ];
  it.each(rfc6070)('SHA-1, c = %i (RFC 6070)', (c, hex) => {
    expect(toHex(Hi('SHA-1', utf8('password'), utf8('salt'), c))).toBe(hex);
  });
  it('SHA-256, c = 1: first 32 bytes of RFC 7914 §11 PBKDF2-HMAC-SHA256("passwd","salt",1,64)', () => {
    expect(toHex(Hi('SHA-256', utf8('passwd'), utf8('salt'), 1))).toBe(
      '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc',
    );
  });
  it('rejects a non-positive or non-integer iteration count (our misuse)', () => {
    expect(() => Hi('SHA-1', utf8('p'), utf8('s'), 0)).toThrow(/^sasl\/scram: /);
    expect(() => Hi('SHA-1', utf8('p'), utf8('s'), 1.5)).toThrow(/^sasl\/scram: /);
  });
});

describe('H and HMAC', () => {
  it('H is SHA-1 / SHA-256 (FIPS 180 "abc")', () => {
    expect(toHex(H('SHA-1', utf8('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(toHex(H('SHA-256', utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashLength('SHA-1')).toBe(20);
    expect(hashLength('SHA-256')).toBe(32);
  });
  it('HMAC (RFC 2202 §3 case 2 and RFC 4231 §4.3 case 2: key "Jefe")', () => {
    const data = utf8('what do ya want for nothing?');
    expect(toHex(HMAC('SHA-1', utf8('Jefe'), data))).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
    expect(toHex(HMAC('SHA-256', utf8('Jefe'), data))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});

describe('RFC 5802 §5 example, SCRAM-SHA-1, password "pencil"', () => {
  const salt = fromBase64('QSXCR+Q6sek8bf92');
  const authMessage =
    'n=user,r=fyko+d2lbbFgONRv9qkxdawL,' +
    'r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096,' +
    'c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j';
  const sp = saltedPassword('pencil', salt, 4096, 'SHA-1');
  it('derives the chain of §3 and reproduces p= and v= of the example', () => {
    // Intermediate values as widely reproduced from the RFC example (checked by the end values below).
    expect(toHex(sp)).toBe('1d96ee3a529b5a5f9e47c01f229a2cb8a6e15f7d');
    const ck = clientKey(sp, 'SHA-1');
    expect(toHex(ck)).toBe('e234c47bf6c36696dd6d852b99aaa2ba26555728');
    const stk = storedKey(ck, 'SHA-1');
    expect(toHex(stk)).toBe('e9d94660c39d65c38fbad91c358f14da0eef2bd6');
    const sk = serverKey(sp, 'SHA-1');
    expect(toHex(sk)).toBe('0fe09258b3ac852ba502cc62ba903eaacdbf7d31');
    const cs = clientSignature(stk, authMessage, 'SHA-1');
    expect(toBase64(clientProof(ck, cs))).toBe('v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=');
    expect(toBase64(serverSignature(sk, authMessage, 'SHA-1'))).toBe('rmF9pqV8S7suAoZWja4dJRkFsKQ=');
  });
  it('deriveScramCredentials keeps salt, i, StoredKey, ServerKey — never the password', () => {
    const c = deriveScramCredentials('pencil', salt, 4096, 'SHA-1');
    expect(Object.keys(c).sort()).toEqual(['iterations', 'salt', 'serverKey', 'storedKey']);
    expect(toHex(c.storedKey)).toBe('e9d94660c39d65c38fbad91c358f14da0eef2bd6');
    expect(toHex(c.serverKey)).toBe('0fe09258b3ac852ba502cc62ba903eaacdbf7d31');
    expect(c.iterations).toBe(4096);
    expect(toBase64(c.salt)).toBe('QSXCR+Q6sek8bf92');
  });
  it('RFC 5802 §9: StoredKey plus one observed exchange gives ClientKey', () => {
    const c = deriveScramCredentials('pencil', salt, 4096, 'SHA-1');
    const cs = clientSignature(c.storedKey, authMessage, 'SHA-1');
    const ck = recoverClientKey(fromBase64('v0X8v3Bz2T0CJGbJQyF0X+HI4Ts='), cs);
    expect(toHex(ck)).toBe('e234c47bf6c36696dd6d852b99aaa2ba26555728');
    expect(timingSafeEqual(H('SHA-1', ck), c.storedKey)).toBe(true);
  });
});

describe('RFC 7677 §3 example, SCRAM-SHA-256, password "pencil"', () => {
  it('reproduces p= and v= of the example', () => {
    const salt = fromBase64('W22ZaJ0SNY7soEsUEjb6gQ==');
    const authMessage =
      'n=user,r=rOprNGfwEbeRWgbNEkqO,' +
      'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,' +
      'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0';
    const sp = saltedPassword('pencil', salt, 4096, 'SHA-256');
    const ck = clientKey(sp, 'SHA-256');
    const cs = clientSignature(storedKey(ck, 'SHA-256'), utf8(authMessage), 'SHA-256');
    expect(toBase64(clientProof(ck, cs))).toBe('dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=');
    expect(toBase64(serverSignature(serverKey(sp, 'SHA-256'), authMessage, 'SHA-256'))).toBe(
      '6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=',
    );
  });
});

describe('Normalize(password) = SASLprep (RFC 5802 §2.2, RFC 4013)', () => {
  it('equivalent passwords give the same SaltedPassword', () => {
    const s = utf8('salt');
    // U+00AD SOFT HYPHEN maps to nothing; U+2168 ROMAN NUMERAL NINE is NFKC "IX"; U+00A0 maps to SPACE.
    expect(toHex(saltedPassword('I\u00ADX', s, 1, 'SHA-1'))).toBe(toHex(saltedPassword('IX', s, 1, 'SHA-1')));
    expect(toHex(saltedPassword('\u2168', s, 1, 'SHA-1'))).toBe(toHex(saltedPassword('IX', s, 1, 'SHA-1')));
    expect(toHex(saltedPassword('a\u00A0b', s, 1, 'SHA-1'))).toBe(toHex(saltedPassword('a b', s, 1, 'SHA-1')));
  });
  it('a password with a prohibited character is our misuse: throws', () => {
    expect(() => saltedPassword('bell\u0007', utf8('salt'), 1, 'SHA-1')).toThrow(/^sasl\/scram: /);
  });
});

describe('misuse checks', () => {
  it('clientProof needs equal lengths; unknown hash throws', () => {
    expect(() => clientProof(new Uint8Array(20), new Uint8Array(32))).toThrow(/^sasl\/scram: /);
    expect(() => H('MD5' as never, new Uint8Array())).toThrow(/^sasl\/scram: /);
    expect(() => deriveScramCredentials('x', new Uint8Array(), 1, 'SHA-1')).toThrow(/^sasl\/scram: /);
  });
  it('timingSafeEqual', () => {
    expect(timingSafeEqual(fromHex('0102'), fromHex('0102'))).toBe(true);
    expect(timingSafeEqual(fromHex('0102'), fromHex('0103'))).toBe(false);
    expect(timingSafeEqual(fromHex('0102'), fromHex('010200'))).toBe(false);
  });
});
