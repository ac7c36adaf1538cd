/**
 * Issue #9, items 1 and 4, the parts about the narration band, at 1280×800 against out/:
 * - a step's key facts (primary notes, lib/narration/primary.ts) are on screen without opening "More",
 *   on the page and in presenter mode, the main sentence whole and the diagrams uncovered;
 * - under the "Seen by" lens the band tells what that observer has: c2s-login step 12 seen by the tap on
 *   alice's link is a TLS record of 204 bytes, not alice's SCRAM proof; the whole story stays one click away.
 * English and German, axe-clean in both themes.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { box, open, present } from './scenario-page';

test.use({ viewport: { width: 1280, height: 800 } });
test.describe.configure({ timeout: 300_000 });

/** Fully inside the window. */
async function expectOnScreen(page: Page, l: Locator, what: string) {
  const b = await box(l);
  const vp = page.viewportSize()!;
  expect(b.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(b.y + b.height, `${what}: bottom`).toBeLessThanOrEqual(vp.height + 1);
}

/** The main sentence is whole (nothing overflows its box) and the band lies under, never over, the diagrams. */
async function expectBandFits(page: Page, presenter: boolean) {
  const main = page.locator('.mlw-narration-main');
  expect(await main.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
  await expectOnScreen(page, main, 'main sentence');
  if (presenter) {
    const views = await box(page.locator('.mlw-views'));
    const band = await box(page.locator('.mlw-timeline'));
    expect(band.y, 'the band starts below the diagrams').toBeGreaterThanOrEqual(views.y + views.height - 1);
    expect(views.height, 'the diagrams keep a useful size').toBeGreaterThanOrEqual(160);
  }
}

async function expectAxeClean(page: Page) {
  // The widget is what changed; the scan of a whole OTR page takes minutes on a busy machine.
  const results = await new AxeBuilder({ page }).include('[data-scenario-widget]').analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(bad, bad.join('\n')).toEqual([]);
}

const PRIMARY = {
  en: { 45: /operator of a\.example decrypts alice@a\.example’s message .* reads it/, 56: /^SMP failed:/ },
  de: { 45: /Betreiber von a\.example entschlüsselt die Nachricht von alice@a\.example/, 56: /^SMP ist gescheitert:/ },
} as const;

for (const locale of ['en', 'de'] as const) {
  for (const presenter of [false, true]) {
    const where = presenter ? 'presenter mode' : 'the page';
    for (const step of [45, 56] as const) {
      test(`${locale}, ${where}: otr-mitm step ${step} shows its key fact without opening More`, async ({ page }) => {
        await open(page, 'otr-mitm', step, locale);
        if (presenter) await present(page, 'otr-mitm');
        const primary = page.getByTestId('narration-primary');
        await expect(primary).toBeVisible();
        await expect(primary.locator('li').first()).toHaveText(PRIMARY[locale][step]);
        await expectOnScreen(page, primary.locator('li').first(), 'key fact');
        // On the projector the key fact is whole, not scrolled away inside its box.
        if (presenter) expect(await primary.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
        // The rest still folds: the server's bookkeeping is not a key fact.
        await expect(page.getByTestId('narration-fold')).toHaveAttribute('aria-expanded', 'false');
        await expectBandFits(page, presenter);
      });
    }
  }

  test(`${locale}: c2s-login step 12 seen by the tap tells a TLS record of 204 bytes, not the SCRAM proof (page and presenter mode)`, async ({ page }) => {
    await open(page, 'c2s-login', 12, locale);
    const band = page.locator('.mlw-timeline');
    const proof = locale === 'en' ? 'proof' : 'Beweis';
    await expect(page.locator('.mlw-narration-main')).toContainText(proof);
    await page.getByTestId('lens-select').selectOption('tap:alice~a.example');
    const main = page.locator('.mlw-narration-main');
    await expect(main).toContainText(locale === 'en' ? 'a TLS record, 204 bytes, from 192.0.2.10 to 198.51.100.10' : 'ein TLS-Record, 204 Bytes, von 192.0.2.10 an 198.51.100.10');
    // Nothing of what the record carries in the band (the fold is closed), for the eye or a screen reader.
    expect(await page.getByTestId('narration').textContent()).not.toMatch(/SCRAM|proof|Beweis|<response|c=biws/);
    expect(await band.innerText()).not.toMatch(/SCRAM|proof|Beweis|<response|c=biws/);
    await expectBandFits(page, false);
    await present(page, 'c2s-login');
    expect(await band.innerText()).not.toMatch(/SCRAM|proof|Beweis|<response|c=biws/);
    await expectBandFits(page, true);
    // The teacher still has the whole story.
    const fold = page.getByTestId('narration-fold');
    await expect(fold).toHaveText(locale === 'en' ? 'What really happens' : 'Was tatsächlich geschieht');
    await fold.click();
    await expect(page.locator('.mlw-effects').first()).toBeVisible();
    await expect(page.locator('.mlw-effects').first()).toContainText(proof);
    await expectBandFits(page, true);
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: key facts in presenter mode and the lensed band are clean (${colorScheme})`, async ({ browser }) => {
    const ctx = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await open(page, 'otr-mitm', 45, 'en');
    await expect(page.getByTestId('narration-primary')).toBeVisible();
    await expectAxeClean(page);
    await present(page, 'otr-mitm');
    await expectAxeClean(page);
    await open(page, 'c2s-login', 12, 'de');
    await page.getByTestId('lens-select').selectOption('tap:alice~a.example');
    await expect(page.getByTestId('narration-fold')).toHaveText('Was tatsächlich geschieht');
    await expectAxeClean(page);
    await ctx.close();
  });
}
