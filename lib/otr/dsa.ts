/**
 * OTR long-term DSA keys (OTR v3 spec, "Public keys, signatures, and fingerprints"): the PUBKEY
 * encoding (type 0x0000, then p, q, g, y as MPIs), the SIG encoding (r ‖ s, each len(q) = 20 bytes),
 * signing the 32-byte MB/MA as an integer taken modulo q, and fingerprints: SHA-1 of the PUBKEY
 * without its two leading type bytes, shown as libotr does (5 groups of 8 uppercase hex digits).
 * @module
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  dsaPublic,
  dsaSignInteger,
  dsaVerifyInteger,
  randomBelowQ,
  type DsaPrivateKey,
  type DsaPublicKey,
} from '../crypto/dsa';
import { bigintToFixed, bytesToBigint, CodecError, Reader, Writer } from './codec';
import { DSA_G, DSA_P, DSA_Q } from './dsa-params';

export type { DsaPrivateKey, DsaPublicKey };

/** Pubkey type for DSA. */
const PUBKEY_TYPE_DSA = 0x0000;

/** A fresh long-term key over the shipped parameters; x from the injected randomness. */
export function generateDsaKey(randomBytes: (n: number) => Uint8Array): DsaPrivateKey {
  return dsaPublic(DSA_P, DSA_Q, DSA_G, randomBelowQ(DSA_Q, randomBytes));
}

/** PUBKEY: type (SHORT) ‖ p ‖ q ‖ g ‖ y (MPIs). */
export function encodePubkey(key: DsaPublicKey): Uint8Array {
  return new Writer().short(PUBKEY_TYPE_DSA).mpi(key.p).mpi(key.q).mpi(key.g).mpi(key.y).bytes();
}

/** Read a PUBKEY from a reader; CodecError for unknown key types. */
export function readPubkey(r: Reader): DsaPublicKey {
  const type = r.short();
  if (type !== PUBKEY_TYPE_DSA) throw new CodecError(`unknown pubkey type ${type}`);
  return { p: r.mpi(), q: r.mpi(), g: r.mpi(), y: r.mpi() };
}

/** Only the public half (never leak x into a PUBKEY or a state dump by accident). */
export const publicPart = (k: DsaPublicKey): DsaPublicKey => ({ p: k.p, q: k.q, g: k.g, y: k.y });

/** SHA-1 of the PUBKEY "with those two leading 0x00 bytes omitted" (type 0x0000). */
export function fingerprint(key: DsaPublicKey): Uint8Array {
  return sha1(encodePubkey(key).slice(2));
}

/** libotr's human form (otrl_privkey_hash_to_human): "12345678 9ABCDEF0 … " five groups of 8. */
export function fingerprintHuman(fp: Uint8Array): string {
  const hex = bytesToHex(fp).toUpperCase();
  const groups: string[] = [];
  for (let i = 0; i < hex.length; i += 8) groups.push(hex.slice(i, i + 8));
  return groups.join(' ');
}

/** len(q) in bytes: the size of each SIG half. */
const qLength = (key: DsaPublicKey): number => Math.ceil(key.q.toString(2).length / 8);

/** sig(M): DSA over the integer value of the 32-byte M, "taken modulo q … and not hashed again". */
export function signMac(key: DsaPrivateKey, m: Uint8Array, randomBytes: (n: number) => Uint8Array): Uint8Array {
  const { r, s } = dsaSignInteger(key, bytesToBigint(m), randomBytes);
  const len = qLength(key);
  const out = new Uint8Array(2 * len);
  out.set(bigintToFixed(r, len), 0);
  out.set(bigintToFixed(s, len), len);
  return out;
}

/** Read a SIG (2·len(q) bytes) for the given public key. */
export function readSig(r: Reader, key: DsaPublicKey): Uint8Array {
  return r.raw(2 * qLength(key));
}

/** Verify sig(M); false (never a throw) for any malformed key or signature. */
export function verifyMac(key: DsaPublicKey, m: Uint8Array, sig: Uint8Array): boolean {
  const len = qLength(key);
  if (sig.length !== 2 * len) return false;
  return dsaVerifyInteger(key, bytesToBigint(m), bytesToBigint(sig.slice(0, len)), bytesToBigint(sig.slice(len)));
}
