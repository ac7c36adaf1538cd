/**
 * The OTR v2/v3 authenticated key exchange (OTR v3 spec, "Authenticated Key Exchange (AKE)",
 * "D-H Commit / D-H Key / Reveal Signature / Signature Message" and the authstate transitions in
 * "The protocol state machine"). In the spec's story Bob initiates (x, r, DH-Commit) and Alice
 * responds (y, DH-Key). Sans-I/O: each handler mutates the plain-data `AuthState` and returns the
 * binary message to send (header included) and, when the AKE completes, the agreed values.
 * A peer's bad input never throws: it yields `{ ignored: reason }`.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { otrAesCtr } from '../crypto/otr-aes-ctr';
import { hmacSha256, hmacSha256_160, macEquals } from '../crypto/otr-mac';
import { CodecError, encodeMpi, Reader, Writer, bytesToBigint } from './codec';
import { dhSharedSecret, generateDhKeyPair, isLegalDhPublic, type DhKeyPair } from './dh';
import { encodePubkey, publicPart, readPubkey, readSig, signMac, verifyMac } from './dsa';
import type { DsaPrivateKey, DsaPublicKey } from './dsa';
import { deriveAkeKeys, type AkeKeys } from './keys';
import {
  MSG_DH_COMMIT,
  MSG_DH_KEY,
  MSG_REVEAL_SIGNATURE,
  MSG_SIGNATURE,
  writeHeader,
  type MessageHeader,
  type OtrVersion,
} from './wire';

export type AuthStateName = 'none' | 'awaiting-dhkey' | 'awaiting-revealsig' | 'awaiting-sig';

/** authstate plus the partial values of the exchange (plain data, structuredClone-able). */
export interface AuthState {
  state: AuthStateName;
  version: OtrVersion;
  /** keyid of the D-H key used in the AKE: "our_keyid-1" = 1 for a fresh session. */
  ourKeyid: number;
  /** x (initiator) or y (responder). */
  ourDh: DhKeyPair | null;
  /** r, the 128-bit AES key hiding gx in the DH-Commit (initiator only). */
  r: Uint8Array | null;
  /** Encrypted gx: ours (initiator) or the one received (responder). */
  encGx: Uint8Array | null;
  /** HASH(gx): ours (initiator) or the one received (responder). */
  hashGx: Uint8Array | null;
  /** gy as received by the initiator (to recognise a retransmitted DH-Key). */
  theirPub: bigint | null;
  /** c, c', m1, m2, m1', m2', ssid, kept between Reveal Signature and Signature. */
  keys: AkeKeys | null;
  s: bigint | null;
  /** The last AKE message we sent, for the retransmissions the spec asks for. */
  lastSent: Uint8Array | null;
}

export interface AkeContext {
  randomBytes: (n: number) => Uint8Array;
  longTerm: DsaPrivateKey;
  ourInstance: number;
  theirInstance: number;
}

/** What a completed AKE hands to the session. */
export interface AkeResult {
  version: OtrVersion;
  s: bigint;
  ssid: Uint8Array;
  /** Spec: the side that sent Reveal Signature shows the first 32 bits of ssid in bold. */
  ssidHalf: 'first' | 'second';
  ourKeyid: number;
  ourDh: DhKeyPair;
  theirKeyid: number;
  theirPub: bigint;
  theirLongTerm: DsaPublicKey;
}

export interface AkeOutput {
  send: Uint8Array | null;
  done: AkeResult | null;
  ignored: string | null;
}

export function newAuthState(): AuthState {
  return {
    state: 'none',
    version: 3,
    ourKeyid: 1,
    ourDh: null,
    r: null,
    encGx: null,
    hashGx: null,
    theirPub: null,
    keys: null,
    s: null,
    lastSent: null,
  };
}

const out = (send: Uint8Array | null, done: AkeResult | null = null, ignored: string | null = null): AkeOutput => ({
  send,
  done,
  ignored,
});
const ignore = (reason: string): AkeOutput => out(null, null, reason);

function header(auth: AuthState, type: number, ctx: AkeContext): MessageHeader {
  return { version: auth.version, type, senderInstance: ctx.ourInstance, receiverInstance: ctx.theirInstance };
}

function reset(auth: AuthState): void {
  Object.assign(auth, newAuthState(), { version: auth.version });
}

/** D-H Commit Message: pick r (128 bits) and x; send AES_r(gxmpi) and SHA256(gxmpi). */
export function initiateAke(auth: AuthState, version: OtrVersion, ctx: AkeContext): Uint8Array {
  reset(auth);
  auth.version = version;
  auth.r = ctx.randomBytes(16);
  auth.ourDh = generateDhKeyPair(ctx.randomBytes);
  const gxmpi = encodeMpi(auth.ourDh.pub);
  auth.encGx = otrAesCtr(auth.r, gxmpi); // AES128-CTR, key r, initial counter 0
  auth.hashGx = sha256(gxmpi);
  auth.state = 'awaiting-dhkey';
  auth.lastSent = writeHeader(new Writer(), header(auth, MSG_DH_COMMIT, ctx))
    .data(auth.encGx)
    .data(auth.hashGx)
    .bytes();
  return auth.lastSent;
}

/** Dispatch one AKE message (body = reader positioned after the header). */
export function handleAkeMessage(auth: AuthState, h: MessageHeader, body: Reader, ctx: AkeContext): AkeOutput {
  try {
    switch (h.type) {
      case MSG_DH_COMMIT:
        return onDhCommit(auth, h, body, ctx);
      case MSG_DH_KEY:
        return onDhKey(auth, h, body, ctx);
      case MSG_REVEAL_SIGNATURE:
        return onRevealSignature(auth, h, body, ctx);
      case MSG_SIGNATURE:
        return onSignature(auth, h, body, ctx);
      default:
        return ignore(`not an AKE message type ${h.type}`);
    }
  } catch (e) {
    if (e instanceof CodecError) return ignore(e.message);
    throw e;
  }
}

function sendDhKey(auth: AuthState, ctx: AkeContext): Uint8Array {
  auth.lastSent = writeHeader(new Writer(), header(auth, MSG_DH_KEY, ctx)).mpi(auth.ourDh!.pub).bytes();
  return auth.lastSent;
}

/** "Receiving a D-H Commit Message" */
function onDhCommit(auth: AuthState, h: MessageHeader, r: Reader, ctx: AkeContext): AkeOutput {
  const encGx = r.data();
  const hashGx = r.data();
  r.end();
  if (hashGx.length !== 32) return ignore('hashed gx is not 32 bytes');
  switch (auth.state) {
    case 'awaiting-dhkey': {
      // "The symmetry will be broken by comparing the hashed gx you sent … with the one you received"
      if (h.version === auth.version && bytesToBigint(auth.hashGx!) > bytesToBigint(hashGx)) {
        return out(auth.lastSent); // ours is higher: ignore theirs, resend our D-H Commit
      }
      // otherwise forget our gx and behave as in AUTHSTATE_NONE
      return acceptCommit(auth, h, encGx, hashGx, ctx, true);
    }
    case 'awaiting-revealsig':
      // "Retransmit your D-H Key Message (the same one …). Forget the old D-H Commit message"
      if (h.version !== auth.version) return acceptCommit(auth, h, encGx, hashGx, ctx, true);
      auth.encGx = encGx;
      auth.hashGx = hashGx;
      return out(sendDhKey(auth, ctx));
    case 'none':
    case 'awaiting-sig':
      // "Reply with a (new) D-H Key Message, and transition authstate to AUTHSTATE_AWAITING_REVEALSIG"
      return acceptCommit(auth, h, encGx, hashGx, ctx, true);
  }
}

function acceptCommit(
  auth: AuthState,
  h: MessageHeader,
  encGx: Uint8Array,
  hashGx: Uint8Array,
  ctx: AkeContext,
  freshKey: boolean,
): AkeOutput {
  reset(auth);
  auth.version = h.version;
  if (freshKey) auth.ourDh = generateDhKeyPair(ctx.randomBytes); // y, at least 320 bits
  auth.encGx = encGx;
  auth.hashGx = hashGx;
  auth.state = 'awaiting-revealsig';
  return out(sendDhKey(auth, ctx));
}

/** XB / XA = pub ‖ keyid ‖ sig(M), M = SHA256-HMAC_m(first ‖ second ‖ pub ‖ keyid). */
function macOfKeys(m: Uint8Array, first: bigint, second: bigint, pub: Uint8Array, keyid: number): Uint8Array {
  return hmacSha256(m, new Writer().mpi(first).mpi(second).raw(pub).int(keyid).bytes());
}

function buildSignedBlob(
  auth: AuthState,
  ctx: AkeContext,
  m1: Uint8Array,
  c: Uint8Array,
  m2: Uint8Array,
  first: bigint,
  second: bigint,
): { enc: Uint8Array; mac: Uint8Array } {
  const pub = encodePubkey(publicPart(ctx.longTerm));
  const M = macOfKeys(m1, first, second, pub, auth.ourKeyid);
  const X = new Writer().raw(pub).int(auth.ourKeyid).raw(signMac(ctx.longTerm, M, ctx.randomBytes)).bytes();
  const enc = otrAesCtr(c, X); // AES128-CTR with key c (or c'), initial counter 0
  // MAC'd signature: SHA256-HMAC-160 "of the encrypted signature field (including the four-byte length)"
  const mac = hmacSha256_160(m2, new Writer().data(enc).bytes());
  return { enc, mac };
}

/** Check the MAC, decrypt, parse X and verify the signature; null when anything fails. */
function openSignedBlob(
  enc: Uint8Array,
  mac: Uint8Array,
  m1: Uint8Array,
  c: Uint8Array,
  m2: Uint8Array,
  first: bigint,
  second: bigint,
): { pub: DsaPublicKey; keyid: number } | string {
  if (!macEquals(hmacSha256_160(m2, new Writer().data(enc).bytes()), mac)) return 'bad MAC on encrypted signature';
  const x = new Reader(otrAesCtr(c, enc));
  const start = x.offset;
  const pub = readPubkey(x);
  const pubBytes = x.buf.slice(start, x.offset);
  const keyid = x.int();
  const sig = readSig(x, pub);
  x.end();
  if (keyid === 0) return 'keyid must be greater than 0';
  if (!verifyMac(pub, macOfKeys(m1, first, second, pubBytes, keyid), sig)) return 'bad signature';
  return { pub, keyid };
}

/** "Receiving a D-H Key Message" */
function onDhKey(auth: AuthState, h: MessageHeader, r: Reader, ctx: AkeContext): AkeOutput {
  const gy = r.mpi();
  r.end();
  if (h.version !== auth.version) return ignore('D-H Key for another protocol version');
  if (auth.state === 'awaiting-sig') {
    // "If this D-H Key message is the same the one you received earlier: Retransmit your Reveal Signature"
    return gy === auth.theirPub ? out(auth.lastSent) : ignore('different D-H Key while awaiting Signature');
  }
  if (auth.state !== 'awaiting-dhkey') return ignore(`D-H Key in authstate ${auth.state}`);
  if (!isLegalDhPublic(gy)) return ignore('illegal gy');
  const x = auth.ourDh!;
  const s = dhSharedSecret(x, gy); // s = (gy)^x
  const keys = deriveAkeKeys(s);
  // MB = MAC_m1(gx, gy, pubB, keyidB); XB = pubB, keyidB, sigB(MB); send r, AES_c(XB), MAC_m2(AES_c(XB))
  const { enc, mac } = buildSignedBlob(auth, ctx, keys.m1, keys.c, keys.m2, x.pub, gy);
  auth.theirPub = gy;
  auth.keys = keys;
  auth.s = s;
  auth.state = 'awaiting-sig';
  auth.lastSent = writeHeader(new Writer(), header(auth, MSG_REVEAL_SIGNATURE, ctx))
    .data(auth.r!)
    .data(enc)
    .mac(mac)
    .bytes();
  return out(auth.lastSent);
}

/** "Receiving a Reveal Signature Message" (we are Alice, holding y). */
function onRevealSignature(auth: AuthState, h: MessageHeader, r: Reader, ctx: AkeContext): AkeOutput {
  const revealedR = r.data();
  const enc = r.data();
  const mac = r.mac();
  r.end();
  if (auth.state !== 'awaiting-revealsig') return ignore(`Reveal Signature in authstate ${auth.state}`);
  if (h.version !== auth.version) return ignore('Reveal Signature for another protocol version');
  if (revealedR.length !== 16) return ignore('r is not 128 bits');
  // Use r to decrypt gx, verify HASH(gx), verify 2 <= gx <= modulus-2
  const gxmpi = otrAesCtr(revealedR, auth.encGx!);
  if (!macEquals(sha256(gxmpi), auth.hashGx!)) return ignore('hash of gx does not match the commitment');
  const gr = new Reader(gxmpi);
  const gx = gr.mpi();
  gr.end();
  if (!isLegalDhPublic(gx)) return ignore('illegal gx');
  const y = auth.ourDh!;
  const s = dhSharedSecret(y, gx);
  const keys = deriveAkeKeys(s);
  const opened = openSignedBlob(enc, mac, keys.m1, keys.c, keys.m2, gx, y.pub);
  if (typeof opened === 'string') return ignore(opened);
  // MA = MAC_m1'(gy, gx, pubA, keyidA); XA = pubA, keyidA, sigA(MA); send AES_c'(XA), MAC_m2'(AES_c'(XA))
  const signed = buildSignedBlob(auth, ctx, keys.m1Prime, keys.cPrime, keys.m2Prime, y.pub, gx);
  const send = writeHeader(new Writer(), header(auth, MSG_SIGNATURE, ctx)).data(signed.enc).mac(signed.mac).bytes();
  const done: AkeResult = {
    version: auth.version,
    s,
    ssid: keys.ssid,
    ssidHalf: 'second',
    ourKeyid: auth.ourKeyid,
    ourDh: y,
    theirKeyid: opened.keyid,
    theirPub: gx,
    theirLongTerm: opened.pub,
  };
  reset(auth); // authstate → NONE
  return out(send, done);
}

/** "Receiving a Signature Message" (we are Bob, holding x). */
function onSignature(auth: AuthState, h: MessageHeader, r: Reader, _ctx: AkeContext): AkeOutput {
  const enc = r.data();
  const mac = r.mac();
  r.end();
  if (auth.state !== 'awaiting-sig') return ignore(`Signature in authstate ${auth.state}`);
  if (h.version !== auth.version) return ignore('Signature for another protocol version');
  const keys = auth.keys!;
  const x = auth.ourDh!;
  const gy = auth.theirPub!;
  const opened = openSignedBlob(enc, mac, keys.m1Prime, keys.cPrime, keys.m2Prime, gy, x.pub);
  if (typeof opened === 'string') return ignore(opened);
  const done: AkeResult = {
    version: auth.version,
    s: auth.s!,
    ssid: keys.ssid,
    ssidHalf: 'first',
    ourKeyid: auth.ourKeyid,
    ourDh: x,
    theirKeyid: opened.keyid,
    theirPub: gy,
    theirLongTerm: opened.pub,
  };
  reset(auth);
  return out(null, done);
}
