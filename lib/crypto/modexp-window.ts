/**
 * Sliding-window exponentiation on native BigInt, for one base or a product of several
 * (b1^e1 · b2^e2 · …, "simultaneous" or interleaved multi-exponentiation, Möller 2001).
 *
 * Why: in V8 one 1536-bit multiply-and-`%` costs about 2.6 µs whatever we do around it (Montgomery
 * and Barrett reductions written in BigInt measured 5–10 % slower than `%`, so we do not use them);
 * the only lever is the number of multiplications. Square-and-multiply spends one squaring per
 * exponent bit plus one multiplication per 1 bit; a window of k bits keeps the squarings but needs
 * only about one multiplication per k+1 bits, after precomputing the odd powers b, b³, …, b^(2^k−1).
 * For a 320-bit DH exponent: 480 → about 390 multiplications (−20 %). A product of two powers
 * shares the squarings: DSA verification g^u1·y^u2 (160-bit u) costs about 240 instead of 480.
 * @module
 */

/** Number of binary digits of e ≥ 0 (0 for e = 0). */
export const bitLength = (e: bigint): number => (e === 0n ? 0 : e.toString(2).length);

/**
 * The window size k minimising the multiplications for an n-bit exponent: about n/(k+1) window
 * multiplications plus 2^(k−1) table entries (k = 4 for 160–320 bits, 6 for 1536 bits).
 */
export function windowSize(bits: number): number {
  let best = 1;
  const cost = (k: number) => bits / (k + 1) + 2 ** (k - 1);
  for (let k = 2; k <= 7; k++) if (cost(k) < cost(best)) best = k;
  return best;
}

/**
 * Left-to-right sliding-window recoding: digits[i] (i = bit position, 0 = least significant) is 0
 * or an odd number below 2^k, and Σ digits[i]·2^i = e. Each window starts at a 1 bit, spans at
 * most k bits and ends at a 1 bit, so its value is odd and needs only the odd powers.
 */
export function slidingWindowDigits(e: bigint, k: number): Uint8Array {
  if (e < 0n) throw new Error('modexp-window: negative exponent');
  if (k < 1 || k > 7) throw new Error('modexp-window: window size must be 1…7');
  const bits = e.toString(2); // most significant first
  const n = bits.length;
  const digits = new Uint8Array(n);
  for (let i = 0; i < n; ) {
    if (bits[i] === '0') {
      i++;
      continue;
    }
    let j = Math.min(i + k, n) - 1;
    while (bits[j] === '0') j--; // end the window on a 1 bit
    digits[n - 1 - j] = parseInt(bits.slice(i, j + 1), 2);
    i = j + 1;
  }
  return digits;
}

/** [b, b³, b⁵, …, b^(2^k−1)] mod m: powers[d >> 1] = b^d for odd d. */
export function oddPowers(b: bigint, k: number, m: bigint): bigint[] {
  const powers = [b];
  if (k === 1) return powers;
  const b2 = (b * b) % m;
  for (let i = 1; i < 2 ** (k - 1); i++) powers.push((powers[i - 1]! * b2) % m);
  return powers;
}

/**
 * Π bᵢ^eᵢ mod m by interleaved sliding windows: one shared squaring per bit of the longest
 * exponent, and for every base one multiplication where one of its windows ends.
 */
export function modPowProduct(terms: readonly (readonly [base: bigint, exp: bigint])[], m: bigint): bigint {
  if (m <= 0n) throw new Error('modexp-window: modulus must be positive');
  if (m === 1n) return 0n;
  const plans = terms.map(([b, e]) => {
    const k = windowSize(bitLength(e));
    return { digits: slidingWindowDigits(e, k), powers: oddPowers(((b % m) + m) % m, k, m) };
  });
  const top = Math.max(0, ...plans.map((p) => p.digits.length));
  let acc = 1n;
  for (let i = top - 1; i >= 0; i--) {
    if (acc !== 1n) acc = (acc * acc) % m; // nothing to square before the first window
    for (const p of plans) {
      const d = p.digits[i];
      if (d) acc = (acc * p.powers[d >> 1]!) % m;
    }
  }
  return acc;
}
