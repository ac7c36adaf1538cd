#!/usr/bin/env node
// Serves the static export in out/ on 127.0.0.1 (gzip when the browser accepts it). No dependencies.
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.PORT ?? 3000);
const root = resolve(process.env.OUT_DIR ?? 'out');

if (!existsSync(join(root, 'index.html'))) {
  console.error(`serve: ${root}/index.html not found. Build the site first: npm run build`);
  process.exit(1);
}

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8', '.woff2': 'font/woff2', '.xml': 'application/xml', '.webmanifest': 'application/manifest+json',
};
/**
 * out/_headers (written by scripts/csp.mjs, in the format Netlify and Cloudflare Pages read): headers per
 * path, `/*` for every response. The local server sends what a static host configured that way would.
 */
function readHeaders(file) {
  const rules = new Map();
  if (!existsSync(file)) return rules;
  let path = null;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      path = line.trim();
      if (!rules.has(path)) rules.set(path, {});
      continue;
    }
    const at = line.indexOf(':');
    if (path && at > 0) rules.get(path)[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return rules;
}
const headerRules = readHeaders(join(root, '_headers'));

/** The headers _headers gives a file: the `/*` block, then the block of the page it is. */
function headersFor(file) {
  const page = '/' + file.slice(root.length + 1).split('\\').join('/').replace(/(^|\/)index\.html$/, '$1');
  return { ...headerRules.get('/*'), ...(headerRules.get(page) ?? {}) };
}

const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.xml', '.webmanifest']);

function resolvePath(urlPath) {
  let p;
  try { p = decodeURIComponent(urlPath.split('?')[0]); } catch { return null; }
  const full = normalize(join(root, p));
  if (!full.startsWith(root)) return null;
  if (existsSync(full) && statSync(full).isDirectory()) return join(full, 'index.html');
  if (existsSync(full)) return full;
  if (existsSync(full + '.html')) return full + '.html';
  return null;
}

const server = createServer((req, res) => {
  let file = resolvePath(req.url ?? '/');
  let status = 200;
  if (!file || !existsSync(file)) {
    file = join(root, '404.html');
    status = 404;
    if (!existsSync(file)) { res.writeHead(404).end('not found'); return; }
  }
  const ext = extname(file);
  const headers = { ...headersFor(file), 'content-type': types[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
  const gzip = compressible.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  if (gzip) headers['content-encoding'] = 'gzip';
  res.writeHead(status, headers);
  if (req.method === 'HEAD') { res.end(); return; }
  const stream = createReadStream(file);
  (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Messenger Lab is served at http://127.0.0.1:${port}/ (Ctrl+C stops it)`);
});
