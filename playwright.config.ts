import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'tests/e2e',
  // axe scans of the OTR widgets take ~25 s on a busy 2-core machine; 60 s keeps them from failing on load alone
  timeout: 60_000,
  // A widget loads its code after the page, when it nears the viewport (issue #13, LazyScenario): on a busy
  // 2-core machine it is ready 5–8 s after load, so assertions wait up to 15 s (a failure still fails).
  expect: { timeout: 15_000 },
  retries: 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    // The site's service worker precaches the whole build on a first visit; only tests/e2e/offline.spec.ts wants that.
    serviceWorkers: 'block',
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `node scripts/serve.mjs --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
