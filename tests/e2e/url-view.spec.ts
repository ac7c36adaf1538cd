/**
 * Issue #9, item 6 (second half), against out/ at 1280×800: the URL keeps the whole view (contract 3) and
 * the first paint already shows the linked step.
 */
import { expect, test, type Page } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 800 } });

const widget = (page: Page, id: string) => page.locator(`[data-scenario-widget="${id}"]`);

async function ready(page: Page, id: string) {
  await expect(widget(page, id)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

test('first paint: a ?step=N link never shows another step (sampled before every frame from the start)', async ({ page }) => {
  // Before every frame the browser renders, note which step the widget shows if any of it is visible.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __painted: string[] }).__painted = seen;
    const sample = () => {
      const w = document.querySelector('[data-scenario-widget]');
      const views = w?.querySelector('.mlw-views');
      const counter = w?.querySelector('[data-testid="step-counter"]');
      if (w && views && counter && getComputedStyle(views).visibility === 'visible' && getComputedStyle(counter).visibility === 'visible') {
        seen.push(`${w.getAttribute('data-step')}|${/step (\d+)/.exec(counter.textContent ?? '')?.[1] ?? '?'}`);
      }
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  for (const [id, step] of [
    ['otr-mitm', 45],
    ['c2s-login', 12],
  ] as const) {
    await page.goto(`/en/scenarios/${id}/?step=${step}`);
    await ready(page, id);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __painted: string[] }).__painted.length)).toBeGreaterThan(2);
    const painted = await page.evaluate(() => (window as unknown as { __painted: string[] }).__painted);
    expect(new Set(painted), `${id}: every painted frame shows step ${step}`).toEqual(new Set([`${step}|${step}`]));
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a ?step link hides nothing: the static page is readable as it is', async ({ page }) => {
    await page.goto('/en/scenarios/otr-mitm/?step=45');
    await expect(page.locator('.mlw-views')).toBeVisible();
    await expect(page.getByTestId('step-counter')).toBeVisible();
    await expect(page.getByTestId('narration')).toBeVisible();
  });
});

test('reload keeps step, lens, tab, view, presenter mode and the open notes', async ({ page }) => {
  const id = 'otr-mitm';
  await page.goto(`/en/scenarios/${id}/?step=45`);
  await ready(page, id);
  const w = widget(page, id);
  const lens = w.getByTestId('lens-select');
  const lensName = await lens.locator('option').nth(1).getAttribute('value');
  await lens.selectOption(lensName!);
  await w.getByTestId('view-select').selectOption('sequence');
  await w.getByRole('tab', { name: 'Knowledge' }).click();
  await w.getByTestId('narration-fold').click();
  await w.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(w).toHaveClass(/mlw--presenter/);
  await expect(page).toHaveURL(/presenter=1/);
  const url = page.url();
  expect(new URL(url).searchParams.get('lens')).toBe(lensName);

  await page.reload();
  await ready(page, id);
  await expect(w).toHaveAttribute('data-step', '45');
  await expect(w).toHaveClass(/mlw--presenter/);
  await expect(w).toHaveClass(/mlw--view-sequence/);
  await expect(w.getByTestId('lens-select')).toHaveValue(lensName!);
  await expect(w.getByRole('tab', { name: 'Knowledge' })).toHaveAttribute('aria-selected', 'true');
  await expect(w.getByTestId('narration-fold')).toHaveAttribute('aria-expanded', 'true');
  expect(page.url()).toBe(url);

  // Leaving presenter mode and closing the notes take them out of the URL again.
  await page.keyboard.press('Escape');
  await w.getByTestId('narration-fold').click();
  await expect(page).not.toHaveURL(/presenter|notes/);
});

test('a prepared link opens exactly that view; bad values are dropped, not fatal', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const id = 'c2s-login';
  await page.goto(`/de/scenarios/${id}/?step=12&lens=tap%3Aalice~a.example&tab=layers&view=network`);
  await ready(page, id);
  const w = widget(page, id);
  await expect(w).toHaveAttribute('data-step', '12');
  await expect(w).toHaveClass(/mlw--view-network/);
  await expect(w.getByTestId('lens-select')).toHaveValue('tap:alice~a.example');
  await expect(w.getByRole('tab', { name: 'Schichten' })).toHaveAttribute('aria-selected', 'true');
  await expect(w).not.toHaveClass(/mlw--presenter/);

  // A chapter link (robust when a trace grows) opens at the chapter's first step and names the step in the URL.
  await page.goto('/en/scenarios/otr-mitm/?chapter=smp&tab=ratchet');
  await ready(page, 'otr-mitm');
  const smp = widget(page, 'otr-mitm');
  await expect(smp).toHaveAttribute('data-step', '47');
  await expect(smp.getByRole('tab', { name: 'Ratchet' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/\/en\/scenarios\/otr-mitm\/\?step=47&tab=ratchet$/);

  await page.goto(`/en/scenarios/${id}/?step=9x&lens=nobody&tab=ratchet&view=%&presenter=yes&notes=1`);
  await ready(page, id);
  await expect(w).toHaveAttribute('data-step', '0');
  await expect(w.getByTestId('lens-select')).toHaveValue('');
  await expect(w.getByRole('tab', { name: 'XML' })).toHaveAttribute('aria-selected', 'true');
  await expect(w.getByTestId('narration-fold')).toHaveAttribute('aria-expanded', 'true');
  await expect(page).toHaveURL(/\/en\/scenarios\/c2s-login\/\?notes=1$/);
  expect(errors).toEqual([]);
});
