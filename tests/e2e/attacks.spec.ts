/**
 * Issue #10 item 8, one attack end to end against out/: starttls-stripping at step 9 (trace event 8),
 * where alice's lax client sends SASL PLAIN on the link mallory stripped. The band says anyone on the
 * link can read it; under the lens of the tap on her link, the Knowledge tab shows her password and the
 * step that leaked it. English and German, one page load each.
 */
import { expect, test } from '@playwright/test';
import { open } from './scenario-page';

test.use({ viewport: { width: 1280, height: 800 } });
test.describe.configure({ timeout: 120_000 });

const WORDS = {
  en: { band: 'anyone on this link can read them', tab: 'Knowledge', leaked: 'Step 9' },
  de: { band: 'Wer diese Leitung mitliest, kann es lesen', tab: 'Wissen', leaked: 'Schritt 9' },
} as const;

for (const locale of ['en', 'de'] as const) {
  test(`${locale}: starttls-stripping — the password crosses in clear, and the tap on alice’s link has it`, async ({ page }) => {
    await open(page, 'starttls-stripping', 9, locale);
    await expect(page.locator('.mlw-narration-main')).toContainText(WORDS[locale].band);
    await page.getByTestId('lens-select').selectOption('tap:alice~a.example');
    await page.getByRole('tab', { name: WORDS[locale].tab }).click();
    const panel = page.locator('.mlw-panel[data-tab="knowledge"]');
    await expect(panel).toContainText('alice / wonderland');
    await expect(panel).toContainText(WORDS[locale].leaked);
  });
}
