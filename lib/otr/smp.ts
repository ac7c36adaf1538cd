/**
 * The Socialist Millionaires' Protocol (OTR v3 spec, "Socialist Millionaires' Protocol (SMP)" and
 * "The SMP state machine"): the secret (SHA256 of version 1 ‖ initiator fingerprint ‖ responder
 * fingerprint ‖ ssid ‖ user secret), the four messages with their zero-knowledge proofs, and
 * smpstate EXPECT1…EXPECT4. All arithmetic is in the 1536-bit DH group, g1 = 2; exponent proofs are
 * reduced mod q = (p − 1) / 2; random exponents are 1536 bits. Pure functions over plain data; a
 * proof that fails yields a reason string (the session aborts SMP), never a throw.
 * Modular exponentiations: step 1: 4; handling 1: 4; step 2: 14; handling 2: 22; handling 3: 12;
 * handling 4: 5 (a 1536-bit exponent: ≈1 ms through the g1 table, ≈4.7 ms for another base;
 * the checks pair a long and a 256-bit exponent into one product, `exp2`).
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { modPowProduct } from '../crypto/modexp-window';
import { modInverse, modPow } from '../crypto/otr-modmath';
import { bytesToBigint, Writer } from './codec';
import { DH_MODULUS as P, DH_Q as Q, isLegalDhPublic, powG } from './dh';

export type SmpExpect = 1 | 2 | 3 | 4;

/** smpstate plus "the partial computations at each protocol step". */
export interface SmpState {
  expect: SmpExpect;
  /** our secret x (initiator) or y (responder), as an integer */
  secret: bigint | null;
  /** a2/b2 and a3/b3 */
  x2: bigint | null;
  x3: bigint | null;
  g2: bigint | null;
  g3: bigint | null;
  /** the other side's g3a / g3b */
  g3o: bigint | null;
  /** the other side's g2a (kept between receiving message 1 and the user's answer) */
  g2o: bigint | null;
  /** our P and Q (Pa, Qa or Pb, Qb) */
  p: bigint | null;
  q: bigint | null;
  /** Pa / Pb and Qa / Qb */
  pab: bigint | null;
  qab: bigint | null;
  /** message 1 received and verified, waiting for the user's secret */
  awaitingSecret: boolean;
  question: string | null;
  /** true when we began this exchange */
  initiator: boolean;
}

export function newSmpState(): SmpState {
  return {
    expect: 1,
    secret: null,
    x2: null,
    x3: null,
    g2: null,
    g3: null,
    g3o: null,
    g2o: null,
    p: null,
    q: null,
    pab: null,
    qab: null,
    awaitingSecret: false,
    question: null,
    initiator: false,
  };
}

type Rand = (n: number) => Uint8Array;

/** "Version (BYTE) 1 ‖ initiator fingerprint ‖ responder fingerprint ‖ ssid ‖ user secret", SHA256'd. */
export function smpSecret(initiatorFp: Uint8Array, responderFp: Uint8Array, ssid: Uint8Array, userSecret: Uint8Array): bigint {
  return bytesToBigint(sha256(new Writer().byte(1).raw(initiatorFp).raw(responderFp).raw(ssid).raw(userSecret).bytes()));
}

/** "SMP Hash function": SHA256(version ‖ MPI ‖ [MPI]) as an integer. */
function hash(version: number, a: bigint, b?: bigint): bigint {
  const w = new Writer().byte(version).mpi(a);
  if (b !== undefined) w.mpi(b);
  return bytesToBigint(sha256(w.bytes()));
}

const randomExponent = (rb: Rand): bigint => bytesToBigint(rb(192)); // 1536 bits
/** g1, the group generator */
const G1 = 2n;
/** b^e mod p; g1^e goes through the fixed-base table */
const exp = (b: bigint, e: bigint) => (b === G1 ? powG(e) : modPow(b, e, P));
/** a^x · b^y mod p as one product: the two exponentiations share their squarings */
const exp2 = (a: bigint, x: bigint, b: bigint, y: bigint) => modPowProduct([[a, x], [b, y]], P);
const mul = (a: bigint, b: bigint) => (a * b) % P;
const div = (a: bigint, b: bigint) => mul(a, modInverse(b, P));
const modQ = (x: bigint) => ((x % Q) + Q) % Q;
/** exponents in proofs must be in [1, q−1] (libotr's check_expon) */
const legalExponent = (x: bigint) => x >= 1n && x < Q;

/** Proof of knowledge of x in g1^x: c = SHA256(v, g1^r), D = r − x·c mod q. */
function proveLog(version: number, x: bigint, rb: Rand): [bigint, bigint] {
  const r = randomExponent(rb);
  const c = hash(version, exp(G1, r));
  return [c, modQ(r - x * c)];
}
const checkLog = (version: number, gx: bigint, c: bigint, D: bigint) =>
  c === hash(version, mul(exp(G1, D), exp(gx, c)));

/** Proof that P = g3^r and Q = g1^r g2^secret: cP = SHA256(v, g3^r5, g1^r5 g2^r6), D5, D6. */
function proveCoords(sm: SmpState, version: number, r: bigint, rb: Rand): [bigint, bigint, bigint] {
  const r5 = randomExponent(rb);
  const r6 = randomExponent(rb);
  const c = hash(version, exp(sm.g3!, r5), mul(exp(G1, r5), exp(sm.g2!, r6)));
  return [c, modQ(r5 - r * c), modQ(r6 - sm.secret! * c)];
}
const checkCoords = (sm: SmpState, version: number, p: bigint, q: bigint, c: bigint, D5: bigint, D6: bigint) =>
  c === hash(version, exp2(sm.g3!, D5, p, c), mul(exp(G1, D5), exp2(sm.g2!, D6, q, c)));

/** Proof that R = (Qa/Qb)^x3 with the same x3 as g3 part: cR = SHA256(v, g1^r7, (Qa/Qb)^r7), D7. */
function proveEqualLogs(sm: SmpState, version: number, rb: Rand): [bigint, bigint] {
  const r7 = randomExponent(rb);
  const c = hash(version, exp(G1, r7), exp(sm.qab!, r7));
  return [c, modQ(r7 - sm.x3! * c)];
}
const checkEqualLogs = (sm: SmpState, version: number, R: bigint, c: bigint, D7: bigint) =>
  c === hash(version, mul(exp(G1, D7), exp(sm.g3o!, c)), exp2(sm.qab!, D7, R, c));

/** "User requests to begin SMP" (smpstate EXPECT1): message 1 = g2a, c2, D2, g3a, c3, D3. */
export function smpStep1(sm: SmpState, secret: bigint, rb: Rand): bigint[] {
  Object.assign(sm, newSmpState(), { initiator: true, secret });
  sm.x2 = randomExponent(rb);
  sm.x3 = randomExponent(rb);
  const [c2, D2] = proveLog(1, sm.x2, rb);
  const [c3, D3] = proveLog(2, sm.x3, rb);
  sm.expect = 2;
  return [exp(G1, sm.x2), c2, D2, exp(G1, sm.x3), c3, D3];
}

/** "Receiving a type 2 TLV": verify Alice's proofs, store g2a and g3a, wait for the user's secret. */
export function smpHandle1(sm: SmpState, m: bigint[], question: string | null): string | null {
  const [g2a, c2, D2, g3a, c3, D3] = m as [bigint, bigint, bigint, bigint, bigint, bigint];
  if (m.length !== 6) return 'SMP message 1 needs 6 MPIs';
  if (!isLegalDhPublic(g2a) || !isLegalDhPublic(g3a)) return 'g2a or g3a out of range';
  if (!legalExponent(D2) || !legalExponent(D3)) return 'D2 or D3 out of range';
  if (!checkLog(1, g2a, c2, D2)) return 'bad proof for g2a';
  if (!checkLog(2, g3a, c3, D3)) return 'bad proof for g3a';
  Object.assign(sm, newSmpState(), { g2o: g2a, g3o: g3a, awaitingSecret: true, question });
  return null;
}

/** Bob's answer: message 2 = g2b, c2, D2, g3b, c3, D3, Pb, Qb, cP, D5, D6; smpstate → EXPECT3. */
export function smpStep2(sm: SmpState, secret: bigint, rb: Rand): bigint[] {
  if (!sm.awaitingSecret) throw new Error('otr/smp: no SMP request to answer');
  sm.secret = secret;
  sm.awaitingSecret = false;
  sm.x2 = randomExponent(rb);
  sm.x3 = randomExponent(rb);
  const [c2, D2] = proveLog(3, sm.x2, rb);
  const [c3, D3] = proveLog(4, sm.x3, rb);
  sm.g2 = exp(sm.g2o!, sm.x2);
  sm.g3 = exp(sm.g3o!, sm.x3);
  const r4 = randomExponent(rb);
  sm.p = exp(sm.g3, r4);
  sm.q = mul(exp(G1, r4), exp(sm.g2, secret));
  const [cP, D5, D6] = proveCoords(sm, 5, r4, rb);
  sm.expect = 3;
  return [exp(G1, sm.x2), c2, D2, exp(G1, sm.x3), c3, D3, sm.p, sm.q, cP, D5, D6];
}

/** "Receiving a type 3 TLV": verify, then message 3 = Pa, Qa, cP, D5, D6, Ra, cR, D7; → EXPECT4. */
export function smpHandle2(sm: SmpState, m: bigint[], rb: Rand): bigint[] | string {
  if (m.length !== 11) return 'SMP message 2 needs 11 MPIs';
  const [g2b, c2, D2, g3b, c3, D3, Pb, Qb, cP, D5, D6] = m as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
  if (![g2b, g3b, Pb, Qb].every(isLegalDhPublic)) return 'group element out of range';
  if (![D2, D3, D5, D6].every(legalExponent)) return 'exponent out of range';
  if (!checkLog(3, g2b, c2, D2)) return 'bad proof for g2b';
  if (!checkLog(4, g3b, c3, D3)) return 'bad proof for g3b';
  sm.g2 = exp(g2b, sm.x2!);
  sm.g3 = exp(g3b, sm.x3!);
  sm.g3o = g3b;
  if (!checkCoords(sm, 5, Pb, Qb, cP, D5, D6)) return 'bad proof for Pb, Qb';
  const r4 = randomExponent(rb);
  sm.p = exp(sm.g3, r4);
  sm.q = mul(exp(G1, r4), exp(sm.g2, sm.secret!));
  const [cPa, D5a, D6a] = proveCoords(sm, 6, r4, rb);
  sm.pab = div(sm.p, Pb);
  sm.qab = div(sm.q, Qb);
  const Ra = exp(sm.qab, sm.x3!);
  const [cR, D7] = proveEqualLogs(sm, 7, rb);
  sm.expect = 4;
  return [sm.p, sm.q, cPa, D5a, D6a, Ra, cR, D7];
}

/** "Receiving a type 4 TLV": verify, answer with message 4 = Rb, cR, D7, and decide; → EXPECT1. */
export function smpHandle3(sm: SmpState, m: bigint[], rb: Rand): { reply: bigint[]; success: boolean } | string {
  if (m.length !== 8) return 'SMP message 3 needs 8 MPIs';
  const [Pa, Qa, cP, D5, D6, Ra, cR, D7] = m as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
  if (![Pa, Qa, Ra].every(isLegalDhPublic)) return 'group element out of range';
  if (![D5, D6, D7].every(legalExponent)) return 'exponent out of range';
  if (!checkCoords(sm, 6, Pa, Qa, cP, D5, D6)) return 'bad proof for Pa, Qa';
  sm.pab = div(Pa, sm.p!);
  sm.qab = div(Qa, sm.q!);
  if (!checkEqualLogs(sm, 7, Ra, cR, D7)) return 'bad proof for Ra';
  const Rb = exp(sm.qab, sm.x3!);
  const [cRb, D7b] = proveEqualLogs(sm, 8, rb);
  const Rab = exp(Ra, sm.x3!);
  const success = Rab === sm.pab;
  Object.assign(sm, newSmpState());
  return { reply: [Rb, cRb, D7b], success };
}

/** "Receiving a type 5 TLV": verify Bob's proof and decide; → EXPECT1. */
export function smpHandle4(sm: SmpState, m: bigint[]): { success: boolean } | string {
  if (m.length !== 3) return 'SMP message 4 needs 3 MPIs';
  const [Rb, cR, D7] = m as [bigint, bigint, bigint];
  if (!isLegalDhPublic(Rb)) return 'Rb out of range';
  if (!legalExponent(D7)) return 'D7 out of range';
  if (!checkEqualLogs(sm, 8, Rb, cR, D7)) return 'bad proof for Rb';
  const Rab = exp(Rb, sm.x3!);
  const success = Rab === sm.pab;
  Object.assign(sm, newSmpState());
  return { success };
}
