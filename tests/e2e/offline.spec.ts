/**
 * Offline and installable (issue #13, item 5). Each test serves its own copy of the build (scripts/serve.mjs
 * with OUT_DIR, on a free port) so that "offline" is what a student meets on a train: the server is
 * gone and the browser knows it has no network. A page is visited once; once the site says it is ready
 * offline, lessons and scenario pages in both languages reload, and a page never visited opens, and their
 * widgets step. The update test deploys build B (a chunk renamed and changed, as a new build does) where
 * build A was served: the page keeps A until Reload, then has B's HTML and B's chunk together.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { offline } from '../../app/_i18n/offline';
import { timelineStrings } from '../../app/_i18n/widget/timeline';

test.use({ serviceWorkers: 'allow' });
// Two first visits store the whole build (~10 MB) each; on a busy 2-core machine that takes a while.
test.describe.configure({ timeout: 300_000 });

/** A copy of out/ with its own precache list (so that a plain `next build` is enough, and out/ is never touched). */
function copyBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ml-offline-'));
  cpSync('out', dir, { recursive: true });
  execFileSync('node', ['scripts/precache.mjs', dir]);
  return dir;
}

function precacheOf(dir: string): { version: string; urls: string[] } {
  const m = /const PRECACHE = (\{.*\});/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'));
  if (!m) throw new Error(`${dir}/sw.js has no precache list`);
  return JSON.parse(m[1]!) as { version: string; urls: string[] };
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** scripts/serve.mjs on one port; start() again with another directory is a deploy. */
class Server {
  private child: ChildProcess | null = null;
  constructor(readonly port: number) {}
  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }
  async start(dir: string) {
    const child = spawn('node', ['scripts/serve.mjs', '--port', String(this.port)], { env: { ...process.env, OUT_DIR: dir }, stdio: ['ignore', 'pipe', 'inherit'] });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => String(d).includes('is served at') && resolve());
      child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
    });
  }
  async stop() {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await exited;
  }
}

async function waitUntilReadyOffline(page: Page, dir: string) {
  await expect(page.locator('[data-offline-status="ready"]')).toContainText(offline.en.ready, { timeout: 150_000 });
  const stored = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const names = await caches.keys();
    const count = names.length === 1 ? (await (await caches.open(names[0]!)).keys()).length : -1;
    return { state: reg.active?.state, names, count, controlled: navigator.serviceWorker.controller !== null };
  });
  const { version, urls } = precacheOf(dir);
  expect(stored).toEqual({ state: 'activated', names: [`messenger-lab-${version}`], count: urls.length, controlled: true });
}

/** The first widget on the page gets ready and steps with its own buttons (back when a lesson opens it at its last step). */
async function stepThroughWidget(page: Page, locale: 'en' | 'de') {
  const widget = page.locator('[data-scenario-widget]').first();
  await widget.scrollIntoViewIfNeeded();
  // An OTR scenario computes for a few seconds on a busy 2-core machine.
  await expect(widget).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  const before = Number(await widget.getAttribute('data-step'));
  const forward = widget.getByRole('button', { name: timelineStrings.forward[locale], exact: true });
  const atEnd = await forward.isDisabled();
  const button = atEnd ? widget.getByRole('button', { name: timelineStrings.back[locale], exact: true }) : forward;
  for (let i = 1; i <= 3; i++) {
    await button.click();
    await expect(widget).toHaveAttribute('data-step', String(atEnd ? before - i : before + i));
  }
  await expect(page.getByTestId('narration').first()).not.toBeEmpty();
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    // Offline, the browser reports the requests it could not make (favicons, prefetches): not our errors.
    if (m.type() === 'error' && !m.text().includes('net::ERR_INTERNET_DISCONNECTED')) errors.push(m.text());
  });
  return errors;
}

const dirs: string[] = [];
test.afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test('visited once, every lesson and scenario page works offline in both languages; an unknown page gets the offline page', async ({ page, context }) => {
  const dir = copyBuild();
  dirs.push(dir);
  const server = new Server(await freePort());
  const errors = collectErrors(page);
  try {
    await server.start(dir);
    await page.goto(`${server.origin}/en/lessons/client-server/`);
    await waitUntilReadyOffline(page, dir);
    const notice = page.locator('[data-offline-status="ready"]');
    const axe = await new AxeBuilder({ page }).include('[data-offline-status]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await notice.getByRole('button', { name: offline.en.close }).click();
    await expect(notice).toHaveCount(0);
  } finally {
    await server.stop();
  }
  await context.setOffline(true);

  await page.reload();
  await stepThroughWidget(page, 'en');
  // Never visited: the German lesson, both scenario pages, a lesson further on.
  for (const [url, locale] of [
    ['/de/lessons/client-server/', 'de'],
    ['/en/scenarios/otr-mitm/', 'en'],
    ['/de/scenarios/otr-mitm/', 'de'],
    ['/de/lessons/forward-secrecy/', 'de'],
  ] as const) {
    await page.goto(`${server.origin}${url}`);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await stepThroughWidget(page, locale);
  }
  // A link followed inside the site (the client router fetches RSC payloads) works offline too.
  await page.goto(`${server.origin}/en/`);
  await page.locator('a[href="/en/lessons/federation/"]').first().click();
  // (a busy 2-core machine takes several seconds to fetch the payload from the worker and render)
  await expect(page).toHaveURL(`${server.origin}/en/lessons/federation/`, { timeout: 30_000 });
  await stepThroughWidget(page, 'en');
  // View state in the query, and a path without its trailing slash, are the stored pages.
  await page.goto(`${server.origin}/en/scenarios/otr-mitm/?step=4`);
  await expect(page.locator('[data-scenario-widget]').first()).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page.locator('[data-scenario-widget]').first()).toHaveAttribute('data-step', '4');
  await page.goto(`${server.origin}/de/lessons/smp`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  // Not in the build, no network: the bilingual offline page, not the browser's error.
  const response = await page.goto(`${server.origin}/en/lessons/not-in-this-build/`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('h1')).toContainText('You are offline');
  await expect(page.locator('h1 [lang="de"]')).toHaveText('Keine Verbindung');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(errors).toEqual([]);
});

/** Build B: the lesson's first script chunk renamed (a changed chunk gets a new name) and marked. */
function deployB(dirA: string): { dir: string; chunk: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ml-offline-b-'));
  dirs.push(dir);
  cpSync(dirA, dir, { recursive: true });
  const html = readFileSync(join(dir, 'en/lessons/client-server/index.html'), 'utf8');
  const old = /<script src="\/_next\/static\/chunks\/([\w-]+)\.js"/.exec(html)?.[1];
  if (!old) throw new Error('no script chunk in the lesson page');
  const chunk = `${old}b`;
  const body = readFileSync(join(dir, `_next/static/chunks/${old}.js`), 'utf8');
  rmSync(join(dir, `_next/static/chunks/${old}.js`));
  writeFileSync(join(dir, `_next/static/chunks/${chunk}.js`), `${body}\n;globalThis.__mlBuild = 'B';\n`);
  const rewrite = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) rewrite(p);
      else if (/\.(html|txt|js)$/.test(name) && name !== 'sw.js') {
        const text = readFileSync(p, 'utf8');
        if (text.includes(`${old}.js`)) writeFileSync(p, text.split(`${old}.js`).join(`${chunk}.js`));
      }
    }
  };
  rewrite(dir);
  // As a real build would: the changed inline scripts get their new hashes, then the worker its list.
  execFileSync('node', ['scripts/csp.mjs', dir]);
  execFileSync('node', ['scripts/precache.mjs', dir]);
  return { dir, chunk };
}

test('a new deploy: the page keeps build A until Reload, then has B’s HTML and B’s chunk together, online and offline', async ({ page, context }) => {
  const dirA = copyBuild();
  dirs.push(dirA);
  const { dir: dirB, chunk } = deployB(dirA);
  expect(precacheOf(dirB).version).not.toBe(precacheOf(dirA).version);
  const server = new Server(await freePort());
  const lesson = () => `${server.origin}/en/lessons/client-server/`;
  const build = () =>
    page.evaluate((c) => ({ html: document.querySelector(`script[src*="${c}.js"]`) ? 'B' : 'A', chunk: (globalThis as { __mlBuild?: string }).__mlBuild ?? 'A' }), chunk);
  try {
    await server.start(dirA);
    await page.goto(lesson());
    await waitUntilReadyOffline(page, dirA);

    await server.stop();
    await server.start(dirB);
    // Reloading still shows A, whole: the worker answers from A's cache while B installs beside it.
    await page.reload();
    expect(await build()).toEqual({ html: 'A', chunk: 'A' });
    const notice = page.locator('[data-offline-status="update"]');
    await expect(notice).toContainText(offline.en.update, { timeout: 150_000 });
    expect(await build()).toEqual({ html: 'A', chunk: 'A' });
    const axe = await new AxeBuilder({ page }).include('[data-offline-status]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: offline.en.reload }).click()]);
    // The lesson's widget loads its code (B's chunks) when it nears the viewport.
    await page.locator('[data-scenario-widget]').first().scrollIntoViewIfNeeded();
    await expect(page.locator('[data-scenario-widget]').first()).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    expect(await build()).toEqual({ html: 'B', chunk: 'B' });
    expect(await page.evaluate(() => caches.keys())).toEqual([`messenger-lab-${precacheOf(dirB).version}`]);
  } finally {
    await server.stop();
  }
  await context.setOffline(true);
  await page.reload();
  await stepThroughWidget(page, 'en');
  expect(await build()).toEqual({ html: 'B', chunk: 'B' });
});
