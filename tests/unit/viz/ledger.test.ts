import { describe, expect, it } from 'vitest';
import { ledgerOf, type LedgerFact } from '@/lib/knowledge/ledger';
import { getPreset } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';
import { groupLedger, ledgerUpTo } from '@/lib/viz/ledger';

const scenario = getPreset('offline-message')!;
const { trace } = runScenario(scenario, { seed: 1 });

describe('the Ledger tab’s view: ledgerUpTo and groupLedger', () => {
  it('up to the last step it is the whole ledger; before the first, nothing; each fact appears once its step is reached', () => {
    const whole = ledgerOf(scenario, trace, 'a.example')!;
    expect(ledgerUpTo(scenario, trace, 'a.example', trace.events.length)).toEqual(whole);
    expect(ledgerUpTo(scenario, trace, 'a.example', 0)!.facts).toEqual([]);
    const stored = whole.facts.find((f) => f.kind === 'offline' && f.state === 'stored')!;
    // Widget step k shows the events seq 0..k-1: the fact leaked at seq s is there from step s + 1 on.
    expect(ledgerUpTo(scenario, trace, 'a.example', stored.seq)!.facts).not.toContainEqual(stored);
    expect(ledgerUpTo(scenario, trace, 'a.example', stored.seq + 1)!.facts).toContainEqual(stored);
    // Stepping back after stepping forward gives the same answer (the cached timeline replays from a checkpoint).
    expect(ledgerUpTo(scenario, trace, 'a.example', stored.seq)).toEqual(ledgerUpTo(scenario, trace, 'a.example', stored.seq));
    expect(ledgerUpTo(scenario, trace, 'nobody', 5)).toBeNull();
  });

  it('groups by what a student asks, messages first and sealed traffic last, each fact in exactly one group', () => {
    const facts = ledgerOf(scenario, trace, 'a.example')!.facts;
    const groups = groupLedger(facts);
    expect(groups.map((g) => g.group)).toEqual(['messages', 'contacts', 'addresses', 'connections', 'presence', 'offline', 'credentials']);
    expect(groups.flatMap((g) => g.facts)).toHaveLength(facts.length);
    const kinds = (g: string) => new Set(groups.find((x) => x.group === g)!.facts.map((f) => f.kind));
    expect(kinds('addresses')).toEqual(new Set(['address', 'jid']));
    expect(kinds('presence')).toEqual(new Set(['presence', 'resource']));
    expect(kinds('credentials')).toEqual(new Set(['stored-credential']));
    // Within a group the ledger's order (by step) is kept.
    for (const g of groups) expect(g.facts.map((f) => f.seq)).toEqual([...g.facts.map((f) => f.seq)].sort((a, b) => a - b));
    const sealed: LedgerFact = { kind: 'sealed', seq: 3, time: 1, from: 'x', to: 'y', size: 9, records: 1 };
    const pw: LedgerFact = { kind: 'password', seq: 1, user: 'alice', password: 'p' };
    expect(groupLedger([sealed, pw]).map((g) => g.group)).toEqual(['credentials', 'sealed']);
  });
});
