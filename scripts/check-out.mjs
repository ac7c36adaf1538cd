#!/usr/bin/env node
// Checks the static export: the browser must never evaluate MDX. Fails if any file in out/ that the
// browser loads (JS, HTML, RSC payloads) contains `new Function`, mdx-bundler or esbuild.
// It also checks each page's Content-Security-Policy (scripts/csp.mjs): present as the first thing in
// <head>, no 'unsafe-inline' or 'unsafe-eval' for scripts, and a hash for every inline script the page has.
// Usage: node scripts/check-out.mjs [dir]   (default: out)
import { readFileSync, existsSync } from 'node:fs';
import { relative, extname } from 'node:path';
import { inlineScripts, sha256Source } from './csp.mjs';
import { walk } from './walk.mjs';

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

const files = (dir) => [...walk(dir)].filter((p) => scanned.has(extname(p)));

/** What is wrong with a page's script policy, if anything. */
function policyProblems(html) {
  const meta = /<head\b[^>]*>(?:<meta charSet="utf-8"\s*\/?>)?<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html);
  if (!meta) return ['no Content-Security-Policy meta at the top of <head> (npm run build runs scripts/csp.mjs)'];
  const scriptSrc = /(?:^|;\s*)script-src ([^;]*)/.exec(meta[1])?.[1] ?? '';
  const problems = [];
  if (!scriptSrc) problems.push('the policy has no script-src');
  if (/'unsafe-(inline|eval)'/.test(scriptSrc)) problems.push(`script-src allows ${scriptSrc.match(/'unsafe-(inline|eval)'/)[0]}`);
  const allowed = new Set(scriptSrc.split(/\s+/));
  const missing = inlineScripts(html).filter((s) => !allowed.has(sha256Source(s)));
  if (missing.length) problems.push(`${missing.length} inline script(s) without their hash in the policy, e.g. ${JSON.stringify(missing[0].slice(0, 60))}`);
  return problems;
}

let count = 0;
const hits = [];
for (const file of files(root)) {
  count++;
  const text = readFileSync(file, 'utf8');
  if (extname(file) === '.html') hits.push(...policyProblems(text).map((p) => `${relative(process.cwd(), file)}: ${p}`));
  for (const { name, re } of forbidden) {
    const m = re.exec(text);
    if (m) {
      const at = m.index;
      hits.push(`${relative(process.cwd(), file)}: "${name}" … ${JSON.stringify(text.slice(Math.max(0, at - 60), at + 60))}`);
    }
  }
}

if (hits.length) {
  console.error(`check-out: ${hits.length} problem(s) in ${root}/:\n  ${hits.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-out: ${count} files in ${root}/ scanned; no new Function, mdx-bundler or esbuild; every page's script policy holds its inline scripts.`);
