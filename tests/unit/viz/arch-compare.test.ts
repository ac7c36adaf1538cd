/**
 * Issue #11's comparison, computed from runs: under OTR no server reads a line while its ledger still
 * names sender, recipient, time and size; without it every provider reads what it carries; a tap reads
 * nothing under TLS; the centralised design has one provider in two roles and no link between providers;
 * and a changed preset changes the table.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerOf } from '../../../lib/knowledge/ledger';
import { ARCH_BODIES, archCentralised, archCentralisedE2e, archFederated, archFederatedE2e } from '../../../lib/scenarios/presets/arch';
import { runScenario } from '../../../lib/scenarios/run';
import { compareArchitectures, linesOf, type Comparison } from '../../../lib/viz/arch-compare';

let table: Comparison;
beforeAll(() => {
  table = compareArchitectures([archCentralised, archFederated, archCentralisedE2e, archFederatedE2e]);
}, 120_000);

const col = (id: string) => table.columns.find((c) => c.id === id)!;

describe('the architecture presets tell one conversation', () => {
  it('has the same four lines, in order, in every preset', () => {
    for (const s of [archCentralised, archFederated, archCentralisedE2e, archFederatedE2e]) expect(linesOf(s).map((l) => l.body)).toEqual(ARCH_BODIES);
    expect(table.lines.map((l) => `${l.from.split('@')[0]}→${l.to.split('@')[0]}`)).toEqual(['alice→bob', 'bob→alice', 'alice→carol', 'carol→alice']);
  });

  it('refuses to compare runs of different conversations', () => {
    const other = { ...archFederated, id: 'other', script: archFederated.script.filter((st) => st.action.type !== 'send-message' || st.action.body !== ARCH_BODIES[0]) };
    expect(() => compareArchitectures([archCentralised, other])).toThrow(/another conversation/);
  });
});

describe('what each party learns', () => {
  it('without end-to-end encryption every provider reads every line it carries', () => {
    expect(col('arch-centralised').cells['provider-alice'].lines.map((l) => [l.line, l.read])).toEqual([[0, true], [1, true], [2, true], [3, true]]);
    expect(col('arch-federated').cells['provider-alice'].lines.every((l) => l.read)).toBe(true);
    expect(col('arch-federated').cells['provider-carol'].lines.map((l) => [l.line, l.read])).toEqual([[2, true], [3, true]]);
  });

  it('with OTR no provider reads a line, yet each still sees every line it carries', () => {
    for (const id of ['arch-centralised-e2e', 'arch-federated-e2e'])
      for (const role of ['provider-alice', 'provider-carol'] as const) {
        const cell = col(id).cells[role];
        expect(cell.lines.length).toBeGreaterThanOrEqual(2);
        expect(cell.lines.filter((l) => l.read)).toEqual([]);
        expect(cell.protocol).toBeGreaterThan(0);
        expect(cell.contacts.length).toBeGreaterThan(0);
      }
  });

  it("a server's ledger under OTR names sender, recipient, time and size of every line, and no content", () => {
    const run = runScenario(archFederatedE2e, { seed: 1 });
    for (const server of ['a.example', 'b.example']) {
      const messages = ledgerOf(archFederatedE2e, run.trace, server)!.facts.filter((f) => f.kind === 'message');
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) {
        if (m.kind !== 'message') continue;
        expect(ARCH_BODIES).not.toContain(m.content);
        expect(m.from).toMatch(/@/);
        expect(m.to).toMatch(/@/);
        expect(m.size).toBeGreaterThan(0);
        expect(m.time).toBeGreaterThan(0);
      }
    }
  });

  it('a tap on an access link under TLS reads no line, only sealed records and addresses', () => {
    for (const c of table.columns) {
      const tap = c.cells['tap-access'];
      expect(tap.observer).toMatch(/^tap:alice~/);
      expect(tap.lines).toEqual([]);
      expect(tap.sealed).toBeGreaterThan(0);
      expect(tap.addresses.length).toBeGreaterThan(0);
    }
  });

  it('the centralised design has one provider in both provider roles and no link between providers', () => {
    const c = col('arch-centralised').cells;
    expect([c['provider-alice'].observer, c['provider-carol'].observer]).toEqual(['chat.example', 'chat.example']);
    expect(c['tap-between'].observer).toBeNull();
    expect(col('arch-federated').cells['tap-between'].observer).toBe('tap:a.example~b.example');
  });

  it('only the provider that held it for carol knows of the offline message', () => {
    expect(col('arch-federated').cells['provider-carol'].offline.map((o) => o.for)).toEqual(['carol@b.example']);
    expect(col('arch-federated').cells['provider-alice'].offline).toEqual([]);
    expect(col('arch-centralised').cells['provider-carol'].offline.map((o) => o.for)).toEqual(['carol@chat.example']);
  });

  it('bob sees only his own conversation, carol only hers', () => {
    expect(col('arch-federated').cells.bob.lines.map((l) => l.line)).toEqual([0, 1]);
    expect(col('arch-federated').cells.carol.lines.map((l) => l.line)).toEqual([2, 3]);
    expect(col('arch-federated-e2e').cells.bob.lines.every((l) => l.read)).toBe(true);
  });
});

it('is computed from the runs: a preset without TLS changes what the tap reads', () => {
  const noTls = { ...archCentralised, id: 'arch-centralised-no-tls', settings: { ...archCentralised.settings, tls: 'none' as const } };
  const changed = compareArchitectures([noTls]);
  const tap = changed.columns[0]!.cells['tap-access'];
  expect(tap.lines.map((l) => [l.line, l.read])).toEqual([[0, true], [1, true], [2, true], [3, true]]);
  expect(col('arch-centralised').cells['tap-access'].lines).toEqual([]);
});

describe('npm run sim -- compare', () => {
  const sim = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'lib/io/sim-cli.ts', ...args], { encoding: 'utf8' });

  it('prints the same cells as the page, as JSON and as text; a scenario of another conversation exits 2', () => {
    const j = sim('compare', '--json');
    expect(j.status).toBe(0);
    expect(JSON.parse(j.stdout)).toEqual(JSON.parse(JSON.stringify(table)));

    const t = sim('compare', 'arch-federated', 'arch-federated-e2e');
    expect(t.status).toBe(0);
    expect(t.stdout).toMatch(/\nprovider-carol\n {2}arch-federated +b\.example: reads 2\/4, sees 2\/4; contacts alice→carol×1 carol→alice×1;.*held offline for carol/);
    expect(t.stdout).toMatch(/\n {2}arch-federated-e2e +b\.example: reads 0\/4, sees 2\/4;/);
    expect(t.stdout).toMatch(/\ntap-between\n {2}arch-federated +tap:a\.example~b\.example: reads 0\/4, sees 0\/4;.*sealed records \d+/);

    const other = sim('compare', 'arch-federated', 'hello');
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('hello tells another conversation than arch-federated');
  }, 180_000);
});
