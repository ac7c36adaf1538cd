/**
 * The key derivations of OMEMO 2 (XEP-0384 §"Double Ratchet", "X3DH"), as python-twomemo 1.0.3
 * configures python-doubleratchet and python-x3dh:
 *  - KDF_RK(rk, dh_out) = HKDF-SHA-256(salt = rk, ikm = dh_out, info = "OMEMO Root Chain", 64):
 *    the new root key is bytes 0–31, the new chain key bytes 32–63;
 *  - KDF_CK(ck) = HMAC-SHA-256(ck, 0x02) ‖ HMAC-SHA-256(ck, 0x01) ("separate HMACs" over the
 *    constant 02 01): the next chain key, then the message key — as in Signal;
 *  - X3DH's SK = HKDF-SHA-256(salt = 0^32, ikm = 0xFF^32 ‖ DH1 ‖ DH2 ‖ DH3 ‖ DH4, "OMEMO X3DH", 32);
 *  - the 80 bytes of key material (encryption key, authentication key, IV) behind both AES-CBC +
 *    HMAC constructions: HKDF-SHA-256(salt = 0^32, ikm = key, info, 80).
 * @module
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concat, utf8 } from '../bytes/hex';

const ZERO32 = new Uint8Array(32);
const INFO_ROOT = utf8('OMEMO Root Chain');
const INFO_X3DH = utf8('OMEMO X3DH');
const CK_NEXT = Uint8Array.of(0x02);
const CK_MESSAGE = Uint8Array.of(0x01);

/** KDF_RK: (new root key, new chain key). */
export function kdfRootChain(rk: Uint8Array, dhOut: Uint8Array): { rootKey: Uint8Array; chainKey: Uint8Array } {
  const out = hkdf(sha256, dhOut, rk, INFO_ROOT, 64);
  return { rootKey: out.slice(0, 32), chainKey: out.slice(32, 64) };
}

/** KDF_CK: (next chain key, message key). */
export function kdfMessageChain(ck: Uint8Array): { chainKey: Uint8Array; messageKey: Uint8Array } {
  return { chainKey: hmac(sha256, ck, CK_NEXT), messageKey: hmac(sha256, ck, CK_MESSAGE) };
}

/** "F is a byte sequence containing 32 0xFF bytes" (X3DH §2.2), before DH1 ‖ DH2 ‖ DH3 ‖ DH4. */
export function x3dhSecret(dhs: Uint8Array[]): Uint8Array {
  return hkdf(sha256, concat(new Uint8Array(32).fill(0xff), ...dhs), ZERO32, INFO_X3DH, 32);
}

/** HKDF(0^32, key, info, 80) split into AES-256 key, HMAC key and CBC IV. */
export function keyMaterial(key: Uint8Array, info: string): { encKey: Uint8Array; authKey: Uint8Array; iv: Uint8Array } {
  const out = hkdf(sha256, key, ZERO32, utf8(info), 80);
  return { encKey: out.slice(0, 32), authKey: out.slice(32, 64), iv: out.slice(64, 80) };
}

/** HMAC-SHA-256 truncated to the 16 bytes both OMEMO 2 MACs use. */
export const mac16 = (key: Uint8Array, data: Uint8Array): Uint8Array => hmac(sha256, key, data).slice(0, 16);
