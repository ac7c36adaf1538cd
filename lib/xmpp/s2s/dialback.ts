/**
 * Server Dialback keys (XEP-0220 §2.1.1, key generation as recommended by XEP-0185 §3):
 *   key = HEX( HMAC-SHA256( HEX(SHA256(Secret)), { Receiving Server, ' ', Originating Server, ' ', Stream ID } ) )
 * Only the Originating Server (who knows Secret) can compute it; the Authoritative Server — reached
 * through DNS — recomputes it to answer db:verify. Secret comes from the simulator's RNG.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex, utf8 } from '../../bytes/hex';

export function dialbackKey(secret: Uint8Array, receiving: string, originating: string, streamId: string): string {
  const keyMaterial = toHex(sha256(secret));
  return toHex(hmac(sha256, utf8(keyMaterial), utf8(`${receiving} ${originating} ${streamId}`)));
}
