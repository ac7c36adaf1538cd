import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenarioJson } from '@/lib/scenarios/load';
import { presets } from '@/lib/scenarios/presets/index';
import { formatIssue } from '@/lib/scenarios/schema/messages';
import { originalPath } from '@/lib/scenarios/schema/migrate';
import type { Scenario } from '@/lib/sim/types';

/** The presets as they were written before version 2 (taps, thieves, forgers, otrMitm, down), saved as JSON files. */
const v1 = (id: string): any => JSON.parse(readFileSync(join(__dirname, 'v1', `${id}.json`), 'utf8'));
/** A preset as a version-1 file can express it: chapters came with version 2 (they are optional there). */
const withoutChapters = ({ chapters: _, ...rest }: Scenario): Scenario => rest;
/** Presets first written in version 2: they never had a version-1 file. */
const BORN_IN_V2 = new Set(['otr-offline', 'starttls-stripping', 'bad-certificate', 'sasl-downgrade', 's2s-plaintext', 'muc-basic', 'muc-moderation', 'arch-centralised', 'arch-federated', 'arch-centralised-e2e', 'arch-federated-e2e']);

describe('version-1 files', () => {
  it('every old preset file loads and equals the version-2 preset', () => {
    for (const p of presets.filter((q) => !BORN_IN_V2.has(q.id))) {
      const file = v1(p.id);
      expect(file.version).toBeUndefined();
      expect(loadScenario(file), p.id).toEqual({ ok: true, scenario: withoutChapters(p), migratedFrom: 1 });
    }
  });

  it('taps, thieves, forgers and the operator’s otrMitm become one observers list; down becomes a server flag', () => {
    const fs = v1('otr-forward-secrecy');
    expect(fs.topology.thieves).toHaveLength(1);
    const r = loadScenario(fs);
    expect(r.ok && r.scenario.topology.observers.map((o) => [o.id, o.kind])).toEqual([
      ['tap', 'tap'],
      ['thief', 'thief'],
    ]);
    const mitm = loadScenario(v1('otr-mitm'));
    expect(mitm.ok && mitm.scenario.topology.observers.at(-1)).toEqual({ id: 'mitm:a.example', kind: 'mitm', server: 'a.example', between: ['alice@a.example', 'bob@a.example'] });
    expect(mitm.ok && mitm.scenario.topology.servers[0]).not.toHaveProperty('otrMitm');
    const down = loadScenario(v1('unknown-domain'));
    expect(down.ok && down.scenario.topology.servers.map((s) => [s.id, s.down ?? false])).toEqual([
      ['a.example', false],
      ['d.example', true],
    ]);
    expect(down.ok && down.scenario.topology).not.toHaveProperty('down');
  });

  it('reports problems where they are in the old file, in both languages', () => {
    const file = v1('otr-post-compromise');
    file.topology.thieves[0].link = 'nowhere';
    file.topology.thieves[0].steals[0].node = 'a.example';
    file.topology.taps[0].id = 'Tap!';
    file.topology.down = ['alice'];
    const r = loadScenario(file);
    expect(r.ok ? [] : r.errors.map((e) => formatIssue(e, 'en'))).toEqual([
      'topology.down[0]: no server with id “alice”',
      'topology.taps[0].id: “Tap!” is not a valid id (lowercase letters, digits, . _ : ~ -)',
      'topology.thieves[0].link: no link with id “nowhere”',
      'topology.thieves[0].steals[0].node: no client with id “a.example”',
    ]);
    expect(r.ok ? [] : formatIssue(r.errors[2]!, 'de')).toBe('topology.thieves[0].link: keine Leitung mit der Kennung „nowhere“');
    const mitm = v1('otr-mitm');
    mitm.topology.servers[0].otrMitm.between = ['alice@a.example'];
    const m = loadScenario(mitm);
    expect(m.ok ? [] : m.errors.map((e) => formatIssue(e, 'en'))).toEqual(['topology.servers[0].otrMitm.between: needs exactly 2 entries']);
    const bad = v1('hello');
    bad.topology.thieves = 'x';
    expect(loadScenario(bad)).toEqual({ ok: false, errors: [{ path: 'topology.thieves', code: 'type.list', params: {} }] });
  });

  it('ignores unknown fields in version 1, as version 1 did', () => {
    const file = v1('hello');
    file.comment = 'written by hand';
    file.topology.clients[0].colour = 'blue';
    const r = loadScenario(file);
    expect(r.ok && r.scenario).toEqual(withoutChapters(presets.find((p) => p.id === 'hello')!));
  });

  it('loads JSON text the way the CLI does', () => {
    const r = parseScenarioJson(readFileSync(join(__dirname, 'v1', 'otr-deniability.json'), 'utf8'));
    expect(r.ok && r.migratedFrom).toBe(1);
  });

  it('maps a version-2 path back by its longest known prefix', () => {
    const map: [string, string][] = [
      ['topology.observers[1]', 'topology.thieves[0]'],
      ['topology.observers[1].server', 'topology.servers[0].id'],
    ];
    expect(originalPath('topology.observers[1].steals[0].at', map)).toBe('topology.thieves[0].steals[0].at');
    expect(originalPath('topology.observers[1].server', map)).toBe('topology.servers[0].id');
    expect(originalPath('topology.observers[10]', map)).toBe('topology.observers[10]');
    expect(originalPath('script[0]', map)).toBe('script[0]');
  });
});
