#!/usr/bin/env node
// Draws the app icons in public/icons/ from public/favicon.svg with Debian's Chromium (playwright-core,
// already a dev dependency): 192 and 512 px as they are, and a 512 px maskable one whose logo sits in
// the inner 80 % safe zone on the logo's own blue, so that a launcher's circle or squircle cuts no part
// of it. The PNGs are committed; run this again after changing the logo: node scripts/icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const blue = /fill="(#[0-9A-Fa-f]{6})"/.exec(svg)?.[1] ?? '#0072B2';
const icons = [
  { file: 'icon-192.png', size: 192, inset: 0, background: 'transparent' },
  { file: 'icon-512.png', size: 512, inset: 0, background: 'transparent' },
  { file: 'icon-maskable-512.png', size: 512, inset: 0.14, background: blue },
];

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage();
  for (const { file, size, inset, background } of icons) {
    await page.setViewportSize({ width: size, height: size });
    const pad = Math.round(size * inset);
    const img = svg.replace('<svg ', `<svg width="${size - 2 * pad}" height="${size - 2 * pad}" `);
    await page.setContent(`<body style="margin:0;padding:${pad}px;background:${background}">${img}</body>`);
    await page.screenshot({ path: new URL(`../public/icons/${file}`, import.meta.url).pathname, omitBackground: background === 'transparent' });
    console.log(`icons: public/icons/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
