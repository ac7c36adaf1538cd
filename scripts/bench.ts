/**
 * `npm run bench`: the figures the issues ask for, printed, never asserted.
 *  - engine throughput: delivered stanzas per second for runs of ~1k, 10k and 100k events;
 *  - seek latency: median and p95 of rebuilding the state at a random step of a 10k-event trace;
 *  - more sections register themselves below as engines land (OTR, routing …).
 */
import { performance } from 'node:perf_hooks';
import { stateAfter } from '../lib/sim/kernel';
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
console.log('Engine throughput (hello + chat, seed 1; one event = one step):');
for (const target of [1_000, 10_000, 100_000]) {
  const scenario = chatScenario(target);
  const t0 = performance.now();
  const run = runScenario(scenario, { seed: 1, maxEvents: 1_000_000 });
  const ms = performance.now() - t0;
  const stanzas = run.trace.events.filter((e) => e.kind === 'wire').length;
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(
    `  ${fmt(run.trace.events.length).padStart(8)} events  ${fmt(ms).padStart(7)} ms  ${fmt((stanzas / ms) * 1000).padStart(9)} delivered stanzas/s  ${fmt(run.checkpoints.length).padStart(5)} checkpoints  heap ${fmt(heap)} MiB`,
  );
}

console.log('\nSeek latency (state at a random step of a 10k-event trace, replayed from the nearest checkpoint):');
{
  const scenario = chatScenario(10_000);
  const run = runScenario(scenario, { seed: 1 });
  const n = run.trace.events.length;
  const times: number[] = [];
  let x = 12345;
  for (let i = 0; i < 500; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0; // a fixed sequence of steps, the same every run
    const seq = x % n;
    const t0 = performance.now();
    stateAfter(scenario, machines, run, seq);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${n} events, 500 seeks: median ${fmt(quantile(times, 0.5), 2)} ms, p95 ${fmt(quantile(times, 0.95), 2)} ms, max ${fmt(times.at(-1)!, 2)} ms`);
}
