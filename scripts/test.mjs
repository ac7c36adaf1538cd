#!/usr/bin/env node
// `npm test`: every check the project has, in one command, ending with "N passed, M failed".
//  1. brings what the tests need: Debian's Chromium and the interop peers (as root where apt exists,
//     it installs the missing packages itself; elsewhere it names the one command to run);
//  2. lint (lib/ purity, no narration read outside lib/narration, no dead exports), type check, unit + property + component + interop tests (vitest),
//     static build + a check of the exported JS, end-to-end + accessibility tests (Playwright).
// Under CI=true a missing browser or peer is a failure, never a skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const CI = process.env.CI === 'true';
const args = new Set(process.argv.slice(2));
const only = (name) => args.size === 0 || args.has(name) || args.has(`--${name}`);

/** Debian packages the tests drive. Keep in step with .ci/run and README. */
export const DEBIAN_PACKAGES = {
  browser: ['chromium'],
  // OTR interop peers (tests/interop): python3-potr speaks v2, libotr speaks v3 + v2, libotr5-bin is its toolkit.
  otr: ['python3-potr', 'python3-pycryptodome', 'libotr5', 'libotr5-dev', 'libotr5-bin', 'gcc', 'libc6-dev', 'pkg-config'],
  // XMPP interop peers: Prosody (with lua-unbound for private s2s name lookups) and slixmpp.
  xmpp: ['prosody', 'lua-unbound', 'python3-slixmpp'],
  // TLS and X.509 interop: OpenSSL reads our certificates and keys, and makes certificates we read.
  tls: ['openssl'],
  // STUN and TURN interop: coturn (turnserver as STUN and as TURN relay, turnutils_stunclient) and Debian's RFC 3489 client `stun`.
  stun: ['coturn', 'stun-client'],
  // Wireshark's tshark reads our pcapng exports: the XMPP stanzas, the TCP streams, TLS opened by the embedded key log.
  capture: ['tshark'],
  // OMEMO 2 interop: python-omemo with the twomemo (and oldmemo) backends; python3-xmlschema is needed by twomemo.etree but no package depends on it.
  omemo: ['python3-omemo', 'python3-twomemo', 'python3-oldmemo', 'python3-doubleratchet', 'python3-x3dh', 'python3-xeddsa', 'python3-xmlschema'],
};

const results = [];
function record(name, passed, failed, skipped = 0) {
  results.push({ name, passed, failed, skipped });
  console.log(`\n── ${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
}

function run(cmd, argv, opts = {}) {
  console.log(`\n$ ${cmd} ${argv.join(' ')}`);
  const r = spawnSync(cmd, argv, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...opts.env } });
  return r.status === 0;
}

function missingPackages(pkgs) {
  return pkgs.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function ensurePackages() {
  const wanted = Object.values(DEBIAN_PACKAGES).flat();
  const hasDpkg = spawnSync('dpkg-query', ['--version']).status === 0;
  if (!hasDpkg) {
    const problem = 'this is not a Debian system: install Chromium and the interop peers (python3-potr, libotr) by hand, or set CHROME_PATH';
    return { ok: !CI, problem };
  }
  const missing = missingPackages(wanted);
  if (missing.length === 0) return { ok: true };
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    console.log(`test: installing missing Debian packages: ${missing.join(' ')}`);
    // Package scripts must not start services here (no init system); policy-rc.d says so.
    const policy = '/usr/sbin/policy-rc.d';
    const madePolicy = !existsSync(policy);
    if (madePolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
    const ok = run('sh', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`]);
    if (madePolicy) spawnSync('rm', ['-f', policy]);
    if (ok && missingPackages(missing).length === 0) return { ok: true };
    return { ok: false, problem: `could not install ${missing.join(' ')}; try: sudo sh -c '${cmd}'` };
  }
  return { ok: false, problem: `missing Debian packages: ${missing.join(' ')}. Install them with:\n  sudo sh -c '${cmd}'` };
}

function vitestCounts(file) {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: j.numPassedTests ?? 0, failed: (j.numFailedTests ?? 0) + (j.numRuntimeErrorTestSuites ?? 0) + (j.success === false && !j.numFailedTests ? 1 : 0), skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0) };
  } catch {
    return null;
  }
}

function playwrightCounts(file) {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')).stats;
    return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
  } catch {
    return null;
  }
}

mkdirSync('reports', { recursive: true });
const env = ensurePackages();
if (!env.ok || env.problem) console.log(`\ntest: ${env.problem}`);
const browserReady = existsSync(process.env.CHROME_PATH ?? '/usr/bin/chromium');
if (!browserReady) {
  if (CI) record('browser (Debian chromium)', 0, 1);
  else console.log('test: no Chromium, so the browser tests are skipped. Install it with: sudo apt-get install -y chromium');
}
if (CI && !env.ok) record('interop peers (Debian packages)', 0, 1);

if (only('lint')) {
  record('lint lib/', ...(run('node', ['scripts/lint-lib.mjs']) ? [1, 0] : [0, 1]));
  record('no dead exports', ...(run('node', ['scripts/unused-exports.mjs']) ? [1, 0] : [0, 1]));
}
if (only('typecheck')) record('type check', ...(run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) ? [1, 0] : [0, 1]));

if (only('unit')) {
  run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/vitest.json'], { env: { PEERS_READY: env.ok ? '1' : '0' } });
  const c = vitestCounts('reports/vitest.json');
  if (c) record('vitest (unit, property, component, interop)', c.passed, c.failed, c.skipped);
  else record('vitest', 0, 1);
}

if (only('e2e')) {
  // npm run build: next build, scripts/csp.mjs (per-page script hashes), scripts/precache.mjs (the service worker's file list).
  const built = run('npm', ['run', 'build']);
  record('static build', ...(built ? [1, 0] : [0, 1]));
  if (built && existsSync('scripts/check-out.mjs')) record('exported JS has no eval/MDX compiler', ...(run('node', ['scripts/check-out.mjs']) ? [1, 0] : [0, 1]));
  if (built && browserReady) {
    run('npx', ['playwright', 'test']);
    const c = playwrightCounts('reports/playwright.json');
    if (c) record('playwright (e2e, accessibility)', c.passed, c.failed, c.skipped);
    else record('playwright', 0, 1);
  }
}

const total = results.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log('\nsummary:');
for (const r of results) console.log(`  ${r.failed ? '✗' : '✓'} ${r.name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
const line = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`;
writeFileSync('reports/summary.txt', line + '\n');
console.log(line);
process.exit(total.failed > 0 ? 1 : 0);
