/**
 * Issue #12 item 9, page security: whatever a user types, links to or loads stays text. A corpus of XSS
 * payloads goes through every URL parameter of a scenario page, a lecture script's link and file (its
 * title, notes, lens and tab), the glossary search, a lesson's exercise field and the stored course
 * progress; nothing may run (no `window.__xss`, no dialog), nothing may become markup (no element with an
 * event-handler attribute or a javascript: URL that the page did not ship), and the pages' own
 * Content-Security-Policy (scripts/csp.mjs, sent by scripts/serve.mjs) must never have had to block a
 * script: a blocked one would mean markup got through.
 */
import { expect, test, type Page } from '@playwright/test';

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload="window.__xss=2">',
  "'><script>window.__xss=3</script>",
  'javascript:window.__xss=4',
  '</textarea><img src=x onerror=window.__xss=5>',
  '<a href="javascript:window.__xss=6">link</a>',
  '{{constructor.constructor("window.__xss=7")()}}',
  '<iframe srcdoc="<script>parent.__xss=8</script>"></iframe>',
  '<details open ontoggle="window.__xss=9">',
  '" autofocus onfocus="window.__xss=10" x="',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=11>',
  '%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D12%3E',
];

/** Watch a page for what a successful injection would leave: a dialog, a CSP report, a script error. */
function watch(page: Page): string[] {
  const trouble: string[] = [];
  page.on('dialog', (d) => {
    trouble.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => trouble.push(`page error: ${String(e)}`));
  page.on('console', (m) => {
    if (/Content Security Policy|__xss/i.test(m.text())) trouble.push(`console: ${m.text()}`);
  });
  return trouble;
}

async function expectNothingRan(page: Page, trouble: string[]) {
  const found = await page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown };
    const bad: string[] = [];
    if (w.__xss !== undefined) bad.push(`window.__xss = ${String(w.__xss)}`);
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        const handler = a.name.startsWith('on') && a.value.includes('__xss');
        // A payload inside a same-origin link's query is data, URL-encoded; a javascript: URL or a srcdoc is code.
        const url = (/^(href|src|action|formaction|xlink:href)$/.test(a.name) && /^\s*javascript:/i.test(a.value)) || (a.name === 'srcdoc' && a.value.includes('__xss'));
        if (handler || url) bad.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 60)}">`);
      }
      if (el.tagName === 'SCRIPT' && (el.textContent ?? '').includes('__xss')) bad.push('a <script> holding a payload');
    }
    return bad;
  });
  expect([...found, ...trouble]).toEqual([]);
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

test('every URL parameter of a scenario page stays text', async ({ page }) => {
  test.setTimeout(120_000);
  const trouble = watch(page);
  for (let i = 0; i < PAYLOADS.length; i += 4) {
    const [a = '', b = '', c = '', d = ''] = PAYLOADS.slice(i, i + 4);
    const q = new URLSearchParams({ step: a, lens: b, tab: c, view: d, chapter: a, notes: b, presenter: c, [d]: a });
    await page.goto(`/en/scenarios/hello/?${q.toString()}`);
    await expect(page.locator('[data-scenario-widget="hello"]')).toHaveAttribute('data-ready', 'true');
    await expectNothingRan(page, trouble);
  }
});

test('a lecture script in a link and in a file shows its payloads as text, in both languages', async ({ page }) => {
  test.setTimeout(120_000);
  const trouble = watch(page);
  const script = {
    format: 'messenger-lab-script',
    version: 1,
    title: PAYLOADS[0],
    views: PAYLOADS.slice(1, 6).map((p, i) => ({ scenario: 'hello', step: i + 1, lens: p, tab: p, note: p })),
  };
  for (const locale of ['en', 'de']) {
    await page.goto(`/${locale}/script/?s=${base64url(JSON.stringify(script))}`);
    await expect(page.locator('main')).toBeVisible();
    await expectNothingRan(page, trouble);
  }
  // A file whose fields are wrong: the problems it lists quote nothing as markup.
  await page.goto('/en/script/');
  const broken = { ...script, views: PAYLOADS.map((p) => ({ scenario: p, step: p, [p]: p })) };
  await page.getByTestId('script-upload').setInputFiles({ name: `${PAYLOADS[2]}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expectNothingRan(page, trouble);
  // A link that is not base64url at all.
  await page.goto(`/en/script/?s=${encodeURIComponent(PAYLOADS[1]!)}`);
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expectNothingRan(page, trouble);
});

test('the glossary search and a stored course progress keep payloads as text', async ({ page }) => {
  const trouble = watch(page);
  await page.goto('/de/glossary/');
  const search = page.getByRole('searchbox');
  for (const p of PAYLOADS) {
    await search.fill(p);
    await expectNothingRan(page, trouble);
  }
  await page.evaluate((p: string) => localStorage.setItem('ml:progress:v1', JSON.stringify({ version: 1, lessons: { [p]: { done: true, seen: p } } })), PAYLOADS[0]!);
  await page.goto('/en/');
  await expect(page.locator('h1')).toBeVisible();
  await expectNothingRan(page, trouble);
});

test("a lesson's exercise answer stays text", async ({ page }) => {
  const trouble = watch(page);
  await page.goto('/en/lessons/secure-login/');
  const field = page.locator('.exercise input, [data-testid="exercise"] input').first();
  await field.scrollIntoViewIfNeeded();
  for (const p of PAYLOADS.slice(0, 6)) {
    await field.fill(p);
    await field.press('Enter');
  }
  await expectNothingRan(page, trouble);
});
