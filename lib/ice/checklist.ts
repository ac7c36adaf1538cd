/**
 * The ICE checklist, RFC 8445 §6.1.2 and §7.2.5: pairing local with remote candidates, the pair
 * priority, ordering and pruning, the initial Frozen/Waiting states, which pair to check next, what a
 * check's result does to the list (unfreezing pairs with the same foundation), regular nomination
 * (§8.1.1: the controlling agent repeats a check on a valid pair with USE-CANDIDATE) and the selected
 * pair. Pure functions over plain data; the checks themselves are check.ts.
 * @module
 */
import { formatAddress } from '../stun/binding';
import type { Candidate } from './candidate';

export type Role = 'controlling' | 'controlled';
export type PairState = 'frozen' | 'waiting' | 'in-progress' | 'succeeded' | 'failed';

export interface CandidatePair {
  /** Local and remote transport address and component: unique in a checklist after pruning. */
  readonly id: string;
  readonly local: Candidate;
  readonly remote: Candidate;
  /** §6.1.2.6: "the pair foundation", the two candidates' foundations together. */
  readonly foundation: string;
  /** §6.1.2.3; up to 2^63, hence a bigint. */
  readonly priority: bigint;
  readonly state: PairState;
  /** A check on it succeeded (§7.2.5.3.2: it is in the valid list). */
  readonly valid: boolean;
  readonly nominated: boolean;
  /** Controlled agent: USE-CANDIDATE arrived before our own check succeeded (§7.3.1.5). */
  readonly nominateOnSuccess: boolean;
}

/**
 * §6.1.2.3: "Let G be the priority for the candidate provided by the controlling agent. Let D be the
 * priority for the candidate provided by the controlled agent.
 *   pair priority = 2^32*MIN(G,D) + 2*MAX(G,D) + (G>D?1:0)"
 * Both agents compute the same number, so both order their checklists alike.
 */
export function pairPriority(controlling: number, controlled: number): bigint {
  const [g, d] = [BigInt(controlling), BigInt(controlled)];
  const [min, max] = g < d ? [g, d] : [d, g];
  return (min << 32n) + 2n * max + (g > d ? 1n : 0n);
}

const priorityFor = (local: Candidate, remote: Candidate, role: Role): bigint =>
  role === 'controlling' ? pairPriority(local.priority, remote.priority) : pairPriority(remote.priority, local.priority);

const byPriority = (a: CandidatePair, b: CandidatePair): number => (a.priority > b.priority ? -1 : a.priority < b.priority ? 1 : 0);

/** §6.1.2.5: "the agent SHOULD limit the total number of connectivity checks ... a default of 100". */
export const MAX_PAIRS = 100;

/**
 * §6.1.2.2–§6.1.2.6, in order: pair every local with every remote candidate of the same component and
 * IP family; order by pair priority; replace a server-reflexive local candidate by its base (an agent
 * sends from its base, never from the NAT's address) and drop a pair that is then the same as a
 * higher-priority one; keep at most 100; then, per foundation, the pair with the lowest component ID
 * and the highest priority starts Waiting, every other pair Frozen.
 */
export function formCheckList(locals: readonly Candidate[], remotes: readonly Candidate[], role: Role): CandidatePair[] {
  const pairs: CandidatePair[] = [];
  for (const l of locals)
    for (const r of remotes)
      if (l.componentId === r.componentId && l.address.family === r.address.family) pairs.push(makePair(l, r, role));
  pairs.sort(byPriority);
  const seen = new Set<string>();
  const pruned: CandidatePair[] = [];
  for (const p of pairs) {
    const local = p.local.type === 'srflx' ? (locals.find((c) => c.type === 'host' && formatAddress(c.address) === formatAddress(p.local.base) && c.componentId === p.local.componentId) ?? p.local) : p.local;
    const pair = local === p.local ? p : makePair(local, p.remote, role, p.priority);
    if (seen.has(pair.id)) continue;
    seen.add(pair.id);
    pruned.push(pair);
  }
  const list = pruned.slice(0, MAX_PAIRS);
  const first = new Map<string, CandidatePair>();
  for (const p of list) {
    const have = first.get(p.foundation);
    if (!have || p.local.componentId < have.local.componentId) first.set(p.foundation, p);
  }
  const starters = new Set([...first.values()]);
  return list.map((p) => (starters.has(p) ? { ...p, state: 'waiting' } : p));
}

/** A pruned pair keeps the priority it was ordered by (that of the srflx candidate it replaced). */
function makePair(local: Candidate, remote: Candidate, role: Role, priority = priorityFor(local, remote, role)): CandidatePair {
  return {
    id: `${local.componentId} ${formatAddress(local.address)} ${formatAddress(remote.address)}`,
    local,
    remote,
    foundation: `${local.foundation}:${remote.foundation}`,
    priority,
    state: 'frozen',
    valid: false,
    nominated: false,
    nominateOnSuccess: false,
  };
}

/** §7.3.1.1: after a role conflict the agent switches role and "MUST recompute the candidate pair priorities". */
export const withRole = (list: readonly CandidatePair[], role: Role): CandidatePair[] =>
  list.map((p) => ({ ...p, priority: priorityFor(p.local, p.remote, role) })).sort(byPriority);

const update = (list: readonly CandidatePair[], id: string, f: (p: CandidatePair) => CandidatePair): CandidatePair[] => list.map((p) => (p.id === id ? f(p) : p));

/**
 * §6.1.4.2, the ordinary check when Ta fires: the highest-priority Waiting pair; if none, the
 * highest-priority Frozen pair whose foundation no Waiting or In-Progress pair has. It goes In-Progress.
 */
export function nextCheck(list: readonly CandidatePair[]): { list: CandidatePair[]; pair: CandidatePair | null } {
  let pair = list.find((p) => p.state === 'waiting');
  if (!pair) {
    const busy = new Set(list.filter((p) => p.state === 'in-progress').map((p) => p.foundation));
    pair = list.find((p) => p.state === 'frozen' && !busy.has(p.foundation));
  }
  if (!pair) return { list: [...list], pair: null };
  const next = { ...pair, state: 'in-progress' as const };
  return { list: update(list, pair.id, () => next), pair: next };
}

/**
 * §7.2.5.3: a successful check makes the pair valid and Succeeded, and (§7.2.5.3.3) "the agent MUST
 * set the states for all other Frozen candidate pairs in all checklists with the same foundation to
 * Waiting". A success of a check that carried USE-CANDIDATE nominates the pair (§8.1.1); so does
 * success after the peer's USE-CANDIDATE arrived (§7.3.1.5).
 */
export function checkSucceeded(list: readonly CandidatePair[], id: string, usedCandidate = false): CandidatePair[] {
  const done = list.find((p) => p.id === id);
  if (!done) return [...list];
  return list.map((p) => {
    if (p.id === id) return { ...p, state: 'succeeded', valid: true, nominated: p.nominated || usedCandidate || p.nominateOnSuccess };
    return p.state === 'frozen' && p.foundation === done.foundation ? { ...p, state: 'waiting' } : p;
  });
}

/** §7.2.5.2: a timeout or an error response other than 487 fails the pair. */
export const checkFailed = (list: readonly CandidatePair[], id: string): CandidatePair[] => update(list, id, (p) => ({ ...p, state: 'failed' }));

/**
 * The controlled agent got a check with USE-CANDIDATE on pair `id` (§7.3.1.5): a valid pair is
 * nominated now; otherwise it is nominated when its own (triggered) check succeeds.
 */
export const useCandidateReceived = (list: readonly CandidatePair[], id: string): CandidatePair[] =>
  update(list, id, (p) => (p.valid ? { ...p, nominated: true } : { ...p, nominateOnSuccess: true, state: p.state === 'in-progress' ? p.state : 'waiting' }));

/**
 * §8.1.1: "If more than one candidate pair is nominated ... the agent MUST use the one with the highest
 * priority" per component; null while nothing is nominated.
 */
export function selectedPair(list: readonly CandidatePair[], componentId = 1): CandidatePair | null {
  return [...list].sort(byPriority).find((p) => p.nominated && p.local.componentId === componentId) ?? null;
}

/** §6.1.2.1: Completed once every component has a nominated pair, Failed once no pair can succeed, else Running. */
export function checklistState(list: readonly CandidatePair[]): 'running' | 'completed' | 'failed' {
  const components = new Set(list.map((p) => p.local.componentId));
  if (components.size && [...components].every((c) => selectedPair(list, c))) return 'completed';
  const open = list.some((p) => p.valid || p.state === 'waiting' || p.state === 'in-progress' || p.state === 'frozen');
  return open ? 'running' : 'failed';
}
