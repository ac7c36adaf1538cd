/**
 * Traffic keys (RFC 8446 §7.3) and per-record nonces (§5.3) for AES-128-GCM:
 *   [sender]_write_key = HKDF-Expand-Label(Secret, "key", "", key_length)
 *   [sender]_write_iv  = HKDF-Expand-Label(Secret, "iv", "", iv_length)
 * §5.3: "1. The 64-bit record sequence number is encoded in network byte order and padded to the
 * left with zeros to iv_length. 2. The padded sequence number is XORed with either the static
 * client_write_iv or server_write_iv".
 * @module
 */
import { hkdfExpandLabel } from './key-schedule';

/** AES-128-GCM: 16-octet key; §5.3 "iv_length … max(8 bytes, N_MIN)" = 12 for the AEADs of RFC 5116. */
const KEY_LEN = 16;
const IV_LEN = 12;

export interface TrafficKeys {
  key: Uint8Array;
  iv: Uint8Array;
}

export function trafficKeys(secret: Uint8Array): TrafficKeys {
  return {
    key: hkdfExpandLabel(secret, 'key', new Uint8Array(0), KEY_LEN),
    iv: hkdfExpandLabel(secret, 'iv', new Uint8Array(0), IV_LEN),
  };
}

/** §5.3 steps 1 and 2. `seq` counts records under these keys, from 0. */
export function recordNonce(iv: Uint8Array, seq: number): Uint8Array {
  const nonce = iv.slice();
  let s = seq;
  // Only the low 53 bits of a 64-bit sequence number can be nonzero here: a JS number. §5.3 requires
  // rekeying or closing long before 2^64; we close (see record.ts) well before 2^53.
  for (let i = IV_LEN - 1; i >= IV_LEN - 8 && s > 0; i--) {
    nonce[i] = nonce[i]! ^ (s % 256);
    s = Math.floor(s / 256);
  }
  return nonce;
}
