/**
 * A short run of every fuzz target (tests/fuzz/targets.ts) in `npm test`; `npm run fuzz` runs the
 * same targets with 100,000 inputs each. Also shows that the harness can fail: a target that throws,
 * breaks its property or is slow is reported with its shrunk counterexample.
 */
import { describe, expect, it } from 'vitest';
import { runTarget, type FuzzTarget } from '../fuzz/harness';
import { PropertyBroken, targets } from '../fuzz/targets';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
// Generous: vitest runs files in parallel on a small machine; the campaign itself uses 200 ms.
const TIME_LIMIT_MS = 2000;

describe('fuzz targets, short run', () => {
  for (const t of targets) {
    it(`${t.name}: ${RUNS} inputs, no failure`, () => {
      const r = runTarget(t, { runs: RUNS, seed: SEED, timeLimitMs: TIME_LIMIT_MS });
      expect(r.failure, `replay: npm run fuzz -- --target ${t.name} --seed ${SEED} --path "${r.failure?.replayPath}"`).toBeUndefined();
      expect(r.inputs).toBe(RUNS);
      // More than one outcome: the generators reach both acceptance and rejection, not one dead end.
      expect(Object.keys(r.outcomes).length).toBeGreaterThan(1);
    });
  }
});

describe('the harness reports failures', () => {
  const nth = <I>(t: FuzzTarget<I>, n: number, fail: (input: I) => never): FuzzTarget<I> => {
    let seen = 0;
    return { ...t, check: (input) => (++seen === n ? fail(input) : t.check(input)) };
  };

  for (const t of targets) {
    it(`${t.name}: an exception escaping the parser is a failure, with a counterexample and a replay path`, () => {
      // A parser that throws on one input (the 7th), as a parser with a bug would.
      const bad = nth(t, 7, () => {
        throw new TypeError('planted: cannot read properties of undefined');
      });
      const r = runTarget(bad, { runs: 50, seed: SEED, timeLimitMs: TIME_LIMIT_MS });
      expect(r.failed).toBe(true);
      expect(r.failure?.error).toContain('planted');
      expect(r.failure?.counterexample.length).toBeGreaterThan(0);
      expect(r.failure?.replayPath).toMatch(/^\d+(:\d+)*$/);
    });
  }

  it('a broken property is a failure', () => {
    const bad = nth(targets[0]!, 3, () => {
      throw new PropertyBroken('planted: chunking changed the events');
    });
    const r = runTarget(bad, { runs: 50, seed: SEED, timeLimitMs: TIME_LIMIT_MS });
    expect(r.failure?.error).toBe('PropertyBroken: planted: chunking changed the events');
  });

  it('an input slower than the time limit is a failure (a hang)', () => {
    const t = targets.find((x) => x.name === 'jid')!;
    const slow: FuzzTarget<string> = {
      ...t,
      check: (s) => {
        if (s.length > 3) {
          const until = performance.now() + 30;
          while (performance.now() < until); // a parser stuck for 30 ms
        }
        return t.check(s);
      },
    };
    const r = runTarget(slow, { runs: 50, seed: SEED, timeLimitMs: 20 });
    expect(r.failed).toBe(true);
    expect(r.failure?.error).toMatch(/^TooSlow: input took \d+\.\d ms \(limit 20 ms\)$/);
  });

  it('a failure replays from its seed and path', () => {
    const bad: FuzzTarget<string> = { ...targets.find((x) => x.name === 'jid')!, check: (s) => (s.includes('@') ? (() => { throw new Error('planted @'); })() : 'accepted') };
    const first = runTarget(bad, { runs: 500, seed: SEED, timeLimitMs: TIME_LIMIT_MS });
    expect(first.failed).toBe(true);
    const again = runTarget(bad, { runs: 500, seed: SEED, timeLimitMs: TIME_LIMIT_MS, path: first.failure!.replayPath });
    expect(again.failure?.counterexample).toBe(first.failure?.counterexample);
  });
});
