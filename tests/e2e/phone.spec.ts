/**
 * Issue #9, item 5, against out/, on a 390×844 phone (and 360×740, and 844×390 landscape): the chosen
 * picture and the Timeline's controls are on the screen together; the page never scrolls sideways; no
 * Presenter button (and a window shrunk below presenter size leaves presenter mode); every Inspector tab
 * reads at 390 px (no word split mid-letter, a wide table scrolls in its own box with a cue); glossary
 * tooltips and spec links stay inside the window; axe finds nothing serious.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

const PHONE = { width: 390, height: 844 };
const LESSONS = ['/en/lessons/otr-key-exchange/', '/de/lessons/otr-key-exchange/'];
const SCENARIO = (step: number, locale = 'en') => `/${locale}/scenarios/otr-mitm/?step=${step}`;

test.describe.configure({ timeout: 120_000 });

const firstWidget = (page: Page) => page.locator('[data-scenario-widget]').first();

async function ready(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  const w = firstWidget(page);
  // A lesson's widget loads when it nears the viewport (issue #13): bring it there, as a reader would.
  await w.scrollIntoViewIfNeeded();
  // A widget with OTR takes a while to simulate on a busy machine.
  await expect(w).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  return w;
}

async function noSideScroll(page: Page) {
  const { sw, iw } = await page.evaluate(() => ({ sw: document.scrollingElement!.scrollWidth, iw: window.innerWidth }));
  expect(sw, 'the page does not scroll sideways').toBeLessThanOrEqual(iw);
}

/** Scroll so the picture's top sits just under the window's top, as a reader who looks at it would. */
async function lookAt(page: Page, pane: Locator) {
  await pane.evaluate((el) => window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - 4, behavior: 'instant' }));
}

async function expectTogether(page: Page, w: Locator) {
  const pane = w.locator('.mlw-pane').first();
  await lookAt(page, pane);
  const vp = page.viewportSize()!;
  const pic = (await pane.boundingBox())!;
  const band = (await w.locator('.mlw-timeline').boundingBox())!;
  const controls = (await w.locator('.mlw-controls').boundingBox())!;
  expect(pic.y, 'picture top in the window').toBeGreaterThanOrEqual(0);
  expect(pic.y + pic.height, 'the band does not cover the picture').toBeLessThanOrEqual(band.y + 1);
  expect(controls.y, 'controls in the window').toBeGreaterThanOrEqual(0);
  expect(controls.y + controls.height, 'controls in the window').toBeLessThanOrEqual(vp.height);
  expect(band.y + band.height, 'the whole band in the window').toBeLessThanOrEqual(vp.height + 1);
  await expect(w.getByRole('button', { name: /^(Step forward|Schritt vor)$/ })).toBeInViewport();
}

/**
 * Words of letters that the browser broke across two lines (e.g. "waiti/ng"). Runs of more than 24
 * characters without a space (base64, hex, a long JID) may break: no phone line holds them.
 */
async function splitWords(panel: Locator): Promise<string[]> {
  return panel.evaluate((root) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      const long = [...text.matchAll(/\S{25,}/gu)].map((m) => [m.index!, m.index! + m[0].length]);
      for (const m of text.matchAll(/\p{L}{2,}/gu)) {
        if (long.some(([a, b]) => m.index! >= a! && m.index! < b!)) continue;
        const r = document.createRange();
        r.setStart(n, m.index!);
        r.setEnd(n, m.index! + m[0].length);
        const tops = [...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top));
        if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 2) out.push(m[0]);
      }
    }
    return out;
  });
}

async function axeClean(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(bad, bad.join('\n')).toEqual([]);
}

test.describe('phone 390×844', () => {
  test.use({ viewport: PHONE });

  for (const path of [SCENARIO(45), SCENARIO(45, 'de'), ...LESSONS]) {
    test(`${path}: the picture and the controls together, no sideways scroll, no Presenter button`, async ({ page }) => {
      const w = await ready(page, path);
      await noSideScroll(page);
      await expect(w.locator('.mlw-header-tools button[aria-pressed]')).toHaveCount(0);
      // One picture at a time, the one chosen with "Show": network first, then sequence.
      await expect(w.locator('.mlw-pane')).toHaveCount(1);
      await expect(w.getByTestId('view-select')).toHaveValue('network');
      await expectTogether(page, w);
      await w.getByTestId('view-select').selectOption('sequence');
      await expect(w.locator('.mlw-pane--sequence')).toBeVisible();
      await expect(w.locator('.mlw-pane')).toHaveCount(1);
      await expectTogether(page, w);
      await noSideScroll(page);
    });
  }

  test('stepping keeps the picture and the controls together', async ({ page }) => {
    const w = await ready(page, SCENARIO(0));
    for (const step of [1, 2, 3, 27, 45, 56]) {
      await w.getByRole('slider').fill(String(step));
      await expect(w).toHaveAttribute('data-step', String(step));
      await expectTogether(page, w);
    }
    // Buttons at hand, pressed with a finger: 44×44 px at least.
    const back = w.getByRole('button', { name: 'Step back' });
    await back.click();
    await expect(w).toHaveAttribute('data-step', '55');
    const b = (await back.boundingBox())!;
    expect(b.width).toBeGreaterThanOrEqual(44);
    expect(b.height).toBeGreaterThanOrEqual(44);
  });

  for (const locale of ['en', 'de']) {
    test(`${locale}: every Inspector tab reads at 390 px: no word split, nothing wider than its box`, async ({ page }) => {
      for (const step of [30, 45]) {
        const w = await ready(page, SCENARIO(step, locale));
        const tabs = w.getByRole('tab');
        const n = await tabs.count();
        expect(n).toBe(9);
        for (let i = 0; i < n; i++) {
          await tabs.nth(i).click();
          const panel = w.getByRole('tabpanel');
          const name = await tabs.nth(i).textContent();
          expect(await splitWords(panel), `step ${step}, tab ${name}`).toEqual([]);
          const side = await panel.evaluate((el) => el.scrollWidth - el.clientWidth);
          expect(side, `step ${step}, tab ${name}: the panel itself does not scroll sideways`).toBeLessThanOrEqual(1);
          await noSideScroll(page);
        }
      }
    });
  }

  test('the Events table scrolls inside its own box, with a shadow at the edge as a cue', async ({ page }) => {
    const w = await ready(page, SCENARIO(45));
    await w.getByRole('tab', { name: 'Events' }).click();
    const wrap = w.locator('.mlw-events-wrap');
    const m = await wrap.evaluate((el) => ({ over: el.scrollWidth - el.clientWidth, overflow: getComputedStyle(el).overflowX, bg: getComputedStyle(el).backgroundImage }));
    expect(m.over).toBeGreaterThan(0);
    expect(m.overflow).toBe('auto');
    expect(m.bg).toContain('radial-gradient');
  });

  for (const path of LESSONS) {
    test(`${path}: every glossary tooltip and spec link stays inside the window`, async ({ page }) => {
      await ready(page, path);
      const terms = page.locator('.term[tabindex]');
      const n = await terms.count();
      expect(n).toBeGreaterThan(0);
      const vp = page.viewportSize()!;
      for (let i = 0; i < n; i++) {
        await terms.nth(i).focus();
        const tip = terms.nth(i).locator('.term-def');
        await expect(tip).toBeVisible();
        const b = (await tip.boundingBox())!;
        expect(b.x, `tooltip ${i}`).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width, `tooltip ${i}`).toBeLessThanOrEqual(vp.width);
        expect(b.y, `tooltip ${i}`).toBeGreaterThanOrEqual(0);
        expect(b.y + b.height, `tooltip ${i}`).toBeLessThanOrEqual(vp.height);
      }
      const specs = await page.locator('a.spec').evaluateAll((els) => els.map((el) => Math.max(...[...el.getClientRects()].map((r) => r.right))));
      for (const right of specs) expect(right).toBeLessThanOrEqual(vp.width);
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const path of [LESSONS[0]!, SCENARIO(45)]) {
      test(`${path} has no serious or critical axe violations at 390 px (${colorScheme})`, async ({ browser }) => {
        const ctx = await browser.newContext({ viewport: PHONE, colorScheme });
        const page = await ctx.newPage();
        await ready(page, path);
        await axeClean(page);
        await ctx.close();
      });
    }
  }
});

test.describe('other phone sizes', () => {
  for (const size of [
    { width: 360, height: 740 },
    { width: 844, height: 390 },
  ]) {
    test(`${size.width}×${size.height}: the picture and the controls together, no sideways scroll, no Presenter button`, async ({ browser }) => {
      const ctx = await browser.newContext({ viewport: size });
      const page = await ctx.newPage();
      const w = await ready(page, SCENARIO(45));
      await noSideScroll(page);
      await expect(w.locator('.mlw-header-tools button[aria-pressed]')).toHaveCount(0);
      await expectTogether(page, w);
      await w.getByRole('tab', { name: 'Ratchet' }).click();
      expect(await splitWords(w.getByRole('tabpanel'))).toEqual([]);
      await ctx.close();
    });
  }

  test('a window shrunk below presenter size leaves presenter mode; the page is usable again', async ({ browser }) => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const w = await ready(page, SCENARIO(45));
    await w.locator('.mlw-header-tools button[aria-pressed]').click();
    await expect(w).toHaveClass(/mlw--presenter/);
    await page.setViewportSize(PHONE);
    await expect(w).not.toHaveClass(/mlw--presenter/);
    await expect(w.locator('.mlw-header-tools button[aria-pressed]')).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe('');
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(w.locator('.mlw-header-tools button[aria-pressed]')).toHaveCount(1);
    await ctx.close();
  });
});
