/**
 * End-to-end keys on the trace, read from the facts devices emit: every OTR DH key pair
 * ('dh-key-made', 'dh-key-forgotten'), OTR long-term DSA key ('long-term-key-made') and static key
 * ('static-key-made'), each at the event where its device made or forgot it. Two keyrings come from
 * them: a device's own (every key it made, learned as it makes them) and a thief's (what the robbed
 * devices held at the moment of each theft — the 'keys-stolen' action the kernel schedules).
 * @module
 */
import type { E2eKeys } from '../e2e/scheme';
import type { ThiefSpec, TraceEvent } from '../sim/types';
import { handlerOf } from './tls-keyring';

/** The keys an end-to-end scheme's reader opens bodies with (lib/e2e/scheme.ts), and their names for metadata.keys. */
export interface E2eKeyring extends E2eKeys {
  /** DH private keys by public key (hex) */
  dh: Map<string, bigint>;
  /** static private keys by public key (hex) */
  statics: Map<string, string>;
  /** names for metadata.keys */
  names: Set<string>;
}

export const emptyKeyring = (): E2eKeyring => ({ dh: new Map(), statics: new Map(), names: new Set() });

/** Learn the keys `node` made at this event (its own facts). */
export function learnE2eKeys(ev: TraceEvent, node: string, ring: E2eKeyring): void {
  if (handlerOf(ev) !== node) return;
  for (const f of ev.facts ?? []) {
    if (f.node !== node) continue;
    if (f.type === 'dh-key-made') addDh(ring, node, f.peer, f.keyid, f.priv, f.pub);
    else if (f.type === 'long-term-key-made') ring.names.add(`otr-dsa:${node}`);
    else if (f.type === 'static-key-made') addStatic(ring, node, f.priv, f.pub);
  }
}

function addDh(ring: E2eKeyring, node: string, peer: string, keyid: number, priv: string, pub: string): void {
  ring.dh.set(pub, BigInt(`0x${priv}`));
  ring.names.add(`otr-dh:${node}#${keyid}:${peer}`);
}

function addStatic(ring: E2eKeyring, node: string, priv: string, pub: string): void {
  ring.statics.set(pub, priv);
  ring.names.add(`static:${node}`);
}

interface DhKeyLife {
  node: string;
  peer: string;
  keyid: number;
  priv: bigint;
  pub: bigint;
  born: number;
  /** virtual ms when the node forgot it; null = still held */
  died: number | null;
}

interface LongTermKey {
  node: string;
  kind: 'otr-dsa' | 'static';
  /** hex */
  priv: string;
  pub: string;
  born: number;
}

/** What a thief has gathered so far: the lives of the robbed devices' keys and which thefts have happened. Plain data. */
export interface TheftRecord {
  dh: DhKeyLife[];
  longTerm: LongTermKey[];
  /** Indexes into the thief's `steals` whose step the trace has reached. */
  done: number[];
}

export const emptyTheftRecord = (): TheftRecord => ({ dh: [], longTerm: [], done: [] });

/** Fold one event into a thief's record: keys its victims made or forgot, and its own thefts. */
export function recordForTheft(ev: TraceEvent, thief: ThiefSpec, rec: TheftRecord): void {
  const node = handlerOf(ev);
  if (ev.action?.type === 'keys-stolen' && ev.kind === 'action' && ev.action.thief === thief.id) {
    thief.steals.forEach((t, i) => {
      if (t.node === ev.from && t.at === ev.time && !rec.done.includes(i)) rec.done.push(i);
    });
  }
  if (!thief.steals.some((t) => t.node === node)) return;
  for (const f of ev.facts ?? []) {
    if (f.node !== node) continue;
    if (f.type === 'dh-key-made') {
      rec.dh.push({ node, peer: f.peer, keyid: f.keyid, priv: BigInt(`0x${f.priv}`), pub: BigInt(`0x${f.pub}`), born: ev.time, died: null });
    } else if (f.type === 'dh-key-forgotten') {
      const pub = BigInt(`0x${f.pub}`);
      const life = rec.dh.find((k) => k.node === node && k.died === null && k.pub === pub);
      if (life) life.died = ev.time;
    } else if (f.type === 'long-term-key-made') {
      rec.longTerm.push({ node, kind: 'otr-dsa', priv: f.x, pub: f.y, born: ev.time });
    } else if (f.type === 'static-key-made') {
      rec.longTerm.push({ node, kind: 'static', priv: f.priv, pub: f.pub, born: ev.time });
    }
  }
}

/**
 * A thief's keyring: for each theft that has happened, what the device held at that moment — DH keys
 * made at or before `at` and not forgotten by then ('otr-session'), its DSA key ('long-term-keys': it
 * signs, it opens nothing) and its static key ('static-key'), if the device had made them by then.
 */
export function stolenKeyring(thief: ThiefSpec, rec: TheftRecord): E2eKeyring {
  const ring = emptyKeyring();
  thief.steals.forEach((t, i) => {
    if (!rec.done.includes(i)) return;
    if (t.what.includes('otr-session')) {
      for (const k of rec.dh) {
        if (k.node === t.node && k.born <= t.at && (k.died === null || k.died > t.at)) addDh(ring, k.node, k.peer, k.keyid, k.priv.toString(16), k.pub.toString(16));
      }
    }
    for (const k of rec.longTerm) {
      if (k.node !== t.node || k.born > t.at) continue;
      if (k.kind === 'otr-dsa' && t.what.includes('long-term-keys')) ring.names.add(`otr-dsa:${k.node}`);
      if (k.kind === 'static' && t.what.includes('static-key')) addStatic(ring, k.node, k.priv, k.pub);
    }
  });
  return ring;
}
