/**
 * `npm run bench`'s section on the JavaScript a page loads (gzip), measured from the static export: before
 * interaction, the page's `<script src>` chunks without the noModule polyfill (TOOLCHAIN.md: Next 16 no
 * longer prints First Load JS); lazy, the chunks those scripts load later (the scenario widget and its
 * engine, issue #13 item 1).
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mark = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

function pageScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1] ?? '')
    .filter((attrs) => !/\bnoModule\b/i.test(attrs))
    .map((attrs) => /\bsrc="([^"]+)"/.exec(attrs)?.[1])
    .filter((src): src is string => !!src && src.startsWith('/'));
}

/** The chunks a page's scripts can load later (dynamic imports, workers): chunk paths named inside them, transitively. */
function lazyChunks(initial: string[]): string[] {
  const known = new Set(initial);
  const lazy: string[] = [];
  const todo = [...initial];
  while (todo.length) {
    const body = readFileSync(join('out', todo.pop()!), 'utf8');
    for (const m of body.matchAll(/static\/chunks\/[\w.-]+\.js/g)) {
      const src = `/_next/${m[0]}`;
      if (known.has(src) || !existsSync(join('out', src))) continue;
      known.add(src);
      lazy.push(src);
      todo.push(src);
    }
  }
  return lazy;
}

function gzipKiB(srcs: string[]): { gz: number; raw: number } {
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const body = readFileSync(join('out', src));
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  return { gz: gz / 1024, raw: raw / 1024 };
}

/** Issue #13 item 1: JS before interaction on a lesson page ≤ 160 KiB gzip, the widget's lazy part ≤ 120 KiB. */
const BEFORE_TARGET = 160;
const LAZY_TARGET = 120;
export function benchJs(): void {
  console.log('\nJS a page loads (gzip, from out/; run `npm run build` first). Before interaction: the <script src> chunks; lazy: what they load later (the widget, its engine):');
  const pages = ['en/index.html', 'en/lessons/client-server/index.html', 'de/lessons/client-server/index.html', 'en/scenarios/hello/index.html'];
  if (!existsSync('out')) console.log('  out/ not found: build the site first (npm run build)');
  else
    for (const page of pages) {
      const file = join('out', page);
      if (!existsSync(file)) {
        console.log(`  ${page}: not in out/`);
        continue;
      }
      const html = readFileSync(file, 'utf8');
      const srcs = [...new Set(pageScripts(html))];
      const before = gzipKiB(srcs);
      const lazy = gzipKiB(lazyChunks(srcs));
      const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].reduce((a, m) => a + (m[1]?.length ?? 0), 0);
      console.log(`  /${page.replace(/index\.html$/, '')}: before interaction ${srcs.length} scripts, ${fmt(before.gz, 1)} KiB gzip (${fmt(before.raw, 1)} KiB raw; target ≤ ${BEFORE_TARGET}: ${mark(before.gz <= BEFORE_TARGET)}), plus ${fmt(inline / 1024, 1)} KiB inline`);
      if (lazy.gz > 0) console.log(`  ${' '.repeat(page.length - 9)} lazy part ${fmt(lazy.gz, 1)} KiB gzip (${fmt(lazy.raw, 1)} KiB raw; target ≤ ${LAZY_TARGET}: ${mark(lazy.gz <= LAZY_TARGET)})`);
    }
}
