/**
 * Issue #11 item 3: the architecture comparison page, built from four runs. In both languages: the
 * centralised provider reads every line and the end-to-end provider none; the table says so in words;
 * a cell's link opens that run under that party's lens; the page is reachable from the course overview
 * and axe-clean.
 */
import { expect, test } from '@playwright/test';
import { expectAxeClean } from './axe';

test('English: providers read everything without end to end, nothing with it; a cell opens the run under its lens', async ({ page }) => {
  await page.goto('/en/');
  await page.getByRole('link', { name: 'Who learns what: four architectures compared' }).click();
  await expect(page.locator('h1')).toHaveText('Who learns what: four ways to build a messenger');
  const table = page.getByTestId('arch-comparison');
  const cell = (role: string, column: string) => table.locator(`tr[data-role="${role}"] td[data-column="${column}"]`);
  await expect(cell('provider-alice', 'arch-centralised').locator('[data-verdict]')).toHaveText('Reads 4 of 4 lines');
  await expect(cell('provider-alice', 'arch-centralised-e2e').locator('[data-verdict]')).toHaveText('Sees 4 of 4 lines, reads none');
  await expect(cell('provider-carol', 'arch-federated')).toContainText('Held a message for carol while offline');
  await expect(cell('tap-between', 'arch-centralised')).toContainText('No such link');
  await expect(cell('tap-access', 'arch-federated-e2e').locator('[data-verdict]')).toHaveText('Sees no line of the conversation');
  await expectAxeClean(page);

  await cell('provider-carol', 'arch-federated').getByRole('link', { name: 'Watch it as b.example' }).click();
  await expect(page).toHaveURL(/\/en\/scenarios\/arch-federated\/\?step=\d+&lens=b\.example/);
  const step = new URL(page.url()).searchParams.get('step');
  const widget = page.locator('[data-scenario-widget="arch-federated"]');
  await expect(widget).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(widget).toHaveAttribute('data-step', step!);
  await expect(page.getByTestId('lens-select')).toHaveValue('b.example');
});

test('German: the same table in German words', async ({ page }) => {
  await page.goto('/de/compare/');
  await expect(page.locator('h1')).toHaveText('Wer erfährt was: vier Arten, einen Messenger zu bauen');
  const table = page.getByTestId('arch-comparison');
  await expect(table.locator('tr[data-role="provider-alice"] td[data-column="arch-federated-e2e"] [data-verdict]')).toHaveText('Sieht 4 von 4 Zeilen, liest keine');
  await expect(table.locator('tr[data-role="bob"] th')).toHaveText('bob, ein anderer Nutzer');
  await expect(table).not.toContainText('Reads');
});
