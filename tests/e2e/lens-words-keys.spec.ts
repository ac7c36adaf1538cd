/**
 * Issue #9, items 4, 7 and 8 at 1280×800, against out/:
 * - the "Seen by" lens never shows more than its observer has (c2s-login step 12 seen by the tap on
 *   alice's link: a TLS record of 204 bytes, not `<response>` or the SCRAM message);
 * - German pages name layers in German, and the diagram's dots never show an action's internal name;
 * - Space after clicking "Step forward" plays (as the footer says); a lesson says how to get ←/→.
 */
import { expect, test, type Page } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 800 } });

const widget = (page: Page, id: string) => page.locator(`[data-scenario-widget="${id}"]`);

async function open(page: Page, url: string, id: string) {
  await page.goto(url);
  await expect(widget(page, id)).toHaveAttribute('data-ready', 'true');
}

/** Every text the lensed widget shows for the current step: arrow labels, their tooltips, the Inspector tab. */
async function arrowTexts(page: Page): Promise<string> {
  const labels = await page.locator('.mlw-seq .mlw-arrow-text').allTextContents();
  const titles = await page.locator('.mlw-seq .mlw-arrow > title').allTextContents();
  const packet = await page.locator('.mlw-network .mlw-packet-label').allTextContents();
  return [...labels, ...titles, ...packet].join('\n');
}

test('item 4: seen by the tap on alice’s link, step 12 of c2s-login is a TLS record, nothing of what it carries', async ({ page }) => {
  await open(page, '/en/scenarios/c2s-login/?step=12', 'c2s-login');
  await expect(widget(page, 'c2s-login')).toHaveAttribute('data-step', '12');
  // Without a lens the teacher sees everything, as before.
  expect(await arrowTexts(page)).toContain('<response>');

  await page.getByTestId('lens-select').selectOption('tap:alice~a.example');
  await expect(page.locator('.mlw-seq .mlw-arrow--current .mlw-arrow-text')).toHaveText('TLS record, 204 B');
  const all = await arrowTexts(page);
  for (const inside of ['<auth>', '<response>', '<challenge>', '<success>', '<iq>', '<message>', '<presence>']) expect(all).not.toContain(inside);
  expect(all).toContain('TLS record, 204 B');

  for (const tab of ['XML', 'Layers', 'Hex']) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    const panel = page.getByRole('tabpanel');
    await expect(panel).toBeVisible();
    const text = (await panel.textContent()) ?? '';
    expect(text, tab).not.toMatch(/c=biws|<response|SCRAM|response>/);
  }
  // The Layers tab still shows what the tap has: TCP and the record, and says that the rest is sealed.
  await page.getByRole('tab', { name: 'Layers', exact: true }).click();
  await expect(page.getByRole('tabpanel')).toContainText('TLS record: application_data');
  await expect(page.getByTestId('lens-sealed')).toBeVisible();

  // The tap is no machine: the State tab shows no one's memory (alice's would hold her SCRAM secrets).
  await page.getByRole('tab', { name: 'State', exact: true }).click();
  await expect(page.getByTestId('state-lens-none')).toBeVisible();
  await expect(page.getByTestId('inspector-state')).toHaveCount(0);

  // alice holds the key: her lens opens the record again.
  await page.getByTestId('lens-select').selectOption('alice');
  await expect(page.locator('.mlw-seq .mlw-arrow--current .mlw-arrow-text')).toHaveText('<response>');
});

test('item 4: under a lens the Ratchet tab shows only the cards of the program the observer is', async ({ page }) => {
  await open(page, '/en/scenarios/otr-ake/?step=39', 'otr-ake');
  await page.getByRole('tab', { name: 'Ratchet', exact: true }).click();
  await expect(page.locator('[data-testid="ratchet"] [data-party="bob"]')).toHaveCount(1);
  await page.getByTestId('lens-select').selectOption('tap:alice~a.example');
  // What bob does on his own device never reaches the tap on alice's link: its dots say only that.
  const dots = (await page.locator('.mlw-seq .mlw-dot-label').allTextContents()).join('\n');
  expect(dots).toContain('bob: not seen');
  expect(dots).not.toMatch(/bob (sends|starts|answers)/);
  await expect(page.getByTestId('ratchet-lens-none')).toBeVisible();
  await expect(page.locator('[data-testid="ratchet"] [data-party]')).toHaveCount(0);
  await page.getByTestId('lens-select').selectOption('alice');
  await expect(page.locator('[data-testid="ratchet"] [data-party="alice"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="ratchet"] [data-party="bob"]')).toHaveCount(0);
});

test('item 7: German dot labels and layer notes are German', async ({ page }) => {
  await open(page, '/de/scenarios/otr-ake/?step=39', 'otr-ake');
  const dots = (await page.locator('.mlw-seq .mlw-dot-label').allTextContents()).join('\n');
  expect(dots).toContain('startet OTR');
  expect(dots).not.toMatch(/otr-start|smp-respond|keys-stolen|retry-login|send-message/);
  const panel = page.getByRole('tabpanel');
  await expect(panel).toContainText('OTR-Datennachricht, Schlüssel 1/1, Zähler 1');
  await expect(panel).not.toContainText('OTR data message');
  await page.getByRole('tab', { name: 'Schichten', exact: true }).click();
  await expect(page.getByRole('tabpanel')).toContainText('OTR-Datennachricht');
  await expect(page.getByRole('tabpanel')).not.toContainText('counter');
});

test('item 7: German Events rows name timers in words, not by their internal names', async ({ page }) => {
  await open(page, '/de/scenarios/federation/', 'federation');
  await page.getByRole('tab', { name: 'Ereignisse', exact: true }).click();
  const rows = (await page.locator('.mlw-events tbody').textContent()) ?? '';
  expect(rows).toContain('DNS-Antwort für b.example');
  expect(rows).not.toMatch(/dns b\.example|s2s timeout|action\./);
});

test('item 8: after clicking “Step forward”, Space plays and pauses', async ({ page }) => {
  await open(page, '/en/scenarios/hello/', 'hello');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(widget(page, 'hello')).toHaveAttribute('data-step', '1');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // A keyboard user who tabs onto the button still presses it with Space (its own meaning).
  const s = Number(await widget(page, 'hello').getAttribute('data-step'));
  await page.getByRole('button', { name: 'Step forward' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await expect(widget(page, 'hello')).toHaveAttribute('data-step', String(s + 1));
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

for (const [locale, slug, hint] of [
  ['en', 'secure-login', 'Click the diagram or press Tab'],
  ['de', 'secure-login', 'Tab'],
] as const) {
  test(`item 8: a lesson (${locale}) says how to step with ←/→, and clicking the diagram makes them work`, async ({ page }) => {
    await page.goto(`/${locale}/lessons/${slug}/`);
    const w = widget(page, 'c2s-login');
    await w.scrollIntoViewIfNeeded(); // the widget loads when it nears the viewport (issue #13)
    await expect(w).toHaveAttribute('data-ready', 'true');
    const note = page.locator('[data-scenario="c2s-login"] [data-testid="widget-keys-hint"]');
    await expect(note).toBeVisible();
    await expect(note).toContainText(hint);
    await expect(note).toContainText('←/→');
    // A click on the diagram may also choose the arrow under the pointer; ← and → then go on from there.
    await w.locator('.mlw-seq-body').click({ position: { x: 8, y: 8 } });
    const at = Number(await w.getAttribute('data-step'));
    await page.keyboard.press('ArrowRight');
    await expect(w).toHaveAttribute('data-step', String(at + 1));
  });
}
