import { describe, expect, it } from 'vitest';
import { loadScenario } from '@/lib/scenarios/load';
import { presets } from '@/lib/scenarios/presets/index';
import { hello } from '@/lib/scenarios/presets/hello';
import { action } from '@/lib/scenarios/schema/actions';
import { at, checkShape, isObject, type Schema } from '@/lib/scenarios/schema/dsl';
import type { Issue } from '@/lib/scenarios/schema/issues';
import { observer } from '@/lib/scenarios/schema/observers';
import { scenario } from '@/lib/scenarios/schema/scenario';
import { settings } from '@/lib/scenarios/schema/settings';
import { settableFields } from '@/lib/scenarios/schema/walk';

const fields = settableFields(scenario);
/** The concrete paths of `value` whose schema has `pick`: walks data and schema together. */
function concrete(s: Schema, value: unknown, path: string, pick: (s: Schema) => boolean): string[] {
  const here = pick(s) ? [path] : [];
  if ((s.kind === 'list' || s.kind === 'pair') && Array.isArray(value)) return [...here, ...value.flatMap((v, i) => concrete(s.item, v, at(path, i), pick))];
  if (s.kind === 'object' && isObject(value)) return [...here, ...Object.entries(s.fields as Record<string, Schema>).flatMap(([k, f]) => concrete(f, value[k], at(path, k), pick))];
  if (s.kind === 'union' && isObject(value) && typeof value[s.tag] === 'string' && s.variants[value[s.tag] as string]) return [...here, ...concrete(s.variants[value[s.tag] as string]!, value, path, pick)];
  return here;
}

function set(root: any, path: string, value: unknown): void {
  const keys = path.split(/\.|\[|\]\.?/).filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  let o = root;
  for (const k of keys.slice(0, -1)) o = o[k];
  o[keys.at(-1)!] = value;
}

const problems = (schema: Schema, value: unknown): Issue[] => {
  const issues: Issue[] = [];
  checkShape(schema, value, '', issues);
  return issues;
};

describe('the schema’s metadata, as a scenario editor reads it', () => {
  it('reaches every action and every observer a user can declare, and no internal one', () => {
    const paths = fields.map((f) => f.path);
    for (const type of Object.keys(action.variants).filter((t) => t !== 'keys-stolen')) expect(paths).toContain(`script[].action<${type}>`);
    for (const kind of ['tap', 'thief', 'forger', 'mitm']) expect(paths).toContain(`topology.observers[]<${kind}>`);
    expect(paths).not.toContain('script[].action<keys-stolen>');
    expect(paths).toContain('script[].action<send-message>.messageType');
    expect(paths).toContain('topology.observers[]<mitm>.between[]');
    expect(Object.keys(observer.variants)).toEqual(['tap', 'thief', 'forger', 'mitm']);
  });

  it('every field has a label in English and in German', () => {
    const missing = fields.filter(({ schema: s }) => !(s.meta.label.en.trim() && s.meta.label.de.trim())).map((f) => f.path);
    expect(missing).toEqual([]);
    // Descriptions, where given, exist in both languages too.
    const half = fields.filter(({ schema: s }) => s.meta.description && !(s.meta.description.en.trim() && s.meta.description.de.trim())).map((f) => f.path);
    expect(half).toEqual([]);
    expect(fields.length).toBeGreaterThan(100);
  });

  it('allowed values, bounds and defaults are what the validator accepts, and only those', () => {
    for (const { path, schema: s } of fields) {
      const ok = (v: unknown) => expect(problems(s, v), `${path} = ${JSON.stringify(v)}`).toEqual([]);
      const refused = (v: unknown) => expect(problems(s, v).length, `${path} = ${JSON.stringify(v)}`).toBeGreaterThan(0);
      if (s.meta.default !== undefined) ok(s.meta.default);
      switch (s.kind) {
        case 'enum':
          expect(s.values.length).toBeGreaterThan(0);
          for (const v of s.values) ok(v);
          refused(`${s.values[0]}-not`);
          // Labels for values, where given, cover exactly the allowed values, in both languages.
          if (s.valueLabels) {
            expect(Object.keys(s.valueLabels).sort(), path).toEqual([...s.values].sort());
            for (const l of Object.values(s.valueLabels) as { en: string; de: string }[]) expect(Boolean(l.en.trim() && l.de.trim()), path).toBe(true);
          }
          break;
        case 'literal':
          ok(s.value);
          refused(`${s.value}0`);
          break;
        case 'number':
          ok(s.min);
          ok(s.max);
          refused(s.min - 1);
          refused(s.max + 1);
          if (s.integer) refused(s.min + 0.5);
          break;
        case 'text':
          if (s.maxLength !== undefined && s.format === undefined) {
            ok('x'.repeat(s.maxLength));
            refused('x'.repeat(s.maxLength + 1));
          }
          if (s.minLength !== undefined && s.minLength > 0) refused('');
          break;
        case 'boolean':
          ok(true);
          ok(false);
          refused('true');
          break;
      }
    }
  });

  it('every field that names another part is one the validator checks: an id that does not exist is refused there', () => {
    const refs = fields.filter((f) => f.schema.meta.ref).map((f) => f.path);
    expect(refs.sort()).toEqual([
      'script[].node',
      'topology.clients[].server',
      'topology.links[].a',
      'topology.links[].b',
      'topology.middleboxes[].link',
      'topology.observers[]<forger>.link',
      'topology.observers[]<mitm>.server',
      'topology.observers[]<tap>.link',
      'topology.observers[]<thief>.link',
      'topology.observers[]<thief>.steals[].node',
    ]);
    let checked = 0;
    const withBox = { ...hello, topology: { ...hello.topology, middleboxes: [{ id: 'nat', machine: 'nat', link: 'alice~a.example' }] } };
    expect(loadScenario(withBox).ok).toBe(true);
    for (const p of [...presets, withBox]) {
      for (const path of concrete(scenario, p, '', (s) => s.meta.ref !== undefined)) {
        const bad = structuredClone(p);
        set(bad, path, 'nobody');
        const r = loadScenario(bad);
        expect(r.ok ? [] : r.errors.filter((e) => e.path === path && e.code.startsWith('ref.')).map((e) => e.path), `${p.id} ${path}`).toEqual([path]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('settings: each allowed value and each default makes a valid scenario with the whole loader', () => {
    for (const [key, s] of Object.entries(settings.fields) as [string, Schema][]) {
      const values: unknown[] = s.kind === 'enum' ? [...s.values] : s.kind === 'number' ? [s.min, s.max] : s.kind === 'boolean' ? [true, false] : [];
      if (s.meta.default !== undefined) values.push(s.meta.default);
      if (s.kind === 'list' && s.item.kind === 'enum') for (const v of s.item.values) values.push([v]);
      expect(values.length, key).toBeGreaterThan(0);
      for (const v of values) expect(loadScenario({ ...hello, settings: { ...hello.settings, [key]: v } }).ok, `${key} = ${JSON.stringify(v)}`).toBe(true);
    }
    // Optional fields state the engine's defaults (lib/xmpp/server/state.ts).
    expect(Object.fromEntries(Object.entries(settings.fields).map(([k, s]) => [k, (s as Schema).meta.default]))).toEqual({
      tls: undefined,
      sasl: undefined,
      serverMechanisms: ['SCRAM-SHA-256', 'SCRAM-SHA-1', 'PLAIN'],
      allowPlainWithoutTls: false,
      scramIterations: 4096,
      maxAuthAttempts: 3,
      offlineLimit: 50,
    });
  });
});
