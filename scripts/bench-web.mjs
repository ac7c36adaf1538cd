#!/usr/bin/env node
// npm run bench:web — Lighthouse on Messenger Lab beside the anchor, The Illustrated TLS 1.3 Connection
// (issue #13 item 2): a lesson page, a scenario page and the course page, mobile and desktop, three runs
// each, medians printed beside the anchor's figures from the same run and the same static server
// (scripts/serve.mjs) and the targets: performance ≥ the anchor's, accessibility 100, best practices ≥ 95,
// LCP and TBT ≤ the anchor's. Figures are printed, never asserted.
//
// Lighthouse is not a project dependency (about 190 MB; no test needs it): the first run installs the
// pinned version the issue measured with into .bench-web/ (npm registry), later runs reuse it.
// The anchor is MIT licensed but not ours, so it is not in the repository either: pass its site/ folder
// with --anchor DIR, or put it at .bench-web/illustrated-tls13/site
// (git clone https://github.com/syncsynchalt/illustrated-tls13 .bench-web/illustrated-tls13).
//
// Usage: npm run bench:web -- [--no-build] [--runs N] [--anchor DIR] [--only mobile|desktop]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const LIGHTHOUSE = '12.8.2';
const CACHE = resolve('.bench-web');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(opt('--runs', '3'));
const anchorDir = resolve(opt('--anchor', join(CACHE, 'illustrated-tls13/site')));
const factors = opt('--only', 'mobile,desktop').split(',');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const PAGES = [
  { name: 'lesson 1', path: '/en/lessons/client-server/' },
  { name: 'scenario otr-mitm', path: '/en/scenarios/otr-mitm/' },
  { name: 'course', path: '/en/' },
];

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function serve(dir) {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], { env: { ...process.env, OUT_DIR: dir }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`serve.mjs for ${dir} exited with ${code}`)));
    child.stdout.on('data', (d) => String(d).includes('served at') && ok());
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function loadLighthouse() {
  const entry = join(CACHE, 'node_modules/lighthouse/core/index.js');
  if (!existsSync(entry)) {
    console.log(`Installing Lighthouse ${LIGHTHOUSE} into ${CACHE} (once; about a minute) …`);
    execFileSync('npm', ['install', '--prefix', CACHE, '--no-audit', '--no-fund', '--no-save', '--silent', `lighthouse@${LIGHTHOUSE}`], { stdio: 'inherit' });
  }
  const lighthouse = (await import(pathToFileURL(entry).href)).default;
  const desktop = (await import(pathToFileURL(join(CACHE, 'node_modules/lighthouse/core/config/desktop-config.js')).href)).default;
  const launcher = await import(pathToFileURL(join(CACHE, 'node_modules/chrome-launcher/dist/index.js')).href);
  return { lighthouse, desktop, launcher };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure(lh, url, factor) {
  const chrome = await lh.launcher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] };
    const { lhr } = await lh.lighthouse(url, flags, factor === 'desktop' ? lh.desktop : undefined);
    const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const audit = (a) => lhr.audits[a]?.numericValue ?? NaN;
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
    };
  } finally {
    await chrome.kill();
  }
}

async function medians(lh, url, factor) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await measure(lh, url, factor));
  return Object.fromEntries(Object.keys(all[0]).map((k) => [k, median(all.map((r) => r[k]))]));
}

const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—');
const mark = (ok) => (ok ? 'yes' : 'NO');

if (!args.includes('--no-build')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (!existsSync('out/index.html')) {
  console.error('bench:web: out/ has no build (drop --no-build, or run npm run build)');
  process.exit(2);
}
const lh = await loadLighthouse();
const site = await serve(resolve('out'));
const anchor = existsSync(join(anchorDir, 'index.html')) ? await serve(anchorDir) : null;
if (!anchor) console.log(`\nThe anchor page is not at ${anchorDir}: pass --anchor DIR (its site/ folder). Our figures follow without it.`);
try {
  console.log(`\nLighthouse ${LIGHTHOUSE}, ${chromePath}, medians of ${runs} runs; targets from issue #13.`);
  for (const factor of factors) {
    const ref = anchor ? await medians(lh, `${anchor.origin}/`, factor) : null;
    console.log(`\n${factor}`);
    console.log('  page                         perf  a11y  best   LCP ms    TBT ms    CLS    perf≥anchor a11y=100 best≥95 LCP≤anchor TBT≤anchor');
    const row = (name, r, judge) =>
      console.log(
        `  ${name.padEnd(27)} ${fmt(r.performance).padStart(5)} ${fmt(r.accessibility).padStart(5)} ${fmt(r.bestPractices).padStart(5)} ${fmt(r.lcp).padStart(8)} ${fmt(r.tbt).padStart(9)} ${fmt(r.cls, 3).padStart(7)}` +
          (judge ? `    ${mark(!ref || r.performance >= ref.performance).padEnd(11)} ${mark(r.accessibility === 100).padEnd(8)} ${mark(r.bestPractices >= 95).padEnd(7)} ${mark(!ref || r.lcp <= ref.lcp).padEnd(10)} ${mark(!ref || r.tbt <= ref.tbt)}` : ''),
      );
    if (ref) row('anchor: Illustrated TLS 1.3', ref, false);
    for (const page of PAGES) row(page.name, await medians(lh, site.origin + page.path, factor), true);
  }
} finally {
  site.stop();
  anchor?.stop();
}
