/**
 * OMEMO 2's two encryptions, both AES-256-CBC with PKCS#7 plus a truncated HMAC-SHA-256
 * (XEP-0384 §"Message Encryption" and §"Double Ratchet" ENCRYPT), as python-twomemo 1.0.3 does them:
 *
 *  - the ratchet's ENCRYPT(mk, plaintext, AD): keys from HKDF(mk, "OMEMO Message Key Material"),
 *    ct = AES-CBC(plaintext); msg = OMEMOMessage{n, pn, dh_pub, ct} serialized once;
 *    mac = HMAC(auth key, AD ‖ msg)[0:16]; out = OMEMOAuthenticatedMessage{mac, msg}. AD is the
 *    64-byte X3DH associated data (IK_initiator ‖ IK_responder), the same in both directions.
 *    (python-doubleratchet hands the AEAD "AD ‖ header"; twomemo's AEAD splits the header off
 *    again, MACs only the 64 bytes plus the OMEMOMessage, and checks the header it carried.)
 *    The receiver MACs the *received* message bytes, never a re-serialization.
 *  - the payload: a fresh 32-byte key, keys from HKDF(key, "OMEMO Payload"), ct = AES-CBC(plaintext),
 *    tag = HMAC(auth key, ct)[0:16]; what each recipient device gets through its ratchet is key ‖ tag.
 * @module
 */
import { cbc } from '@noble/ciphers/aes.js';
import { concat } from '../bytes/hex';
import { macEquals } from '../crypto/otr-mac';
import { keyMaterial, mac16 } from './kdf';
import {
  decodeAuthenticatedMessage,
  decodeOmemoMessage,
  encodeAuthenticatedMessage,
  encodeOmemoMessage,
  isDecodeError,
} from './protobuf';

const INFO_MESSAGE = 'OMEMO Message Key Material';
const INFO_PAYLOAD = 'OMEMO Payload';

export interface RatchetHeader {
  dhPub: Uint8Array;
  pn: number;
  n: number;
}

function cbcDecrypt(key: Uint8Array, iv: Uint8Array, ct: Uint8Array): Uint8Array | null {
  try {
    return cbc(key, iv).decrypt(ct);
  } catch {
    return null; // bad length or bad PKCS#7 padding
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && macEquals(a, b);

/** ENCRYPT(mk, plaintext, AD ‖ header) → serialized OMEMOAuthenticatedMessage. */
export function sealKeyMaterial(mk: Uint8Array, plaintext: Uint8Array, ad: Uint8Array, header: RatchetHeader): Uint8Array {
  const { encKey, authKey, iv } = keyMaterial(mk, INFO_MESSAGE);
  const ciphertext = cbc(encKey, iv).encrypt(plaintext);
  const message = encodeOmemoMessage({ n: header.n, pn: header.pn, dhPub: header.dhPub, ciphertext });
  return encodeAuthenticatedMessage({ mac: mac16(authKey, concat(ad, message)), message });
}

/** DECRYPT: MAC over AD ‖ the received OMEMOMessage bytes, the header must be the one used, then AES-CBC. */
export function openKeyMaterial(mk: Uint8Array, authenticated: Uint8Array, ad: Uint8Array, header: RatchetHeader): Uint8Array | { error: string } {
  const am = decodeAuthenticatedMessage(authenticated);
  if (isDecodeError(am)) return am;
  const { encKey, authKey, iv } = keyMaterial(mk, INFO_MESSAGE);
  if (!sameBytes(mac16(authKey, concat(ad, am.message)), am.mac)) return { error: 'authentication tags do not match' };
  const m = decodeOmemoMessage(am.message);
  if (isDecodeError(m)) return m;
  if (m.n !== header.n || m.pn !== header.pn || !sameBytes(m.dhPub, header.dhPub)) return { error: 'header mismatch' };
  return cbcDecrypt(encKey, iv, m.ciphertext ?? new Uint8Array(0)) ?? { error: 'bad padding' };
}

/** The payload: `<payload>` ciphertext and the 48 bytes (key ‖ tag) each recipient device gets. */
export function sealPayload(key: Uint8Array, plaintext: Uint8Array): { ciphertext: Uint8Array; keyAndTag: Uint8Array } {
  const { encKey, authKey, iv } = keyMaterial(key, INFO_PAYLOAD);
  const ciphertext = cbc(encKey, iv).encrypt(plaintext);
  return { ciphertext, keyAndTag: concat(key, mac16(authKey, ciphertext)) };
}

export function openPayload(keyAndTag: Uint8Array, ciphertext: Uint8Array): Uint8Array | { error: string } {
  if (keyAndTag.length !== 48) return { error: `key material is ${keyAndTag.length} bytes, not 48` };
  const { encKey, authKey, iv } = keyMaterial(keyAndTag.subarray(0, 32), INFO_PAYLOAD);
  if (!sameBytes(mac16(authKey, ciphertext), keyAndTag.subarray(32))) return { error: 'payload authentication tag does not match' };
  return cbcDecrypt(encKey, iv, ciphertext) ?? { error: 'bad padding' };
}
