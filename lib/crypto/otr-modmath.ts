/**
 * Modular arithmetic on native BigInt for OTR's 1536-bit DH group and DSA: windowed
 * exponentiation, inverse by extended Euclid, and a Miller–Rabin probable-prime test with fixed
 * (documented, deterministic) bases, used only by the offline DSA parameter search.
 * @module
 */
import { modPowProduct } from './modexp-window';

/**
 * base^exp mod m by sliding windows (`modexp-window.ts`; one 1536-bit, 320-bit exponent ≈ 1.0 ms,
 * plain square-and-multiply took 1.3 ms).
 */
export function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  if (m <= 0n) throw new Error('otr-modmath: modulus must be positive');
  if (exp < 0n) throw new Error('otr-modmath: negative exponent');
  return modPowProduct([[base, exp]], m);
}

/** a⁻¹ mod m; throws when gcd(a, m) ≠ 1 (our misuse: callers pass a prime modulus). */
export function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new Error('otr-modmath: not invertible');
  return ((oldS % m) + m) % m;
}

const SMALL_PRIMES: number[] = (() => {
  const out: number[] = [];
  for (let n = 2; out.length < 600; n++) if (out.every((p) => n % p !== 0)) out.push(n);
  return out;
})();

/**
 * Probable-prime test: trial division by the first 600 primes, then Miller–Rabin with the first
 * `rounds` primes as bases (deterministic, so the parameter derivation is reproducible).
 */
export function isProbablePrime(n: bigint, rounds = 40): boolean {
  if (n < 2n) return false;
  for (const p of SMALL_PRIMES) {
    const bp = BigInt(p);
    if (n === bp) return true;
    if (n % bp === 0n) return false;
  }
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  witness: for (let i = 0; i < rounds; i++) {
    const a = BigInt(SMALL_PRIMES[i]!);
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    for (let j = 1; j < s; j++) {
      x = (x * x) % n;
      if (x === n - 1n) continue witness;
    }
    return false;
  }
  return true;
}
