/**
 * Issue #9, item 6 (first half): chapters in long scenarios, against out/, on otr-mitm (login from
 * step 1, key exchange from 27, messages from 38, SMP from 47, of 56). Marks under the scrubber line
 * up with the thumb and take you to their chapter; the band names the chapter; [ ] and, outside
 * presenter mode, PageUp/PageDown jump chapters, while in presenter mode PageUp/PageDown stay the
 * clicker's steps; a lesson's step link (`ml:goto-step`) moves the widget and scrolls it into view.
 * 1280×800 (a projector) and 390×844 (a phone).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const ID = 'otr-mitm';
const widget = (page: Page) => page.locator(`[data-scenario-widget="${ID}"]`);
const marks = (page: Page) => widget(page).getByRole('list', { name: /^(Chapters|Kapitel)$/ }).getByRole('button');

async function open(page: Page, locale: 'en' | 'de' = 'en', step = 0) {
  await page.goto(`/${locale}/scenarios/${ID}/${step ? `?step=${step}` : ''}`);
  // The OTR run takes its time in the browser on a busy machine.
  await expect(widget(page)).toHaveAttribute('data-ready', 'true', { timeout: 45_000 });
  await expect(widget(page)).toHaveAttribute('data-step', String(step));
}

/** Written titles keep clear of each other and of every other chapter's tick (so each tick stays clickable). */
async function expectTitlesClear(page: Page) {
  const geo = await widget(page)
    .locator('.mlw-chapter')
    .evaluateAll((lis) =>
      lis.map((li) => {
        const tick = li.querySelector('.mlw-chapter-tick')!.getBoundingClientRect();
        const title = li.querySelector('.mlw-chapter-title')!;
        const shown = getComputedStyle(title).visibility === 'visible' && getComputedStyle(title).display !== 'none';
        const r = title.getBoundingClientRect();
        return { x: tick.left + tick.width / 2, shown, left: r.left, right: r.right };
      }),
    );
  const titles = geo.filter((g) => g.shown);
  for (let i = 1; i < titles.length; i++) expect(titles[i]!.left).toBeGreaterThan(titles[i - 1]!.right);
  for (const [i, g] of geo.entries()) {
    if (!g.shown) continue;
    for (const [j, o] of geo.entries()) if (j !== i) expect(o.x + 12 <= g.left || o.x - 12 >= g.right, `title ${i} over tick ${j}`).toBe(true);
  }
}

test.describe('at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('a mark per chapter under the scrubber, where the thumb stands at its first step, titled, clickable', async ({ page }) => {
    await open(page);
    await expect(marks(page)).toHaveCount(4);
    await expect(marks(page).nth(1)).toHaveAccessibleName('Chapter 2 of 4: Key exchange, from step 27');
    await expect(marks(page).nth(1)).toHaveAttribute('title', 'Key exchange (from step 27)');
    // On a projector the titles that fit are written out, in a size a room can read, and never over another tick or title.
    const shown = widget(page).locator('.mlw-chapter:not(.mlw-chapter--tick) .mlw-chapter-title');
    await expect(shown.first()).toHaveText('Login');
    await expect(shown.filter({ hasText: 'Key exchange' })).toBeVisible();
    await expectTitlesClear(page);
    for (const size of await shown.evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)))) expect(size).toBeGreaterThanOrEqual(15);
    // Each tick stands where the thumb is at that step: step the slider there and compare centres.
    const slider = widget(page).getByRole('slider');
    const track = (await slider.boundingBox())!;
    for (const [i, step] of [[0, 1], [1, 27], [2, 38], [3, 47]] as const) {
      const tick = (await marks(page).nth(i).locator('.mlw-chapter-tick').boundingBox())!;
      const thumbX = track.x + 8 + (step / 56) * (track.width - 16);
      expect(Math.abs(tick.x + tick.width / 2 - thumbX), `tick ${i}`).toBeLessThanOrEqual(2);
      expect(tick.y).toBeGreaterThanOrEqual(track.y + track.height - 8);
    }
    await marks(page).nth(1).click();
    await expect(widget(page)).toHaveAttribute('data-step', '27');
    await expect(marks(page).nth(1)).toHaveAttribute('aria-current', 'step');
    await expect(page.getByTestId('step-counter')).toContainText('Key exchange · step 27 / 56');
  });

  test('the band names the chapter, in German too', async ({ page }) => {
    await open(page, 'de', 31);
    await expect(page.getByTestId('step-counter')).toContainText('Schlüsselaustausch · Schritt 31 / 56');
    await expect(marks(page).nth(3)).toHaveAccessibleName('Kapitel 4 von 4: SMP, ab Schritt 47');
  });

  test('outside presenter mode PageDown/PageUp and ] [ jump between chapters; the keys help says so', async ({ page }) => {
    await open(page);
    await expect(widget(page).locator('.mlw-keys')).toContainText('[ ] or PageUp/PageDown chapter');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(widget(page)).toHaveAttribute('data-step', '27');
    await page.keyboard.press(']');
    await expect(widget(page)).toHaveAttribute('data-step', '38');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageUp');
    await expect(widget(page)).toHaveAttribute('data-step', '38');
    await page.keyboard.press('[');
    await expect(widget(page)).toHaveAttribute('data-step', '27');
    // After a click on a mark, focus is on it and the keys go on from there.
    await marks(page).nth(3).click();
    await expect(widget(page)).toHaveAttribute('data-step', '47');
    await page.keyboard.press('PageUp');
    await expect(widget(page)).toHaveAttribute('data-step', '38');
    // The scrubber stays operable with its own keys.
    await widget(page).getByRole('slider').focus();
    await page.keyboard.press('ArrowRight');
    await expect(widget(page)).toHaveAttribute('data-step', '39');
  });

  test('in presenter mode PageDown/PageUp are the clicker’s next/previous step, ] [ jump chapters', async ({ page }) => {
    await open(page, 'en', 27);
    await widget(page).locator('.mlw-header-tools button[aria-pressed]').click();
    await expect(widget(page)).toHaveClass(/mlw--presenter/);
    await page.keyboard.press('PageDown');
    await expect(widget(page)).toHaveAttribute('data-step', '28');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await expect(widget(page)).toHaveAttribute('data-step', '27');
    await page.keyboard.press(']');
    await expect(widget(page)).toHaveAttribute('data-step', '38');
    await page.keyboard.press('[');
    await expect(widget(page)).toHaveAttribute('data-step', '27');
    // The ticks stay in presenter mode; the titles give way to the 24 px rule (the counter names the chapter).
    await expect(marks(page)).toHaveCount(4);
    await expect(widget(page).locator('.mlw-chapter-title').first()).toBeHidden();
    await expect(page.getByTestId('counter-chapter')).toHaveText('Key exchange · ');
  });

  test('a step link (ml:goto-step on the widget root) stops playback, moves the widget and scrolls it into view', async ({ page }) => {
    await open(page);
    await widget(page).getByRole('button', { name: 'Play' }).click();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect((await widget(page).boundingBox())!.y).toBeLessThan(0);
    await page.evaluate(() => document.querySelector('[data-scenario-widget]')!.dispatchEvent(new CustomEvent('ml:goto-step', { detail: { step: 45 } })));
    await expect(widget(page)).toHaveAttribute('data-step', '45');
    await expect(widget(page).getByRole('button', { name: 'Play' })).toBeVisible();
    // Its top comes into view, below the site's sticky header (the page's scroll padding).
    await expect.poll(async () => (await widget(page).boundingBox())!.y, { timeout: 5000 }).toBeGreaterThanOrEqual(0);
    expect((await widget(page).boundingBox())!.y).toBeLessThanOrEqual(120);
  });

  test('the marks pass axe', async ({ page }) => {
    await open(page, 'en', 31);
    const r = await new AxeBuilder({ page }).include('.mlw-timeline').analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });
});

test.describe('at 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('every tick stays on screen and clickable; titles that do not fit give way', async ({ page }) => {
    await open(page);
    await expect(marks(page)).toHaveCount(4);
    for (let i = 0; i < 4; i++) {
      const b = (await marks(page).nth(i).boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(390);
      expect(b.height).toBeGreaterThanOrEqual(24);
    }
    await expectTitlesClear(page);
    await marks(page).nth(3).click();
    await expect(widget(page)).toHaveAttribute('data-step', '47');
  });
});
