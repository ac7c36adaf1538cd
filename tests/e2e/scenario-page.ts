/** Helpers the e2e specs share for a scenario's own page: open it at a step, enter presenter mode, measure. */
import { expect, type Locator, type Page } from '@playwright/test';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const widget = (page: Page, id: string) => page.locator(`[data-scenario-widget="${id}"]`);

/** `/<locale>/scenarios/<id>/?step=<step>`, once the widget is ready at that step. */
export async function open(page: Page, id: string, step: number, locale: 'en' | 'de' = 'en') {
  await page.goto(`/${locale}/scenarios/${id}/?step=${step}`);
  // A long OTR scenario takes several seconds to compute on a loaded 2-core machine.
  await expect(widget(page, id)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(widget(page, id)).toHaveAttribute('data-step', String(step));
}

export async function present(page: Page, id: string) {
  await widget(page, id).locator('.mlw-header-tools button[aria-pressed]').click();
  await expect(widget(page, id)).toHaveClass(/mlw--presenter/);
}

export async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  expect(b, 'element is rendered').not.toBeNull();
  return b!;
}
