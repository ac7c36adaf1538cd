/**
 * The course overview (issue #17 item 4): parts in the lecture's order, prerequisites, progress kept in
 * this browser only (mark done at a lesson's end, forget with undo, a corrupt value is no progress),
 * and the glossary page with its search, in English and German.
 */
import { expect, test } from '@playwright/test';

test('the overview groups the lessons in parts, in the lecture order, with time and prerequisites', async ({ page }) => {
  await page.goto('/en/');
  const parts = page.locator('.course-part h3');
  await expect(parts.first()).toHaveText('How messengers are built');
  const titles = await parts.allTextContents();
  expect(titles.indexOf('Hop by hop: TLS and SASL')).toBeLessThan(titles.indexOf('End to end: OTR'));
  await expect(page.locator('.course-length')).toContainText(/\d+ lessons in \d+ parts, about [\d.]+ hours in all\./);
  // Lesson numbers only go up down the page: the parts follow the lessons' order.
  const numbers = (await page.locator('.lesson-card-number').allTextContents()).map((s) => Number(s.replace(/\D/g, '')));
  expect(numbers.length).toBeGreaterThan(6);
  expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
  // A prerequisite link goes to the earlier lesson, above the card-wide link.
  const federation = page.locator('.lesson-card', { has: page.getByRole('link', { name: /Federation/ }) });
  const pre = federation.locator('.lesson-card-prereq').getByRole('link', { name: 'lesson 1' });
  await pre.click();
  await expect(page).toHaveURL(/\/en\/lessons\/client-server\/$/, { timeout: 30_000 });
});

test('a lesson marked done shows on the overview; forgetting can be undone; nothing is sent', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => {
    // Page loads and prefetches are GET/HEAD; progress leaving the browser would need a body.
    if (r.method() !== 'GET' && r.method() !== 'HEAD') requests.push(`${r.method()} ${r.url()}`);
  });
  await page.goto('/en/lessons/federation/');
  const box = page.getByRole('checkbox', { name: 'I have finished this lesson' });
  await box.check();
  await expect(box).toBeChecked();
  await page.goto('/en/');
  await expect(page.locator('.course-progress')).toContainText(/You have finished 1 of \d+ lessons/);
  const card = page.locator('.lesson-card', { has: page.getByRole('link', { name: /Federation/ }) });
  await expect(card.locator('.lesson-status')).toHaveText('✓ Done');
  await page.getByRole('button', { name: 'Forget my progress' }).click();
  await expect(card.locator('.lesson-status')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(card.locator('.lesson-status')).toHaveText('✓ Done');
  // German pages share the progress (same lesson, other language).
  await page.goto('/de/');
  await expect(page.locator('.course-progress')).toContainText(/Sie haben 1 von \d+ Lektionen abgeschlossen/);
  expect(requests).toEqual([]);
});

test('a corrupt stored progress value is no progress, never a broken page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/en/');
  await page.evaluate(() => localStorage.setItem('ml:progress:v1', '{"done": [1, {"x": 2}'));
  await page.reload();
  await expect(page.locator('.course-progress')).toContainText('Your progress is kept in this browser only');
  await expect(page.locator('.lesson-card')).not.toHaveCount(0);
  await page.goto('/en/lessons/smp/');
  await page.getByRole('checkbox', { name: 'I have finished this lesson' }).check();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('ml:progress:v1')!))).toEqual({ started: ['smp'], done: ['smp'] });
  expect(errors).toEqual([]);
});

for (const [locale, t] of [
  ['en', { search: 'Find a term', term: 'channel binding', other: 'German: Kanalbindung', count: /^1 of \d+ terms$/, taught: 'Taught in' }],
  ['de', { search: 'Begriff suchen', term: 'Föderation', other: 'Englisch: federation', count: /^1 von \d+ Begriffen$/, taught: 'Erklärt in' }],
] as const) {
  test(`${locale}: the glossary lists the terms side by side, finds one, and links to where it is taught`, async ({ page }) => {
    await page.goto(`/${locale}/glossary/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'en' ? 'Glossary' : 'Glossar');
    expect(await page.locator('.glossary-entry').count()).toBeGreaterThan(50);
    await page.getByRole('searchbox', { name: t.search }).fill(t.term.toLowerCase().replace('ö', 'o'));
    const entries = page.locator('.glossary-entry');
    await expect(entries).toHaveCount(1);
    await expect(entries.locator('dfn')).toHaveText(t.term);
    await expect(page.locator('.glossary-tools [aria-live]')).toHaveText(t.count);
    await expect(entries.locator('.glossary-other')).toContainText(t.other);
    const link = entries.locator('.glossary-taught a').first();
    await expect(entries.locator('.glossary-taught')).toContainText(t.taught);
    const href = await link.getAttribute('href');
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`), { timeout: 30_000 });
  });
}

test('the header links to the glossary in both languages', async ({ page }) => {
  await page.goto('/de/');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Glossar' }).click();
  await expect(page).toHaveURL(/\/de\/glossary\/$/, { timeout: 30_000 });
});
