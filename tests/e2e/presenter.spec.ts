/**
 * Issue #9, items 1–3, against out/, at the projector sizes where they were seen:
 * 1. presenter mode at 1280×800 never cuts the step's main sentence, and opening the extra notes
 *    ("More (+N)") never covers the diagrams;
 * 2. the Show selector is offered in presenter mode and every choice fills the screen; federation's
 *    addresses, domain names and lane headers never run into each other; labels of simultaneous events
 *    never overlap (1280×800 and 1920×1080);
 * 3. outside presenter mode the sticky narration bar keeps a stable, modest height and a focused
 *    control is never hidden under it (WCAG 2.2 SC 2.4.11).
 */
import { expect, test, type Page } from '@playwright/test';
import { box, open, present, widget, type Box } from './scenario-page';

function overlap(a: Box, b: Box, slack = 1): boolean {
  return a.x + a.width - slack > b.x && b.x + b.width - slack > a.x && a.y + a.height - slack > b.y && b.y + b.height - slack > a.y;
}

/** Pairs of boxes (by index) that overlap. */
function collisions(boxes: Box[], slack = 1): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i]!, boxes[j]!, slack)) out.push([i, j]);
  return out;
}

/** The main sentence is shown whole: not clamped, nothing overflowing its box, inside the window. */
async function expectWholeSentence(page: Page) {
  const main = page.locator('.mlw-narration-main');
  const cut = await main.evaluate((el) => ({ clamp: getComputedStyle(el).webkitLineClamp, over: el.scrollHeight - el.clientHeight }));
  expect(cut.clamp === 'none' || cut.clamp === '', `line clamp ${cut.clamp}`).toBe(true);
  expect(cut.over).toBeLessThanOrEqual(1);
  const b = await box(main);
  const vp = page.viewportSize()!;
  expect(b.y).toBeGreaterThanOrEqual(0);
  expect(b.y + b.height).toBeLessThanOrEqual(vp.height);
}

/** Nothing of the timeline band lies over the diagrams. */
async function expectDiagramsUncovered(page: Page) {
  const views = await box(page.locator('.mlw-views'));
  const band = await box(page.locator('.mlw-timeline'));
  expect(band.y, 'the narration band starts below the diagrams').toBeGreaterThanOrEqual(views.y + views.height - 1);
  const vp = page.viewportSize()!;
  expect(band.y + band.height, 'the band is on screen').toBeLessThanOrEqual(vp.height + 1);
}

test.describe('item 1: presenter mode at 1280×800 shows the point of the step', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  for (const locale of ['en', 'de'] as const) {
    for (const step of [45, 56]) {
      test(`${locale}: otr-mitm step ${step}: whole main sentence, and "More" does not cover the diagrams`, async ({ page }) => {
        await open(page, 'otr-mitm', step, locale);
        await present(page, 'otr-mitm');
        await expectWholeSentence(page);
        await expectDiagramsUncovered(page);
        const fold = page.getByTestId('narration-fold');
        await expect(fold).toHaveAttribute('aria-expanded', 'false');
        await fold.click();
        await expect(fold).toHaveAttribute('aria-expanded', 'true');
        await expect(page.locator('.mlw-effects:not(.mlw-effects--primary)')).toBeVisible();
        await expectWholeSentence(page);
        await expectDiagramsUncovered(page);
        // The window did not scroll: the header and the diagrams' top are still in view.
        expect((await box(page.locator('.mlw-header'))).y).toBeGreaterThanOrEqual(0);
        // The diagrams keep a useful size.
        expect((await box(page.locator('.mlw-views'))).height).toBeGreaterThanOrEqual(160);
      });
    }
  }
});

for (const [width, height] of [
  [1280, 800],
  [1920, 1080],
] as const) {
  test.describe(`item 2 at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test('presenter mode offers the Show selector, and every choice fills the screen', async ({ page }) => {
      await open(page, 'otr-mitm', 45);
      await present(page, 'otr-mitm');
      const show = page.getByTestId('view-select');
      await expect(show).toBeVisible();
      for (const [choice, pane] of [
        ['sequence', '.mlw-pane--sequence'],
        ['network', '.mlw-pane--network'],
      ] as const) {
        await show.selectOption(choice);
        const views = await box(page.locator('.mlw-views'));
        const p = await box(page.locator(pane));
        expect(p.width, `${choice} only: the pane fills the width`).toBeGreaterThanOrEqual(views.width - 4);
        expect(p.height, `${choice} only: the pane fills the height`).toBeGreaterThanOrEqual(views.height - 4);
        expect(views.width).toBeGreaterThanOrEqual(width * 0.9);
      }
      await show.selectOption('both');
      const n = await box(page.locator('.mlw-pane--network'));
      const s = await box(page.locator('.mlw-pane--sequence'));
      const views = await box(page.locator('.mlw-views'));
      expect(n.width + s.width).toBeGreaterThanOrEqual(views.width - 40);
    });

    test('federation: addresses, domain names and lane headers stand apart; simultaneous labels never overlap', async ({ page }) => {
      await open(page, 'federation', 20);
      await present(page, 'federation');
      const net = page.locator('.mlw-network');
      // Each node has one name and one address (in the same order); no two nodes' texts meet.
      const names: Box[] = [];
      const ips: Box[] = [];
      for (const l of await net.locator('.mlw-node-name').all()) names.push(await box(l));
      for (const l of await net.locator('.mlw-node-ip').all()) ips.push(await box(l));
      expect(ips.length).toBe(names.length);
      const clashes: string[] = [];
      for (let i = 0; i < names.length; i++)
        for (let j = 0; j < names.length; j++) {
          if (i === j) continue;
          if (j > i && overlap(names[i]!, names[j]!)) clashes.push(`name ${i} × name ${j}`);
          if (j > i && overlap(ips[i]!, ips[j]!)) clashes.push(`address ${i} × address ${j}`);
          if (overlap(names[i]!, ips[j]!)) clashes.push(`name ${i} × address ${j}`);
        }
      expect(clashes, 'node names and addresses run together').toEqual([]);
      // Domain labels fit inside their domain box.
      const domains = net.locator('.mlw-domain');
      const nd = await domains.count();
      expect(nd).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < nd; i++) {
        const rect = await box(domains.nth(i).locator('rect').first());
        const label = await box(domains.nth(i).locator('.mlw-domain-label'));
        expect(label.x).toBeGreaterThanOrEqual(rect.x - 1);
        expect(label.x + label.width, `domain label ${i} is cut`).toBeLessThanOrEqual(rect.x + rect.width + 1);
      }
      // Lane headers of the sequence diagram.
      const heads: Box[] = [];
      for (const l of await page.locator('.mlw-seq-head .mlw-node-name').all()) heads.push(await box(l));
      expect(heads.length).toBeGreaterThanOrEqual(4);
      expect(collisions(heads, 0), 'lane headers run together').toEqual([]);
      // Every arrow label in the whole run (all steps are drawn, the future faded) stands apart.
      await page.keyboard.press('End');
      // All boxes at one instant (the diagram scrolls smoothly to follow the step).
      const labels: Box[] = await page.locator('.mlw-seq .mlw-arrow-label-bg').evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      );
      expect(labels.length).toBeGreaterThan(10);
      expect(collisions(labels, 2), 'arrow labels overlap').toEqual([]);
    });
  });
}

test.describe('item 3: the sticky narration bar at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('keeps a stable, modest height from step to step, the notes fold behind "More (+N)"', async ({ page }) => {
    await open(page, 'otr-mitm', 30);
    // A step's key facts are always shown (lib/narration/primary.ts), in a box of at most two lines: the
    // bar is steady from step to step without them and grows by no more than that box with them.
    const plain: number[] = [];
    const keyed: number[] = [];
    for (let i = 30; i <= 56; i++) {
      if (i > 30) {
        await page.keyboard.press('ArrowRight');
        await expect(widget(page, 'otr-mitm')).toHaveAttribute('data-step', String(i));
      }
      const h = (await box(page.locator('.mlw-timeline'))).height;
      if ((await page.getByTestId('narration-primary').count()) > 0) {
        keyed.push(h);
        expect((await box(page.getByTestId('narration-primary'))).height, `step ${i}: key facts box`).toBeLessThanOrEqual(50);
      } else plain.push(h);
    }
    const heights = [...plain, ...keyed];
    const max = Math.max(...heights);
    const min = Math.min(...plain);
    expect(keyed.length).toBeGreaterThan(5);
    expect(Math.max(...plain), `bar heights ${heights.join(', ')}`).toBeLessThanOrEqual(800 * 0.25);
    expect(Math.max(...plain) - min, `bar heights ${heights.join(', ')}`).toBeLessThanOrEqual(30);
    expect(max, `bar heights ${heights.join(', ')}`).toBeLessThanOrEqual(800 * 0.3);
    expect(max - min, `bar heights ${heights.join(', ')}`).toBeLessThanOrEqual(30 + 50 + 24);
    const fold = page.getByTestId('narration-fold');
    await expect(fold).toBeVisible();
    await expect(fold).toHaveAttribute('aria-expanded', 'false');
    await expect(fold).toContainText(/More \(\+\d+\)/);
  });

  test('a focused Inspector tab is never hidden under the bar (WCAG 2.2 SC 2.4.11)', async ({ page }) => {
    await open(page, 'otr-mitm', 45);
    const tabs = page.getByRole('tab');
    const n = await tabs.count();
    expect(n).toBeGreaterThan(2);
    // Put the tab list right under the bar, then reach a tab with the keyboard.
    const first = tabs.first();
    await first.evaluate((el) => {
      const r = el.getBoundingClientRect();
      window.scrollBy(0, r.bottom - window.innerHeight + 40);
    });
    await page.locator('.mlw-header-tools button[aria-pressed]').focus();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await first.evaluate((el) => el === document.activeElement || el.closest('[role="tablist"]')?.contains(document.activeElement) === true);
    }
    expect(reached).toBe(true);
    await page.waitForTimeout(300);
    const focused = await box(page.locator(':focus'));
    const bar = await box(page.locator('.mlw-timeline'));
    expect(focused.y + focused.height, 'the focused tab ends above the sticky bar').toBeLessThanOrEqual(bar.y + 1);
  });
});
