/**
 * The simulator's seeded random source: a ChaCha20 keystream (RFC 8439) keyed by SHA-256 of the seed.
 * Keys, nonces and stream ids in a simulation all come from here, so the same seed gives the same
 * bytes everywhere, and the state is two plain values that a checkpoint can copy.
 * @module
 */
import { chacha20 } from '@noble/ciphers/chacha.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export interface RngState {
  /** 32-byte ChaCha20 key, hex. */
  key: string;
  /** How many blocks of output have been drawn; each draw uses a fresh nonce. */
  counter: number;
}

export function seedRng(seed: number | string): RngState {
  return { key: bytesToHex(sha256(utf8ToBytes(`messenger-lab/rng/v1:${seed}`))), counter: 0 };
}

/** Draw n bytes and advance the state (in place: the kernel owns it). */
export function randomBytes(state: RngState, n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0) throw new Error('sim/rng: invalid byte count');
  const nonce = new Uint8Array(12);
  new DataView(nonce.buffer).setUint32(8, state.counter, false);
  new DataView(nonce.buffer).setUint32(4, Math.floor(state.counter / 2 ** 32), false);
  state.counter += 1;
  return chacha20(hexToBytes(state.key), nonce, new Uint8Array(n));
}

/**
 * A named stream beside the main one, for randomness every host of a run must draw alike (the lab
 * certificate authority of lib/xmpp/tls-channel/pki.ts): keyed by the run's key and the label, it is
 * the same for every host and drawing from it moves nothing in the main stream.
 */
export function derivedRng(parent: RngState, label: string): RngState {
  return { key: bytesToHex(sha256(utf8ToBytes(`messenger-lab/rng/derived:${parent.key}:${label}`))), counter: 0 };
}
