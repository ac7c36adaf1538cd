import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenarioJson } from '@/lib/scenarios/load';
import { presets } from '@/lib/scenarios/presets/index';
import { formatIssue } from '@/lib/scenarios/schema/messages';

/** Every path into a JSON value: ['topology', 'clients', 1, 'jid'] … */
function pathsOf(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => pathsOf(x, [...prefix, i]))];
  if (v && typeof v === 'object') return [...here, ...Object.entries(v).flatMap(([k, x]) => pathsOf(x, [...prefix, k]))];
  return here;
}

function replaced(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: any = Array.isArray(root) ? [...root] : { ...(root as object) };
  copy[path[0]!] = replaced(copy[path[0]!], path.slice(1), value);
  return copy;
}

/** Loading never throws, and a refusal always names problems that read in both languages. */
function check(input: unknown): void {
  const r = loadScenario(input);
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) for (const locale of ['en', 'de'] as const) expect(typeof formatIssue(e, locale)).toBe('string');
}

describe('loading arbitrary data (fast-check)', () => {
  it('random values never make the loader throw', () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, withSparseArray: true }), (v) => check(v)), { numRuns: 500 });
    fc.assert(fc.property(fc.string(), (text) => void parseScenarioJson(text)), { numRuns: 200 });
  });

  it('a preset with any one part replaced by anything never makes it throw (both versions)', () => {
    const v1 = presets.map((p) => {
      const { version: _, topology, ...rest } = structuredClone(p) as any;
      return { ...rest, topology: { ...topology, taps: topology.observers, thieves: [], forgers: [] } };
    });
    const all = [...presets, ...v1];
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), fc.nat(), fc.anything({ withNullPrototype: true }), (which, pick, value) => {
        const base = all[which]!;
        const paths = pathsOf(base);
        check(replaced(base, paths[pick % paths.length]!, value));
      }),
      { numRuns: 400 },
    );
  });
});
