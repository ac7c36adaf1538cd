/**
 * `npm run bench`: the figures the issues ask for, printed, never asserted.
 *  - engine throughput: delivered stanzas per second for runs of ~1k, 10k and 100k events, the heap
 *    after a full GC and what the checkpoints take of it, beside issue #13's targets (≥ 50k stanzas/s,
 *    ≤ 150 MiB at 100k events);
 *  - seek latency: median and p95 of rebuilding the state at a random step of a 10k- and a 100k-event trace;
 *  - knowledge seek: what an observer knows at step 100 and at step 10,000 (the lens's checkpointed
 *    fold, beside observe() on the prefix as the lens did before), and the kernel's stateAfter there;
 *  - more sections register themselves below as engines land (OTR, routing …).
 */
import { performance } from 'node:perf_hooks';
import { observe } from '../lib/knowledge/observe';
import { knowledgeAt, knowledgeTimeline } from '../lib/knowledge/timeline';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { clonePlain } from '../lib/sim/clone';
import { stateAfter, type SimRun } from '../lib/sim/kernel';
import { hello } from '../lib/scenarios/presets/hello';
import { machines, runScenario } from '../lib/scenarios/run';
import type { Scenario } from '../lib/sim/types';

/** hello plus enough alternating chat messages that the run has about `events` events (3 per message). */
function chatScenario(events: number): Scenario {
  const messages = Math.max(1, Math.round((events - 25) / 3));
  return {
    ...hello,
    id: `bench-${events}`,
    script: [
      ...hello.script,
      ...Array.from({ length: messages }, (_, i) => ({
        at: 2000 + i * 10,
        node: i % 2 ? 'bob' : 'alice',
        action: { type: 'send-message' as const, to: i % 2 ? 'alice@a.example' : 'bob@a.example', body: `message number ${i}` },
      })),
    ],
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

console.log('Messenger Lab benchmarks (Node ' + process.version + ')\n');
/** A full collection before reading the heap (tsx gives no --expose-gc: switch it on for this process). */
const gc: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();
const heapMiB = (): number => {
  gc();

  return process.memoryUsage().heapUsed / 2 ** 20;
};

/** Median, p95 and max of seeking to 500 random steps (a fixed sequence, the same every run). */
function seekTimes(scenario: Scenario, run: SimRun): { median: number; p95: number; max: number } {
  const n = run.trace.events.length;
  const times: number[] = [];
  let x = 12345;
  for (let i = 0; i < 500; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const seq = x % n;
    const t0 = performance.now();
    stateAfter(scenario, machines, run, seq);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), max: times.at(-1)! };
}

/** What a run's checkpoints take: the heap grown by a second copy of them (dropping them and reading
 * the heap again was not reliable: the collector kept the dropped array a while). */
function checkpointsMiB(run: SimRun, heap: number): number {
  const copy = run.checkpoints.map((c) => ({ tick: c.tick, state: clonePlain(c.state) }));
  const grown = heapMiB() - heap;
  return copy.length ? grown : 0;
}

const STANZAS_TARGET = 50_000;
const HEAP_TARGET = 150;
const mark = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

console.log('Engine throughput (hello + chat, seed 1; one event = one step; heap: heapUsed after a full GC with the run and its checkpoints held, nothing else):');
const seekLines: string[] = [];
for (const target of [1_000, 10_000, 100_000]) {
  const scenario = chatScenario(target);
  const t0 = performance.now();
  const run = runScenario(scenario, { seed: 1, maxEvents: 1_000_000 });
  const ms = performance.now() - t0;
  const stanzas = run.trace.events.filter((e) => e.kind === 'wire').length;
  const heap = heapMiB();
  if (target >= 10_000) {
    const t = seekTimes(scenario, run);
    seekLines.push(`  ${fmt(run.trace.events.length).padStart(8)} events: median ${fmt(t.median, 2)} ms, p95 ${fmt(t.p95, 2)} ms, max ${fmt(t.max, 2)} ms (target p95 ≤ 16 ms, in the browser: ${mark(t.p95 <= 16)})`);
  }
  const checkpoints = run.checkpoints.length;
  const cpMiB = checkpointsMiB(run, heap);
  const rate = (stanzas / ms) * 1000;
  console.log(
    `  ${fmt(run.trace.events.length).padStart(8)} events  ${fmt(ms).padStart(7)} ms  ${fmt(rate).padStart(9)} delivered stanzas/s  heap ${fmt(heap, 1).padStart(6)} MiB  ${fmt(checkpoints).padStart(5)} checkpoints: ${fmt(cpMiB, 1)} MiB (${fmt((cpMiB * 1024) / checkpoints, 1)} KiB each)`,
  );
  if (target === 100_000) {
    console.log(`  at 100k events: ${fmt(rate)} delivered stanzas/s (target ≥ ${fmt(STANZAS_TARGET)}: ${mark(rate >= STANZAS_TARGET)}); heap ${fmt(heap, 1)} MiB (target ≤ ${HEAP_TARGET} MiB: ${mark(heap <= HEAP_TARGET)})`);
  }
}
console.log('\nSeek latency (kernel state at a random step, replayed from the nearest checkpoint; 500 seeks):');
for (const line of seekLines) console.log(line);

console.log('\nKnowledge seek (what an observer knows at step k of a chat a little longer than 10k events; median of repeated seeks):');
{
  const scenario = chatScenario(10_100); // longer than 10k: step 10,000 is replayed from a checkpoint, not read off the end

  const run = runScenario(scenario, { seed: 1 });
  const { trace } = run;
  const n = trace.events.length;
  const median = (reps: number, f: () => unknown): number => {
    const times: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      f();
      times.push(performance.now() - t0);
    }
    return quantile(times.sort((a, b) => a - b), 0.5);
  };
  const prefix = (k: number) => ({ ...trace, events: trace.events.slice(0, k) });
  for (const name of ['tap:alice~a.example', 'alice', 'a.example']) {
    const tl = knowledgeTimeline(scenario, trace, name)!;
    const t0 = performance.now();
    knowledgeAt(tl, n); // fold the whole run once (the widget does it as it plays): every later seek starts from a checkpoint
    const fold = performance.now() - t0;
    const cells = [100, 10_000].map((k) => {
      const seek = median(200, () => knowledgeAt(tl, k));
      const replay = median(5, () => observe(scenario, prefix(k), name));
      return `k=${fmt(k).padStart(6)}: ${fmt(seek, 3).padStart(6)} ms (observe on the prefix: ${fmt(replay, 2).padStart(6)} ms)`;
    });
    console.log(`  ${name.padEnd(20)} fold of all ${n} events ${fmt(fold, 1).padStart(6)} ms; ${cells.join('; ')}`);
  }
  const kernel = [100, 10_000].map((k) => `k=${fmt(k)}: ${fmt(median(50, () => stateAfter(scenario, machines, run, k - 1)), 3)} ms`);
  console.log(`  kernel stateAfter       ${kernel.join('; ')}`);
}

import { benchJs } from './bench-js';
benchJs();

import { benchOtr } from './bench-otr';
import { benchXmpp } from './bench-xmpp';
await benchXmpp();
await benchOtr();
await (await import('./bench-tls')).benchTls();
await (await import('./bench-omemo')).benchOmemo();
