/**
 * The metadata ledger: for one observer, everything it learned by a step, each fact with the event
 * (`seq`) that leaked it — messages (who, to whom, when, how big, the text when readable), addresses
 * and ports, presence, devices, rosters and subscriptions, who writes to whom how often, offline
 * storage, credentials. End-to-end encryption empties `content`; the rest of the ledger stays.
 *
 * Two folds run side by side, each checkpointed: the knowledge timeline (lib/knowledge/timeline.ts)
 * for messages and contacts — so a message's content is exactly what the Knowledge lens shows — and
 * the ledger's own fold (lib/knowledge/ledger-fold.ts) for the rest. `ledgerAt(tl, k)` costs at most
 * `every` replayed events at any k, like the lens.
 * @module
 */
import type { Scenario, Trace, TraceEvent } from '../sim/types';
import { initialLedger, ledgerContext, stepLedger, type LedgerContext, type LedgerFact, type LedgerKind, type LedgerState } from './ledger-fold';
import type { Observation } from './observation';
import { knowledgeAt, knowledgeTimeline, type KnowledgeTimeline } from './timeline';

export type { LedgerFact, LedgerKind } from './ledger-fold';

export interface Ledger {
  observer: string;
  /** In the order they leaked (by `seq`; within one event in the order of LEDGER_KINDS). */
  facts: LedgerFact[];
}

/** The order kinds are listed in, in a table and within one event. */
export const LEDGER_KINDS: readonly LedgerKind[] = [
  'message',
  'sealed',
  'contact',
  'offline',
  'presence',
  'resource',
  'roster',
  'subscription',
  'jid',
  'stream',
  'address',
  'connection',
  'peer-domain',
  'password',
  'scram',
  'stored-credential',
];

const LEDGER_CHECKPOINT_EVERY = 32;

type Snapshot = Omit<LedgerState, 'log'>;

export interface LedgerTimeline {
  knowledge: KnowledgeTimeline;
  ctx: LedgerContext;
  events: readonly TraceEvent[];
  every: number;
  checkpoints: Snapshot[];
  frontier: LedgerState;
}

const snapshot = ({ log: _log, ...rest }: LedgerState): Snapshot => structuredClone(rest);
const restore = (s: Snapshot, log: LedgerFact[]): LedgerState => ({ ...structuredClone(s), log });

/** A ledger timeline for `name` over this trace; null when the scenario has no such observer. Nothing is folded yet. */
export function ledgerTimeline(scenario: Scenario, trace: Trace, name: string, every = LEDGER_CHECKPOINT_EVERY): LedgerTimeline | null {
  const knowledge = knowledgeTimeline(scenario, trace, name, every);
  if (!knowledge) return null;
  const frontier = initialLedger();
  return { knowledge, ctx: ledgerContext(scenario, knowledge.observer), events: trace.events, every, checkpoints: [snapshot(frontier)], frontier };
}

function stateAt(tl: LedgerTimeline, k: number): LedgerState {
  const f = tl.frontier;
  while (f.at < k) {
    stepLedger(tl.ctx, f, tl.events[f.at]!);
    if (f.at % tl.every === 0) tl.checkpoints.push(snapshot(f));
  }
  if (f.at === k) return f;
  const s = restore(tl.checkpoints[Math.floor(k / tl.every)]!, f.log);
  while (s.at < k) stepLedger(tl.ctx, s, tl.events[s.at]!);
  return s;
}

/** What the observer has learned after the first `step` events (clamped to the run). */
export function ledgerAt(tl: LedgerTimeline, step: number): Ledger {
  const k = Math.max(0, Math.min(Math.floor(step), tl.events.length));
  const obs = knowledgeAt(tl.knowledge, k);
  const s = stateAt(tl, k);
  return { observer: tl.knowledge.observer.name, facts: merge(obs, s) };
}

/** The ledger of `name` for the whole trace; null when the scenario has no such observer. */
export function ledgerOf(scenario: Scenario, trace: Trace, name: string): Ledger | null {
  const tl = ledgerTimeline(scenario, trace, name);
  return tl && ledgerAt(tl, trace.events.length);
}

const bare = (jid: string): string => {
  const i = jid.indexOf('/');
  return i < 0 ? jid : jid.slice(0, i);
};

function merge(obs: Observation, s: LedgerState): LedgerFact[] {
  const own = s.log.slice(0, s.seen);
  // The knowledge fold lists each sealed record as a message without content; here it is 'sealed' traffic, not a message.
  const sealed = new Set(own.filter((f) => f.kind === 'sealed').map((f) => `${f.seq} ${f.from} ${f.to} ${f.size}`));
  const messages = obs.messages.filter((m) => !(m.content === null && m.kind === undefined && sealed.has(`${m.seq} ${m.from} ${m.to} ${m.size}`)));
  const facts: LedgerFact[] = messages.map((m) => ({ kind: 'message', seq: m.seq, time: m.time, from: m.from, to: m.to, size: m.size, content: m.content, ...(m.kind ? { e2e: m.kind } : {}) }));
  // Contacts come counted by the knowledge fold (a relayed message once); their first and latest message name the steps.
  for (const c of obs.metadata.contacts) {
    const seqs = obs.messages.filter((m) => bare(m.from) === c.from && bare(m.to) === c.to).map((m) => m.seq);
    if (seqs.length === 0) continue;
    facts.push({ kind: 'contact', seq: Math.min(...seqs), from: c.from, to: c.to, count: c.count, lastSeq: Math.max(...seqs) });
  }
  facts.push(...own);
  for (const c of Object.values(s.conns)) facts.push({ ...c });
  const rank = (f: LedgerFact) => LEDGER_KINDS.indexOf(f.kind);
  return facts.map((f, i) => ({ f, i })).sort((a, b) => a.f.seq - b.f.seq || rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
}

type FactOf<K extends LedgerKind> = Omit<Extract<LedgerFact, { kind: K }>, 'kind'>;
const factsOfKind = <K extends LedgerKind>(l: Ledger, kind: K): FactOf<K>[] =>
  l.facts.flatMap((f) => {
    if (f.kind !== kind) return [];
    const { kind: _kind, ...rest } = f as Extract<LedgerFact, { kind: K }>;
    return [rest as FactOf<K>];
  });

/**
 * What `npm run sim -- observe` adds to an Observation's metadata from the ledger: the kinds it did
 * not list before, each fact with the event (`seq`) that leaked it. Nothing of today's shape is
 * renamed; `presence` (online only) stays, `presenceChanges` also has who went offline.
 */
export function ledgerMetadata(l: Ledger) {
  return {
    sealed: factsOfKind(l, 'sealed'),
    connections: factsOfKind(l, 'connection'),
    streams: factsOfKind(l, 'stream'),
    presenceChanges: factsOfKind(l, 'presence'),
    resources: factsOfKind(l, 'resource'),
    rosters: factsOfKind(l, 'roster'),
    subscriptions: factsOfKind(l, 'subscription'),
    offline: factsOfKind(l, 'offline'),
    scram: factsOfKind(l, 'scram'),
    storedCredentials: factsOfKind(l, 'stored-credential'),
    peerDomains: factsOfKind(l, 'peer-domain'),
  };
}
