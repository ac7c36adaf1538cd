/**
 * The Storage tab (issue #11 item 2): what a server holds after a step, in English and German — SCRAM
 * records and never the password, who is online from where, a message waiting for an offline user;
 * under a tap's lens nothing; axe-clean; the URL keeps the tab.
 */
import { expect, test } from '@playwright/test';
import { expectAxeClean } from './axe';
import { open, widget } from './scenario-page';

test.describe.configure({ timeout: 90_000 });

test('c2s-login, step 28: alice’s account keeps SCRAM data, no password; she is online from her address', async ({ page }) => {
  await open(page, 'c2s-login', 28);
  await widget(page, 'c2s-login').getByRole('tab', { name: 'Storage' }).click();
  const panel = page.getByTestId('inspector-storage');
  await expect(panel).toContainText('What a.example holds after step 28');
  const accounts = page.getByTestId('storage-accounts');
  await expect(accounts.getByRole('rowheader', { name: 'alice@a.example' })).toBeVisible();
  await expect(accounts).toContainText(/SCRAM-SHA-256: s=[0-9a-f]{6}…, i=\d+, StoredKey [0-9a-f]{6}…, ServerKey [0-9a-f]{6}…/);
  await expect(panel).not.toContainText('wonderland');
  await expect(page.getByTestId('storage-online')).toContainText(/alice@a\.example\/laptop from \d+\.\d+\.\d+\.\d+, port \d+/);
  await expect(page.getByTestId('storage-log')).toContainText(/alice@a\.example\/laptop from \d+\.\d+\.\d+\.\d+: online since step \d+/);
  await expect(page).toHaveURL(/[?&]tab=storage/);
  await expectAxeClean(page, '[data-scenario-widget]');
});

test('offline-message, step 21: bob is away and the server holds alice’s words for him, readable (German)', async ({ page }) => {
  await open(page, 'offline-message', 21, 'de');
  await widget(page, 'offline-message').getByRole('tab', { name: 'Speicher' }).click();
  const row = page.getByTestId('storage-accounts').getByRole('row', { name: /bob@a\.example/ });
  await expect(row).toContainText('von alice@a.example/laptop, Zeitstempel 2026-01-01T09:00:01Z:');
  await expect(row).toContainText('Call me when you land.');
  await expect(page.getByTestId('inspector-storage')).toContainText('Kein Passwort: SCRAM speichert nur');
});

test('under a tap’s lens the tab says the tap holds no server storage', async ({ page }) => {
  await page.goto('/en/scenarios/c2s-login/?step=28&tab=storage');
  await expect(widget(page, 'c2s-login')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('inspector-storage')).toBeVisible();
  await page.getByTestId('lens-select').selectOption('tap:alice~a.example');
  await expect(page.getByTestId('storage-lens-none')).toContainText('is not a server and holds no server’s storage');
});
