/**
 * Deterministic DSA domain parameter generation, FIPS 186-4 Appendix A.1.1.2 (probable primes p, q
 * from a seed, with SHA-256 as the hash) and A.2.3 (verifiable canonical generator g, index 1).
 * Run once, offline: the results are shipped as constants in `lib/otr/dsa-params.ts`, and a test
 * re-derives them from the same seed. Miller–Rabin uses fixed small-prime bases (see
 * `isProbablePrime`) instead of random ones so that every run gives the same answer.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { isProbablePrime, modPow } from './otr-modmath';

export interface DsaDomainParams {
  p: bigint;
  q: bigint;
  g: bigint;
  /** The domain_parameter_seed that produced q and p (after any retries), hex. */
  seed: string;
  /** The A.1.1.2 counter at which p was found. */
  counter: number;
}

const hashInt = (n: bigint, seedlen: number): bigint =>
  bytesToBigint(sha256(bigintToFixed(n % (1n << BigInt(seedlen)), seedlen / 8)));

/**
 * A.1.1.2 with L = 1024, N = 160, outlen = 256, seedlen = 256. When q is not prime we go back to
 * step 5 with the next seed (seed + 1 as a 256-bit integer), which keeps the search deterministic.
 */
export function generateDsaParams(initialSeed: Uint8Array, L = 1024, N = 160): DsaDomainParams {
  const outlen = 256;
  const seedlen = initialSeed.length * 8;
  if (seedlen < N) throw new Error('dsa-params-gen: seed shorter than N');
  // 3. n = ceil(L / outlen) − 1;  4. b = L − 1 − (n · outlen)
  const n = Math.ceil(L / outlen) - 1;
  const b = L - 1 - n * outlen;
  let seed = bytesToBigint(initialSeed);
  for (;;) {
    // 6. U = Hash(domain_parameter_seed) mod 2^(N−1);  7. q = 2^(N−1) + U + 1 − (U mod 2)
    const U = hashInt(seed, seedlen) % (1n << BigInt(N - 1));
    const q = (1n << BigInt(N - 1)) + U + 1n - (U % 2n);
    // 8–9. test q; if not prime, go to step 5 (next seed)
    if (!isProbablePrime(q)) {
      seed = (seed + 1n) % (1n << BigInt(seedlen));
      continue;
    }
    // 10. offset = 1
    let offset = 1n;
    // 11. for counter = 0 to 4L − 1
    for (let counter = 0; counter < 4 * L; counter++) {
      // 11.1–11.2: V_j = Hash((seed + offset + j) mod 2^seedlen); W = Σ V_j·2^(j·outlen), V_n mod 2^b
      let W = 0n;
      for (let j = 0; j <= n; j++) {
        let V = hashInt(seed + offset + BigInt(j), seedlen);
        if (j === n) V %= 1n << BigInt(b);
        W += V << BigInt(j * outlen);
      }
      // 11.3 X = W + 2^(L−1);  11.4 c = X mod 2q;  11.5 p = X − (c − 1)
      const X = W + (1n << BigInt(L - 1));
      const c = X % (2n * q);
      const p = X - (c - 1n);
      // 11.6–11.8
      if (p >= 1n << BigInt(L - 1) && isProbablePrime(p)) {
        const seedBytes = bigintToFixed(seed, seedlen / 8);
        return { p, q, g: generateG(p, q, seedBytes, 1), seed: toHex(seedBytes), counter };
      }
      // 11.9 offset = offset + n + 1
      offset += BigInt(n + 1);
    }
    seed = (seed + 1n) % (1n << BigInt(seedlen));
  }
}

/** A.2.3: g = Hash(seed ‖ "ggen" ‖ index ‖ count)^((p−1)/q) mod p, first count giving g ≥ 2. */
function generateG(p: bigint, q: bigint, seed: Uint8Array, index: number): bigint {
  const e = (p - 1n) / q;
  const ggen = Uint8Array.of(0x67, 0x67, 0x65, 0x6e);
  for (let count = 1; count < 0x10000; count++) {
    const U = new Uint8Array(seed.length + 4 + 1 + 2);
    U.set(seed, 0);
    U.set(ggen, seed.length);
    U[seed.length + 4] = index & 0xff;
    U[seed.length + 5] = count >>> 8;
    U[seed.length + 6] = count & 0xff;
    const g = modPow(bytesToBigint(sha256(U)), e, p);
    if (g >= 2n) return g;
  }
  throw new Error('dsa-params-gen: no generator found');
}

function bytesToBigint(b: Uint8Array): bigint {
  let n = 0n;
  for (const x of b) n = (n << 8n) | BigInt(x);
  return n;
}

/** big-endian, exactly len bytes (seeds are seedlen/8 bytes) */
function bigintToFixed(n: bigint, len: number): Uint8Array {
  const out = new Uint8Array(len);
  for (let i = len - 1; i >= 0; i--, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}

function toHex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
