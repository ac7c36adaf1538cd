/**
 * Data Messages and D-H key rotation (OTR v3 spec: "Data Message", "Key Management" — "When you
 * send a Data Message", "When you receive a Data Message", "Upon completing the AKE" — and
 * "Revealing MAC keys"). Sending: sender keyid = our_keyid-1, recipient keyid = their_keyid, DH y =
 * our_dh[our_keyid].pub, keys from our_dh[our_keyid-1] and their_y[their_keyid]; AES-128-CTR with
 * the counter's top half = ctr; SHA1-HMAC over everything from the version to the end of the
 * encrypted message. Receiving: select keys by keyid, verify the MAC, require ctr to increase,
 * decrypt, then rotate. Retired receiving MAC keys that were used are revealed in the next message.
 * @module
 */
import { otrAesCtr } from '../crypto/otr-aes-ctr';
import { hmacSha1, macEquals } from '../crypto/otr-mac';
import { bigintToFixed, bytesToBigint, CodecError, Reader, Writer } from './codec';
import { dhSharedSecret, generateDhKeyPair, isLegalDhPublic, type DhKeyPair } from './dh';
import { deriveSessionKeys } from './keys';
import { MSG_DATA, writeHeader, type MessageHeader, type OtrVersion } from './wire';
import type { AkeResult } from './ake';

/** IGNORE_UNREADABLE (0x01): "just ignore the message instead of producing some kind of error". */
export const FLAG_IGNORE_UNREADABLE = 0x01;

/** Keys for one (our key, their key) pair — libotr's DH_sesskeys. */
export interface SessKeys {
  ourKeyid: number;
  theirKeyid: number;
  sendenc: Uint8Array;
  sendmac: Uint8Array;
  rcvenc: Uint8Array;
  rcvmac: Uint8Array;
  extraKey: Uint8Array;
  /** last counter top half we sent / received with this pair */
  sendctr: bigint;
  rcvctr: bigint;
  /** "you only need to take MAC keys that were actually used to verify a MAC" */
  rcvmacUsed: boolean;
}

/** Per-correspondent key state: our_dh[our_keyid], our_dh[our_keyid-1], their_y[…] and the pairs. */
export interface DataKeys {
  ourKeyid: number;
  /** our_dh[our_keyid] (most recent) */
  ourDh: DhKeyPair;
  /** our_dh[our_keyid-1] (previous) */
  ourOldDh: DhKeyPair | null;
  theirKeyid: number;
  /** their_y[their_keyid] */
  theirY: bigint;
  /** their_y[their_keyid-1], NULL after a fresh AKE */
  theirOldY: bigint | null;
  /** sess[i][j]: i = 0 our_keyid, 1 our_keyid-1; j = 0 their_keyid, 1 their_keyid-1 (computed lazily) */
  sess: (SessKeys | null)[][];
  /** receiving MAC keys to reveal in the next Data Message we send */
  oldMacKeys: Uint8Array[];
}

const emptySess = (): (SessKeys | null)[][] => [
  [null, null],
  [null, null],
];

/** "Upon completing the AKE" (and "When starting a private conversation … set our_keyid = 2"). */
export function keysAfterAke(prev: DataKeys | null, ake: AkeResult, randomBytes: (n: number) => Uint8Array): DataKeys {
  const keepOurs = !!prev && prev.ourKeyid - 1 === ake.ourKeyid && prev.ourOldDh?.pub === ake.ourDh.pub;
  const keepTheirs =
    !!prev &&
    ((ake.theirKeyid === prev.theirKeyid && ake.theirPub === prev.theirY) ||
      (ake.theirKeyid === prev.theirKeyid - 1 && ake.theirPub === prev.theirOldY));
  const k: DataKeys =
    keepOurs && prev
      ? { ...prev, sess: keepTheirs ? prev.sess : emptySess() }
      : {
          ourKeyid: ake.ourKeyid + 1,
          ourDh: generateDhKeyPair(randomBytes),
          ourOldDh: ake.ourDh,
          theirKeyid: 0,
          theirY: 0n,
          theirOldY: null,
          sess: emptySess(),
          oldMacKeys: prev?.oldMacKeys ?? [],
        };
  if (!keepTheirs) {
    // "forget all values of their_y[] … set their_keyid to the keyid value given in the AKE messages"
    k.theirKeyid = ake.theirKeyid;
    k.theirY = ake.theirPub;
    k.theirOldY = null;
    k.sess = emptySess();
  }
  // The first data message uses exactly the AKE's pair (our_dh[our_keyid-1], their_y[their_keyid]):
  // its shared secret is the AKE's s, so reuse it instead of a second 1536-bit modexp (~1 ms a side).
  const first = k.sess[1];
  if (first && !first[0] && k.ourOldDh?.pub === ake.ourDh.pub && k.theirY === ake.theirPub) {
    first[0] = newSessKeys(k, 1, 0, ake.s, ake.ourDh, ake.theirPub);
  }
  return k;
}

function newSessKeys(k: DataKeys, i: number, j: number, secret: bigint, ours: DhKeyPair, theirs: bigint): SessKeys {
  return {
    ourKeyid: k.ourKeyid - i,
    theirKeyid: k.theirKeyid - j,
    ...deriveSessionKeys(secret, ours.pub, theirs),
    sendctr: 0n,
    rcvctr: 0n,
    rcvmacUsed: false,
  };
}

function sessFor(k: DataKeys, i: number, j: number): SessKeys | null {
  const row = k.sess[i];
  if (!row) return null;
  const cached = row[j];
  if (cached) return cached;
  const ours = i === 0 ? k.ourDh : k.ourOldDh;
  const theirs = j === 0 ? k.theirY : k.theirOldY;
  if (!ours || theirs === null) return null;
  // one 1536-bit modexp per new key pair
  const s = newSessKeys(k, i, j, dhSharedSecret(ours, theirs), ours, theirs);
  row[j] = s;
  return s;
}

/** The keys "When you send a Data Message" uses: our_dh[our_keyid-1] with their_y[their_keyid]. */
export function sendingSessKeys(k: DataKeys): SessKeys {
  const s = sessFor(k, 1, 0);
  if (!s) throw new Error('otr/data-message: no previous DH key to send with');
  return s;
}

export interface DataMessageFields {
  header: MessageHeader;
  flags: number;
  senderKeyid: number;
  recipientKeyid: number;
  nextDh: bigint;
  ctr: Uint8Array;
  encrypted: Uint8Array;
  mac: Uint8Array;
  oldMacKeys: Uint8Array[];
  /** bytes from the protocol version to the end of the encrypted message (what the MAC covers) */
  authenticated: Uint8Array;
}

/** Parse a Data Message (reader positioned after the header); CodecError when malformed. */
export function parseDataMessage(header: MessageHeader, r: Reader): DataMessageFields {
  const flags = r.byte();
  const senderKeyid = r.int();
  const recipientKeyid = r.int();
  const nextDh = r.mpi();
  const ctr = r.ctr();
  const encrypted = r.data();
  const authenticated = r.buf.slice(0, r.offset);
  const mac = r.mac();
  const old = r.data();
  r.end();
  if (old.length % 20 !== 0) throw new CodecError('revealed MAC keys are not a multiple of 20 bytes');
  const oldMacKeys: Uint8Array[] = [];
  for (let i = 0; i < old.length; i += 20) oldMacKeys.push(old.slice(i, i + 20));
  return { header, flags, senderKeyid, recipientKeyid, nextDh, ctr, encrypted, mac, oldMacKeys, authenticated };
}

export interface SealInput {
  version: OtrVersion;
  ourInstance: number;
  theirInstance: number;
  flags: number;
  plaintext: Uint8Array;
}

export interface Sealed {
  binary: Uint8Array;
  senderKeyid: number;
  recipientKeyid: number;
  ctr: Uint8Array;
  /** the sending AES/MAC keys used, for the inspector and the toolkit tests */
  sendenc: Uint8Array;
  sendmac: Uint8Array;
  extraKey: Uint8Array;
  revealed: Uint8Array[];
}

/** "When you send a Data Message" — mutates the counters and empties oldMacKeys. */
export function sealDataMessage(k: DataKeys, input: SealInput): Sealed {
  const s = sendingSessKeys(k);
  // "Picks a value of the counter, ctr, so that the triple (keyA, keyB, ctr) is never the same"
  s.sendctr += 1n;
  const ctr = bigintToFixed(s.sendctr, 8);
  const encrypted = otrAesCtr(s.sendenc, input.plaintext, ctr);
  const w = writeHeader(new Writer(), {
    version: input.version,
    type: MSG_DATA,
    senderInstance: input.ourInstance,
    receiverInstance: input.theirInstance,
  })
    .byte(input.flags)
    .int(k.ourKeyid - 1) // sender keyid
    .int(k.theirKeyid) // recipient keyid
    .mpi(k.ourDh.pub) // DH y: the *next* key, our_dh[our_keyid]
    .ctr(ctr)
    .data(encrypted);
  const authenticated = w.bytes();
  const mac = hmacSha1(s.sendmac, authenticated);
  const revealed = k.oldMacKeys;
  k.oldMacKeys = [];
  const old = new Writer();
  for (const m of revealed) old.raw(m);
  const binary = new Writer().raw(authenticated).mac(mac).data(old.bytes()).bytes();
  return {
    binary,
    senderKeyid: k.ourKeyid - 1,
    recipientKeyid: k.theirKeyid,
    ctr,
    sendenc: s.sendenc,
    sendmac: s.sendmac,
    extraKey: s.extraKey,
    revealed,
  };
}

/** The receiving keys of one (sender key, recipient key) pair: what opens a Data Message sent with it. */
export interface ReceivingKeys {
  rcvenc: Uint8Array;
  rcvmac: Uint8Array;
}

export type DecryptResult = { ok: true; plaintext: Uint8Array; ctr: bigint } | { ok: false; reason: 'bad MAC' | 'counter did not increase' };

/**
 * Open a received Data Message with the keys of its pair — the one place that does ("When you receive
 * a Data Message"): verify the MAC over the authenticated part, require the counter to be strictly
 * larger than `lastCtr` (null: the reader keeps no counters, as an observer with stolen keys), then
 * AES-128-CTR. Pure: it changes nothing; the caller records the counter and rotates keys.
 */
export function decryptDataMessage(keys: ReceivingKeys, m: DataMessageFields, lastCtr: bigint | null): DecryptResult {
  // "Use the receiving MAC key to verify the MAC on the message. If it does not verify, reject."
  if (!macEquals(hmacSha1(keys.rcvmac, m.authenticated), m.mac)) return { ok: false, reason: 'bad MAC' };
  // "Check that the counter in the Data message is strictly larger than the last counter you saw using this pair"
  const ctr = bytesToBigint(m.ctr);
  if (lastCtr !== null && ctr <= lastCtr) return { ok: false, reason: 'counter did not increase' };
  // "Decrypt the message using the receiving AES key" (the counter's top half is ctr, the rest 0)
  return { ok: true, plaintext: otrAesCtr(keys.rcvenc, m.encrypted, m.ctr), ctr };
}

export type OpenResult =
  | {
      ok: true;
      plaintext: Uint8Array;
      senderKeyid: number;
      recipientKeyid: number;
      rcvenc: Uint8Array;
      rcvmac: Uint8Array;
      extraKey: Uint8Array;
      rotatedOurs: boolean;
      rotatedTheirs: boolean;
    }
  | { ok: false; reason: string };

/**
 * "When you receive a Data Message", for a session's key state: pick the pair by keyid, open the
 * message (decryptDataMessage), then record the counter and rotate. Nothing in `k` changes unless the
 * message verifies.
 */
export function openDataMessage(k: DataKeys, m: DataMessageFields, randomBytes: (n: number) => Uint8Array): OpenResult {
  const fail = (reason: string): OpenResult => ({ ok: false, reason });
  if (m.senderKeyid === 0 || m.recipientKeyid === 0) return fail('keyid 0');
  // "If the keyids do not represent either the most recent key or the previous key … reject"
  const i = k.ourKeyid - m.recipientKeyid;
  const j = k.theirKeyid - m.senderKeyid;
  if ((i !== 0 && i !== 1) || (j !== 0 && j !== 1)) return fail('unknown keyids');
  if (j === 1 && k.theirOldY === null) return fail('sender keyid is their_keyid-1 but their_y[their_keyid-1] is NULL');
  const wasCached = !!k.sess[i]?.[j];
  const s = sessFor(k, i, j);
  if (!s) return fail('no keys for these keyids');
  const undo = () => {
    if (!wasCached) k.sess[i]![j] = null;
  };
  const opened = decryptDataMessage(s, m, s.rcvctr);
  if (!opened.ok) return undo(), fail(opened.reason);
  const rotatesTheirs = m.senderKeyid === k.theirKeyid;
  if (rotatesTheirs && !isLegalDhPublic(m.nextDh)) return undo(), fail('illegal next DH key');
  s.rcvctr = opened.ctr;
  s.rcvmacUsed = true;
  const result: OpenResult = {
    ok: true,
    plaintext: opened.plaintext,
    senderKeyid: m.senderKeyid,
    recipientKeyid: m.recipientKeyid,
    rcvenc: s.rcvenc,
    rcvmac: s.rcvmac,
    extraKey: s.extraKey,
    rotatedOurs: false,
    rotatedTheirs: false,
  };
  // "Finally, check if keys need rotation"
  if (m.recipientKeyid === k.ourKeyid) {
    // "securely forget our_dh[our_keyid-1], increment our_keyid, set our_dh[our_keyid] to a new pair"
    reveal(k, [k.sess[1]?.[0], k.sess[1]?.[1]]);
    k.sess = [[null, null], k.sess[0] ?? [null, null]];
    k.ourOldDh = k.ourDh;
    k.ourDh = generateDhKeyPair(randomBytes);
    k.ourKeyid += 1;
    result.rotatedOurs = true;
  }
  if (rotatesTheirs) {
    // "increment their_keyid, and set their_y[their_keyid] to the new DH pubkey"
    reveal(k, [k.sess[0]?.[1], k.sess[1]?.[1]]);
    k.sess = k.sess.map((row) => [null, row[0] ?? null]);
    k.theirOldY = k.theirY;
    k.theirY = m.nextDh;
    k.theirKeyid += 1;
    result.rotatedTheirs = true;
  }
  return result;
}

/** "Revealing MAC keys": receiving MAC keys of a retired pair that were used go into oldMacKeys. */
function reveal(k: DataKeys, pairs: (SessKeys | null | undefined)[]): void {
  for (const s of pairs) if (s?.rcvmacUsed) k.oldMacKeys.push(s.rcvmac);
}
