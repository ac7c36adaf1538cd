/**
 * `npm run bench:browser`: what a reader's browser does when a lesson or scenario page opens (issue #13
 * item 1), measured in Debian's Chromium against the static export (run `npm run build` first), on a
 * mobile-sized window with the CPU slowed 4× as Lighthouse's mobile profile does:
 *  - long tasks on the main thread (PerformanceObserver 'longtask': tasks over 50 ms) while the page loads,
 *    and while its widget goes live (scrolled into view, its code loaded, its scenario computed), beside
 *    the target: none over 50 ms while a scenario computes;
 *  - cumulative layout shift over both phases (the build-time picture must not move when it goes live);
 *  - which scripts were requested before the widget was near, and after;
 * each with the engine in its Web Worker, and again with `Worker` removed from the page (the widget then
 * runs the scenario on the main thread, as it did before the worker).
 * Printed, never asserted: timings on a shared machine vary; tests/e2e/lazy-widget.spec.ts checks the behaviour.
 * @module
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const PORT = Number(process.env.BENCH_PORT ?? 3290);
const BASE = `http://127.0.0.1:${PORT}`;
const PAGES = [
  { path: '/en/lessons/client-server/', widget: 'hello' },
  { path: '/en/scenarios/otr-mitm/', widget: 'otr-mitm' },
];
const RUNS = 3;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

declare global {
  interface Window {
    benchLong: number[];
    benchShift: number;
  }
}

interface Phase {
  longTasks: number[];
  scripts: number;
}

async function measure(page: Page, path: string, widget: string): Promise<{ load: Phase; live: Phase; cls: number }> {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(BASE + path);
  await page.waitForLoadState('networkidle');
  const load = { longTasks: await page.evaluate(() => window.benchLong.splice(0)), scripts: scripts.length };
  const el = page.locator(`[data-scenario-widget="${widget}"]`);
  await el.scrollIntoViewIfNeeded();
  await el.and(page.locator('[data-ready="true"]')).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(500); // the tasks that follow going live (effects, measured sizes)
  const live = { longTasks: await page.evaluate(() => window.benchLong.splice(0)), scripts: scripts.length - load.scripts };
  return { load, live, cls: await page.evaluate(() => window.benchShift) };
}

function line(label: string, phases: Phase[]): string {
  const max = median(phases.map((p) => Math.max(0, ...p.longTasks)));
  const count = median(phases.map((p) => p.longTasks.length));
  const total = median(phases.map((p) => p.longTasks.reduce((a, b) => a + b, 0)));
  return `    ${label.padEnd(34)} ${String(count).padStart(3)} long tasks, longest ${fmt(max).padStart(5)} ms, ${fmt(total).padStart(6)} ms in all; ${median(phases.map((p) => p.scripts))} scripts requested`;
}

async function benchBrowser(): Promise<void> {
  console.log(`\nIn the browser (Chromium, 412×823 window, CPU 4× slower; medians of ${RUNS} loads; target: no long task over 50 ms while a scenario computes):`);
  if (!existsSync('out')) {
    console.log('  out/ not found: build the site first (npm run build)');
    return;
  }
  const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(PORT)], { stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    for (let i = 0; i < 50; i++) {
      if (await fetch(BASE + '/').then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const { path, widget } of PAGES)
      for (const mode of ['worker', 'main thread'] as const) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) {
          const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
          if (mode === 'main thread') await page.addInitScript(() => Reflect.deleteProperty(window, 'Worker'));
          await page.addInitScript(() => {
            window.benchLong = [];
            window.benchShift = 0;
            new PerformanceObserver((l) => l.getEntries().forEach((e) => window.benchLong.push(e.duration))).observe({ type: 'longtask', buffered: true });
            new PerformanceObserver((l) =>
              l.getEntries().forEach((e) => {
                const s = e as PerformanceEntry & { value: number; hadRecentInput: boolean };
                if (!s.hadRecentInput) window.benchShift += s.value;
              }),
            ).observe({ type: 'layout-shift', buffered: true });
          });
          runs.push(await measure(page, path, widget));
          await context.close();
        }
        const liveMax = median(runs.map((r) => Math.max(0, ...r.live.longTasks)));
        console.log(`  ${path} (widget ${widget}; ${mode === 'worker' ? 'the engine in a Web Worker' : 'no Worker: the engine on the main thread, as before'}):`);
        console.log(line('while the page loads', runs.map((r) => r.load)));
        console.log(line('while the widget goes live', runs.map((r) => r.live)));
        console.log(`    longest task while the widget goes live: ${fmt(liveMax)} ms (target ≤ 50 ms: ${liveMax <= 50 ? 'meets target' : 'MISSES target'}); CLS ${fmt(median(runs.map((r) => r.cls)), 4)}`);
      }
  } finally {
    await browser.close();
    server.kill();
  }
}

await benchBrowser();
