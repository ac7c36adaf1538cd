/**
 * One OTR conversation with one correspondent (OTR v3 spec, "The protocol state machine"):
 * msgstate (plaintext / encrypted / finished), the policies (ALLOW_V2, ALLOW_V3, REQUIRE_ENCRYPTION,
 * SEND_WHITESPACE_TAG, WHITESPACE_START_AKE, ERROR_START_AKE), instance tags, version negotiation
 * (3 preferred, then 2), and the twelve actions the spec lists: nine kinds of received message and
 * three user actions. Sans-I/O: each function mutates the plain-data `OtrSession` and returns the
 * texts to send and the events to record. A peer's bad input never throws; our misuse does.
 * @module
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { armor, CodecError, dearmor, Reader, bytesToBigint } from './codec';
import { handleAkeMessage, initiateAke, newAuthState, type AkeResult, type AuthState } from './ake';
import {
  FLAG_IGNORE_UNREADABLE,
  keysAfterAke,
  openDataMessage,
  parseDataMessage,
  sealDataMessage,
  sendingSessKeys,
  type DataKeys,
} from './data-message';
import { fingerprint, publicPart, type DsaPrivateKey, type DsaPublicKey } from './dsa';
import { clearFragments, emptyFragmentBuffer, fragmentMessage, parseFragment, receiveFragment, type FragmentBuffer } from './fragment';
import { classify, errorMessage, parseError, parseQuery, queryMessage, stripWhitespaceTag, whitespaceTag, type OfferedVersions } from './query';
import { newSmpState, type SmpState } from './smp';
import { SMP_TLV_TYPES, smpAbortTlv, smpAnswer, smpBegin, smpReceiveTlv, type SmpContext, type SmpEvent } from './smp-tlv';
import {
  decodePlaintext,
  decodeSymkeyTlv,
  encodePlaintext,
  encodeSymkeyTlv,
  TLV_DISCONNECTED,
  TLV_SYMKEY,
  type Tlv,
} from './tlv';
import { MIN_INSTANCE_TAG, MSG_DATA, MSG_DH_COMMIT, MSG_DH_KEY, messageTypeName, readHeader, type OtrVersion } from './wire';

export type MsgState = 'plaintext' | 'encrypted' | 'finished';

export interface OtrPolicy {
  allowV2: boolean;
  allowV3: boolean;
  requireEncryption: boolean;
  sendWhitespaceTag: boolean;
  whitespaceStartAke: boolean;
  errorStartAke: boolean;
}

/** libotr's OTRL_POLICY_DEFAULT: ALLOW_V2 | ALLOW_V3 | WHITESPACE_START_AKE | ERROR_START_AKE. */
const DEFAULT_POLICY: OtrPolicy = {
  allowV2: true,
  allowV3: true,
  requireEncryption: false,
  sendWhitespaceTag: false,
  whitespaceStartAke: true,
  errorStartAke: true,
};

/** Everything the engine knows about one correspondent; plain data (structuredClone-able). */
export interface OtrSession {
  account: string;
  peer: string;
  policy: OtrPolicy;
  longTerm: DsaPrivateKey;
  ourInstance: number;
  /** 0 until the correspondent's instance tag is known */
  theirInstance: number;
  msgstate: MsgState;
  /** protocol version of the current (or last) encrypted session; 0 before the first AKE */
  protocolVersion: OtrVersion | 0;
  auth: AuthState;
  keys: DataKeys | null;
  ssid: Uint8Array | null;
  ssidHalf: 'first' | 'second' | null;
  theirLongTerm: DsaPublicKey | null;
  fragments: FragmentBuffer;
  /** maximum message size for outgoing fragmentation; 0 = never fragment */
  mms: number;
  /** "you have not received a plaintext message from this correspondent since last entering MSGSTATE_PLAINTEXT" */
  receivedPlaintext: boolean;
  /** "Store the plaintext message for possible retransmission" */
  stored: string | null;
  /** SMP state machine (runs only while MSGSTATE_ENCRYPTED) */
  smp: SmpState;
  /** 'smp' after a successful SMP (as libotr: not for a responder who was asked a question) */
  trust: 'smp' | null;
  /** ctx.now when we last sent a Data Message (null: never, or no clock) */
  lastSentAt: number | null;
  /** "If you have not sent a message to this correspondent in some (configurable) time" — ms; 0 = never */
  heartbeatMs: number;
}

export interface OtrContext {
  /** Injected randomness: a seeded RNG in the simulator, a CSPRNG on real sockets. */
  randomBytes: (n: number) => Uint8Array;
  /** Current time in ms (the simulator's virtual clock); without it no heartbeats are sent. */
  now?: number;
}

export type OtrEvent =
  | { type: 'message'; text: string; encrypted: boolean; tlvs: Tlv[]; warning?: 'unencrypted' }
  | {
      type: 'gone-secure';
      refresh: boolean;
      protocolVersion: OtrVersion;
      ourInstance: number;
      theirInstance: number;
      theirFingerprint: string;
      ssid: string;
      ssidHalf: 'first' | 'second';
    }
  | { type: 'state'; msgstate: MsgState }
  | { type: 'ake-sent'; message: string; version: OtrVersion }
  | { type: 'data-sent'; senderKeyid: number; recipientKeyid: number; ctr: string; revealed: string[]; flags: number }
  | { type: 'data-received'; senderKeyid: number; recipientKeyid: number; ctr: string; revealed: string[]; flags: number }
  | { type: 'otr-error'; error: string }
  | { type: 'unreadable'; reason: string; replied: boolean }
  | { type: 'not-in-private'; replied: boolean }
  | { type: 'ignored'; reason: string }
  | { type: 'fragment'; k: number; n: number; complete: boolean }
  | { type: 'disconnected' }
  | { type: 'cannot-send'; reason: 'finished' }
  | { type: 'heartbeat-sent' }
  | { type: 'symkey'; use: number; useData: string; key: string }
  | SmpEvent;

export interface OtrOutput {
  /** texts to hand to the transport, in order (fragments already split) */
  send: string[];
  events: OtrEvent[];
}

export interface CreateSessionOptions {
  account: string;
  peer: string;
  longTerm: DsaPrivateKey;
  /** ≥ 0x100; drawn from ctx.randomBytes when absent */
  instanceTag?: number;
  policy?: Partial<OtrPolicy>;
  mms?: number;
  /** heartbeat interval in ms (libotr and potr: 60 s); 0 disables heartbeats */
  heartbeatMs?: number;
}

const hex = bytesToHex;
const emptyOutput = (): OtrOutput => ({ send: [], events: [] });

/** A fresh session in MSGSTATE_PLAINTEXT / AUTHSTATE_NONE. */
export function createOtrSession(opts: CreateSessionOptions, ctx: OtrContext): OtrSession {
  let tag = opts.instanceTag;
  if (tag === undefined) {
    // "Instance tags are 32-bit values … The smallest valid instance tag is 0x00000100"
    do tag = Number(bytesToBigint(ctx.randomBytes(4)));
    while (tag < MIN_INSTANCE_TAG);
  }
  if (!Number.isInteger(tag) || tag < MIN_INSTANCE_TAG || tag > 0xffffffff) throw new Error('otr/session: invalid instance tag');
  return {
    account: opts.account,
    peer: opts.peer,
    policy: { ...DEFAULT_POLICY, ...opts.policy },
    longTerm: opts.longTerm,
    ourInstance: tag,
    theirInstance: 0,
    msgstate: 'plaintext',
    protocolVersion: 0,
    auth: newAuthState(),
    keys: null,
    ssid: null,
    ssidHalf: null,
    theirLongTerm: null,
    fragments: emptyFragmentBuffer(),
    mms: opts.mms ?? 0,
    receivedPlaintext: false,
    stored: null,
    smp: newSmpState(),
    trust: null,
    lastSentAt: null,
    heartbeatMs: opts.heartbeatMs ?? 60_000,
  };
}

const allowedVersions = (p: OtrPolicy): OtrVersion[] =>
  [...(p.allowV2 ? [2 as const] : []), ...(p.allowV3 ? [3 as const] : [])];

/** Our fingerprint (SHA-1 of our PUBKEY without the type bytes). */
const ourFingerprint = (st: OtrSession): Uint8Array => fingerprint(publicPart(st.longTerm));

/** "User requests to start an OTR conversation": send an OTR Query Message. */
export function startOtr(st: OtrSession): OtrOutput {
  const versions = allowedVersions(st.policy);
  if (!versions.length) throw new Error('otr/session: no protocol version allowed by policy');
  return { send: [queryMessage(versions, st.account)], events: [] };
}

/** Armor a binary message and split it for the transport. */
function wireOut(st: OtrSession, version: OtrVersion, binary: Uint8Array): string[] {
  return fragmentMessage(armor(binary), st.mms, version, st.ourInstance, st.theirInstance);
}

/** Start the AKE with the best version both sides offer ("Receiving a Query Message"). */
function startAke(st: OtrSession, offered: OfferedVersions, ctx: OtrContext, o: OtrOutput): void {
  const version: OtrVersion | null =
    offered.v3 && st.policy.allowV3 ? 3 : offered.v2 && st.policy.allowV2 ? 2 : null;
  if (!version) return;
  // v2 has no instance tags; a running session keeps its correspondent's until an AKE completes.
  if (version === 2 && st.msgstate !== 'encrypted') st.theirInstance = 0;
  const commit = initiateAke(st.auth, version, akeCtx(st, ctx));
  o.send.push(...wireOut(st, version, commit));
  o.events.push({ type: 'ake-sent', message: 'DH-Commit', version });
}

const akeCtx = (st: OtrSession, ctx: OtrContext) => ({
  randomBytes: ctx.randomBytes,
  longTerm: st.longTerm,
  ourInstance: st.ourInstance,
  theirInstance: st.theirInstance,
});

/** Encrypt and send as a Data Message (msgstate must be encrypted). */
function sendData(st: OtrSession, plaintext: Uint8Array, flags: number, o: OtrOutput, ctx: OtrContext): void {
  if (ctx.now !== undefined) st.lastSentAt = ctx.now;
  const version = st.protocolVersion as OtrVersion;
  const sealed = sealDataMessage(st.keys!, {
    version,
    ourInstance: st.ourInstance,
    theirInstance: st.theirInstance,
    flags,
    plaintext,
  });
  o.send.push(...wireOut(st, version, sealed.binary));
  o.events.push({
    type: 'data-sent',
    senderKeyid: sealed.senderKeyid,
    recipientKeyid: sealed.recipientKeyid,
    ctr: hex(sealed.ctr),
    revealed: sealed.revealed.map(hex),
    flags,
  });
}

/** "User types a message to be sent" (optionally with TLVs, e.g. TLV 0 padding). */
export function sendMessage(st: OtrSession, text: string, ctx: OtrContext, tlvs: Tlv[] = []): OtrOutput {
  const o = emptyOutput();
  switch (st.msgstate) {
    case 'plaintext':
      if (st.policy.requireEncryption) {
        // "Store the plaintext message for possible retransmission, and send a Query Message."
        st.stored = text;
        o.send.push(...startOtr(st).send);
      } else {
        const tag = st.policy.sendWhitespaceTag && !st.receivedPlaintext ? whitespaceTag(allowedVersions(st.policy)) : '';
        o.send.push(text + tag);
      }
      return o;
    case 'encrypted':
      sendData(st, encodePlaintext(text, tlvs), 0, o, ctx);
      st.stored = text;
      return o;
    case 'finished':
      // "Inform the user that the message cannot be sent at this time. Store the plaintext message"
      st.stored = text;
      o.events.push({ type: 'cannot-send', reason: 'finished' });
      return o;
  }
}

/**
 * Announce use of the extra symmetric key (TLV 8) in a Data Message and return the key:
 * h2(0xFF) of the secbytes protecting that message (v3 only).
 */
export function useExtraSymmetricKey(
  st: OtrSession,
  use: number,
  useData: Uint8Array,
  ctx: OtrContext,
): { output: OtrOutput; key: Uint8Array } {
  if (st.msgstate !== 'encrypted' || !st.keys) throw new Error('otr/session: extra symmetric key needs an encrypted session');
  if (st.protocolVersion !== 3) throw new Error('otr/session: the extra symmetric key exists in OTR v3 only');
  const key = sendingSessKeys(st.keys).extraKey;
  const o = emptyOutput();
  sendData(st, encodePlaintext('', [encodeSymkeyTlv(use, useData)]), 0, o, ctx);
  return { output: o, key };
}

/** "User requests to end an OTR conversation". */
export function endOtr(st: OtrSession, ctx: OtrContext): OtrOutput {
  const o = emptyOutput();
  if (st.msgstate === 'encrypted') {
    // "Send a Data Message, encoding a message with an empty human-readable part, and TLV type 1."
    sendData(st, encodePlaintext('', [{ type: TLV_DISCONNECTED, value: new Uint8Array(0) }]), FLAG_IGNORE_UNREADABLE, o, ctx);
  }
  if (st.msgstate !== 'plaintext') {
    goPlaintext(st);
    o.events.push({ type: 'state', msgstate: 'plaintext' });
  }
  return o;
}

function goPlaintext(st: OtrSession): void {
  st.msgstate = 'plaintext';
  st.keys = null;
  st.receivedPlaintext = false;
  st.smp = newSmpState(); // "If at any point MSGSTATE_ENCRYPTED becomes unset, SMP must abandon its state"
}

/** Feed one text received from the correspondent. */
export function receiveMessage(st: OtrSession, wire: string, ctx: OtrContext): OtrOutput {
  const o = emptyOutput();
  if (!st.policy.allowV2 && !st.policy.allowV3) {
    // "if not, then OTR is completely disabled, and no special handling of messages should be done"
    o.events.push({ type: 'message', text: wire, encrypted: false, tlvs: [] });
    return o;
  }
  receive(st, wire, ctx, o, 0);
  return o;
}

function receive(st: OtrSession, wire: string, ctx: OtrContext, o: OtrOutput, depth: number): void {
  const kind = classify(wire);
  if (kind === 'fragment') {
    const frag = parseFragment(wire);
    if (!frag || depth > 0) {
      o.events.push({ type: 'ignored', reason: 'malformed fragment' });
      return;
    }
    if (frag.version === 3) {
      if (frag.senderInstance < MIN_INSTANCE_TAG) return void o.events.push({ type: 'ignored', reason: 'fragment sender instance tag < 0x100' });
      if (frag.receiverInstance !== 0 && frag.receiverInstance !== st.ourInstance)
        return void o.events.push({ type: 'ignored', reason: 'fragment for another instance' });
    }
    const whole = receiveFragment(st.fragments, frag);
    o.events.push({ type: 'fragment', k: frag.k, n: frag.n, complete: whole !== null });
    if (whole !== null) receive(st, whole, ctx, o, depth + 1);
    return;
  }
  // "If you receive a non-OTR message, or an unfragmented message, forget any stored fragment"
  clearFragments(st.fragments);
  switch (kind) {
    case 'encoded':
      return receiveEncoded(st, wire, ctx, o);
    case 'error': {
      // "Display the message to the user. If ERROR_START_AKE is set, reply with a Query Message."
      o.events.push({ type: 'otr-error', error: parseError(wire) ?? '' });
      if (st.policy.errorStartAke) o.send.push(...startOtr(st).send);
      return;
    }
    case 'query':
      return startAke(st, parseQuery(wire)!, ctx, o);
    case 'plaintext': {
      const tagged = stripWhitespaceTag(wire);
      const warn = st.msgstate !== 'plaintext' || st.policy.requireEncryption;
      o.events.push({
        type: 'message',
        text: tagged ? tagged.text : wire,
        encrypted: false,
        tlvs: [],
        ...(warn ? { warning: 'unencrypted' as const } : {}),
      });
      // "if Alice receives a plaintext message from Bob … she should stop sending him the whitespace tag"
      st.receivedPlaintext = true;
      if (tagged && st.policy.whitespaceStartAke) startAke(st, tagged.offered, ctx, o);
      return;
    }
  }
}

function receiveEncoded(st: OtrSession, wire: string, ctx: OtrContext, o: OtrOutput): void {
  const binary = dearmor(wire);
  if (!binary) return void o.events.push({ type: 'ignored', reason: 'malformed encoded message' });
  const r = new Reader(binary);
  let h;
  try {
    h = readHeader(r);
  } catch (e) {
    if (e instanceof CodecError) return void o.events.push({ type: 'ignored', reason: e.message });
    throw e;
  }
  if ((h.version === 2 && !st.policy.allowV2) || (h.version === 3 && !st.policy.allowV3))
    return void o.events.push({ type: 'ignored', reason: `version ${h.version} not allowed by policy` });
  if (h.version === 3) {
    // "Instance Tags": discard sender < 0x100, and receiver ≠ ours (0 allowed for D-H Commit only)
    if (h.senderInstance < MIN_INSTANCE_TAG) return void o.events.push({ type: 'ignored', reason: 'sender instance tag < 0x100' });
    const zeroOk = h.type === MSG_DH_COMMIT;
    if (h.receiverInstance !== st.ourInstance && !(zeroOk && h.receiverInstance === 0))
      return void o.events.push({ type: 'ignored', reason: 'message for another instance' });
  }
  if (h.type === MSG_DATA) return receiveData(st, h, r, ctx, o);

  // AKE messages. The correspondent's instance becomes known from its D-H Commit / D-H Key.
  const prevTheirInstance = st.theirInstance;
  // While encrypted, the running session keeps its correspondent's instance until another AKE
  // completes: an AKE message from another instance (a second device, or anyone who can inject a
  // text — the AKE is unauthenticated until its signatures) is answered to its sender, but must not
  // redirect the session's Data Messages (libotr gives such an instance its own context).
  const keepInstance = st.msgstate === 'encrypted';
  if (keepInstance || h.type === MSG_DH_COMMIT || h.type === MSG_DH_KEY) st.theirInstance = h.version === 3 ? h.senderInstance : 0;
  const res = handleAkeMessage(st.auth, h, r, akeCtx(st, ctx));
  if (res.ignored) {
    st.theirInstance = res.send ? st.theirInstance : prevTheirInstance;
    o.events.push({ type: 'ignored', reason: `${messageTypeName(h.type)}: ${res.ignored}` });
  }
  if (res.send) {
    o.send.push(...wireOut(st, h.version, res.send));
    o.events.push({ type: 'ake-sent', message: messageTypeName(new Reader(res.send).buf[2]!), version: h.version });
  }
  // The reply went to the sender; the running session's instance stays until this AKE completes.
  if (keepInstance && !res.done) st.theirInstance = prevTheirInstance;
  if (res.done) goEncrypted(st, res.done, ctx, o);
}

/** authstate → NONE, msgstate → ENCRYPTED; "If there is a recent stored message, encrypt it and send it". */
function goEncrypted(st: OtrSession, done: AkeResult, ctx: OtrContext, o: OtrOutput): void {
  const refresh = st.msgstate === 'encrypted';
  st.keys = keysAfterAke(st.msgstate === 'encrypted' ? st.keys : null, done, ctx.randomBytes);
  st.msgstate = 'encrypted';
  st.protocolVersion = done.version;
  st.ssid = done.ssid;
  st.ssidHalf = done.ssidHalf;
  st.theirLongTerm = done.theirLongTerm;
  if (ctx.now !== undefined) st.lastSentAt = ctx.now; // the AKE itself counts as sending
  o.events.push({
    type: 'gone-secure',
    refresh,
    protocolVersion: done.version,
    ourInstance: st.ourInstance,
    theirInstance: st.theirInstance,
    theirFingerprint: hex(fingerprint(done.theirLongTerm)),
    ssid: hex(done.ssid),
    ssidHalf: done.ssidHalf,
  });
  if (st.stored !== null && st.policy.requireEncryption) {
    const text = st.stored;
    st.stored = null;
    sendData(st, encodePlaintext(text), 0, o, ctx);
  }
}

/** "Receiving a Data Message". */
function receiveData(st: OtrSession, h: ReturnType<typeof readHeader>, r: Reader, ctx: OtrContext, o: OtrOutput): void {
  let m;
  try {
    m = parseDataMessage(h, r);
  } catch (e) {
    if (!(e instanceof CodecError)) throw e;
    o.events.push({ type: 'unreadable', reason: `malformed data message (${e.message})`, replied: true });
    o.send.push(errorMessage('You transmitted a malformed data message.'));
    return;
  }
  const quiet = (m.flags & FLAG_IGNORE_UNREADABLE) !== 0;
  if (st.msgstate !== 'encrypted' || !st.keys) {
    // "Inform the user that an unreadable encrypted message was received, and reply with an Error Message."
    o.events.push({ type: 'not-in-private', replied: !quiet });
    if (!quiet) o.send.push(errorMessage("You sent encrypted data, but I wasn't expecting it."));
    return;
  }
  if (h.version !== st.protocolVersion || (h.version === 3 && h.senderInstance !== st.theirInstance)) {
    o.events.push({ type: 'ignored', reason: 'data message from another session or instance' });
    return;
  }
  const res = openDataMessage(st.keys, m, ctx.randomBytes);
  if (!res.ok) {
    o.events.push({ type: 'unreadable', reason: res.reason, replied: !quiet });
    if (!quiet) o.send.push(errorMessage('You transmitted an unreadable encrypted message.'));
    return;
  }
  o.events.push({
    type: 'data-received',
    senderKeyid: res.senderKeyid,
    recipientKeyid: res.recipientKeyid,
    ctr: hex(m.ctr),
    revealed: m.oldMacKeys.map(hex),
    flags: m.flags,
  });
  const { text, tlvs } = decodePlaintext(res.plaintext);
  o.events.push({ type: 'message', text, encrypted: true, tlvs });
  for (const t of tlvs) {
    if (t.type === TLV_SYMKEY && h.version === 3) {
      const sk = decodeSymkeyTlv(t.value);
      if (sk) o.events.push({ type: 'symkey', use: sk.use, useData: hex(sk.useData), key: hex(res.extraKey) });
    } else if (SMP_TLV_TYPES.includes(t.type)) {
      receiveSmpTlv(st, t, ctx, o);
    }
  }
  if (tlvs.some((t) => t.type === TLV_DISCONNECTED)) {
    // "forget all encryption keys for this correspondent, and transition msgstate to MSGSTATE_FINISHED"
    st.keys = null;
    st.msgstate = 'finished';
    st.smp = newSmpState();
    o.events.push({ type: 'disconnected' }, { type: 'state', msgstate: 'finished' });
    return;
  }
  // "If you have not sent a message to this correspondent in some (configurable) time, send a
  // heartbeat message, consisting of a Data Message encoding an empty plaintext … IGNORE_UNREADABLE"
  if (ctx.now !== undefined && st.heartbeatMs > 0 && (st.lastSentAt === null || ctx.now - st.lastSentAt >= st.heartbeatMs)) {
    sendData(st, new Uint8Array(0), FLAG_IGNORE_UNREADABLE, o, ctx);
    o.events.push({ type: 'heartbeat-sent' });
  }
}

/** What openSessionData found: the text and TLVs, why it could not open it, or null: not a Data Message for this session. */
export type SessionData = { ok: true; text: string; tlvs: Tlv[] } | { ok: false; reason: string } | null;

/**
 * Open a received text as a Data Message of this encrypted session — with its keys, through the same
 * openDataMessage as receiveMessage (so the counter is checked and the keys rotate) — without acting on
 * it: no reply, no SMP step, no heartbeat. For a party that reads and passes TLVs on itself (the
 * operator in the middle, lib/attacks/otr-mitm-relay.ts). Null: not encoded, not a Data Message, or
 * the session is not encrypted.
 */
export function openSessionData(st: OtrSession, wire: string, ctx: OtrContext): SessionData {
  if (st.msgstate !== 'encrypted' || !st.keys || classify(wire) !== 'encoded') return null;
  const bin = dearmor(wire);
  if (!bin) return null;
  try {
    const r = new Reader(bin);
    const h = readHeader(r);
    if (h.type !== MSG_DATA) return null;
    if (h.version !== st.protocolVersion || (h.version === 3 && (h.senderInstance !== st.theirInstance || h.receiverInstance !== st.ourInstance)))
      return { ok: false, reason: 'data message from another session or instance' };
    const res = openDataMessage(st.keys, parseDataMessage(h, r), ctx.randomBytes);
    if (!res.ok) return res;
    return { ok: true, ...decodePlaintext(res.plaintext) };
  } catch (e) {
    if (e instanceof CodecError) return { ok: false, reason: e.message };
    throw e;
  }
}

/** SMP TLVs travel in otherwise empty Data Messages flagged IGNORE_UNREADABLE (as libotr does). */
function sendSmp(st: OtrSession, tlvs: Tlv[], o: OtrOutput, ctx: OtrContext): void {
  for (const tlv of tlvs) sendData(st, encodePlaintext('', [tlv]), FLAG_IGNORE_UNREADABLE, o, ctx);
}

function smpContext(st: OtrSession, ctx: OtrContext, what: string): SmpContext {
  if (st.msgstate !== 'encrypted' || !st.keys || !st.ssid || !st.theirLongTerm)
    throw new Error(`otr/session: ${what} needs an encrypted session`);
  return {
    randomBytes: ctx.randomBytes,
    ourFingerprint: ourFingerprint(st),
    theirFingerprint: fingerprint(st.theirLongTerm),
    ssid: st.ssid,
  };
}

function receiveSmpTlv(st: OtrSession, t: Tlv, ctx: OtrContext, o: OtrOutput): void {
  const res = smpReceiveTlv(st.smp, t, smpContext(st, ctx, 'SMP'), st.trust);
  st.trust = res.trust;
  o.events.push(...res.events);
  sendSmp(st, res.send, o, ctx);
}

/** "User requests to begin SMP" (with an optional question: TLV 7 instead of TLV 2). */
export function smpStart(st: OtrSession, secret: string, question: string | null, ctx: OtrContext): OtrOutput {
  const o = emptyOutput();
  sendSmp(st, smpBegin(st.smp, secret, question, smpContext(st, ctx, 'SMP')), o, ctx);
  return o;
}

/** The responder's secret, after an `smp` `request` event: sends SMP message 2. */
export function smpRespond(st: OtrSession, secret: string, ctx: OtrContext): OtrOutput {
  const o = emptyOutput();
  sendSmp(st, [smpAnswer(st.smp, secret, smpContext(st, ctx, 'SMP'))], o, ctx);
  o.events.push({ type: 'smp', kind: 'progress', step: 2 });
  return o;
}

/** "User requests to abort SMP": "In all cases, send a type 6 TLV … and set smpstate to SMPSTATE_EXPECT1." */
export function smpAbort(st: OtrSession, ctx: OtrContext): OtrOutput {
  const o = emptyOutput();
  st.smp = newSmpState();
  if (st.msgstate === 'encrypted') sendSmp(st, [smpAbortTlv()], o, ctx);
  return o;
}
