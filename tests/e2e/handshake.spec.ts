/**
 * The Handshake tab (issue #10 item 6): c2s-login's TLS 1.3 handshake field by field — the keyboard moves
 * through the ClientHello's fields and the meaning follows; the table alternative; the key schedule with its
 * holders; under a tap's lens only the hellos and the sealed records; German labels; axe-clean.
 */
import { expect, test } from '@playwright/test';
import { expectAxeClean } from './axe';
import { open, widget } from './scenario-page';

test.describe.configure({ timeout: 90_000 });

test('c2s-login: keyboard through the ClientHello, the table alternative, the schedule and the SCRAM values', async ({ page }) => {
  await open(page, 'c2s-login', 6);
  await widget(page, 'c2s-login').getByRole('tab', { name: 'Handshake' }).click();
  const panel = page.getByTestId('inspector-handshake');
  await expect(panel.getByRole('button', { name: /^ClientHello, step 6, alice → a\.example/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('hs-sentence')).toContainText('in clear');
  const bytes = page.getByTestId('hs-bytes');
  await bytes.focus();
  await expect(page.getByTestId('hs-field-detail')).toContainText('Message type');
  // msg_type, length, legacy_version, random: three fields on
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('hs-field-detail')).toContainText('Random');
  await expect(page.getByTestId('hs-meaning')).toContainText('32 fresh random bytes');
  await expect(widget(page, 'c2s-login')).toHaveAttribute('data-step', '6'); // the arrows moved fields, not the trace
  await page.keyboard.press('End');
  await expect(page.getByTestId('hs-field-detail')).toContainText('ed25519');
  await expectAxeClean(page, '[data-scenario-widget]');

  await panel.getByRole('button', { name: 'Table' }).click();
  const table = page.getByTestId('hs-field-table');
  await expect(table.getByRole('row', { name: /Server name \(SNI\)/ })).toContainText('a.example');
  await expect(page.getByTestId('hs-schedule-table').getByRole('row', { name: /^Master Secret HKDF-Extract/ })).toContainText(/[0-9a-f]{64}/);
  await expect(page.getByTestId('hs-holders')).toContainText('alice (client, from step');
  await expect(page.getByTestId('scram-table').getByRole('row', { name: /ClientProof/ })).toContainText('equals the p= that alice sent at step 12');
  await expectAxeClean(page, '[data-scenario-widget]');
});

test('under the tap’s lens: the hellos in clear, the rest a sealed record, no secret (German)', async ({ page }) => {
  await page.goto('/de/scenarios/c2s-login/?step=8&tab=handshake');
  await expect(widget(page, 'c2s-login')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await page.getByTestId('lens-select').selectOption('tap:alice~a.example');
  const panel = page.getByTestId('inspector-handshake');
  await expect(panel.getByRole('button', { name: /^ServerHello, Schritt 7/ })).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Certificate/ })).toHaveCount(0);
  await panel.getByRole('button', { name: /^Verschlüsselter Record, Schritt 7/ }).click();
  await expect(page.getByTestId('hs-sentence')).toContainText('ohne Schlüssel für diese Verbindung');
  await expect(page.getByTestId('hs-holders')).toContainText('keins der Geheimnisse unten');
  await expect(page.getByTestId('hs-schedule').locator('[data-secret="master"]')).toHaveAttribute('aria-label', /nicht im Besitz/);
  await expect(page.getByTestId('scram-calculator')).toHaveCount(0);
  await expectAxeClean(page, '[data-scenario-widget]');
});
