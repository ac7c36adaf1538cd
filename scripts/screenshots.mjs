#!/usr/bin/env node
/**
 * Presenter-mode screenshots a teacher would check before a lecture (issue #9): otr-mitm (steps 45 and 56,
 * the second also with the extra notes open), otr-forward-secrecy and federation, at 1280×800 and
 * 1920×1080, in English and German, light and dark, plus the page outside presenter mode at 1280×800;
 * and on a 390×844 phone (issue #9, item 5) a lesson (its top, and scrolled to its widget) and otr-mitm
 * (scrolled to the picture, and its Ratchet tab), in English and German, light and dark.
 * Also otr-mitm step 36 (the longest key facts) and c2s-login step 12 seen by the tap on alice's link
 * (the band tells the TLS record, not the SCRAM proof).
 * Serves out/ itself (build first: npm run build). Writes PNGs to screenshots/ (gitignored).
 *
 *   npm run screenshots                 # everything
 *   node scripts/screenshots.mjs otr-mitm   # only the scenarios whose id contains "otr-mitm"
 *   node scripts/screenshots.mjs phone      # only the phone shots
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const PORT = Number(process.env.SHOT_PORT ?? 3996);
const OUT = process.env.SHOT_DIR ?? 'screenshots';
const only = process.argv[2] ?? '';

/** [scenario, step, open the "More" notes?, the "Seen by" lens (observer name)?] */
const SHOTS = [
  ['otr-mitm', 36, false],
  ['otr-mitm', 45, false],
  ['otr-mitm', 56, false],
  ['otr-mitm', 56, true],
  ['otr-forward-secrecy', 30, false],
  ['federation', 20, false],
  ['c2s-login', 12, false, 'tap:alice~a.example'],
];
const SIZES = [
  [1280, 800],
  [1920, 1080],
];

/** [name, path after /{locale}, the widget to scroll to, its step] at 390×844. */
const PHONE_SHOTS = [
  ['lesson-otr-key-exchange', '/lessons/otr-key-exchange/', null, null],
  ['otr-mitm', '/scenarios/otr-mitm/?step=45', 'otr-mitm', 45],
];
const PHONE = { width: 390, height: 844 };

/** The phone shots: the page's top (lessons), the widget's picture with the band below it, a tab. */
async function phoneShots(browser, base) {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: PHONE, colorScheme: scheme });
    for (const locale of ['en', 'de']) {
      for (const [name, path, id, step] of PHONE_SHOTS) {
        if (only && only !== 'phone' && !name.includes(only)) continue;
        await page.goto(`${base}/${locale}${path}`);
        const sel = id ? `[data-scenario-widget="${id}"]` : '[data-scenario-widget]';
        const widget = page.locator(sel).first();
        await page.locator(`${sel}[data-ready="true"]`).first().waitFor({ timeout: 60_000 });
        if (step !== null) await page.waitForSelector(`[data-scenario-widget="${id}"][data-step="${step}"]`);
        const shot = async (what) => {
          await page.waitForTimeout(300);
          const file = `${name}-${locale}-390x844-${scheme}${what ? `-${what}` : ''}`;
          await page.screenshot({ path: join(OUT, `${file}.png`) });
          console.log(file);
        };
        if (!id) await shot('');
        await widget.locator('.mlw-pane').first().evaluate((el) => window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - 4, behavior: 'instant' }));
        await shot('widget');
        await widget.getByRole('tab').last().click();
        await widget.getByRole('tabpanel').evaluate((el) => window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - 160, behavior: 'instant' }));
        await shot('lasttab');
      }
    }
    await page.close();
  }
}

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
    await phoneShots(browser, base);
    for (const scheme of only === 'phone' ? [] : ['light', 'dark']) {
      for (const [w, h] of SIZES) {
        const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: scheme });
        for (const locale of ['en', 'de']) {
          for (const [id, step, more, lens] of SHOTS) {
            if (only && !id.includes(only)) continue;
            await page.goto(`${base}/${locale}/scenarios/${id}/?step=${step}`);
            const widget = page.locator(`[data-scenario-widget="${id}"]`);
            await widget.waitFor();
            await page.waitForSelector(`[data-scenario-widget="${id}"][data-ready="true"][data-step="${step}"]`);
            if (lens) await page.getByTestId('lens-select').selectOption(lens);
            const name = `${id}-${step}${more ? '-more' : ''}${lens ? '-lens' : ''}-${locale}-${w}x${h}-${scheme}`;
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
