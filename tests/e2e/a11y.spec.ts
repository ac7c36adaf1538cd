/** axe scans of the site's pages: no serious or critical violation, in light and dark themes. */
import { test } from '@playwright/test';
import { expectAxeClean } from './axe';

const pages = ['/?choose', '/en/', '/de/', '/en/lessons/client-server/', '/de/lessons/client-server/', '/en/glossary/', '/de/glossary/', '/no/such/page/', '/en/lessons/security-requirements/', '/de/lessons/security-requirements/', '/en/lessons/summary/'];

// A lesson page with its widget takes axe a while on a small machine.
test.describe.configure({ timeout: 120_000 });

for (const colorScheme of ['light', 'dark'] as const) {
  for (const path of pages) {
    test(`${path} has no serious or critical axe violations (${colorScheme})`, async ({ browser }) => {
      // The root page follows the browser language; `?choose` keeps it on the language chooser for the scan.
      const ctx = await browser.newContext({ colorScheme, javaScriptEnabled: true });
      const page = await ctx.newPage();
      await page.goto(path);
      await page.waitForLoadState('load');
      await expectAxeClean(page);
      await ctx.close();
    });
  }
}

// The widget's OTR tabs: the knowledge lens with an observer chosen, the ratchet view, and the man in the middle.
for (const colorScheme of ['light', 'dark'] as const) {
  for (const [id, tab] of [['otr-ake', 'Knowledge'], ['otr-ake', 'Ratchet'], ['otr-mitm', 'Ratchet']] as const) {
    test(`${id} with the ${tab} tab open has no serious or critical axe violations (${colorScheme})`, async ({ browser }) => {
      const ctx = await browser.newContext({ colorScheme });
      const page = await ctx.newPage();
      await page.goto(`/en/scenarios/${id}/?step=51`);
      await page.locator('[data-ready="true"]').waitFor();
      await page.getByTestId('lens-select').selectOption({ index: 4 });
      await page.getByRole('tab', { name: tab }).click();
      await expectAxeClean(page);
      await ctx.close();
    });
  }
}

// The subscription state diagram of lesson 4: both sides, its table open, a state focused.
for (const [locale, colorScheme] of [['en', 'dark'], ['de', 'light']] as const) {
  test(`the state diagram (${locale}, ${colorScheme}) has no serious or critical axe violations`, async ({ browser }) => {
    const ctx = await browser.newContext({ colorScheme });
    const page = await ctx.newPage();
    await page.goto(`/${locale}/lessons/presence-rosters/`);
    const diagram = page.locator('.state-diagram');
    await diagram.locator('.sd-table summary').click();
    for (const side of ['inbound', 'outbound']) {
      await diagram.locator(`.sd-radio-${side}`).check();
      await diagram.locator(`.sd-view-${side} .sd-node`).first().focus();
      await expectAxeClean(page, '.state-diagram');
    }
    await ctx.close();
  });
}
