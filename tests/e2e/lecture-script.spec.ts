/**
 * Issue #9, "A lecture script", against out/ at 1280×800: a teacher adds three views from two scenarios,
 * marks one "class predicts first", writes a note, and presents: Page Down walks the script across the
 * two scenario pages, the marked view holds the narration and the Knowledge tab back until the next
 * press; a corrupt file changes nothing and says why; the copied link carries the whole script.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 800 } });

const widget = (page: Page, id: string) => page.locator(`[data-scenario-widget="${id}"]`);

async function openAt(page: Page, url: string, id: string) {
  await page.goto(url);
  await expect(widget(page, id)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

async function addView(page: Page, url: string, id: string, n: number) {
  await openAt(page, url, id);
  await widget(page, id).getByTestId('script-add').click();
  const added = url.startsWith('/de/') ? `Als Ansicht ${n} hinzugefügt.` : `Added as view ${n}.`;
  await expect(widget(page, id).getByRole('status').filter({ hasText: added })).toBeVisible();
}

test('three views across two scenarios, walked with Page Down; a reveal point holds the narration back', async ({ page }) => {
  test.setTimeout(180_000); // five page loads of OTR scenarios on a shared 2-core machine
  await addView(page, '/en/scenarios/c2s-login/?step=12&tab=layers', 'c2s-login', 1);
  await addView(page, '/en/scenarios/otr-mitm/?step=45&tab=knowledge', 'otr-mitm', 2);
  await addView(page, '/en/scenarios/otr-mitm/?step=56', 'otr-mitm', 3);

  await page.goto('/en/script/');
  const items = page.getByTestId('script-views').locator('> li');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('step 12');
  await expect(items.nth(0)).toContainText('tab Layers');
  await items.nth(1).getByRole('checkbox').check();
  await items.nth(1).getByRole('textbox').fill('Ask: who can read this message?');
  await page.getByTestId('script-present').click();

  // View 1: c2s-login, in presenter mode, at its step and tab.
  const login = widget(page, 'c2s-login');
  await expect(login).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(login).toHaveClass(/mlw--presenter/);
  await expect(login).toHaveAttribute('data-step', '12');
  await expect(login.getByRole('tab', { name: 'Layers' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('script-position')).toHaveText('View 1 of 3');

  // Page Down: the next view is on another page.
  await page.keyboard.press('PageDown');
  const mitm = widget(page, 'otr-mitm');
  await expect(mitm).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page).toHaveURL(/\/en\/scenarios\/otr-mitm\/\?step=45&tab=knowledge&presenter=1$/);
  await expect(page.getByTestId('script-position')).toHaveText('View 2 of 3');
  await expect(mitm).toHaveAttribute('data-step', '45');
  // Held back: the narration asks, the Knowledge tab and its panel are out of sight, the note is folded.
  const narration = page.getByTestId('narration');
  await expect(narration).toContainText('Discuss first');
  await expect(mitm.getByRole('tab', { name: 'Knowledge' })).toBeHidden();
  await expect(mitm.locator('.mlw-panel[data-tab="knowledge"]')).toBeHidden();
  await expect(page.getByTestId('script-note')).toHaveCount(0);
  await page.keyboard.press('n');
  await expect(page.getByTestId('script-note')).toHaveText('Ask: who can read this message?');
  await page.keyboard.press('n');
  await expect(page.getByTestId('script-note')).toHaveCount(0);

  // Page Down reveals first…
  await page.keyboard.press('PageDown');
  await expect(narration).not.toContainText('Discuss first');
  await expect(mitm.getByRole('tab', { name: 'Knowledge' })).toBeVisible();
  await expect(mitm).toHaveAttribute('data-step', '45');
  // …then goes on: view 3 is on the same page.
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('script-position')).toHaveText('View 3 of 3');
  await expect(mitm).toHaveAttribute('data-step', '56');
  await expect(mitm.getByRole('tab', { name: 'XML' })).toHaveAttribute('aria-selected', 'true');
  // Page Up goes back, and the reveal point holds back again.
  await page.keyboard.press('PageUp');
  await expect(mitm).toHaveAttribute('data-step', '45');
  await expect(narration).toContainText('Discuss first');
  // Ending the script gives the clicker back to the steps.
  await mitm.getByRole('button', { name: 'End script' }).click();
  await expect(page.getByTestId('script-bar')).toHaveCount(0);
  await page.keyboard.press('PageDown');
  await expect(mitm).toHaveAttribute('data-step', '46');
});

test('a corrupt file changes nothing and says why (EN and DE); a script link opens that script', async ({ page }) => {
  await addView(page, '/de/scenarios/hello/?step=3', 'hello', 1);
  await page.goto('/de/script/');
  await expect(page.getByTestId('script-views').locator('> li')).toHaveCount(1);
  await page.getByTestId('script-upload').setInputFiles({ name: 'kaputt.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"messenger-lab-script","version":1,"views":[{"scenario":"nope","step":-2}]') });
  const said = page.getByTestId('script-said');
  await expect(said).toContainText('„kaputt.json“ wurde nicht geladen; Ihr Skript ist unverändert.');
  await expect(said).toContainText('keine JSON-Datei');
  await page.getByTestId('script-upload').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"messenger-lab-script","version":1,"views":[{"scenario":"nope","step":-2}]}') });
  await expect(said).toContainText('views[0].scenario');
  await expect(said).toContainText('views[0].step');
  await expect(page.getByTestId('script-views').locator('> li')).toHaveCount(1);

  await page.goto('/en/script/');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByLabel('Link to this script').inputValue();
  expect(link).toMatch(/\/en\/script\/\?s=[A-Za-z0-9_-]+$/);
  await page.evaluate(() => localStorage.clear());
  await page.goto(link);
  await expect(page.getByTestId('script-views').locator('> li')).toHaveCount(1);
  await expect(page.getByText(/This script came with the link\./)).toBeVisible();
  await page.goto('/en/script/?s=broken*');
  await expect(page.getByTestId('script-said')).toContainText('The script in this link could not be read');
});

test('the script page and a held-back view in presenter mode pass axe, light and dark', async ({ browser }) => {
  test.setTimeout(180_000);
  for (const [colorScheme, locale] of [['light', 'de'], ['dark', 'en']] as const) {
    const ctx = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`/${locale}/script/`);
    await page.evaluate(() =>
      localStorage.setItem('ml:lecture-script', JSON.stringify({ format: 'messenger-lab-script', version: 1, title: 'T', views: [{ scenario: 'hello', step: 2 }, { scenario: 'hello', step: 4, reveal: true, note: 'n' }] })),
    );
    await page.reload();
    await expect(page.getByTestId('script-views').locator('> li')).toHaveCount(2);
    const scan = async () => {
      const r = await new AxeBuilder({ page }).analyze();
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    expect(await scan()).toEqual([]);
    await page.getByTestId('script-views').locator('> li').nth(1).getByRole('button', { name: /Present from view 2|Ab Ansicht 2/ }).click();
    await expect(widget(page, 'hello')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    await expect(page.getByTestId('script-reveal')).toBeVisible();
    expect(await scan()).toEqual([]);
    await ctx.close();
  }
});
