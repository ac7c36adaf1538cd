/**
 * The scenario widget on its own page (/en/scenarios/hello/): stepping with the keyboard until alice's
 * message reaches bob, the Inspector's XML, back, reload keeping ?step=N, Space to play, Home/End,
 * broken ?step values, the German page, the static HTML, and an axe scan. Runs against out/.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const EN = '/en/scenarios/hello/';
const DE = '/de/scenarios/hello/';

const widget = (page: Page) => page.locator('[data-scenario-widget="hello"]');

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(widget(page)).toHaveAttribute('data-ready', 'true');
}

async function step(page: Page): Promise<number> {
  return Number(await widget(page).getAttribute('data-step'));
}

async function total(page: Page): Promise<number> {
  const text = (await page.getByTestId('step-counter').textContent()) ?? '';
  return Number(/\/\s*(\d+)/.exec(text)?.[1]);
}

test('static HTML already holds the diagrams (React renders, D3 only computes)', async ({ request }) => {
  const html = await (await request.get(EN)).text();
  expect(html).toContain('mlw-network');
  expect(html).toContain('mlw-arrow');
  expect(html).toMatch(/<title[^>]*>Network: Hello over one server<\/title>/);
  expect(html).toContain('step 0 / ');
});

test('step with → until the message reaches bob; the Inspector shows the <message> XML; ← goes back; reload keeps the step', async ({ page }) => {
  await open(page, EN);
  expect(await step(page)).toBe(0);
  const n = await total(page);
  const xml = page.getByTestId('inspector-xml');
  let reached = -1;
  for (let i = 1; i <= n; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(widget(page)).toHaveAttribute('data-step', String(i));
    const panel = (await page.getByRole('tabpanel').textContent()) ?? '';
    if (panel.includes('a.example → bob') && (await xml.count()) > 0 && ((await xml.textContent()) ?? '').startsWith('<message')) {
      reached = i;
      break;
    }
  }
  expect(reached).toBeGreaterThan(0);
  await expect(xml).toContainText("<message");
  await expect(xml).toContainText('Hi Bob! Lunch at noon?');
  await expect(page.getByTestId('narration')).toContainText('bob');
  await expect(page).toHaveURL(new RegExp(`\\?step=${reached}$`));
  // The packet is drawn on the network, coloured as XML.
  await expect(page.locator('.mlw-packet.mlw-layer-xml')).toHaveCount(1);

  await page.keyboard.press('ArrowLeft');
  await expect(widget(page)).toHaveAttribute('data-step', String(reached - 1));
  await expect(page).toHaveURL(new RegExp(`\\?step=${reached - 1}$`));

  await page.reload();
  await expect(widget(page)).toHaveAttribute('data-ready', 'true');
  await expect(widget(page)).toHaveAttribute('data-step', String(reached - 1));
  await expect(page.getByTestId('step-counter')).toContainText(`step ${reached - 1} / ${n}`);
});

test('Space plays and pauses; Home and End jump; PageDown/PageUp go from chapter to chapter', async ({ page }) => {
  await open(page, EN);
  const n = await total(page);
  await page.keyboard.press('End');
  await expect(widget(page)).toHaveAttribute('data-step', String(n));
  await page.keyboard.press('Home');
  await expect(widget(page)).toHaveAttribute('data-step', '0');
  await expect(page).toHaveURL(/\/en\/scenarios\/hello\/$/);
  // hello's chapters start at steps 1 (bob logs in), 12 (alice logs in) and 23 (a message).
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(widget(page)).toHaveAttribute('data-step', '12');
  await page.keyboard.press('PageUp');
  await expect(widget(page)).toHaveAttribute('data-step', '1');
  await page.keyboard.press('Home');

  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => step(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = await step(page);
  await page.waitForTimeout(1500);
  expect(await step(page)).toBe(paused);
});

test('clicking an arrow in the sequence selects that step everywhere', async ({ page }) => {
  await open(page, `${EN}?step=0`);
  await page.locator('.mlw-arrow').nth(2).locator('.mlw-arrow-hit').click({ force: true });
  const s = await step(page);
  expect(s).toBeGreaterThan(0);
  await expect(page.locator('.mlw-arrow--current')).toHaveCount(1);
  await expect(page.getByTestId('step-counter')).toContainText(`step ${s} /`);
  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(page.locator('tr[aria-current="step"] button')).toHaveText(String(s));
});

test('a broken or out-of-range ?step is ignored or clamped, never a crash', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await open(page, `${EN}?step=abc`);
  expect(await step(page)).toBe(0);
  await open(page, `${EN}?step=99999`);
  expect(await step(page)).toBe(await total(page));
  await open(page, `${EN}?step=-4`);
  expect(await step(page)).toBe(0);
  expect(errors).toEqual([]);
});

test('keys typed into a form field stay there', async ({ page }) => {
  await open(page, `${EN}?step=3`);
  await page.getByLabel('Speed').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Home');
  expect(await step(page)).toBe(3);
});

test('presenter mode fills the window and Esc leaves it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, `${EN}?step=4`);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  const box = await widget(page).boundingBox();
  expect(box?.width).toBe(1280);
  expect(box?.height).toBe(800);
  const narration = await page.getByTestId('narration').locator('p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(narration).toBeGreaterThanOrEqual(24);
  await page.keyboard.press('ArrowRight');
  expect(await step(page)).toBe(5);
  await page.keyboard.press('Escape');
  await expect(widget(page)).not.toHaveClass(/mlw--presenter/);
});

test('the German page is German', async ({ page }) => {
  await open(page, DE);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hallo über einen Server');
  await expect(page.getByTestId('step-counter')).toContainText('Schritt 0 /');
  await expect(page.getByRole('tab', { name: 'Schichten' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Schritt vor' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('narration')).not.toContainText(' the ');
});

test('the list of scenarios links to each one', async ({ page }) => {
  await page.goto('/de/scenarios/');
  await page.getByRole('link', { name: /Hallo über einen Server/ }).click();
  await expect(page).toHaveURL(/\/de\/scenarios\/hello\/$/); // no ?step=0 for the opening step
  await expect(widget(page)).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const path of [EN, `${DE}?step=4`, '/en/scenarios/']) {
    test(`${path} has no serious or critical axe violations (${colorScheme})`, async ({ browser }) => {
      const ctx = await browser.newContext({ colorScheme });
      const page = await ctx.newPage();
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).map((nd) => nd.target.join(' ')).join('\n    ')}`);
      expect(bad, bad.join('\n')).toEqual([]);
      await ctx.close();
    });
  }
}

// ----- The knowledge lens, the OTR dissection and the ratchet view (otr-ake) -----

const OTR = '/en/scenarios/otr-ake/';
const otrWidget = (page: Page) => page.locator('[data-scenario-widget="otr-ake"]');

test('otr-ake: step to the end; the Ratchet tab shows key ids above 1 for both parties', async ({ page }) => {
  await page.goto(OTR);
  await expect(otrWidget(page)).toHaveAttribute('data-ready', 'true');
  await page.keyboard.press('End');
  const n = Number(/\/\s*(\d+)/.exec((await page.getByTestId('step-counter').textContent()) ?? '')?.[1]);
  await expect(otrWidget(page)).toHaveAttribute('data-step', String(n));
  await page.getByRole('tab', { name: 'Ratchet' }).click();
  const ratchet = page.getByTestId('ratchet');
  await expect(ratchet.locator('[data-party]')).toHaveCount(2);
  for (const party of ['alice', 'bob']) {
    const ids = await ratchet.locator(`[data-party="${party}"] [data-keyid]`).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-keyid'))));
    expect(Math.max(...ids), party).toBeGreaterThan(1);
  }
  // After alice ends the conversation every private key is forgotten, each with its step.
  await expect(ratchet.locator('[data-party="alice"] [data-state="forgotten"]').first()).toContainText('forgotten at');
  // Step back into the conversation: two keys held, and a forgotten key's step link moves the cursor.
  await page.goto(`${OTR}?step=${n - 6}`);
  await page.getByRole('tab', { name: 'Ratchet' }).click();
  await expect(page.getByTestId('ratchet').locator('[data-party="alice"] [data-keys="ours"] [data-state="current"]')).toHaveCount(1);
  await expect(page.getByTestId('ratchet').locator('[data-party="alice"] [data-keys="ours"] [data-state="previous"]')).toHaveCount(1);
  const link = page.getByTestId('ratchet').locator('[data-state="forgotten"] button').first();
  const target = Number(((await link.textContent()) ?? '').replace(/\D/g, ''));
  await link.click();
  await expect(otrWidget(page)).toHaveAttribute('data-step', String(target));
});

test('otr-ake: the Knowledge tab shows the tap a lock; the Inspector dissects OTR and hides the text from it', async ({ page }) => {
  await page.goto(`${OTR}?step=39`);
  await expect(otrWidget(page)).toHaveAttribute('data-ready', 'true');
  // Step 39: alice's first Data Message crosses her link.
  await expect(page.getByTestId('inspector-otr')).toContainText('Data, protocol version 3');
  await expect(page.getByTestId('inspector-otr')).toContainText('Sender key id');
  await page.getByTestId('lens-select').selectOption('tap:alice~a.example');
  await expect(page.getByTestId('otr-locked')).toContainText('cannot read it');
  await expect(page.locator('.mlw-arrow.mlw-unseen').first()).toBeAttached();
  await page.getByRole('tab', { name: 'Knowledge' }).click();
  await expect(page.getByTestId('knowledge-locked').first()).toBeVisible();
  await expect(page.getByTestId('knowledge-messages')).not.toContainText('Can anyone else read this?');
  // Keyboard: the observer radios take arrow keys; the timeline stays put.
  await page.getByRole('radio', { name: /bob/ }).first().focus();
  await page.keyboard.press('ArrowLeft');
  await expect(otrWidget(page)).toHaveAttribute('data-step', '39');
  await expect(page.getByRole('radio', { name: /alice\s*Client/ })).toBeChecked();
  await expect(page.getByTestId('knowledge-messages')).toContainText('Can anyone else read this?');
});

test('otr-forward-secrecy: after the theft the tap still reads nothing; the thief opens the static-key messages, no OTR message', async ({ page }) => {
  await page.goto('/en/scenarios/otr-forward-secrecy/');
  const w = page.locator('[data-scenario-widget="otr-forward-secrecy"]');
  await expect(w).toHaveAttribute('data-ready', 'true');
  await page.keyboard.press('End');
  await page.getByRole('tab', { name: 'Knowledge' }).click();
  await page.getByRole('radio', { name: /Eavesdropper/ }).check();
  await expect(page.getByTestId('knowledge-headline')).toContainText('reads none of the');
  await expect(page.getByTestId('knowledge-messages')).not.toContainText('tulip42');
  await page.getByRole('radio', { name: /Key thief/ }).check();
  await expect(page.getByTestId('knowledge-theft')).toContainText('Stolen at');
  const table = page.getByTestId('knowledge-messages');
  await expect(table).toContainText('static: the new password is tulip42.');
  await expect(table).not.toContainText('OTR: the new password');
  // Every OTR data message stays behind a lock for the thief too: forward secrecy.
  await expect(table.locator('tr', { hasText: 'keys' }).getByTestId('knowledge-locked').first()).toBeVisible();
});

/** Where the current event sits on screen, and the part of the sequence scroller the reader can see. */
async function currentInView(page: Page, id: string) {
  return page.evaluate((id) => {
    const w = document.querySelector(`[data-scenario-widget="${id}"]`)!;
    const cur = w.querySelector('.mlw-arrow--current .mlw-arrow-head, .mlw-dot--current circle:last-of-type')!.getBoundingClientRect();
    const box = w.querySelector('.mlw-seq-body')!.getBoundingClientRect();
    const bar = w.querySelector('.mlw-timeline')!.getBoundingClientRect();
    const bottom = Math.min(box.bottom, innerHeight, bar.top > box.top ? bar.top : Infinity);
    return cur.top >= box.top && cur.bottom <= bottom;
  }, id);
}

test('a scenario that opens at a later step shows that step in the Sequence view, and follows the cursor without moving the page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/en/scenarios/otr-forward-secrecy/?step=72');
  const w = page.locator('[data-scenario-widget="otr-forward-secrecy"]');
  await expect(w).toHaveAttribute('data-ready', 'true');
  await expect.poll(() => currentInView(page, 'otr-forward-secrecy')).toBe(true);
  expect(await page.evaluate(() => scrollY)).toBe(0);
  // A step link in the Knowledge tab back to an early step: the diagram follows; the page and the focus stay.
  await page.getByRole('tab', { name: 'Knowledge' }).click();
  await page.getByRole('radio', { name: /alice ↔ a\.example/ }).check();
  const link = page.getByTestId('knowledge-messages').getByRole('button', { name: /^Go to step \d+$/ }).first();
  const target = (await link.textContent())!.trim();
  expect(Number(target)).toBeLessThan(40);
  // The keyboard, not the mouse: Playwright's pointer scrolls the page itself when the sticky bar overlaps.
  await link.focus();
  const pageY = await page.evaluate(() => scrollY);
  await page.keyboard.press('Enter');
  await expect(w).toHaveAttribute('data-step', target);
  await expect.poll(() => currentInView(page, 'otr-forward-secrecy')).toBe(true);
  await expect(link).toBeFocused();
  expect(await page.evaluate(() => scrollY)).toBe(pageY);
  // End jumps to the last step; the diagram scrolls down again.
  await page.keyboard.press('End');
  await expect(w).toHaveAttribute('data-step', '72');
  await expect.poll(() => currentInView(page, 'otr-forward-secrecy')).toBe(true);
});

test('presenter mode at 1280×800: the narration folds, so the timeline leaves the diagrams in view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/en/scenarios/otr-forward-secrecy/?step=72');
  await expect(page.locator('[data-scenario-widget]')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  const bar = await page.locator('.mlw-timeline').boundingBox();
  // Key facts are always shown (up to three lines in presenter mode), so the band may take a third; the diagrams are sized to the rest.
  expect(bar!.height).toBeLessThan(800 * 0.35);
  await expect(page.getByTestId('narration')).toContainText('static private key');
  await expect.poll(() => currentInView(page, 'otr-forward-secrecy')).toBe(true);
  const fold = page.getByTestId('narration-fold');
  await fold.focus();
  await page.keyboard.press('Enter');
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('narration').getByText(/static private key/)).toBeVisible();
});
