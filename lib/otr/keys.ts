/**
 * Key derivations of OTR v3, "Computing AES keys, MAC keys, and the secure session id":
 * secbytes = MPI(s); h2(b) = SHA256(b ‖ secbytes) gives ssid, c, c', m1, m2, m1', m2' (AKE) and the
 * extra symmetric key h2(0xFF); h1(b) = SHA1(b ‖ secbytes) gives the data-message AES keys, whose
 * SHA-1 hashes are the MAC keys. sendbyte/recvbyte depend on who is the "high" end.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { encodeMpi } from './codec';

/** "Write the value of s as a minimum-length MPI … Let this (4+len)-byte value be secbytes." */
const secbytes = (s: bigint): Uint8Array => encodeMpi(s);

function prefixed(b: number, sec: Uint8Array): Uint8Array {
  const buf = new Uint8Array(1 + sec.length);
  buf[0] = b;
  buf.set(sec, 1);
  return buf;
}
/** h2(b) = SHA256(b ‖ secbytes). */
const h2 = (b: number, sec: Uint8Array): Uint8Array => sha256(prefixed(b, sec));
/** h1(b) = SHA1(b ‖ secbytes). */
const h1 = (b: number, sec: Uint8Array): Uint8Array => sha1(prefixed(b, sec));

export interface AkeKeys {
  /** first 64 bits of h2(0x00) */
  ssid: Uint8Array;
  /** first 128 bits of h2(0x01) */
  c: Uint8Array;
  /** second 128 bits of h2(0x01) */
  cPrime: Uint8Array;
  m1: Uint8Array;
  m2: Uint8Array;
  m1Prime: Uint8Array;
  m2Prime: Uint8Array;
}

/** The seven AKE values computed from s. */
export function deriveAkeKeys(s: bigint): AkeKeys {
  const sec = secbytes(s);
  const h01 = h2(0x01, sec);
  return {
    ssid: h2(0x00, sec).slice(0, 8),
    c: h01.slice(0, 16),
    cPrime: h01.slice(16, 32),
    m1: h2(0x02, sec),
    m2: h2(0x03, sec),
    m1Prime: h2(0x04, sec),
    m2Prime: h2(0x05, sec),
  };
}

export interface SessionKeys {
  sendenc: Uint8Array;
  sendmac: Uint8Array;
  rcvenc: Uint8Array;
  rcvmac: Uint8Array;
  /** h2(0xFF), the v3 "extra symmetric key". */
  extraKey: Uint8Array;
}

/**
 * Data-message keys for one (our key, their key) pair: we are the "high" end when our public key
 * is numerically greater; high: sendbyte 0x01, recvbyte 0x02; low: sendbyte 0x02, recvbyte 0x01.
 */
export function deriveSessionKeys(s: bigint, ourPub: bigint, theirPub: bigint): SessionKeys {
  const sec = secbytes(s);
  const high = ourPub > theirPub;
  const sendbyte = high ? 0x01 : 0x02;
  const recvbyte = high ? 0x02 : 0x01;
  const sendenc = h1(sendbyte, sec).slice(0, 16);
  const rcvenc = h1(recvbyte, sec).slice(0, 16);
  return { sendenc, sendmac: sha1(sendenc), rcvenc, rcvmac: sha1(rcvenc), extraKey: h2(0xff, sec) };
}

/** "The sending MAC key is the 20-byte SHA-1 hash of the 16-byte sending AES key" (otr_mackey). */
export const macKeyFromAesKey = (aes: Uint8Array): Uint8Array => sha1(aes);
