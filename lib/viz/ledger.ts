/**
 * The Ledger tab's view of lib/knowledge/ledger: what one observer had learned by a step, grouped as a
 * student reads it — messages, sealed traffic, who writes to whom, addresses, connections, presence,
 * rosters, offline storage, credentials. One ledger timeline per trace and observer is kept while the
 * trace lives, so stepping through a run costs at most a checkpoint's worth of replay each time.
 * @module
 */
import { ledgerAt, ledgerTimeline, type Ledger, type LedgerFact, type LedgerKind, type LedgerTimeline } from '../knowledge/ledger';
import type { Scenario, Trace } from '../sim/types';

export type LedgerGroup = 'messages' | 'sealed' | 'contacts' | 'addresses' | 'connections' | 'presence' | 'roster' | 'offline' | 'credentials';

/** Which group each kind of fact is listed under (every kind has one: the type says so). */
const GROUP_OF: Record<LedgerKind, LedgerGroup> = {
  message: 'messages',
  sealed: 'sealed',
  contact: 'contacts',
  address: 'addresses',
  jid: 'addresses',
  connection: 'connections',
  stream: 'connections',
  'peer-domain': 'connections',
  presence: 'presence',
  resource: 'presence',
  roster: 'roster',
  subscription: 'roster',
  offline: 'offline',
  password: 'credentials',
  scram: 'credentials',
  'stored-credential': 'credentials',
};

/** The order groups are shown in: what was said first, then who and where, then what sticks to an account. */
const GROUPS: readonly LedgerGroup[] = ['messages', 'contacts', 'addresses', 'connections', 'presence', 'roster', 'offline', 'credentials', 'sealed'];

/** The non-empty groups of a ledger, in GROUPS order; within a group the facts keep the ledger's order (by step). */
export function groupLedger(facts: readonly LedgerFact[]): { group: LedgerGroup; facts: LedgerFact[] }[] {
  const by = new Map<LedgerGroup, LedgerFact[]>();
  for (const f of facts) {
    const g = GROUP_OF[f.kind];
    const list = by.get(g);
    if (list) list.push(f);
    else by.set(g, [f]);
  }
  return GROUPS.flatMap((group) => {
    const list = by.get(group);
    return list ? [{ group, facts: list }] : [];
  });
}

const timelines = new WeakMap<Trace, Map<string, LedgerTimeline | null>>();

/** What `name` had learned from steps 1..step (the widget's steps: event seq + 1); null when the scenario has no such observer. */
export function ledgerUpTo(scenario: Scenario, trace: Trace, name: string, step: number): Ledger | null {
  let byName = timelines.get(trace);
  if (!byName) timelines.set(trace, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, ledgerTimeline(scenario, trace, name));
  const tl = byName.get(name) ?? null;
  return tl && ledgerAt(tl, step);
}
