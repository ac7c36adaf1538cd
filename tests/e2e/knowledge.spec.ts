/**
 * Issue #9, items 9 and 10, at the projector size where they were seen (1280×800), against out/:
 * the Knowledge tab leads with what the observer reads and why, filters to readable messages, puts the
 * forgeries first, names keys as people do and wraps long texts inside its panel; the Ratchet tab compares
 * what both ends of an OTR session see, with ✗ where they differ (otr-mitm) and ✓ where they agree
 * (otr-ake). English and German; axe on the states shown.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAxeClean } from './axe';

test.use({ viewport: { width: 1280, height: 800 } });

const widget = (page: Page, id: string) => page.locator(`[data-scenario-widget="${id}"]`);

/** The scenario at its last step, with the Inspector's `tab` open. */
async function atEnd(page: Page, id: string, tab: string, locale: 'en' | 'de' = 'en') {
  await page.goto(`/${locale}/scenarios/${id}/`);
  // The OTR presets run in the page first: on a busy machine that takes longer than expect's default.
  await expect(widget(page, id)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await page.keyboard.press('End');
  const n = Number(/\/\s*(\d+)/.exec((await page.getByTestId('step-counter').textContent()) ?? '')?.[1]);
  await expect(widget(page, id)).toHaveAttribute('data-step', String(n));
  await page.getByRole('tab', { name: tab }).click();
}

const axeClean = (page: Page) => expectAxeClean(page, '[data-scenario-widget]');

test.describe.configure({ timeout: 120_000 });

test('otr-forward-secrecy, last step: the thief’s first line says it reads the 4 static-key messages and why the OTR ones stay closed', async ({ page }) => {
  await atEnd(page, 'otr-forward-secrecy', 'Knowledge');
  await page.getByRole('radio', { name: /Key thief/ }).check();
  const head = page.getByTestId('knowledge-headline');
  await expect(head).toContainText('reads 4 of the 9 messages with text: the 4 static-key messages, opened with the stolen keys.');
  await expect(head).toContainText('The 5 OTR messages stay closed: the long-term OTR keys');
  // The punchline comes before the table, inside the panel's visible part.
  const panel = (await page.locator('.mlw-panel[data-tab="knowledge"]').boundingBox())!;
  const h = (await head.boundingBox())!;
  const table = (await page.getByTestId('knowledge-messages').boundingBox())!;
  expect(h.y).toBeLessThan(table.y);
  expect(h.y + h.height).toBeLessThanOrEqual(panel.y + panel.height);
  // Keys by name; the raw id on hover and for screen readers.
  const key = page.getByTestId('knowledge-keys').locator('li', { hasText: 'bob’s static key' });
  await expect(key).toHaveAttribute('title', 'static:bob');
  await expect(key).toHaveAccessibleDescription('static:bob');
  // What a sighted reader sees is the name alone: the raw id is only the title and the description.
  const shown = await page.getByTestId('knowledge-keys').locator('li').evaluateAll((lis) =>
    lis.map((li) => {
      const c = li.cloneNode(true) as HTMLElement;
      c.querySelectorAll('.mlw-visually-hidden').forEach((h) => h.remove());
      return c.textContent;
    }),
  );
  expect(shown).toEqual(['alice’s long-term OTR key (DSA)', 'bob’s long-term OTR key (DSA)', 'alice’s static key', 'bob’s static key']);
  const hidden = (await page.getByTestId('knowledge-keys').locator('.mlw-visually-hidden').first().boundingBox())!;
  expect(hidden.width * hidden.height).toBeLessThanOrEqual(1);
  await axeClean(page);
});

test('the “Readable only” toggle keeps the readable rows, says so, and works from the keyboard', async ({ page }) => {
  await atEnd(page, 'otr-forward-secrecy', 'Knowledge');
  await page.getByRole('radio', { name: /Key thief/ }).check();
  const rows = page.getByTestId('knowledge-messages').locator('tbody tr');
  await expect(rows).toHaveCount(16);
  const toggle = page.getByRole('button', { name: 'Readable only' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // From the keyboard: Tab from the observer choice reaches the toggle first; Space and Enter press it.
  await page.getByRole('radio', { name: /Key thief/ }).focus();
  await page.keyboard.press('Tab');
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('knowledge-showing')).toHaveText('Showing 4 of 16 messages.');
  await expect(toggle).toHaveAccessibleDescription('Showing 4 of 16 messages.');
  await expect(page.getByTestId('knowledge-messages').getByTestId('knowledge-locked')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(rows).toHaveCount(16);
  await expect(page.getByTestId('knowledge-showing')).toHaveText('Showing 16 of 16 messages.');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(4);
});

test('otr-deniability: the forgeries come first, and the signed offer wraps inside the panel', async ({ page }) => {
  await atEnd(page, 'otr-deniability', 'Knowledge');
  await page.getByRole('radio', { name: /Forger/ }).check();
  const order = await page.locator('.mlw-know-sec').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')));
  expect(order).toEqual(['forgeries', 'messages', 'metadata']);
  const cell = page.getByTestId('knowledge-messages').locator('td', { hasText: 'I’ll pay 100 € for the bike' });
  await expect(cell).toBeVisible();
  const fits = await page.locator('.mlw-know-msgs').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(fits.scroll).toBeLessThanOrEqual(fits.client);
  const panel = (await page.locator('.mlw-panel[data-tab="knowledge"]').boundingBox())!;
  const c = (await cell.boundingBox())!;
  expect(c.x + c.width).toBeLessThanOrEqual(panel.x + panel.width);
});

test('otr-mitm: one panel compares what alice and bob see, ✗ on each pair, and says someone is in the middle', async ({ page }) => {
  await atEnd(page, 'otr-mitm', 'Ratchet');
  const cmp = page.getByTestId('otr-compare');
  await expect(cmp).toHaveCount(1);
  await expect(cmp).toHaveAttribute('data-verdict', 'differs');
  for (const row of ['fingerprint-a', 'fingerprint-b', 'ssid']) {
    const r = cmp.locator(`[data-row="${row}"]`);
    await expect(r).toHaveAttribute('data-match', 'differs');
    await expect(r.locator('.mlw-cmp-match')).toHaveText('✗ different');
  }
  await expect(page.getByTestId('otr-compare-verdict')).toContainText('alice and bob see different session ids: someone is in the middle.');
  await expect(page.getByTestId('otr-compare-verdict')).toContainText('a.example');
  // First in the tab, above the four session cards.
  const top = (await cmp.boundingBox())!.y;
  expect(top).toBeLessThan((await page.locator('[data-party]').first().boundingBox())!.y);
  const fits = await page.locator('.mlw-panel[data-tab="ratchet"]').evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(fits).toBe(true);
  await axeClean(page);
});

test('otr-ake: the same panel shows every pair equal', async ({ page }) => {
  await atEnd(page, 'otr-ake', 'Ratchet');
  const cmp = page.getByTestId('otr-compare');
  await expect(cmp).toHaveAttribute('data-verdict', 'same');
  await expect(cmp.locator('[data-match="same"]')).toHaveCount(3);
  await expect(cmp.locator('[data-match="differs"]')).toHaveCount(0);
  await expect(page.getByTestId('otr-compare-verdict')).toContainText('nobody sits in the middle');
});

test('German: the thief’s line, the filter and the comparison speak German; axe clean in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await atEnd(page, 'otr-forward-secrecy', 'Wissen', 'de');
  await page.getByRole('radio', { name: /Schlüsseldieb/ }).check();
  await expect(page.getByTestId('knowledge-headline')).toContainText('liest 4 der 9 Nachrichten mit Text: die 4 Nachrichten mit statischem Schlüssel, mit den gestohlenen Schlüsseln geöffnet.');
  await page.getByRole('button', { name: 'Nur lesbare' }).click();
  await expect(page.getByTestId('knowledge-showing')).toHaveText('4 von 16 Nachrichten angezeigt.');
  await expect(page.getByTestId('knowledge-keys')).toContainText('bobs statischer Schlüssel');
  await axeClean(page);
  await atEnd(page, 'otr-mitm', 'Ratchet', 'de');
  await expect(page.getByTestId('otr-compare-verdict')).toContainText('alice und bob sehen verschiedene Sitzungs-IDs: Jemand sitzt in der Mitte.');
  await expect(page.getByTestId('otr-compare').locator('[data-row="ssid"] .mlw-cmp-match')).toHaveText('✗ verschieden');
  await axeClean(page);
});
