#!/usr/bin/env node
// After `next build` (npm run build runs it): writes out/sw.js from public/sw.js with the list of every
// file the site serves (pages of both languages, RSC payloads, _next/static chunks, icons) and a hash of
// their contents as the cache version, then prints how much a first visit stores.
// Usage: node scripts/precache.mjs [dir]   (default: out)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { walk } from './walk.mjs';
import { gzipSync } from 'node:zlib';

const PLACEHOLDER = "const PRECACHE = { version: '', urls: [] };";
// Not part of the site a visitor uses: the worker itself, README pictures, the 404 page's folder twin,
// the static hosts' header file (scripts/csp.mjs).
const SKIP = [/^sw\.js$/, /^readme\//, /^404\//, /^_headers$/];

/** The URL a file is requested by: ".../index.html" is its folder with a trailing slash (trailingSlash: true). */
function urlOf(path) {
  const url = '/' + path.replace(/(^|\/)index\.html$/, '$1');
  return encodeURI(url);
}

const root = process.argv[2] ?? 'out';
if (!existsSync(join(root, 'index.html'))) {
  console.error(`precache: ${root}/index.html not found. Build the site first: npm run build`);
  process.exit(2);
}
const template = readFileSync(fileURLToPath(new URL('../public/sw.js', import.meta.url)), 'utf8');
if (!template.includes(PLACEHOLDER)) {
  console.error(`precache: public/sw.js no longer contains the line \`${PLACEHOLDER}\``);
  process.exit(2);
}

const files = [...walk(root)].map((p) => relative(root, p).split(sep).join('/')).filter((p) => !SKIP.some((re) => re.test(p)));
if (!files.includes('offline/index.html')) {
  console.error('precache: offline/index.html is missing; the worker could not answer a page it does not hold');
  process.exit(2);
}
const hash = createHash('sha256');
let bytes = 0;
let gzipped = 0;
for (const f of files) {
  const body = readFileSync(join(root, f));
  hash.update(f).update('\0').update(createHash('sha256').update(body).digest());
  bytes += body.length;
  gzipped += gzipSync(body).length;
}
const version = hash.digest('hex').slice(0, 16);
const urls = files.map(urlOf);
writeFileSync(join(root, 'sw.js'), template.replace(PLACEHOLDER, `const PRECACHE = ${JSON.stringify({ version, urls })};`));

const mib = (n) => (n / 1024 / 1024).toFixed(2);
console.log(`precache: ${urls.length} files, ${mib(bytes)} MiB (${mib(gzipped)} MiB gzip), version ${version} → ${root}/sw.js`);
