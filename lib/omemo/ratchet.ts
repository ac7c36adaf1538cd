/**
 * The Double Ratchet (Signal's "The Double Ratchet Algorithm", §3) as python-doubleratchet 1.0.3
 * runs it inside python-twomemo 1.0.3: X25519 ratchet keys, KDF_RK and KDF_CK from `kdf.ts`,
 * ENCRYPT from `aead.ts`, the header (dh_pub, pn, n) carried in the OMEMOMessage, and at most
 * 1000 skipped message keys — per message and per session (`Twomemo(storage, 1000)`).
 *
 * Initialisation (§3.3 RatchetInitAlice / RatchetInitBob):
 *  - the active side draws a fresh ratchet key R_A0 (not the X3DH ephemeral key) and sets
 *    (RK, CKs) = KDF_RK(SK, DH(R_A0, SPK_B)); it has no receiving chain yet;
 *  - the passive side starts with SPK_B as its ratchet key; on the first message it derives the
 *    receiving chain from DH(SPK_B, R_A0), then draws R_B0 and derives its sending chain.
 *
 * Decryption works on a copy and keeps it only when the MAC verified ("if an exception is raised
 * … then the message is discarded and changes to the state object are discarded", §3.5).
 * Skipped keys (§3.5 TrySkippedMessageKeys / SkipMessageKeys), as python does them: more than
 * 1000 skipped within the current chain is an error (DoSProtectionException); more than 1000 left
 * behind in the old chain at a DH step are not computed at all (python only warns); the store
 * keeps the newest 1000, oldest dropped first. A message older than the chain is a duplicate.
 *
 * The state is plain data (bytes and numbers), so the simulator can checkpoint it and a view can
 * show every key. Our own misuse throws; a peer's bad message is an error value.
 * @module
 */
import { openKeyMaterial, sealKeyMaterial, type RatchetHeader } from './aead';
import { kdfMessageChain, kdfRootChain } from './kdf';
import { dh, x25519Pair } from './keys';

/** python-omemo's default for both bounds (`max_num_per_session_skipped_keys`). */
export const MAX_SKIPPED = 1000;

export interface SkippedKey {
  dhPub: Uint8Array;
  n: number;
  mk: Uint8Array;
}

export interface RatchetState {
  rootKey: Uint8Array;
  /** DHs: our current ratchet key pair */
  own: { priv: Uint8Array; pub: Uint8Array };
  /** DHr: their current ratchet public key */
  theirs: Uint8Array;
  sendChainKey: Uint8Array;
  /** Ns: messages sent in the current sending chain */
  sendN: number;
  /** PN: length of the previous sending chain */
  prevSendN: number;
  /** CKr, null until the first message arrives (active side) */
  recvChainKey: Uint8Array | null;
  /** Nr */
  recvN: number;
  /** MKSKIPPED, oldest first */
  skipped: SkippedKey[];
}

export type RatchetError = { error: string; kind: 'auth' | 'duplicate' | 'too-many-skipped' | 'malformed' };

const equal = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** RatchetInitAlice: the active side, after X3DH. */
export function initActive(sk: Uint8Array, theirSpk: Uint8Array, ratchetPriv: Uint8Array): RatchetState {
  const own = x25519Pair(ratchetPriv);
  const { rootKey, chainKey } = kdfRootChain(sk, dh(own.priv, theirSpk));
  return { rootKey, own, theirs: Uint8Array.from(theirSpk), sendChainKey: chainKey, sendN: 0, prevSendN: 0, recvChainKey: null, recvN: 0, skipped: [] };
}

/**
 * RatchetInitBob, and python's passive `DiffieHellmanRatchet.create`: the receiving chain from
 * DH(SPK_B, R_A0), then a fresh ratchet key and the sending chain — before any message is decrypted.
 */
export function initPassive(sk: Uint8Array, spk: { priv: Uint8Array; pub: Uint8Array }, theirRatchetPub: Uint8Array, ratchetPriv: Uint8Array): RatchetState {
  const recv = kdfRootChain(sk, dh(spk.priv, theirRatchetPub));
  const own = x25519Pair(ratchetPriv);
  const send = kdfRootChain(recv.rootKey, dh(own.priv, theirRatchetPub));
  return {
    rootKey: send.rootKey,
    own,
    theirs: Uint8Array.from(theirRatchetPub),
    sendChainKey: send.chainKey,
    sendN: 0,
    prevSendN: 0,
    recvChainKey: recv.chainKey,
    recvN: 0,
    skipped: [],
  };
}

/** RatchetEncrypt: the next message key of the sending chain, the header, and the OMEMOAuthenticatedMessage. */
export function ratchetEncrypt(st: RatchetState, plaintext: Uint8Array, ad: Uint8Array): { header: RatchetHeader; message: Uint8Array } {
  const header: RatchetHeader = { dhPub: st.own.pub, pn: st.prevSendN, n: st.sendN };
  const { chainKey, messageKey } = kdfMessageChain(st.sendChainKey);
  st.sendChainKey = chainKey;
  st.sendN += 1;
  return { header, message: sealKeyMaterial(messageKey, plaintext, ad, header) };
}

function cloneState(st: RatchetState): RatchetState {
  return { ...st, own: { ...st.own }, skipped: st.skipped.slice() };
}

/** SkipMessageKeys(state, until) on the current receiving chain, into `into`. */
function skipUntil(st: RatchetState, until: number, into: SkippedKey[]): void {
  while (st.recvChainKey && st.recvN < until) {
    const { chainKey, messageKey } = kdfMessageChain(st.recvChainKey);
    into.push({ dhPub: st.theirs, n: st.recvN, mk: messageKey });
    st.recvChainKey = chainKey;
    st.recvN += 1;
  }
}

/**
 * RatchetDecrypt. `newRatchetPriv` is called only when the header carries a new ratchet key (a DH
 * ratchet step: our next ratchet key pair). On success the returned state replaces the old one.
 */
export function ratchetDecrypt(
  state: RatchetState,
  header: RatchetHeader,
  authenticated: Uint8Array,
  ad: Uint8Array,
  newRatchetPriv: () => Uint8Array,
): { state: RatchetState; plaintext: Uint8Array; usedSkipped: boolean; dhStep: boolean } | RatchetError {
  const st = cloneState(state);
  const found = st.skipped.findIndex((s) => s.n === header.n && equal(s.dhPub, header.dhPub));
  const fresh: SkippedKey[] = [];
  let mk: Uint8Array;
  let dhStep = false;
  if (found >= 0) {
    mk = st.skipped[found]!.mk;
  } else {
    if (!equal(header.dhPub, st.theirs)) {
      // DHRatchet: first the keys left in the old receiving chain (up to pn) …
      if (st.recvChainKey) {
        const left = Math.max(header.pn - st.recvN, 0);
        if (left <= MAX_SKIPPED) skipUntil(st, header.pn, fresh);
        // … more than the bound are not computed at all (python-doubleratchet only warns)
      }
      // … then a new receiving chain, a new ratchet key pair and a new sending chain
      dhStep = true;
      st.theirs = Uint8Array.from(header.dhPub);
      let out;
      try {
        out = kdfRootChain(st.rootKey, dh(st.own.priv, st.theirs));
      } catch {
        return { error: 'invalid ratchet public key', kind: 'malformed' };
      }
      st.rootKey = out.rootKey;
      st.recvChainKey = out.chainKey;
      st.recvN = 0;
      st.own = x25519Pair(newRatchetPriv());
      const send = kdfRootChain(st.rootKey, dh(st.own.priv, st.theirs));
      st.rootKey = send.rootKey;
      st.prevSendN = st.sendN;
      st.sendChainKey = send.chainKey;
      st.sendN = 0;
    }
    if (header.n - st.recvN > MAX_SKIPPED) return { error: `more than ${MAX_SKIPPED} message keys skipped`, kind: 'too-many-skipped' };
    skipUntil(st, header.n, fresh);
    if (header.n < st.recvN || !st.recvChainKey) return { error: 'this message was already decrypted (duplicate)', kind: 'duplicate' };
    const next = kdfMessageChain(st.recvChainKey);
    st.recvChainKey = next.chainKey;
    st.recvN += 1;
    mk = next.messageKey;
  }
  const plaintext = openKeyMaterial(mk, authenticated, ad, header);
  if (!(plaintext instanceof Uint8Array)) return { ...plaintext, kind: 'auth' };
  // success: drop the used skipped key, store the new ones, keep the newest MAX_SKIPPED
  if (found >= 0) st.skipped.splice(found, 1);
  st.skipped.push(...fresh);
  if (st.skipped.length > MAX_SKIPPED) st.skipped.splice(0, st.skipped.length - MAX_SKIPPED);
  return { state: st, plaintext, usedSkipped: found >= 0, dhStep };
}
