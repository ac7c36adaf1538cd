#!/usr/bin/env node
// Checks the static export: the browser must never evaluate MDX. Fails if any file in out/ that the
// browser loads (JS, HTML, RSC payloads) contains `new Function`, mdx-bundler or esbuild.
// Usage: node scripts/check-out.mjs [dir]   (default: out)
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, extname } from 'node:path';

const root = process.argv[2] ?? 'out';
if (!existsSync(root)) {
  console.error(`check-out: ${root}/ not found. Build the site first: npm run build`);
  process.exit(2);
}

const forbidden = [
  { name: 'new Function', re: /\bnew\s+Function\s*\(/ },
  { name: 'mdx-bundler', re: /mdx-bundler/ },
  { name: 'esbuild', re: /\besbuild\b/ },
];
const scanned = new Set(['.js', '.mjs', '.html', '.txt', '.json']);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (scanned.has(extname(p))) yield p;
  }
}

let count = 0;
const hits = [];
for (const file of files(root)) {
  count++;
  const text = readFileSync(file, 'utf8');
  for (const { name, re } of forbidden) {
    const m = re.exec(text);
    if (m) {
      const at = m.index;
      hits.push(`${relative(process.cwd(), file)}: "${name}" … ${JSON.stringify(text.slice(Math.max(0, at - 60), at + 60))}`);
    }
  }
}

if (hits.length) {
  console.error(`check-out: ${hits.length} forbidden occurrence(s) in ${root}/:\n  ${hits.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-out: ${count} files in ${root}/ scanned; no new Function, mdx-bundler or esbuild.`);
