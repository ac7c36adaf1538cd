/**
 * The ratchet view's model (issue #4, item 5): what each party of an OTR conversation holds at a step —
 * msgstate, the AKE state while it runs, our/their key ids, the live DH keys (public values shortened the
 * way the Inspector shows them; our private halves held or forgotten), the counters of each key pair (the
 * top half of CTR) and the MAC keys revealed so far, each with the step it happened.
 *
 * Two pure steps: `snapshotSession` turns an `OtrSession` (lib/otr/session.ts) into a small serialisable
 * snapshot (no private values, no bigints); `ratchetView` reads the snapshots of every step up to the
 * current one — "forgotten at step 14" is history, not state — plus, optionally, where revealed MAC keys
 * crossed a link (`revealsInText`), and returns a plain view model for app/_components/ratchet.
 * @module
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { AuthStateName } from '../otr/ake';
import { fingerprint, fingerprintHuman, publicPart } from '../otr/dsa';
import { dissect } from '../otr/inspect';
import type { MsgState, OtrSession } from '../otr/session';

/** One key pair's counters (libotr's DH_sesskeys): our key id × their key id. */
interface PairSnap {
  ourKeyid: number;
  theirKeyid: number;
  /** Top half of the last CTR sent / received with this pair, decimal. */
  sendCtr: string;
  rcvCtr: string;
  /** Whether its receiving MAC key verified a message (only those are revealed later). */
  rcvMacUsed: boolean;
  /** The receiving MAC key, hex: lets a revealed key be traced back to its pair. */
  rcvMac: string;
}

/** A public DH value, hex as the Inspector prints MPIs (unsigned, no leading zeros). */
interface KeySnap {
  keyid: number;
  pub: string;
}

/** What one session shows; plain data, no private values. */
interface SessionSnap {
  account: string;
  peer: string;
  msgstate: MsgState;
  auth: AuthStateName;
  /** 0 before the first AKE. */
  version: 0 | 2 | 3;
  ourInstance: number;
  theirInstance: number;
  /** Our keys whose private half we hold: our_dh[our_keyid], our_dh[our_keyid−1] (when there is one). */
  ourKeys: KeySnap[];
  /** During an AKE: its key (x or y), unless it is already one of `ourKeys`. */
  akeKey: KeySnap | null;
  /** Their public values we keep: their_y[their_keyid], their_y[their_keyid−1]. */
  theirKeys: KeySnap[];
  ourKeyid: number | null;
  theirKeyid: number | null;
  pairs: PairSnap[];
  /** Receiving MAC keys waiting to go out in our next Data Message, hex. */
  pendingReveal: string[];
  /** The correspondent's long-term fingerprint (libotr's human form), once the AKE has shown it. */
  theirFingerprint: string | null;
  /** This side's own long-term fingerprint (human form): what the other end should see as ours. */
  ourFingerprint: string;
  /** The session id, hex, and which half the spec says to show in bold. */
  ssid: string | null;
  ssidHalf: 'first' | 'second' | null;
  trust: 'smp' | null;
}

export function snapshotSession(s: OtrSession): SessionSnap {
  const k = s.keys;
  const ourKeys: KeySnap[] = [];
  const theirKeys: KeySnap[] = [];
  const pairs: PairSnap[] = [];
  if (k) {
    ourKeys.push({ keyid: k.ourKeyid, pub: k.ourDh.pub.toString(16) });
    if (k.ourOldDh) ourKeys.push({ keyid: k.ourKeyid - 1, pub: k.ourOldDh.pub.toString(16) });
    if (k.theirKeyid > 0) theirKeys.push({ keyid: k.theirKeyid, pub: k.theirY.toString(16) });
    if (k.theirOldY !== null) theirKeys.push({ keyid: k.theirKeyid - 1, pub: k.theirOldY.toString(16) });
    for (const row of k.sess)
      for (const p of row)
        if (p)
          pairs.push({
            ourKeyid: p.ourKeyid,
            theirKeyid: p.theirKeyid,
            sendCtr: p.sendctr.toString(),
            rcvCtr: p.rcvctr.toString(),
            rcvMacUsed: p.rcvmacUsed,
            rcvMac: bytesToHex(p.rcvmac),
          });
    pairs.sort((a, b) => b.ourKeyid - a.ourKeyid || b.theirKeyid - a.theirKeyid);
  }
  // While an AKE runs, its key (x or y) is ours too; after it, the same value is our_dh[our_keyid−1].
  const ake = s.auth.ourDh;
  const akeKey = s.auth.state !== 'none' && ake && !ourKeys.some((o) => o.pub === ake.pub.toString(16)) ? { keyid: s.auth.ourKeyid, pub: ake.pub.toString(16) } : null;
  return {
    account: s.account,
    peer: s.peer,
    msgstate: s.msgstate,
    auth: s.auth.state,
    version: s.protocolVersion,
    ourInstance: s.ourInstance,
    theirInstance: s.theirInstance,
    ourKeys,
    akeKey,
    theirKeys,
    ourKeyid: k ? k.ourKeyid : null,
    theirKeyid: k ? k.theirKeyid : null,
    pairs,
    pendingReveal: k ? k.oldMacKeys.map((m) => bytesToHex(m)) : [],
    theirFingerprint: s.theirLongTerm ? fingerprintHuman(fingerprint(s.theirLongTerm)) : null,
    ourFingerprint: fingerprintHuman(fingerprint(publicPart(s.longTerm))),
    ssid: s.ssid ? bytesToHex(s.ssid) : null,
    ssidHalf: s.ssidHalf,
    trust: s.trust,
  };
}

/** The sessions of one step, by the node that holds them. */
export interface SessionAt {
  node: string;
  snap: SessionSnap;
  /** A man in the middle's session: the node poses as `snap.account` towards `snap.peer` (otr-mitm). */
  posing?: boolean;
}

/** MAC keys (hex) a Data Message revealed on a link at a step, sent by `from`. */
export interface WireReveal {
  step: number;
  from: string;
  keys: string[];
}

/** The revealed MAC keys inside a text, when it is an OTR Data Message; [] otherwise (never throws). */
export function revealsInText(text: string): string[] {
  const d = dissect(text);
  if (d.kind !== 'encoded') return [];
  const f = d.fields.find((x) => x.name === 'Revealed MAC keys');
  return f && Array.isArray(f.value) ? f.value : [];
}

/** "9a3f 01c2…": the first eight hex digits, grouped like the Inspector's hex; the ellipsis says there is more. */
export function shortHex(hex: string): string {
  const head = hex.slice(0, 8);
  return `${head.slice(0, 4)} ${head.slice(4)}${hex.length > 8 ? '…' : ''}`.trim();
}

export interface KeyView {
  keyid: number;
  short: string;
  /** Full hex, for the title and the expanded form. */
  full: string;
  /** Ours: 'current' (our_keyid), 'previous' (our_keyid−1), 'ake' (in an unfinished AKE), 'forgotten'. */
  state: 'current' | 'previous' | 'ake' | 'forgotten';
  /** First step it was held; null when it was there from the start of what we saw. */
  bornStep: number | null;
  /** Step its private half was forgotten (ours) or it was dropped (theirs). */
  forgottenStep: number | null;
}

type CounterView = Pick<PairSnap, 'ourKeyid' | 'theirKeyid' | 'sendCtr' | 'rcvCtr'>;

interface RevealView {
  short: string;
  full: string;
  /** The key pair whose receiving MAC key it was, when the history shows it. */
  pair: { ourKeyid: number; theirKeyid: number } | null;
  /** The step to show: where it crossed a link in a Data Message, else where it was sealed into one. */
  step: number;
}

export interface PartyView {
  node: string;
  /** The node poses as `account` (a man in the middle); false for a person's own session. */
  posing: boolean;
  account: string;
  peer: string;
  msgstate: MsgState;
  auth: AuthStateName;
  version: 0 | 2 | 3;
  ourInstance: number;
  theirInstance: number;
  ourKeyid: number | null;
  theirKeyid: number | null;
  /** Live keys first (current, previous), then forgotten ones, latest first. */
  ourKeys: KeyView[];
  /** Forgotten keys beyond `maxForgotten`, not listed. */
  olderForgotten: number;
  theirKeys: KeyView[];
  counters: CounterView[];
  /** Waiting to be revealed in our next Data Message. */
  pending: { short: string; full: string }[];
  revealed: RevealView[];
  theirFingerprint: string | null;
  ourFingerprint: string;
  ssid: string | null;
  ssidHalf: 'first' | 'second' | null;
  trust: 'smp' | null;
}

export interface RatchetView {
  /** Conversations (a pair of accounts), each with its parties' columns in a stable order. */
  conversations: { id: string; parties: PartyView[] }[];
}

const keyOf = (node: string, s: SessionSnap) => `${node}\u0000${s.peer}`;
const kk = (k: KeySnap) => `${k.keyid}:${k.pub}`;
const bareOf = (jid: string) => jid.split('/')[0] ?? jid;

/**
 * The view at `step` from `frames[0..step]` (frames[i]: the sessions after step i; frames[0] before the first
 * event), `reveals`: where revealed MAC keys crossed links (optional). Keeps at most `maxForgotten` forgotten
 * keys per party.
 */
export function ratchetView(frames: readonly (readonly SessionAt[])[], step: number, reveals: readonly WireReveal[] = [], maxForgotten = 4): RatchetView {
  const last = Math.max(0, Math.min(step, frames.length - 1));
  const now = frames[last] ?? [];
  const parties = now.map((at) => party(frames, last, at, reveals, maxForgotten));
  const groups = new Map<string, PartyView[]>();
  for (const p of parties) {
    const id = [bareOf(p.account), bareOf(p.peer)].sort().join(' ↔ ');
    groups.set(id, [...(groups.get(id) ?? []), p]);
  }
  return {
    conversations: [...groups].map(([id, ps]) => ({ id, parties: ps.sort((a, b) => along(a, id) - along(b, id) || a.node.localeCompare(b.node)) })).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/**
 * Where a party sits on the path between the two people (columns left to right): the first person's own
 * session, a man in the middle's session facing the first person, the one facing the second, the second
 * person's own session.
 */
function along(p: PartyView, conversation: string): number {
  const first = conversation.split(' ↔ ')[0];
  const end = bareOf(p.posing ? p.peer : p.account);
  if (end === first) return p.posing ? 1 : 0;
  return p.posing ? 2 : 3;
}

function party(frames: readonly (readonly SessionAt[])[], last: number, at: SessionAt, reveals: readonly WireReveal[], maxForgotten: number): PartyView {
  const id = keyOf(at.node, at.snap);
  const history: (SessionSnap | null)[] = [];
  for (let i = 0; i <= last; i++) history.push(frames[i]?.find((x) => keyOf(x.node, x.snap) === id)?.snap ?? null);
  const s = at.snap;

  const held = (h: SessionSnap) => (h.akeKey ? [...h.ourKeys, h.akeKey] : h.ourKeys);
  const ours = lifetimes(history, held);
  const theirs = lifetimes(history, (h) => h.theirKeys);
  const live = new Set(held(s).map(kk));
  const ourKeys: KeyView[] = held(s).map((k, i) => ({
    keyid: k.keyid,
    short: shortHex(k.pub),
    full: k.pub,
    state: k === s.akeKey ? 'ake' : i === 0 ? 'current' : 'previous',
    bornStep: ours.get(kk(k))?.born ?? null,
    forgottenStep: null,
  }));
  const forgotten = [...ours.entries()]
    .filter(([key, t]) => !live.has(key) && t.gone !== null)
    .map(([, t]): KeyView => ({ keyid: t.key.keyid, short: shortHex(t.key.pub), full: t.key.pub, state: 'forgotten', bornStep: t.born, forgottenStep: t.gone }))
    .sort((a, b) => (b.forgottenStep ?? 0) - (a.forgottenStep ?? 0) || b.keyid - a.keyid);
  const theirKeys: KeyView[] = s.theirKeys.map((k, i) => ({
    keyid: k.keyid,
    short: shortHex(k.pub),
    full: k.pub,
    state: i === 0 ? 'current' : 'previous',
    bornStep: theirs.get(kk(k))?.born ?? null,
    forgottenStep: null,
  }));

  return {
    node: at.node,
    posing: at.posing === true,
    account: s.account,
    peer: s.peer,
    msgstate: s.msgstate,
    auth: s.auth,
    version: s.version,
    ourInstance: s.ourInstance,
    theirInstance: s.theirInstance,
    ourKeyid: s.ourKeyid,
    theirKeyid: s.theirKeyid,
    ourKeys: [...ourKeys, ...forgotten.slice(0, maxForgotten)],
    olderForgotten: Math.max(0, forgotten.length - maxForgotten),
    theirKeys,
    counters: s.pairs.map((p) => ({ ourKeyid: p.ourKeyid, theirKeyid: p.theirKeyid, sendCtr: p.sendCtr, rcvCtr: p.rcvCtr })),
    pending: s.pendingReveal.map((m) => ({ short: shortHex(m), full: m })),
    revealed: revealedBy(history, at.node, last, reveals),
    theirFingerprint: s.theirFingerprint,
    ourFingerprint: s.ourFingerprint,
    ssid: s.ssid,
    ssidHalf: s.ssidHalf,
    trust: s.trust,
  };
}

interface Lifetime {
  key: KeySnap;
  born: number | null;
  gone: number | null;
}

/** When each key first appeared (null: already at frame 0) and when it last disappeared (null: still there). */
function lifetimes(history: readonly (SessionSnap | null)[], pick: (s: SessionSnap) => KeySnap[]): Map<string, Lifetime> {
  const out = new Map<string, Lifetime>();
  history.forEach((h, i) => {
    const here = new Set<string>();
    for (const k of h ? pick(h) : []) {
      const id = kk(k);
      here.add(id);
      const t = out.get(id);
      if (!t) out.set(id, { key: k, born: i === 0 ? null : i, gone: null });
      else t.gone = null;
    }
    for (const [id, t] of out) if (!here.has(id) && t.gone === null) t.gone = i;
  });
  return out;
}

/** MAC keys that left `pendingReveal` (sealed into a Data Message), with their pair and the step to show. */
function revealedBy(history: readonly (SessionSnap | null)[], node: string, last: number, reveals: readonly WireReveal[]): RevealView[] {
  const pairOf = new Map<string, { ourKeyid: number; theirKeyid: number }>();
  const out: RevealView[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < history.length; i++) {
    const h = history[i];
    if (!h) continue;
    for (const p of h.pairs) if (!pairOf.has(p.rcvMac)) pairOf.set(p.rcvMac, { ourKeyid: p.ourKeyid, theirKeyid: p.theirKeyid });
    const prev = i > 0 ? history[i - 1] : null;
    if (!prev) continue;
    const still = new Set(h.pendingReveal);
    for (const m of prev.pendingReveal) {
      if (still.has(m) || seen.has(m)) continue;
      seen.add(m);
      const wire = reveals.find((r) => r.step >= i && r.step <= last && r.keys.includes(m) && (r.from === node || r.from === ''));
      out.push({ short: shortHex(m), full: m, pair: pairOf.get(m) ?? null, step: wire ? wire.step : i });
    }
  }
  return out;
}
