/**
 * OTR's AES-128-CTR (OTR v3 spec): the 16-byte initial counter block is the 8-byte "top half of
 * counter init" followed by eight 0x00 bytes (Data Message), or all zero ("initial counter value 0",
 * AKE: encrypted gx, XB, XA). Encryption and decryption are the same operation.
 * @module
 */
import { ctr } from '@noble/ciphers/aes.js';

/** AES128-CTR_key,ctr(data) with counter block = ctrTop (8 bytes, default 0) ‖ 0^8. */
export function otrAesCtr(key: Uint8Array, data: Uint8Array, ctrTop: Uint8Array = new Uint8Array(8)): Uint8Array {
  if (key.length !== 16) throw new Error('otr-aes-ctr: key must be 16 bytes');
  if (ctrTop.length !== 8) throw new Error('otr-aes-ctr: counter top half must be 8 bytes');
  const block = new Uint8Array(16);
  block.set(ctrTop, 0);
  return ctr(key, block).encrypt(data);
}
