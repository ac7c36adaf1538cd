/**
 * `npm run fuzz -- --runs N`: the fuzzing campaign. Feeds generated and mutated inputs to every
 * parser that takes outside input (tests/fuzz/targets.ts) and prints, per parser: inputs, outcomes
 * (accepted, or rejections by error kind), max and p99 time per input, failures. Exits 1 on any failure.
 *
 *   --runs N          inputs per parser (default 100000)
 *   --seed S          fast-check seed (default: random, printed)
 *   --target a,b      only these targets (names: --list)
 *   --time-limit MS   per-input limit (default 200)
 *   --path P          with --seed and one --target: replay a failure's shrunk counterexample
 *   --list            print the targets and their properties
 *   --json FILE       also write the reports as JSON
 */
import { writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { runTarget, type TargetReport } from '../tests/fuzz/harness';
import { targets } from '../tests/fuzz/targets';

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

if (process.argv.includes('--list')) {
  for (const t of targets) console.log(`${t.name}\n  ${t.description}\n`);
  process.exit(0);
}

const runs = Number(arg('runs') ?? 100_000);
const seed = arg('seed') !== undefined ? Number(arg('seed')) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
const timeLimitMs = Number(arg('time-limit') ?? 200);
const path = arg('path');
const only = arg('target')?.split(',');
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || !(timeLimitMs > 0)) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed S] [--target name,…] [--time-limit MS] [--path P] [--list] [--json FILE]');
  process.exit(2);
}
const chosen = only ? targets.filter((t) => only.includes(t.name)) : targets;
if (only && chosen.length !== only.length) {
  console.error(`unknown target in ${only.join(',')}; targets: ${targets.map((t) => t.name).join(', ')}`);
  process.exit(2);
}

/**
 * The time limit catches a slow input once it returns; an input that never returns blocks this
 * thread, so a watchdog thread watches a shared counter of inputs started and, when it stops moving
 * for HANG_MS, names the input and ends the process.
 */
const HANG_MS = Math.max(10_000, timeLimitMs * 20);
const progress = new Int32Array(new SharedArrayBuffer(8)); // [target index, input index]
const watchdog = new Worker(
  `const { workerData } = require('node:worker_threads');
   const { writeSync } = require('node:fs');
   const p = new Int32Array(workerData.buf);
   let last = -1, lastTarget = -1, since = Date.now();
   setInterval(() => {
     const t = Atomics.load(p, 0), i = Atomics.load(p, 1);
     if (i !== last || t !== lastTarget) { last = i; lastTarget = t; since = Date.now(); return; }
     if (Date.now() - since < workerData.hangMs) return;
     const name = workerData.names[t];
     writeSync(2, '\\nfuzz: HANG in ' + name + ': input #' + i + ' has not returned after ' + workerData.hangMs + ' ms\\n' +
       '  replay: npm run fuzz -- --target ' + name + ' --seed ' + workerData.seed + ' --path "' + i + '" --runs ' + workerData.runs + '\\n');
     process.kill(process.pid, 'SIGKILL');
   }, 500);
   require('node:worker_threads').parentPort.postMessage('ready');`,
  { eval: true, execArgv: [], workerData: { buf: progress.buffer, hangMs: HANG_MS, names: chosen.map((t) => t.name), seed, runs } },
);
// Start the campaign only once the watchdog runs (a blocked main thread could not start it).
await new Promise<void>((resolve, reject) => {
  watchdog.once('message', () => resolve());
  watchdog.once('error', reject);
});
watchdog.unref();

console.log(`fuzz: ${chosen.length} targets × ${runs} inputs, seed ${seed}, time limit ${timeLimitMs} ms per input`);
const reports: TargetReport[] = [];
for (const [k, t] of chosen.entries()) {
  Atomics.store(progress, 0, k);
  const r = runTarget(t, { runs, seed, timeLimitMs, ...(path !== undefined ? { path } : {}), beforeInput: (i) => Atomics.store(progress, 1, i) });
  reports.push(r);
  const rate = r.inputs / (r.totalMs / 1000);
  console.log(`  ${t.name}: ${r.inputs} inputs in ${(r.totalMs / 1000).toFixed(1)} s (${rate.toFixed(0)}/s), ${r.failed ? 'FAILED' : 'ok'}`);
  if (r.failure) {
    console.log(`\n  ✗ ${t.name} failed: ${r.failure.error}`);
    console.log(`    shrunk counterexample: ${r.failure.counterexample}`);
    console.log(`    replay: npm run fuzz -- --target ${t.name} --seed ${seed} --path "${r.failure.replayPath}" --runs ${runs}\n`);
  }
}

const pad = (s: string, n: number) => s.padEnd(n);
const num = (n: number) => n.toLocaleString('en-US');
console.log(`\n${pad('parser', 13)} ${pad('inputs', 9)} ${pad('max ms', 8)} ${pad('p99 ms', 8)} ${pad('failures', 8)} outcomes (accepted / rejections by kind)`);
for (const r of reports) {
  const kinds = Object.entries(r.outcomes).sort((a, b) => b[1] - a[1]);
  console.log(`${pad(r.name, 13)} ${pad(num(r.inputs), 9)} ${pad(r.maxMs.toFixed(1), 8)} ${pad(r.p99Ms.toFixed(2), 8)} ${pad(r.failed ? '1' : '0', 8)} ${kinds.length} kinds`);
  for (const [k, n] of kinds) console.log(`${' '.repeat(49)}${pad(num(n), 8)} ${k}`);
}
const jsonFile = arg('json');
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ seed, runs, timeLimitMs, reports }, null, 2) + '\n');
const failed = reports.filter((r) => r.failed).length;
console.log(`\nfuzz: ${failed === 0 ? 'no failures' : `${failed} target(s) failed`} (seed ${seed})`);
process.exit(failed === 0 ? 0 : 1);
