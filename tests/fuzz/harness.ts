/**
 * The fuzz harness: runs one target's property over `runs` inputs with fast-check (seeded, so a run
 * is reproducible), times every input with performance.now, tallies the outcome kinds the target
 * reports (accepted, or which documented rejection), and turns an escaped exception, a broken
 * property or an input slower than the time limit into a failure with fast-check's shrunk
 * counterexample. Used by scripts/fuzz.ts (the campaign) and tests/property/fuzz-short.test.ts.
 */
import fc from 'fast-check';

/** What checking one input found: `accepted`, or the name of the documented rejection. */
export type Outcome = string;

export interface FuzzTarget<I = unknown> {
  /** Short name for the command line and the table: `xml-stream`, `jid`, … */
  name: string;
  /** What is fed to which functions, and which properties are checked (printed with --list). */
  description: string;
  /** Builds the input generator (may take a moment: it reads the preset traces once). */
  arbitrary: () => fc.Arbitrary<I>;
  /** Checks one input: returns its outcome kind; throws (any error) when a property is broken. */
  check: (input: I) => Outcome;
  /** Readable form of a counterexample (default: fast-check's stringify). */
  show?: (input: I) => string;
}

export interface TargetReport {
  name: string;
  inputs: number;
  /** Outcome kind → count, over the inputs of the run (shrinking is not counted). */
  outcomes: Record<string, number>;
  maxMs: number;
  p99Ms: number;
  totalMs: number;
  seed: number;
  failed: boolean;
  /** The shrunk counterexample, the error it raised, and how to replay it. */
  failure?: { counterexample: string; error: string; replayPath: string };
}

export interface RunOptions {
  runs: number;
  seed: number;
  /** An input taking longer than this (ms) is a failure: the parser must not hang. */
  timeLimitMs: number;
  /** fast-check replay path of a previous failure (from its report). */
  path?: string;
  /** Called before each input with its index: the campaign's watchdog uses it to name a hung input. */
  beforeInput?: (index: number) => void;
}

/** Thrown by the harness when one input exceeds the time limit. */
export class TooSlow extends Error {
  constructor(ms: number, limit: number) {
    super(`input took ${ms.toFixed(1)} ms (limit ${limit} ms)`);
    this.name = 'TooSlow';
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] as number;
}

export function runTarget<I>(target: FuzzTarget<I>, opts: RunOptions): TargetReport {
  const times = new Float64Array(opts.runs);
  const outcomes: Record<string, number> = {};
  let n = 0;
  // After the first failure fast-check shrinks: those re-runs are not inputs of the campaign.
  let shrinking = false;
  const started = performance.now();
  let index = 0;
  const property = fc.property(target.arbitrary(), (input) => {
    opts.beforeInput?.(index++);
    const t0 = performance.now();
    let outcome: Outcome;
    try {
      outcome = target.check(input);
    } catch (e) {
      shrinking = true;
      throw e;
    }
    const ms = performance.now() - t0;
    if (!shrinking && n < opts.runs) {
      times[n++] = ms;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    if (ms > opts.timeLimitMs) {
      shrinking = true;
      throw new TooSlow(ms, opts.timeLimitMs);
    }
  });
  const details = fc.check(property, { seed: opts.seed, numRuns: opts.runs, ...(opts.path !== undefined ? { path: opts.path } : {}) });
  const totalMs = performance.now() - started;
  const sorted = times.slice(0, n).sort();
  const report: TargetReport = {
    name: target.name,
    inputs: details.numRuns,
    outcomes,
    maxMs: sorted.length ? (sorted[sorted.length - 1] as number) : 0,
    p99Ms: percentile(sorted, 0.99),
    totalMs,
    seed: opts.seed,
    failed: details.failed,
  };
  if (details.failed && details.counterexample) {
    const input = details.counterexample[0] as I;
    const err = details.errorInstance;
    report.failure = {
      counterexample: target.show ? target.show(input) : fc.stringify(input),
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      replayPath: details.counterexamplePath ?? '',
    };
  }
  return report;
}
