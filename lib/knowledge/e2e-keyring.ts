/**
 * End-to-end keys on the trace: every OTR DH key pair, OTR long-term DSA key and static key a device
 * made, with the time it was made and (DH keys) the time it was forgotten — read from the effect notes
 * the client leaves ('otr.dh-generated', 'otr.dh-forgotten[-end|-restart]', 'otr.long-term-key', 'static.key-generated').
 * Two keyrings come from it: a device's own (every key it made, learned as it makes them) and a
 * thief's (what the robbed devices held at the moment of the theft).
 * @module
 */
import type { Note, ThiefSpec, Trace, TraceEvent } from '../sim/types';

export interface DhKeyLife {
  node: string;
  peer: string;
  keyid: number;
  priv: bigint;
  pub: bigint;
  born: number;
  /** virtual ms when the node forgot it; null = still held at the end */
  died: number | null;
}

export interface LongTermKey {
  node: string;
  kind: 'otr-dsa' | 'static';
  /** hex */
  priv: string;
  pub: string;
  born: number;
}

export interface E2eKeyring {
  /** DH private keys by public key (hex) */
  dh: Map<string, bigint>;
  /** static private keys by public key (hex) */
  statics: Map<string, string>;
  /** names for metadata.keys */
  names: Set<string>;
}

export const emptyKeyring = (): E2eKeyring => ({ dh: new Map(), statics: new Map(), names: new Set() });

/** The node that handled an event: the receiver of bytes, the actor otherwise. */
const handler = (ev: TraceEvent): string => (ev.kind === 'wire' ? ev.to : ev.from);

const str = (n: Note, k: string): string => String(n.params?.[k] ?? '');

/** Learn the keys `node` made at this event (its own notes). */
export function learnE2eKeys(ev: TraceEvent, node: string, ring: E2eKeyring): void {
  if (handler(ev) !== node) return;
  for (const n of ev.effects) {
    if (str(n, 'node') !== node) continue;
    if (n.key === 'otr.dh-generated') addDh(ring, node, str(n, 'peer'), Number(n.params?.keyid), str(n, 'priv'), str(n, 'pub'));
    else if (n.key === 'otr.long-term-key') ring.names.add(`otr-dsa:${node}`);
    else if (n.key === 'static.key-generated') addStatic(ring, node, str(n, 'priv'), str(n, 'pub'));
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

/** Every end-to-end key on the trace, with its lifetime. */
export function keyLives(trace: Trace): { dh: DhKeyLife[]; longTerm: LongTermKey[] } {
  const dh: DhKeyLife[] = [];
  const longTerm: LongTermKey[] = [];
  for (const ev of trace.events) {
    const node = handler(ev);
    for (const n of ev.effects) {
      if (str(n, 'node') !== node) continue;
      if (n.key === 'otr.dh-generated') {
        dh.push({ node, peer: str(n, 'peer'), keyid: Number(n.params?.keyid), priv: BigInt(`0x${str(n, 'priv')}`), pub: BigInt(`0x${str(n, 'pub')}`), born: ev.time, died: null });
      } else if (n.key.startsWith('otr.dh-forgotten')) {
        const life = dh.find((k) => k.node === node && k.died === null && k.pub === BigInt(`0x${str(n, 'pub')}`));
        if (life) life.died = ev.time;
      } else if (n.key === 'otr.long-term-key') {
        longTerm.push({ node, kind: 'otr-dsa', priv: str(n, 'x'), pub: str(n, 'y'), born: ev.time });
      } else if (n.key === 'static.key-generated') {
        longTerm.push({ node, kind: 'static', priv: str(n, 'priv'), pub: str(n, 'pub'), born: ev.time });
      }
    }
  }
  return { dh, longTerm };
}

/**
 * A thief's keyring: for each theft the trace has reached (the kernel's 'keys-stolen' step), what the node held at that moment — DH keys made at or before
 * `at` and not forgotten by then ('otr-session'), its DSA key ('long-term-keys': it signs, it opens
 * nothing) and its static key ('static-key'), if the device had made them by then.
 */
export function thiefKeyring(trace: Trace, thief: ThiefSpec): E2eKeyring {
  const ring = emptyKeyring();
  const lives = keyLives(trace);
  for (const t of thief.steals) {
    // A trace that stops before the theft (a prefix, as the lens shows step by step): nothing stolen yet.
    if (!trace.events.some((e) => e.kind === 'action' && e.from === t.node && e.time === t.at && e.note.key === 'action.keys-stolen' && e.note.params?.thief === thief.id)) continue;
    if (t.what.includes('otr-session')) {
      for (const k of lives.dh) {
        if (k.node === t.node && k.born <= t.at && (k.died === null || k.died > t.at)) addDh(ring, k.node, k.peer, k.keyid, k.priv.toString(16), k.pub.toString(16));
      }
    }
    for (const k of lives.longTerm) {
      if (k.node !== t.node || k.born > t.at) continue;
      if (k.kind === 'otr-dsa' && t.what.includes('long-term-keys')) ring.names.add(`otr-dsa:${k.node}`);
      if (k.kind === 'static' && t.what.includes('static-key')) addStatic(ring, k.node, k.priv, k.pub);
    }
  }
  return ring;
}
