#!/usr/bin/env node
// After `next build`, before `precache.mjs` (whose cache version hashes the pages): gives every page of
// out/ a Content-Security-Policy that lets no script run but the build's own files and the page's own
// inline scripts, each named by its SHA-256 — no 'unsafe-inline', no 'unsafe-eval' for scripts.
// Next writes 4–5 inline scripts per page (the RSC payload, the bootstrap) that differ per page, so the
// hashes are computed here, after the build, from the very bytes a browser will get.
//
// Two places carry the policy:
// - a <meta http-equiv> at the top of each page's <head>, which any static host serves as it is
//   (frame-ancestors cannot be set by a meta tag; the header below adds it);
// - out/_headers, the per-path header file Netlify and Cloudflare Pages read, which `scripts/serve.mjs`
//   (npm start) reads too, so the local server sends the same policy as a header.
// Usage: node scripts/csp.mjs [dir]   (default: out)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { walk } from './walk.mjs';

/** The text of every inline <script> (one without `src`), exactly as the browser will hash it. */
export function inlineScripts(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1] ?? '';
    if (/\bsrc\s*=/i.test(attrs)) continue;
    out.push(m[2] ?? '');
  }
  return out;
}

export function sha256Source(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The policy for a page whose inline scripts hash to `hashes`. Styles may be inline: React and D3 set
 * `style` attributes, and a style cannot run code. Images may be data: or blob: URLs (icons, the
 * exported PNG); workers (the simulation's Web Worker, the service worker) come from the site itself.
 */
export function policyFor(hashes, { header = false } = {}) {
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${[...new Set(hashes)].join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ];
  if (header) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

const META = /<meta http-equiv="Content-Security-Policy"[^>]*>/;

/** `html` with its policy as the first thing in <head> (a meta policy applies only to what follows it). */
export function withMeta(html, policy) {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}"/>`;
  const bare = html.replace(META, '');
  const head = /<head\b[^>]*>/i.exec(bare);
  if (!head) throw new Error('no <head> to put the policy in');
  const at = head.index + head[0].length;
  // <meta charset> must stay within the first 1024 bytes: keep it first when it opens the head.
  const charset = /^\s*<meta charSet="utf-8"\s*\/?>/i.exec(bare.slice(at));
  const cut = at + (charset ? charset[0].length : 0);
  return bare.slice(0, cut) + tag + bare.slice(cut);
}

/** The path a page is requested by: ".../index.html" is its folder with a trailing slash. */
export function pagePath(file) {
  return '/' + file.replace(/(^|\/)index\.html$/, '$1');
}

/** Headers every response gets, before the per-page policy. */
export const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** out/_headers: a `/*` block with the common headers, then one block per page with its policy. */
export function headersFile(pages) {
  const lines = ['# Written by scripts/csp.mjs after the build; read by Netlify, Cloudflare Pages and scripts/serve.mjs.', '/*'];
  for (const [k, v] of Object.entries(COMMON_HEADERS)) lines.push(`  ${k}: ${v}`);
  for (const { path, policy } of pages) lines.push(path, `  Content-Security-Policy: ${policy}`);
  return lines.join('\n') + '\n';
}

function main(root) {
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`csp: ${root}/index.html not found. Build the site first: npm run build`);
    process.exit(2);
  }
  const pages = [];
  let scripts = 0;
  for (const full of walk(root)) {
    const file = relative(root, full).split(sep).join('/');
    if (!file.endsWith('.html')) continue;
    const html = readFileSync(full, 'utf8');
    const inline = inlineScripts(html.replace(META, ''));
    const hashes = inline.map(sha256Source);
    scripts += inline.length;
    writeFileSync(full, withMeta(html, policyFor(hashes)));
    pages.push({ path: pagePath(file), policy: policyFor(hashes, { header: true }) });
  }
  writeFileSync(join(root, '_headers'), headersFile(pages));
  console.log(`csp: ${pages.length} pages, ${scripts} inline scripts hashed → meta policies and ${root}/_headers`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv[2] ?? 'out');
