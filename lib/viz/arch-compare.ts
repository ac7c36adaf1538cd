/**
 * The architecture comparison of issue #11: one row per party (each provider, a tap on an access link, a
 * tap between providers, the other users), one column per run of the same conversation under another
 * design, each cell read from that run's ledger — which lines of the conversation the party saw and could
 * read, and which metadata it holds. Nothing in a cell is typed in: change a preset and the table changes.
 *
 * Rows are found from each scenario's topology by role, not by name, so "carol's provider" is
 * chat.example in one column and b.example in the next, and a role a design does not have (a link
 * between providers when there is one provider) is an empty cell that says so.
 * @module
 */
import { ledgerOf, type LedgerFact } from '../knowledge/ledger';
import { runScenario } from '../scenarios/run';
import type { Scenario } from '../sim/types';
import { bareOf as bare } from '../xmpp/jid';

export type RoleId = 'provider-alice' | 'provider-carol' | 'tap-access' | 'tap-between' | 'bob' | 'carol';
export const ROLES: readonly RoleId[] = ['provider-alice', 'provider-carol', 'tap-access', 'tap-between', 'bob', 'carol'];

/** One line of the conversation, as the scenario's script says it: who wrote what to whom. */
export interface Line {
  from: string;
  to: string;
  body: string;
}

export interface LineSeen {
  line: number;
  /** The step at which the party first had this line, readable or not. */
  seq: number;
  read: boolean;
}

export interface Cell {
  /** The observer that plays the role in this run, or null when the design has no such party. */
  observer: string | null;
  lines: LineSeen[];
  /** Messages of the end-to-end protocol itself (OTR's Query and key exchange) the party saw. */
  protocol: number;
  /** Who writes to whom, by bare JID, with how many messages: the contact graph. */
  contacts: { from: string; to: string; count: number; seq: number }[];
  /** IP addresses it can tie to a party. */
  addresses: { ip: string; node: string; seq: number }[];
  presence: number;
  /** Messages it held for someone offline. */
  offline: { for: string; from: string; seq: number }[];
  /** Accounts whose credentials (SCRAM records) it stores. */
  accounts: number;
  /** TLS records it carried but could not open. */
  sealed: number;
}

export interface Column {
  id: string;
  title: Scenario['title'];
  cells: Record<RoleId, Cell>;
}

export interface Comparison {
  lines: Line[];
  columns: Column[];
}

/** A party as the tables name it: the JID's localpart (alice), or the whole JID when it has none. */
export const localPartOf = (jid: string): string => (jid.includes('@') ? jid.slice(0, jid.indexOf('@')) : jid);

/** The conversation: every `send-message` of the script, in order. */
export function linesOf(s: Scenario): Line[] {
  const jidOf = new Map(s.topology.clients.map((c) => [c.id, c.jid]));
  return s.script.flatMap((st) => (st.action.type === 'send-message' ? [{ from: bare(jidOf.get(st.node) ?? st.node), to: bare(st.action.to), body: st.action.body }] : []));
}

/** Which observer plays `role` in `s` (clients by id: alice, bob, carol). */
function observerFor(s: Scenario, role: RoleId): string | null {
  const client = (id: string) => s.topology.clients.find((c) => c.id === id);
  const serverIds = new Set(s.topology.servers.map((x) => x.id));
  // Each tap with the two ends of the link it listens on.
  const taps = (s.topology.observers ?? []).flatMap((o) => {
    const link = o.kind === 'tap' ? s.topology.links.find((l) => l.id === o.link) : undefined;
    return link ? [{ id: o.id, ends: [link.a, link.b] }] : [];
  });
  switch (role) {
    case 'provider-alice':
      return client('alice')?.server ?? null;
    case 'provider-carol':
      return client('carol')?.server ?? null;
    case 'bob':
    case 'carol':
      return client(role) ? role : null;
    case 'tap-access':
      return taps.find((t) => t.ends.includes('alice'))?.id ?? null;
    case 'tap-between':
      return taps.find((t) => t.ends.every((e) => serverIds.has(e)))?.id ?? null;
  }
}

const EMPTY: Omit<Cell, 'observer'> = { lines: [], protocol: 0, contacts: [], addresses: [], presence: 0, offline: [], accounts: 0, sealed: 0 };

function cellOf(facts: readonly LedgerFact[], lines: readonly Line[], observer: string): Cell {
  const cell: Cell = { ...EMPTY, observer, lines: [], contacts: [], addresses: [], offline: [] };
  const seen = new Map<number, LineSeen>();
  for (const f of facts) {
    switch (f.kind) {
      case 'message': {
        const i = lines.findIndex((l) => l.from === bare(f.from) && l.to === bare(f.to) && (f.content === l.body || f.e2e === 'otr-data'));
        if (i >= 0) {
          const read = f.content === lines[i]!.body;
          const before = seen.get(i);
          if (!before) seen.set(i, { line: i, seq: f.seq, read });
          else if (read && !before.read) before.read = true;
        } else if (f.e2e) cell.protocol++;
        break;
      }
      case 'contact':
        cell.contacts.push({ from: bare(f.from), to: bare(f.to), count: f.count, seq: f.seq });
        break;
      case 'address':
        if (!cell.addresses.some((a) => a.ip === f.ip)) cell.addresses.push({ ip: f.ip, node: f.node, seq: f.seq });
        break;
      case 'presence':
        cell.presence++;
        break;
      case 'offline':
        if (f.state === 'stored') cell.offline.push({ for: f.for, from: bare(f.from), seq: f.seq });
        break;
      case 'stored-credential':
        cell.accounts++;
        break;
      case 'sealed':
        cell.sealed += f.records;
        break;
    }
  }
  cell.lines = [...seen.values()].sort((a, b) => a.line - b.line);
  return cell;
}

/**
 * Run each scenario and read every role's ledger. The scenarios must tell the same conversation (the
 * same lines, in the same order): a comparison of different conversations would compare nothing.
 */
export function compareArchitectures(scenarios: readonly Scenario[], seed = 1): Comparison {
  const lines = scenarios.length ? linesOf(scenarios[0]!) : [];
  const columns = scenarios.map((s) => {
    const mine = linesOf(s);
    if (mine.length !== lines.length || mine.some((l, i) => l.body !== lines[i]!.body)) throw new Error(`${s.id} tells another conversation than ${scenarios[0]!.id}`);
    const trace = runScenario(s, { seed }).trace;
    const cells = Object.fromEntries(
      ROLES.map((role) => {
        const observer = observerFor(s, role);
        const ledger = observer ? ledgerOf(s, trace, observer) : null;
        return [role, ledger && observer ? cellOf(ledger.facts, mine, observer) : { ...EMPTY, observer: null }];
      }),
    ) as Record<RoleId, Cell>;
    return { id: s.id, title: s.title, cells };
  });
  return { lines, columns };
}
