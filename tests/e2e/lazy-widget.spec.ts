/**
 * Issue #13 item 1: a lesson arrives as HTML with a picture of its widget's opening step, and the widget's
 * code (the engine with it) loads only when the widget nears the viewport or the reader acts on it. One
 * page load checks the loading, the picture against the live widget and layout shift; two more check
 * that a press made on the picture is not lost (keyboard, then a click).
 */
import { expect, test, type Page } from '@playwright/test';

const LESSON = '/en/lessons/client-server/'; // its widget sits far below the first screen
const widget = (page: Page) => page.locator('[data-scenario-widget="hello"]');

/** Every script the page asks for, as paths. */
function scriptRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') seen.push(new URL(r.url()).pathname);
  });
  return seen;
}

test('a lesson loads no widget code until the widget nears the viewport; the picture is the live widget, nothing shifts', async ({ page }) => {
  const requested = scriptRequests(page);
  await page.addInitScript(() => {
    (window as unknown as { shifts: number[] }).shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) (window as unknown as { shifts: number[] }).shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(LESSON);
  await page.waitForLoadState('networkidle');
  const inHtml = await page.evaluate(() => [...document.querySelectorAll('script[src]')].map((s) => new URL((s as HTMLScriptElement).src).pathname));
  // Before the widget is near: only the page's own scripts, and the widget is the build-time picture.
  expect(requested.filter((p) => !inHtml.includes(p))).toEqual([]);
  // …and none of those scripts holds the engine (a TLS 1.3 key-schedule label is in it, nowhere else).
  for (const src of inHtml) expect(await (await page.request.get(src)).text(), src).not.toContain('c hs traffic');
  await expect(widget(page)).toHaveAttribute('data-ready', 'false');
  const picture = {
    counter: await widget(page).getByTestId('step-counter').textContent(),
    narration: await widget(page).getByTestId('narration').textContent(),
    box: await widget(page).boundingBox(),
  };
  expect(picture.counter).toMatch(/^step 0 \/ \d+/);
  expect(picture.narration).not.toBe('');

  const shiftsBefore = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.length);
  await widget(page).scrollIntoViewIfNeeded();
  await expect(widget(page)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  // The widget's chunk came now, and the live widget shows what the picture showed, in the same place.
  expect(requested.filter((p) => !inHtml.includes(p)).length).toBeGreaterThan(0);
  await expect(widget(page).getByTestId('step-counter')).toHaveText(picture.counter!);
  await expect(widget(page).getByTestId('narration')).toHaveText(picture.narration!);
  const live = await widget(page).boundingBox();
  expect({ width: live!.width, height: live!.height }).toEqual({ width: picture.box!.width, height: picture.box!.height });
  const shifts = await page.evaluate((n) => (window as unknown as { shifts: number[] }).shifts.slice(n), shiftsBefore);
  // The sequence view measures its box once live and lays out for it: a shift of a pixel or two is left (CLS ≈ 0.002).
  expect(shifts.reduce((a, b) => a + b, 0)).toBeLessThan(0.01);
});

test('keyboard focus on the picture, then → steps once the widget is live', async ({ page }) => {
  await page.goto(LESSON);
  const forward = widget(page).getByRole('button', { name: 'Step forward' });
  await forward.focus();
  await page.keyboard.press('ArrowRight');
  await expect(widget(page)).toHaveAttribute('data-step', '1', { timeout: 30_000 });
  await expect(forward).toBeFocused();
});

test('a click on the picture\u2019s “Step forward” is not lost', async ({ page }) => {
  await page.goto(LESSON);
  await widget(page).getByRole('button', { name: 'Step forward' }).click();
  await expect(widget(page)).toHaveAttribute('data-step', '1', { timeout: 30_000 });
  await expect(widget(page)).toHaveAttribute('data-ready', 'true');
});
