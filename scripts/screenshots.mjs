#!/usr/bin/env node
/**
 * Presenter-mode screenshots a teacher would check before a lecture (issue #9): otr-mitm (steps 45 and 56,
 * the second also with the extra notes open), otr-forward-secrecy and federation, at 1280×800 and
 * 1920×1080, in English and German, light and dark, plus the page outside presenter mode at 1280×800.
 * Serves out/ itself (build first: npm run build). Writes PNGs to screenshots/ (gitignored).
 *
 *   npm run screenshots                 # everything
 *   node scripts/screenshots.mjs otr-mitm   # only the scenarios whose id contains "otr-mitm"
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const PORT = Number(process.env.SHOT_PORT ?? 3996);
const OUT = process.env.SHOT_DIR ?? 'screenshots';
const only = process.argv[2] ?? '';

/** [scenario, step, open the "More" notes?] */
const SHOTS = [
  ['otr-mitm', 45, false],
  ['otr-mitm', 56, false],
  ['otr-mitm', 56, true],
  ['otr-forward-secrecy', 30, false],
  ['federation', 20, false],
];
const SIZES = [
  [1280, 800],
  [1920, 1080],
];

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

mkdirSync(OUT, { recursive: true });
const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(PORT)], { stdio: 'ignore' });
const base = `http://127.0.0.1:${PORT}`;
try {
  await waitForServer(`${base}/`);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    for (const scheme of ['light', 'dark']) {
      for (const [w, h] of SIZES) {
        const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: scheme });
        for (const locale of ['en', 'de']) {
          for (const [id, step, more] of SHOTS) {
            if (only && !id.includes(only)) continue;
            await page.goto(`${base}/${locale}/scenarios/${id}/?step=${step}`);
            const widget = page.locator(`[data-scenario-widget="${id}"]`);
            await widget.waitFor();
            await page.waitForSelector(`[data-scenario-widget="${id}"][data-ready="true"][data-step="${step}"]`);
            const name = `${id}-${step}${more ? '-more' : ''}-${locale}-${w}x${h}-${scheme}`;
            if (w === 1280 && scheme === 'light' && !more) {
              await page.screenshot({ path: join(OUT, `${name}-page.png`) });
            }
            await widget.locator('.mlw-header-tools button[aria-pressed]').click();
            await page.waitForSelector('.mlw--presenter');
            if (more) await page.getByTestId('narration-fold').click();
            await page.waitForTimeout(400);
            await page.screenshot({ path: join(OUT, `${name}.png`) });
            console.log(name);
          }
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  server.kill();
}
