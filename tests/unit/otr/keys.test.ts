/**
 * Data-message key derivation (OTR v3 "Computing AES keys, MAC keys, and the secure session id")
 * checked against key dumps of the two other implementations after a real potr ↔ libotr session
 * (vectors/potr-keys.json, vectors/libotr-keys.json, captured through the interop peers' `keys` op)
 * and against libotr5-bin's `otr_sesskeys`.
 */
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { modPow } from '../../../lib/crypto/otr-modmath';
import { DH_MODULUS } from '../../../lib/otr/dh';
import { deriveAkeKeys, deriveSessionKeys, macKeyFromAesKey } from '../../../lib/otr/keys';
import potr from './vectors/potr-keys.json';
import libotr from './vectors/libotr-keys.json';

const big = (h: string) => BigInt('0x' + h);

interface Dump {
  our_keyid: number;
  their_keyid: number;
  our_dh: { priv: string; pub: string };
  our_old_dh: { priv: string; pub: string };
  their_y: string;
  their_old_y: string | null;
  sessions: Record<string, { sendenc?: string; sendmac: string; rcvenc?: string; rcvmac: string }>;
}

function checkDump(d: Dump, withAes: boolean) {
  let checked = 0;
  for (const [i, ours] of [d.our_dh, d.our_old_dh].entries()) {
    for (const [j, theirs] of [d.their_y, d.their_old_y].entries()) {
      const name = `our${d.our_keyid - i}_their${d.their_keyid - j}`;
      const want = d.sessions[name];
      if (!want || theirs === null) continue;
      const s = modPow(big(theirs), big(ours.priv), DH_MODULUS);
      const got = deriveSessionKeys(s, big(ours.pub), big(theirs));
      expect(bytesToHex(got.sendmac), name).toBe(want.sendmac);
      expect(bytesToHex(got.rcvmac), name).toBe(want.rcvmac);
      if (withAes) {
        expect(bytesToHex(got.sendenc), name).toBe(want.sendenc);
        expect(bytesToHex(got.rcvenc), name).toBe(want.rcvenc);
      }
      checked++;
    }
  }
  return checked;
}

describe('otr/keys', () => {
  it('reproduces potr 1.0.2 session keys (AES and MAC, 4 key pairs)', () => {
    expect(checkDump(potr.dump as Dump, true)).toBe(4);
  });

  it('reproduces libotr 4.1.1 session MAC keys (4 key pairs)', () => {
    expect(checkDump(libotr.dump as unknown as Dump, false)).toBe(4);
  });

  it('matches otr_sesskeys (libotr5-bin) output for potr’s current pair', () => {
    // $ otr_sesskeys <potr our_dh.priv> <potr their_y>   → "We are the low end of this key exchange."
    const d = potr.dump as Dump;
    const s = modPow(big(d.their_y), big(d.our_dh.priv), DH_MODULUS);
    const k = deriveSessionKeys(s, big(d.our_dh.pub), big(d.their_y));
    expect(big(d.our_dh.pub) > big(d.their_y)).toBe(false); // low end
    expect(bytesToHex(k.sendenc)).toBe('f9f05fdf31b25b9980e4fb172168eefb');
    expect(bytesToHex(k.sendmac)).toBe('7cf2e8c066b5533bb8d8a193b84a98a793af90ab');
    expect(bytesToHex(k.rcvenc)).toBe('4452db6fccfc30aa80f52be5703ed9ef');
    expect(bytesToHex(k.rcvmac)).toBe('190ffb0a245cae760048de1c02bcc5061325f8fe');
  });

  it('MAC key = SHA-1(AES key), as otr_mackey prints it', () => {
    // README §4: otr_mackey 1baee0bafb614d9f45bc1ffdf149e03c → b9efde0fd90e8a9730b9352d10e4793517674805
    expect(bytesToHex(macKeyFromAesKey(hexToBytes('1baee0bafb614d9f45bc1ffdf149e03c')))).toBe(
      'b9efde0fd90e8a9730b9352d10e4793517674805',
    );
  });

  it('AKE keys: c and c′ are the two halves of h2(0x01); all seven differ', () => {
    const k = deriveAkeKeys(12345678901234567890n);
    expect(k.ssid.length).toBe(8);
    expect(k.c.length).toBe(16);
    expect(k.cPrime.length).toBe(16);
    const all = [k.c, k.cPrime, k.m1, k.m2, k.m1Prime, k.m2Prime].map(bytesToHex);
    expect(new Set(all).size).toBe(6);
  });

  it('sendbyte/recvbyte swap between the high and the low end', () => {
    const s = 987654321n;
    const a = deriveSessionKeys(s, 10n, 5n);
    const b = deriveSessionKeys(s, 5n, 10n);
    expect(bytesToHex(a.sendenc)).toBe(bytesToHex(b.rcvenc));
    expect(bytesToHex(a.rcvmac)).toBe(bytesToHex(b.sendmac));
    expect(bytesToHex(a.extraKey)).toBe(bytesToHex(b.extraKey));
  });
});
