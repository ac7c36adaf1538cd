/**
 * Shared DSA-1024 domain parameters (p 1024-bit, q 160-bit, g) for the long-term OTR keys our engine
 * generates (OTR v3 spec, "Public keys, signatures, and fingerprints": "in current implementations
 * [q] must be 20 bytes, or 160 bits"). Generated once, offline, and shipped as constants:
 *
 *   method:  FIPS 186-4 A.1.1.2 (p, q from a seed; hash SHA-256, L = 1024, N = 160, seedlen = 256;
 *            when q is composite the seed is incremented by 1), then A.2.3 (g, index = 1).
 *            Miller–Rabin with the first 40 primes as bases. See `lib/crypto/dsa-params-gen.ts`.
 *   seed:    SHA-256("messenger-lab/otr/dsa-1024-160/v1")
 *   result:  domain_parameter_seed below, p found at counter 69 (about 0.1 s on Node 20).
 *
 * `tests/unit/otr/dsa-params.test.ts` re-derives them. Private keys x come from injected randomness.
 * @module
 */
export const DSA_PARAMS_SEED_LABEL = 'messenger-lab/otr/dsa-1024-160/v1';
export const DSA_PARAMS_DOMAIN_SEED = 'a662e1f56a3c5e55c03d16a7a6f781513bcdc058f522519f718b6936cb6b9d13';
export const DSA_PARAMS_COUNTER = 69;

export const DSA_P = BigInt(
  '0xb02f5c24b17736b9f9900881efdfe8f9e69295a789a6dedfc80f81e3c0ac7a2f3da3692d00609c81ae1517bfc8763095' +
    '83634e9c58665989afce8449f38be59e1be370f1ce178bec8d9bb813e445d680469510fcb619385e880c66a3aa0715ef' +
    'dd274a8727d026a5fa3a14d6ab85ac1b8c56834d05e717fbe22cdbf5c6e418a5',
);
export const DSA_Q = BigInt('0xad03663296f3b50aae7d9af09728db49f8b93b31');
export const DSA_G = BigInt(
  '0x7b80f0afef3823963ea1de4f86eb7aa33d27d1cd5497b71315ef3eb0c994a22cf5f6a41b6f13e7a8e34edf7af8fb5448' +
    'dfecb925592ffeb7feda2b244fcb45c99c03b9715fe3a7ac69f398c79a8269d6b6c18c60e75d7af8ee896453722563b3' +
    '22d3c582be97fd220a859ccc6ec142ea6ae307de5e09b4765e4c5bce6dbaf816',
);
