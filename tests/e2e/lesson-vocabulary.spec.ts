/**
 * The lesson vocabulary in a browser at the projector size (1280×800): a <Step> link drives the widget
 * (contract 1), a <Predict> is answered wrong then right in English and German, an <Exercise> takes a
 * wrong then a right answer, and the pages stay axe-clean with the answers and the solution open.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAxeClean } from './axe';

test.use({ viewport: { width: 1280, height: 800 } });
// Two widgets and axe on a shared 2-core machine: a scan can take over two minutes.
test.describe.configure({ timeout: 240_000 });

/** A lesson's widget loads when it nears the viewport (issue #13): bring it there, then wait until it is live. */
async function ready(page: Page, id: string) {
  await page.locator(`[data-scenario-widget="${id}"]`).scrollIntoViewIfNeeded();
  await page.locator(`[data-scenario-widget="${id}"][data-ready="true"]`).waitFor();
}

/** Record the `ml:goto-step` events each widget root receives. */
async function recordGotos(page: Page) {
  await page.evaluate(() => {
    const seen: { id: string; step: number }[] = [];
    (window as unknown as { gotos: typeof seen }).gotos = seen;
    for (const w of document.querySelectorAll<HTMLElement>('[data-scenario-widget]'))
      w.addEventListener('ml:goto-step', (e) => seen.push({ id: w.dataset.scenarioWidget!, step: (e as CustomEvent<{ step: number }>).detail.step }));
  });
}
const gotos = (page: Page) => page.evaluate(() => (window as unknown as { gotos: { id: string; step: number }[] }).gotos);

test('a step link dispatches ml:goto-step on the widget above it, else the first below (keyboard too)', async ({ page }) => {
  await page.goto('/en/lessons/federation/');
  await ready(page, 'federation');
  await recordGotos(page);
  // The watch list stands before both widgets: its links drive the first one below, `federation`.
  const link = page.getByRole('button', { name: 'step 67 (moves the scenario widget to this step)' }).first();
  await link.click();
  // After `federation`, before `unknown-domain`: the StanzaView's caption link drives `federation` again.
  const after = page.locator('.prose p', { hasText: 'Here is the key check of' }).getByRole('button', { name: /^step 61/ });
  await after.focus();
  await page.keyboard.press('Enter');
  expect(await gotos(page)).toEqual([
    { id: 'federation', step: 67 },
    { id: 'federation', step: 61 },
  ]);
});

test('a step link moves the widget and scrolls it into view', async ({ page }) => {
  await page.goto('/en/lessons/federation/');
  await ready(page, 'federation');
  const widget = page.locator('[data-scenario-widget="federation"]');
  await page.getByRole('button', { name: /^step 67 \(/ }).first().click();
  await expect(widget).toHaveAttribute('data-step', '67');
  await expect(widget).toBeInViewport();
});

const predicts = {
  en: { path: '/en/lessons/client-server/', wrong: 'No', right: 'Yes', check: 'Check answer', bad: 'Not quite.', good: 'Correct.', says: 'The simulation says yes: Eavesdropper on a link (alice ↔ a.example) reads “Hi Bob! Lunch at noon?” at step 24.' },
  de: { path: '/de/lessons/client-server/', wrong: 'Nein', right: 'Ja', check: 'Antwort prüfen', bad: 'Nicht ganz.', good: 'Richtig.', says: 'Die Simulation sagt Ja: Lauscher auf einer Leitung (alice ↔ a.example) liest in Schritt 24 „Hi Bob! Lunch at noon?“.' },
};

for (const [locale, p] of Object.entries(predicts)) {
  test(`a Predict asked and answered (${locale}): wrong, then right, with the engine's reason and a link to the step`, async ({ page }) => {
    await page.goto(p.path);
    await ready(page, 'hello');
    await recordGotos(page);
    const predict = page.locator('.quiz[data-kind="predict"]').first();
    await predict.getByLabel(p.wrong, { exact: true }).check();
    await predict.getByRole('button', { name: p.check }).click();
    const feedback = predict.getByRole('status');
    await expect(feedback).toContainText(p.bad);
    await expect(feedback).toContainText(p.says);
    await expect(predict).toHaveAttribute('data-checked', 'wrong');
    await predict.getByLabel(p.right, { exact: true }).check();
    await predict.getByRole('button', { name: p.check }).click();
    await expect(feedback).toContainText(p.good);
    await expect(predict).toHaveAttribute('data-checked', 'correct');
    await feedback.getByRole('button').click();
    expect(await gotos(page)).toEqual([{ id: 'hello', step: 24 }]);
  });
}

test('an Exercise: a wrong answer, candidates tested in the browser, then the right answer and the solution (de)', async ({ page }) => {
  await page.goto('/de/lessons/secure-login/');
  await ready(page, 'bad-password');
  const ex = page.locator('.exercise[data-kind="scram-guess"]');
  const input = ex.getByLabel('Ihre Antwort');
  await input.fill('wonderlnad');
  await ex.getByRole('button', { name: 'Antwort prüfen' }).click();
  await expect(ex.getByRole('status').last()).toContainText('Noch nicht: „wonderlnad“ ist es nicht.');
  await expect(ex).toHaveAttribute('data-checked', 'wrong');
  for (const c of ['wonderlnad', 'wonderland', '123456']) await ex.getByRole('button', { name: `StoredKey für „${c}“ berechnen` }).click();
  const computed = ex.locator('.exercise-computed');
  await expect(computed).toHaveCount(3);
  await expect(computed.nth(0)).toContainText('passt nicht');
  await expect(computed.nth(1)).toContainText('passt zum geleakten StoredKey');
  await expect(computed.nth(1).locator('code')).toHaveText(await ex.locator('.exercise-leak dd code').nth(2).innerText());
  await input.fill('wonderland');
  await input.press('Enter');
  await expect(ex).toHaveAttribute('data-checked', 'correct');
  await ex.getByRole('button', { name: 'Lösung zeigen' }).click();
  await expect(ex.locator('.exercise-solution')).toContainText('Nur „wonderland“ ergibt den geleakten StoredKey');
});

test('the OTR key-id exercise (en): wrong, then right', async ({ page }) => {
  await page.goto('/en/lessons/forward-secrecy/');
  const ex = page.locator('.exercise[data-kind="otr-keyid"]');
  await ex.getByLabel('Your answer').fill('2');
  await ex.getByRole('button', { name: 'Check answer' }).click();
  await expect(ex).toHaveAttribute('data-checked', 'wrong');
  await ex.getByLabel('Your answer').fill('#3');
  await ex.getByRole('button', { name: 'Check answer' }).click();
  await expect(ex).toHaveAttribute('data-checked', 'correct');
});

for (const colorScheme of ['light', 'dark'] as const)
  for (const path of ['/en/lessons/client-server/', '/de/lessons/secure-login/'])
    test(`${path} with a Predict answered and an exercise solved has no serious or critical axe violations (${colorScheme})`, async ({ browser }) => {
      const ctx = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      await page.goto(path);
      await page.locator('[data-scenario-widget]').first().scrollIntoViewIfNeeded(); // it loads near the viewport
      await page.locator('[data-scenario-widget][data-ready="true"]').first().waitFor();
      const predict = page.locator('.quiz[data-kind="predict"]').first();
      await predict.locator('input[type="radio"]').first().check();
      await predict.locator('button.button').click();
      const ex = page.locator('.exercise').first();
      await ex.locator('input').fill('x');
      await ex.locator('button[type="submit"]').click();
      await ex.locator('details summary').click();
      await ex.locator('button[aria-expanded]').click();
      await expectAxeClean(page);
      await ctx.close();
    });
