/**
 * The Ledger tab (issue #11): what an observer learned up to the step, grouped by kind, each fact with
 * the step that leaked it — a button that moves the cursor there. Without a lens the tab offers its own
 * choice of observer; under a lens it shows the lens's. English and German; axe-clean; the URL keeps the tab.
 */
import { expect, test } from '@playwright/test';
import { expectAxeClean } from './axe';
import { open, widget } from './scenario-page';

test.describe.configure({ timeout: 90_000 });

test('offline-message: the server’s ledger holds alice’s words for bob, and the step link goes where it leaked', async ({ page }) => {
  await open(page, 'offline-message', 30);
  const w = widget(page, 'offline-message');
  await w.getByRole('tab', { name: 'Ledger' }).click();
  await expect(page).toHaveURL(/[?&]tab=ledger/);
  const panel = page.getByTestId('inspector-ledger');
  await panel.getByLabel('Observer').selectOption('a.example');
  await expect(panel).toContainText('What a.example has learned up to step 30');
  const offline = panel.locator('section[data-group="offline"]');
  await expect(offline.getByRole('heading')).toHaveText('Offline storage (2 facts)');
  const first = offline.getByRole('listitem').first();
  await expect(first).toContainText(/holds a message from alice@a\.example\/laptop for bob@a\.example \(120 B\), 1520 ms/);
  // The metadata stays beside the content: addresses, connections, devices, what it stores for logins.
  await expect(panel.locator('section[data-group="addresses"]')).toContainText('192.0.2.10 is alice');
  await expect(panel.locator('section[data-group="credentials"]')).toContainText(/keeps for alice: SCRAM-SHA-\d+, StoredKey [0-9a-f]{6}…/);
  await expectAxeClean(page, '[data-scenario-widget]');
  await first.getByRole('button', { name: 'Go to step 21' }).click();
  await expect(w).toHaveAttribute('data-step', '21');
  await expect(panel).toContainText('What a.example has learned up to step 21');
  await expect(offline.getByRole('heading')).toHaveText('Offline storage (1 fact)');
});

test('German, hello under a tap’s lens: the Logbuch shows the password and the message read in clear', async ({ page }) => {
  await page.goto('/de/scenarios/hello/?lens=tap%3Aalice~a.example&tab=ledger');
  const w = widget(page, 'hello');
  await expect(w).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await page.keyboard.press('End');
  await expect(w.getByRole('tab', { name: 'Logbuch' })).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByTestId('inspector-ledger');
  // Under a lens there is no second choice: the tab follows the lens.
  await expect(panel.getByRole('combobox')).toHaveCount(0);
  await expect(panel).toContainText(/Was alice ↔ a\.example bis Schritt \d+ erfahren hat/);
  await expect(panel.locator('section[data-group="credentials"]')).toContainText('das Passwort von alice: „wonderland“');
  await expect(panel.locator('section[data-group="messages"]')).toContainText('alice@a.example → bob@a.example');
  await expect(panel.locator('section[data-group="messages"]')).toContainText('„Hi Bob! Lunch at noon?“');
  await expect(panel.getByRole('heading', { name: /Wer wem schreibt/ })).toBeVisible();
  await expectAxeClean(page, '[data-scenario-widget]');
});

test('c2s-login under the same tap: TLS leaves it addresses, a connection and sealed records — no password, no words', async ({ page }) => {
  await page.goto('/en/scenarios/c2s-login/?lens=tap%3Aalice~a.example&tab=ledger');
  const w = widget(page, 'c2s-login');
  await expect(w).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await page.keyboard.press('End');
  const panel = page.getByTestId('inspector-ledger');
  await expect(panel.locator('section[data-group="sealed"]')).toContainText(/B in one TLS record, unreadable/);
  await expect(panel.locator('section[data-group="connections"]')).toContainText(/TCP 192\.0\.2\.10:\d+ ↔ 198\.51\.100\.10:5222/);
  await expect(panel.locator('section[data-group="credentials"]')).toHaveCount(0);
  await expect(panel.locator('section[data-group="messages"]')).toHaveCount(0);
  await expect(panel).not.toContainText('wonderland');
});
