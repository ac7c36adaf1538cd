/**
 * One OMEMO 2 device (XEP-0384 0.8) with the behaviour of python-omemo 1.0.2's `SessionManager`
 * over python-twomemo 1.0.3, sans-I/O: the state is plain data, randomness is injected, and every
 * function returns what to publish or send instead of doing it.
 *
 *  - Creation: an Ed25519 identity (seed), a signed pre key (id 1) and 100 pre keys (ids 1–100),
 *    a device id in 1 … 2^31 − 1 (python: `randbelow(2**31 - 2) + 1`).
 *  - The directory is what PEP told us: device lists and bundles per bare JID.
 *  - Encrypting (XEP-0384 §"Sending a message"): one payload key; every device of every recipient
 *    and of our own account (not this device) whose identity key is trusted gets key ‖ tag through
 *    its Double Ratchet; a device without a session first gets an X3DH key exchange from its bundle.
 *    "Clients MUST … include the key exchange … until they receive a message from the other
 *    device" — python repeats the *same* key exchange on every message until the session is
 *    confirmed by a decrypted reply.
 *  - Decrypting (§"Receiving a message"): the `<key>` for our JID and device id; a key exchange that
 *    matches our passive session (same ik, ek, spk id, pk id) continues it, any other builds a new
 *    one (X3DH passive, by the ids) and consumes the pre key, which is replaced and the bundle
 *    republished. After a key exchange, and when more than 53 messages arrived without an answer,
 *    an empty OMEMO message goes back (python's "session completion or staleness prevention").
 *  - Empty messages: no `<payload>`; the ratchet carries 32 zero bytes, no tag.
 * A peer's bad input never throws: it comes back as `{ error, kind }`.
 * @module
 */
import { toHex } from '../bytes/hex';
import { openPayload, sealPayload } from './aead';
import { identityFromSeed, makeSignedPreKey, x25519Pair, type IdentityKey, type PreKey, type SignedPreKey } from './keys';
import { decodeAuthenticatedMessage, decodeKeyExchange, decodeOmemoMessage, encodeAuthenticatedMessage, encodeKeyExchange, isDecodeError } from './protobuf';
import { initActive, initPassive, ratchetDecrypt, ratchetEncrypt, type RatchetState } from './ratchet';
import { decideUndecided, isTrusted, trustOf, setTrust, type TrustLevel, type TrustPolicy, type TrustStore } from './trust';
import { x3dhActive, x3dhPassive, type Bundle, type KeyExchangeHeader } from './x3dh';
import type { DeviceListEntry, OmemoEncrypted, OmemoKeyElement } from './xml';

export type Random = (n: number) => Uint8Array;

/** python-omemo: refill to 100 as soon as one is used. */
const PRE_KEY_COUNT = 100;
/** python-omemo's STALENESS_MAGIC_NUMBER: answer with an empty message after this many received. */
const STALENESS = 53;
const EMPTY_KEY = new Uint8Array(32);

export interface OmemoSession {
  jid: string;
  deviceId: number;
  /** active: we sent the key exchange; passive: we received it */
  initiation: 'active' | 'passive';
  /** a message from the other side was decrypted (the active side stops sending the key exchange) */
  confirmed: boolean;
  kex: KeyExchangeHeader;
  /** IK_initiator ‖ IK_responder (Ed25519), 64 bytes */
  ad: Uint8Array;
  ratchet: RatchetState;
}

export interface DirectoryEntry {
  devices: DeviceListEntry[];
  /** by device id */
  bundles: Record<string, Bundle>;
}

export interface OmemoDevice {
  jid: string;
  deviceId: number;
  label: string | null;
  identity: IdentityKey;
  spk: SignedPreKey;
  /** kept one more period after a rotation, for key exchanges in flight */
  oldSpk: SignedPreKey | null;
  preKeys: PreKey[];
  nextPreKeyId: number;
  /** what PEP told us, by bare JID */
  directory: Record<string, DirectoryEntry>;
  /** by `${jid}/${deviceId}` */
  sessions: Record<string, OmemoSession>;
  trust: TrustStore;
  policy: TrustPolicy;
}

export type OmemoErrorKind =
  | 'no-eligible-devices'
  | 'still-undecided'
  | 'message-not-for-us'
  | 'sender-not-found'
  | 'sender-distrusted'
  | 'public-data-inconsistency'
  | 'no-session'
  | 'key-exchange-failed'
  | 'decryption-failed'
  | 'malformed';

export interface OmemoError {
  error: string;
  kind: OmemoErrorKind;
}

const fail = (kind: OmemoErrorKind, error: string): OmemoError => ({ kind, error });
export const isOmemoError = (r: object): r is OmemoError => 'error' in r && 'kind' in r;

const sessionKey = (jid: string, deviceId: number): string => `${jid}/${deviceId}`;

function newPreKeys(first: number, count: number, random: Random): PreKey[] {
  return Array.from({ length: count }, (_, i) => ({ id: first + i, ...x25519Pair(random(32)) }));
}

/** An integer in [0, n) from 6 random bytes (n ≤ 2^31: the bias is below 2^-17). */
function randomBelow(n: number, random: Random): number {
  const b = random(6);
  let v = 0;
  for (const x of b) v = v * 256 + x;
  return v % n;
}

export interface CreateOptions {
  jid: string;
  label?: string | null;
  deviceId?: number;
  identitySeed?: Uint8Array;
  policy?: TrustPolicy;
}

export function createDevice(o: CreateOptions, random: Random): OmemoDevice {
  const identity = identityFromSeed(o.identitySeed ?? random(32));
  const deviceId = o.deviceId ?? randomBelow(2 ** 31 - 2, random) + 1;
  const spk = makeSignedPreKey(identity, 1, random(32));
  const dev: OmemoDevice = {
    jid: o.jid,
    deviceId,
    label: o.label ?? null,
    identity,
    spk,
    oldSpk: null,
    preKeys: newPreKeys(1, PRE_KEY_COUNT, random),
    nextPreKeyId: PRE_KEY_COUNT + 1,
    directory: {},
    sessions: {},
    trust: {},
    policy: o.policy ?? 'btbv',
  };
  // our own device is in our own device list
  dev.directory[o.jid] = { devices: [{ id: deviceId, label: dev.label }], bundles: { [deviceId]: ownBundle(dev) } };
  return dev;
}

/** What we publish at `urn:xmpp:omemo:2:bundles`, item `deviceId`. */
export function ownBundle(dev: OmemoDevice): Bundle {
  return {
    ik: dev.identity.edPub,
    spkId: dev.spk.id,
    spk: dev.spk.pub,
    spks: dev.spk.sig,
    preKeys: dev.preKeys.map((p) => ({ id: p.id, pk: p.pub })),
  };
}

/** What we publish at `urn:xmpp:omemo:2:devices`, item `current`. */
export const ownDeviceList = (dev: OmemoDevice): DeviceListEntry[] => dev.directory[dev.jid]?.devices ?? [];

/** A new signed pre key; the old one stays usable for one more period. */
export function rotateSignedPreKey(dev: OmemoDevice, random: Random): void {
  dev.oldSpk = dev.spk;
  dev.spk = makeSignedPreKey(dev.identity, dev.spk.id + 1, random(32));
}

function entry(dev: OmemoDevice, jid: string): DirectoryEntry {
  return (dev.directory[jid] ??= { devices: [], bundles: {} });
}

/** A device list arrived through PEP (+notify or a retrieval). Our own id stays in our own list. */
export function updateDeviceList(dev: OmemoDevice, jid: string, devices: DeviceListEntry[]): void {
  const e = entry(dev, jid);
  e.devices = devices.map((d) => ({ ...d }));
  if (jid === dev.jid && !e.devices.some((d) => d.id === dev.deviceId)) e.devices.push({ id: dev.deviceId, label: dev.label });
}

/** A bundle arrived through PEP; a device missing from the list is added (the python peer does the same). */
export function addBundle(dev: OmemoDevice, jid: string, deviceId: number, bundle: Bundle, label: string | null = null): void {
  const e = entry(dev, jid);
  e.bundles[deviceId] = bundle;
  if (!e.devices.some((d) => d.id === deviceId)) e.devices.push({ id: deviceId, label });
}

/** The identity key we know for a device: from its session, else from its bundle. */
export function knownIdentityKey(dev: OmemoDevice, jid: string, deviceId: number): Uint8Array | null {
  const s = dev.sessions[sessionKey(jid, deviceId)];
  if (s) return s.initiation === 'active' ? s.ad.subarray(32) : s.ad.subarray(0, 32);
  return dev.directory[jid]?.bundles[deviceId]?.ik ?? null;
}

export interface TrustDecision {
  jid: string;
  deviceId: number;
  ik: Uint8Array;
  level: TrustLevel;
}

export interface EncryptResult {
  message: OmemoEncrypted;
  /** undecided keys met on the way and what the policy made of them */
  decisions: TrustDecision[];
  /** devices left out, with why (no bundle, a bad bundle): python's non-critical EncryptionError */
  skipped: { jid: string; deviceId: number; why: string }[];
}

function keyElement(s: OmemoSession, plain: Uint8Array): OmemoKeyElement {
  const { message } = ratchetEncrypt(s.ratchet, plain, s.ad);
  if (s.initiation === 'active' && !s.confirmed) {
    const inner = decodeAuthenticatedMessage(message);
    if (isDecodeError(inner)) throw new Error('omemo: our own message does not decode');
    return { jid: s.jid, rid: s.deviceId, kex: true, data: encodeKeyExchange({ ...s.kex, message: inner }) };
  }
  return { jid: s.jid, rid: s.deviceId, kex: false, data: message };
}

/** X3DH as initiator with the bundle, then the first ratchet message. */
function buildActive(dev: OmemoDevice, jid: string, deviceId: number, bundle: Bundle, random: Random): OmemoSession | string {
  const pkIndex = bundle.preKeys.length ? randomBelow(bundle.preKeys.length, random) : 0;
  let x;
  try {
    x = x3dhActive(dev.identity, bundle, pkIndex, random(32));
  } catch {
    return 'the bundle holds an invalid key';
  }
  if ('error' in x) return x.error;
  return { jid, deviceId, initiation: 'active', confirmed: false, kex: x.header, ad: x.ad, ratchet: initActive(x.sk, x.spk, random(32)) };
}

/**
 * Encrypt `plaintext` (the SCE envelope's bytes; null: an empty OMEMO message) for the bare JIDs
 * in `to` and our own other devices. Mutates `dev` (sessions, trust decisions).
 */
export function encryptMessage(dev: OmemoDevice, to: string[], plaintext: Uint8Array | null, random: Random): EncryptResult | OmemoError {
  const jids = [...new Set([...to, dev.jid])];
  const decisions: TrustDecision[] = [];
  const skipped: EncryptResult['skipped'] = [];
  const targets: { jid: string; deviceId: number; bundle: Bundle | null; session: OmemoSession | null }[] = [];
  const undecided: TrustDecision[] = [];
  for (const jid of jids) {
    for (const d of dev.directory[jid]?.devices ?? []) {
      if (jid === dev.jid && d.id === dev.deviceId) continue;
      const session = dev.sessions[sessionKey(jid, d.id)] ?? null;
      const bundle = dev.directory[jid]?.bundles[d.id] ?? null;
      const ik = knownIdentityKey(dev, jid, d.id);
      if (!ik) {
        skipped.push({ jid, deviceId: d.id, why: 'no bundle known' });
        continue;
      }
      let level = trustOf(dev.trust, jid, ik);
      if (level === 'undecided') {
        level = decideUndecided(dev.trust, dev.policy, jid);
        if (level !== 'undecided') setTrust(dev.trust, jid, ik, level);
        const decision = { jid, deviceId: d.id, ik, level };
        decisions.push(decision);
        if (level === 'undecided') undecided.push(decision);
      }
      if (isTrusted(level)) targets.push({ jid, deviceId: d.id, bundle, session });
    }
  }
  if (undecided.length) return fail('still-undecided', `undecided devices: ${undecided.map((u) => `${u.jid}/${u.deviceId}`).join(', ')}`);
  const payloadKey = plaintext ? random(32) : null;
  const sealed = plaintext && payloadKey ? sealPayload(payloadKey, plaintext) : null;
  const plain = sealed ? sealed.keyAndTag : EMPTY_KEY;
  const keys: OmemoKeyElement[] = [];
  for (const t of targets) {
    let s = t.session;
    if (!s) {
      const built = t.bundle ? buildActive(dev, t.jid, t.deviceId, t.bundle, random) : 'no bundle known';
      if (typeof built === 'string') {
        skipped.push({ jid: t.jid, deviceId: t.deviceId, why: built });
        continue;
      }
      s = dev.sessions[sessionKey(t.jid, t.deviceId)] = built;
    }
    keys.push(keyElement(s, plain));
  }
  const missing = to.filter((j) => j !== dev.jid && !keys.some((k) => k.jid === j));
  if (missing.length) return fail('no-eligible-devices', `no device to encrypt to for ${missing.join(', ')}`);
  return { message: { sid: dev.deviceId, keys, payload: sealed ? sealed.ciphertext : null }, decisions, skipped };
}

export interface DecryptResult {
  /** the payload's plaintext, null for an empty OMEMO message */
  plaintext: Uint8Array | null;
  sender: { jid: string; deviceId: number; ik: Uint8Array; trust: TrustLevel };
  /** the message carried a key exchange */
  keyExchange: boolean;
  /** a pre key was used up and replaced: publish our bundle again */
  publishBundle: boolean;
  /** the empty message to send back to the sender (key exchange completion or staleness) */
  reply: OmemoEncrypted | null;
  /** the ratchet made a DH step on this message */
  dhStep: boolean;
}

/** X3DH as responder from a key exchange, by the SPK and pre key ids it names. */
function buildPassive(dev: OmemoDevice, from: string, sid: number, kx: KeyExchangeHeader, dhPub: Uint8Array, random: Random): OmemoSession | OmemoError {
  const spk = dev.spk.id === kx.spkId ? dev.spk : dev.oldSpk?.id === kx.spkId ? dev.oldSpk : null;
  if (!spk) return fail('key-exchange-failed', `no signed pre key with id ${kx.spkId} known`);
  const pk = dev.preKeys.find((p) => p.id === kx.pkId);
  if (!pk) return fail('key-exchange-failed', `no pre key with id ${kx.pkId} known`);
  try {
    const { sk, ad } = x3dhPassive(dev.identity, kx, spk, pk);
    return { jid: from, deviceId: sid, initiation: 'passive', confirmed: false, kex: kx, ad, ratchet: initPassive(sk, spk, dhPub, random(32)) };
  } catch {
    return fail('key-exchange-failed', 'the key exchange holds an invalid key');
  }
}

const sameKex = (a: KeyExchangeHeader, b: KeyExchangeHeader): boolean =>
  a.spkId === b.spkId && a.pkId === b.pkId && toHex(a.ik) === toHex(b.ik) && toHex(a.ek) === toHex(b.ek);

/** Decrypt a message from `from` (bare JID). Mutates `dev` only on success. */
export function decryptMessage(dev: OmemoDevice, from: string, m: OmemoEncrypted, random: Random): DecryptResult | OmemoError {
  const mine = m.keys.find((k) => k.jid === dev.jid && k.rid === dev.deviceId);
  if (!mine) return fail('message-not-for-us', 'no <key/> for this device');
  if (!dev.directory[from]?.devices.some((d) => d.id === m.sid)) return fail('sender-not-found', `device ${m.sid} is not in ${from}'s device list`);
  const known = knownIdentityKey(dev, from, m.sid);
  let authenticated = mine.data;
  let kx: KeyExchangeHeader | null = null;
  if (mine.kex) {
    const k = decodeKeyExchange(mine.data);
    if (isDecodeError(k)) return fail('malformed', k.error);
    kx = { ik: k.ik, ek: k.ek, spkId: k.spkId, pkId: k.pkId };
    // python re-serializes the inner OMEMOAuthenticatedMessage (canonical bytes; the MAC covers only `message`)
    authenticated = encodeAuthenticatedMessage(k.message);
  }
  const ik = kx?.ik ?? known;
  if (!ik) return fail('sender-not-found', `no identity key known for ${from}/${m.sid}`);
  if (kx && known && toHex(known) !== toHex(kx.ik)) return fail('public-data-inconsistency', 'the key exchange names another identity key than the bundle');
  const trust = trustOf(dev.trust, from, ik);
  if (trust === 'distrusted') return fail('sender-distrusted', 'the sending device is distrusted');
  const am = decodeAuthenticatedMessage(authenticated);
  if (isDecodeError(am)) return fail('malformed', am.error);
  const om = decodeOmemoMessage(am.message);
  if (isDecodeError(om)) return fail('malformed', om.error);
  const header = { dhPub: om.dhPub, pn: om.pn, n: om.n };

  const key = sessionKey(from, m.sid);
  let session = dev.sessions[key] ?? null;
  let fresh = false;
  if (kx && !(session && session.initiation === 'passive' && sameKex(session.kex, kx))) {
    const built = buildPassive(dev, from, m.sid, kx, header.dhPub, random);
    if (isOmemoError(built)) return built;
    session = built;
    fresh = true;
  }
  if (!session) return fail('no-session', 'no session with the sending device and no key exchange in the message');
  const r = ratchetDecrypt(session.ratchet, header, authenticated, session.ad, () => random(32));
  if ('error' in r) return fail('decryption-failed', r.error);
  let plaintext: Uint8Array | null = null;
  if (m.payload) {
    const p = openPayload(r.plaintext, m.payload);
    if (!(p instanceof Uint8Array)) return fail('decryption-failed', p.error);
    plaintext = p;
  }
  // success: commit
  const committed: OmemoSession = { ...session, ratchet: r.state, confirmed: session.confirmed || !fresh };
  dev.sessions[key] = committed;
  let publishBundle = false;
  if (kx) {
    const i = dev.preKeys.findIndex((p) => p.id === kx!.pkId);
    if (i >= 0) {
      // the pre key is used up: delete it and refill to 100 (python: refill threshold 99)
      dev.preKeys.splice(i, 1);
      const count = PRE_KEY_COUNT - dev.preKeys.length;
      dev.preKeys.push(...newPreKeys(dev.nextPreKeyId, count, random));
      dev.nextPreKeyId += count;
      publishBundle = true;
      const own = dev.directory[dev.jid];
      if (own) own.bundles[dev.deviceId] = ownBundle(dev);
    }
  }
  const reply = kx || committed.ratchet.recvN > STALENESS ? emptyMessage(dev, committed) : null;
  return { plaintext, sender: { jid: from, deviceId: m.sid, ik, trust }, keyExchange: !!kx, publishBundle, reply, dhStep: r.dhStep };
}

/** An empty OMEMO message to one device (no payload, 32 zero bytes through the ratchet). */
function emptyMessage(dev: OmemoDevice, s: OmemoSession): OmemoEncrypted {
  return { sid: dev.deviceId, keys: [keyElement(s, EMPTY_KEY)], payload: null };
}
