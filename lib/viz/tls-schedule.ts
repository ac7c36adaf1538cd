/**
 * The key schedule of one TLS 1.3 connection (RFC 8446 §7.1) as a graph for the Handshake view: the
 * three extracted secrets down the middle (Early → Handshake → Master), their inputs on the left (no PSK,
 * the X25519 shared secret, zeros), the secrets derived from them on the right, each with its label and
 * the transcript it hashes. Values are the ones the ends reported in their `tls-keys` facts; only the two
 * "derived" salts and the transcript hashes are recomputed here, from those facts and the handshake
 * messages, with lib/tls's own functions. Geometry in a 1000-unit-wide box; the component scales it.
 * @module
 */
import { fromHex, toHex } from '../bytes/hex';
import { factsOf } from '../sim/facts';
import type { Trace } from '../sim/types';
import { deriveSecret, transcriptHash } from '../tls/key-schedule';
import type { HsEntry, TlsConnection } from './tls-handshake';

export const SECRET_IDS = ['psk', 'early', 'derived1', 'ecdhe', 'handshake', 'c_hs', 's_hs', 'derived2', 'zero', 'master', 'c_ap', 's_ap', 'exp'] as const;
export type SecretId = (typeof SECRET_IDS)[number];

export interface ScheduleNode {
  id: SecretId;
  /** input: fed in from outside the schedule; extracted: an HKDF-Extract; derived: a Derive-Secret */
  kind: 'input' | 'extracted' | 'derived';
  /** RFC 8446 §7.1's formula for it, in the RFC's notation (the same in every language) */
  formula: string;
  /** the Derive-Secret label, for derived secrets */
  label?: string;
  /** the transcript a traffic secret hashes: up to which message, and Transcript-Hash (hex); null hash when not known */
  transcript?: { through: 'ServerHello' | 'server Finished'; hash: string | null };
  /** its value (hex); null when no end reported the schedule */
  value: string | null;
  /** the NSS key log label, for the five secrets a key log carries (lib/tls/keylog.ts) */
  keylog?: string;
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface ScheduleEdge {
  from: SecretId;
  to: SecretId;
  /** what the source is to the target: HKDF-Extract's salt or IKM, or Derive-Secret's secret */
  role: 'salt' | 'ikm' | 'secret';
  path: string;
}
export interface KeySchedule {
  nodes: ScheduleNode[];
  edges: ScheduleEdge[];
  width: number;
  height: number;
  /** who derived the schedule (the two ends), with the step from which each held it */
  holders: { node: string; role: 'client' | 'server'; step: number }[];
}

const ROW = 78;
const NODE_H = 60;
const COLUMNS = { input: { x: 2, w: 236 }, chain: { x: 300, w: 250 }, out: { x: 604, w: 394 } } as const;

interface Spec {
  id: SecretId;
  kind: ScheduleNode['kind'];
  column: keyof typeof COLUMNS;
  row: number;
  formula: string;
  label?: string;
  through?: 'ServerHello' | 'server Finished';
  keylog?: string;
}
const SPECS: Spec[] = [
  { id: 'psk', kind: 'input', column: 'input', row: 0, formula: 'PSK = 0 (no pre-shared key)' },
  { id: 'early', kind: 'extracted', column: 'chain', row: 0, formula: 'HKDF-Extract(salt = 0, IKM = PSK)' },
  { id: 'derived1', kind: 'derived', column: 'chain', row: 1, formula: 'Derive-Secret(Early Secret, "derived", "")', label: 'derived' },
  { id: 'ecdhe', kind: 'input', column: 'input', row: 2, formula: 'X25519(own private key, peer’s key_share)' },
  { id: 'handshake', kind: 'extracted', column: 'chain', row: 2, formula: 'HKDF-Extract(salt = derived, IKM = (EC)DHE)' },
  { id: 'c_hs', kind: 'derived', column: 'out', row: 2, formula: 'Derive-Secret(Handshake Secret, "c hs traffic", ClientHello…ServerHello)', label: 'c hs traffic', through: 'ServerHello', keylog: 'CLIENT_HANDSHAKE_TRAFFIC_SECRET' },
  { id: 's_hs', kind: 'derived', column: 'out', row: 3, formula: 'Derive-Secret(Handshake Secret, "s hs traffic", ClientHello…ServerHello)', label: 's hs traffic', through: 'ServerHello', keylog: 'SERVER_HANDSHAKE_TRAFFIC_SECRET' },
  { id: 'derived2', kind: 'derived', column: 'chain', row: 4, formula: 'Derive-Secret(Handshake Secret, "derived", "")', label: 'derived' },
  { id: 'zero', kind: 'input', column: 'input', row: 5, formula: '0 (32 zero bytes)' },
  { id: 'master', kind: 'extracted', column: 'chain', row: 5, formula: 'HKDF-Extract(salt = derived, IKM = 0)' },
  { id: 'c_ap', kind: 'derived', column: 'out', row: 5, formula: 'Derive-Secret(Master Secret, "c ap traffic", ClientHello…server Finished)', label: 'c ap traffic', through: 'server Finished', keylog: 'CLIENT_TRAFFIC_SECRET_0' },
  { id: 's_ap', kind: 'derived', column: 'out', row: 6, formula: 'Derive-Secret(Master Secret, "s ap traffic", ClientHello…server Finished)', label: 's ap traffic', through: 'server Finished', keylog: 'SERVER_TRAFFIC_SECRET_0' },
  { id: 'exp', kind: 'derived', column: 'out', row: 7, formula: 'Derive-Secret(Master Secret, "exp master", ClientHello…server Finished)', label: 'exp master', through: 'server Finished', keylog: 'EXPORTER_SECRET' },
];
const EDGES: Omit<ScheduleEdge, 'path'>[] = [
  { from: 'psk', to: 'early', role: 'ikm' },
  { from: 'early', to: 'derived1', role: 'secret' },
  { from: 'derived1', to: 'handshake', role: 'salt' },
  { from: 'ecdhe', to: 'handshake', role: 'ikm' },
  { from: 'handshake', to: 'c_hs', role: 'secret' },
  { from: 'handshake', to: 's_hs', role: 'secret' },
  { from: 'handshake', to: 'derived2', role: 'secret' },
  { from: 'derived2', to: 'master', role: 'salt' },
  { from: 'zero', to: 'master', role: 'ikm' },
  { from: 'master', to: 'c_ap', role: 'secret' },
  { from: 'master', to: 's_ap', role: 'secret' },
  { from: 'master', to: 'exp', role: 'secret' },
];

/** Left or right side to side as a smooth curve; straight down the chain. */
function pathOf(a: ScheduleNode, b: ScheduleNode): string {
  if (a.x === b.x) return `M${a.x + a.w / 2},${a.y + a.h} L${b.x + b.w / 2},${b.y}`;
  const x1 = a.x + a.w;
  const y1 = a.y + a.h / 2;
  const x2 = b.x;
  const y2 = b.y + b.h / 2;
  const mx = (x1 + x2) / 2;
  return `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
}

/** The schedule of `c`, from its ends' facts and its handshake messages (`entries`, lib/viz/tls-handshake). */
export function keySchedule(trace: Trace, c: TlsConnection, entries: readonly HsEntry[]): KeySchedule {
  const k = c.keys;
  const s = k?.schedule;
  const messages = (upTo: (e: HsEntry) => boolean): Uint8Array[] | null => {
    const i = entries.findIndex(upTo);
    const part = entries.slice(0, i + 1);
    return i >= 0 && part.every((e) => e.message) ? part.map((e) => e.message!.bytes) : null;
  };
  const transcripts = {
    ServerHello: messages((e) => e.name === 'ServerHello'),
    'server Finished': messages((e) => e.name === 'Finished' && e.by === 'server'),
  };
  const derived = (hex: string | undefined) => (hex ? toHex(deriveSecret(fromHex(hex), 'derived', [])) : null);
  const values: Record<SecretId, string | null> = {
    psk: s ? '00'.repeat(32) : null,
    early: s?.earlySecret ?? null,
    derived1: derived(s?.earlySecret),
    ecdhe: s?.sharedSecret ?? null,
    handshake: s?.handshakeSecret ?? null,
    c_hs: k?.clientHandshakeTrafficSecret ?? null,
    s_hs: k?.serverHandshakeTrafficSecret ?? null,
    derived2: derived(s?.handshakeSecret),
    zero: s ? '00'.repeat(32) : null,
    master: s?.masterSecret ?? null,
    c_ap: k?.clientTrafficSecret0 ?? null,
    s_ap: k?.serverTrafficSecret0 ?? null,
    exp: k?.exporterSecret ?? null,
  };
  const nodes: ScheduleNode[] = SPECS.map((p) => {
    const col = COLUMNS[p.column];
    const t = p.through ? transcripts[p.through] : undefined;
    return {
      id: p.id,
      kind: p.kind,
      formula: p.formula,
      ...(p.label ? { label: p.label } : {}),
      ...(p.through ? { transcript: { through: p.through, hash: t ? toHex(transcriptHash(t)) : null } } : {}),
      value: values[p.id],
      ...(p.keylog ? { keylog: p.keylog } : {}),
      x: col.x,
      y: 10 + p.row * ROW,
      w: col.w,
      h: NODE_H,
    };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = EDGES.map((e) => ({ ...e, path: pathOf(byId.get(e.from)!, byId.get(e.to)!) }));
  const holders = trace.events.flatMap((e) => factsOf(e.facts, 'tls-keys').filter((f) => f.keyName === c.keyName).map((f) => ({ node: f.node, role: f.role, step: e.seq + 1 })));
  return { nodes, edges, width: 1000, height: 20 + 8 * ROW - (ROW - NODE_H), holders };
}
