/**
 * The site around the lessons: language chooser, course overview, lesson pages with their widgets,
 * language switcher, quiz by keyboard, 404. Runs against the static export (npm run build first).
 */
import { expect, test } from '@playwright/test';

test.describe.configure({ timeout: 60_000 });

const LESSON_EN = '/en/lessons/client-server/';
const LESSON_DE = '/de/lessons/client-server/';

test.describe('root page', () => {
  test('offers English and German with plain links (no JavaScript needed)', async ({ browser }) => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('link', { name: /English/ })).toHaveAttribute('href', '/en/');
    await expect(page.getByRole('link', { name: /Deutsch/ })).toHaveAttribute('href', '/de/');
    await ctx.close();
  });

  test('follows a browser that prefers German', async ({ browser }) => {
    const ctx = await browser.newContext({ locale: 'de-DE' });
    const page = await ctx.newPage();
    await page.goto('/');
    await page.waitForURL('**/de/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await ctx.close();
  });

  test('follows a browser that prefers English, and falls back to English', async ({ browser }) => {
    for (const locale of ['en-GB', 'fr-FR']) {
      const ctx = await browser.newContext({ locale });
      const page = await ctx.newPage();
      await page.goto('/');
      await page.waitForURL('**/en/');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await ctx.close();
    }
  });
});

test.describe('course overview', () => {
  test('/en/ lists the first lesson with its title, summary and minutes', async ({ page }) => {
    await page.goto('/en/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const link = page.getByRole('link', { name: 'Messaging architectures: client and server' });
    await expect(link).toHaveAttribute('href', LESSON_EN);
    const card = page.locator('.lesson-card').first();
    await expect(card).toContainText('Lesson 1');
    await expect(card).toContainText(/\d+ min/);
    await expect(card).toContainText('Where does a message go');
    await link.click();
    await page.waitForURL(`**${LESSON_EN}`);
  });

  test('/de/ lists the same lesson in German', async ({ page }) => {
    await page.goto('/de/');
    await expect(page.getByRole('link', { name: 'Architektur von Messengern: Client und Server' })).toHaveAttribute('href', LESSON_DE);
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Szenarien' })).toHaveAttribute('href', '/de/scenarios/');
  });
});

test.describe('lesson pages', () => {
  test('the English lesson renders its text, spec links and the hello widget', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(LESSON_EN);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Messaging architectures: client and server');
    await expect(page.getByRole('heading', { level: 2, name: 'The XML stream' })).toBeVisible();
    await expect(page.locator('h2#the-xml-stream')).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'RFC 6120 §13.8.3', exact: true }).first()).toHaveAttribute('href', 'https://www.rfc-editor.org/rfc/rfc6120.html#section-13.8.3');
    const embed = page.locator('.scenario-embed[data-scenario="hello"]');
    await expect(embed).toBeVisible();
    const widget = embed.locator('[data-scenario-widget="hello"]');
    await expect(widget).toBeVisible();
    await expect(widget.locator('svg').first()).toBeVisible();
    // The widget breaks out of the reading column.
    const [column, box] = await Promise.all([page.locator('.prose > p').first().boundingBox(), embed.boundingBox()]);
    expect(box!.width).toBeGreaterThan(column!.width);
    expect(box!.width).toBeLessThanOrEqual(1200);
    expect(errors).toEqual([]);
  });

  test('the German lesson is German', async ({ page }) => {
    await page.goto(LESSON_DE);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Architektur von Messengern: Client und Server');
    for (const h of ['Der XML-Stream', 'Adressen: die Jabber-ID', 'Testen Sie sich', 'Zusammenfassung'])
      await expect(page.getByRole('heading', { level: 2, name: h })).toBeVisible();
    await expect(page.getByText('Das lernen Sie')).toBeVisible();
    await expect(page.locator('[data-scenario-widget="hello"]')).toBeVisible();
    // Every check (quiz, prediction, exercise) has its German button; the lesson has at least three checks.
    const checks = await page.locator('fieldset.quiz').count();
    expect(checks).toBeGreaterThanOrEqual(3);
    const buttons = page.getByRole('button', { name: 'Antwort prüfen' });
    await expect(buttons.first()).toBeVisible();
    expect(await buttons.count()).toBeGreaterThanOrEqual(checks);
    await expect(page.getByRole('button', { name: 'Check answer' })).toHaveCount(0);
  });

  test('the language switcher keeps the current page', async ({ page }) => {
    await page.goto(LESSON_EN);
    await page.getByRole('link', { name: 'Auf Deutsch lesen' }).click();
    await page.waitForURL(`**${LESSON_DE}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await page.getByRole('link', { name: 'Read in English' }).click();
    await page.waitForURL(`**${LESSON_EN}`);
    await page.goto('/de/');
    await page.getByRole('link', { name: 'Read in English' }).click();
    await page.waitForURL(/\/en\/$/);
  });

  test('a quiz works with the keyboard and answers in the page language', async ({ page }) => {
    await page.goto(LESSON_EN);
    // A quiz with a hard-coded answer (a <Predict> is answered by the simulation and has its own test).
    const quiz = page.locator('fieldset.quiz:not([data-kind="predict"])').first();
    await quiz.scrollIntoViewIfNeeded();
    const first = quiz.getByRole('radio').first();
    await first.focus();
    await page.keyboard.press('Space');
    await expect(first).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(quiz.getByRole('button', { name: 'Check answer' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(quiz.getByRole('status')).toContainText('Not quite.');
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await expect(quiz.getByRole('radio').nth(1)).toBeChecked();
    await quiz.getByRole('button', { name: 'Check answer' }).press('Enter');
    await expect(quiz.getByRole('status')).toContainText('Correct.');

    await page.goto(LESSON_DE);
    const de = page.locator('fieldset.quiz:not([data-kind="predict"])').nth(1);
    await de.getByRole('radio').nth(1).check();
    await de.getByRole('button', { name: 'Antwort prüfen' }).click();
    await expect(de.getByRole('status')).toContainText('Richtig.');
  });
});

test('an unknown page answers 404 in both languages', async ({ page }) => {
  const response = await page.goto('/no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByText('Page not found')).toBeVisible();
  await expect(page.getByText('Seite nicht gefunden')).toBeVisible();
  await expect(page.getByRole('link', { name: /Kursübersicht/ })).toHaveAttribute('href', '/de/');
});
