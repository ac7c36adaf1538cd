/**
 * Every scenario page and every lesson, in both languages, loads without a script error and plays to
 * its last step: a preset that throws in the browser, or a lesson whose widget never gets ready,
 * fails here by name.
 */
import { expect, test, type Page } from '@playwright/test';
import { listLessons } from '../../app/_content/lessons';
import { locales } from '../../app/_i18n/locales';
import { presets } from '../../lib/scenarios/presets/index';

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

for (const locale of locales)
  for (const { id } of presets)
    test(`/${locale}/scenarios/${id}/ plays to its last step`, async ({ page }) => {
      const errors = collectErrors(page);
      await page.goto(`/${locale}/scenarios/${id}/`);
      const widget = page.locator(`[data-scenario-widget="${id}"]`);
      await expect(widget).toHaveAttribute('data-ready', 'true');
      await page.keyboard.press('End');
      const total = Number(/\/\s*(\d+)/.exec((await page.getByTestId('step-counter').textContent()) ?? '')?.[1]);
      expect(total).toBeGreaterThan(10);
      await expect(widget).toHaveAttribute('data-step', String(total));
      await expect(page.getByTestId('narration')).not.toBeEmpty();
      expect(errors).toEqual([]);
    });

for (const locale of locales)
  for (const lesson of listLessons(locale))
    test(`/${locale}/lessons/${lesson.slug}/ gets every widget ready`, async ({ page }) => {
      const errors = collectErrors(page);
      await page.goto(`/${locale}/lessons/${lesson.slug}/`);
      await expect(page.locator('h1')).toContainText(lesson.title);
      const widgets = page.locator('[data-scenario-widget]');
      const n = await widgets.count();
      // A lesson's widget loads its code when it nears the viewport (LazyScenario): bring each one there.
      for (let i = 0; i < n; i++) {
        await widgets.nth(i).scrollIntoViewIfNeeded();
        await expect(widgets.nth(i)).toHaveAttribute('data-ready', 'true');
      }
      expect(errors).toEqual([]);
    });
