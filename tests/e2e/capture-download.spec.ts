/**
 * "Download capture (.pcapng)" (issue #10 item 5): reached with the keyboard, it makes the trace's pcapng
 * file in the browser — Playwright's download event hands over a file that starts with the Section Header
 * Block's type 0x0A0D0D0A and the byte-order magic 0x1A2B3C4D (little-endian) — named after the scenario
 * and seed; the German page offers it in German. Runs against out/.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { open, widget } from './scenario-page';

test('the keyboard reaches the button and the download is a pcapng file', async ({ page }) => {
  await open(page, 'hello', 1);
  const button = widget(page, 'hello').getByRole('button', { name: 'Download capture (.pcapng)' });
  await expect(button).toBeVisible();
  // Keyboard reachable: a native button in the tab order; Enter starts the download.
  expect(await button.evaluate((el) => (el as HTMLElement).tabIndex)).toBe(0);
  await button.focus();
  await expect(button).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('hello-seed1.pcapng');
  const file = readFileSync((await download.path())!);
  expect(file.subarray(0, 4).toString('hex')).toBe('0a0d0d0a');
  expect(file.subarray(8, 12).toString('hex')).toBe('4d3c2b1a');
  expect(file.readUInt32LE(4)).toBe(file.readUInt32LE(file.readUInt32LE(4) - 4)); // the SHB's lengths agree
  expect(file.length).toBeGreaterThan(1000);
});

test('the German page offers it in German', async ({ page }) => {
  await open(page, 'hello', 1, 'de');
  await expect(widget(page, 'hello').getByRole('button', { name: 'Mitschnitt herunterladen (.pcapng)' })).toBeVisible();
});
