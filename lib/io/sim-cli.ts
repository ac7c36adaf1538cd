/**
 * The headless simulator: `npm run sim -- list | run ID [--seed N] [--json] | observers ID --json |
 * observe ID --observer NAME [--seed N] --json |
 * ledger ID --observer NAME [--seed N] [--json] | storage ID --server NODE [--step K] [--seed N] [--json] |
 * export ID [--seed N] --pcapng FILE`. Same engine,
 * same traces as the browser.
 * A scenario file path (ending in .json) works wherever an ID does.
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { toHex } from '../bytes/hex';
import { LEDGER_KINDS, ledgerMetadata, ledgerOf, type Ledger } from '../knowledge/ledger';
import { listObservers, observe } from '../knowledge/observe';
import { connectionLog, serverStorage, type LogEntry, type ServerStorage } from '../knowledge/storage';
import { formatNote } from '../narration/notes';
import { exportPcapng } from '../pcapng/export';
import { getPreset, presets } from '../scenarios/presets/index';
import { nodeStatesAfter, runScenario } from '../scenarios/run';
import { parseScenarioJson } from '../scenarios/load';
import { formatIssues } from '../scenarios/schema/messages';
import type { Scenario } from '../sim/types';
import { compareArchitectures, type Comparison } from '../viz/arch-compare';
import { ARCH_PRESETS } from '../scenarios/presets/arch';
import { comparisonTable } from './compare-table';
import type { ServerState } from '../xmpp/server/state';

const USAGE = `usage:
  npm run sim -- list
  npm run sim -- run ID [--seed N] [--json]
  npm run sim -- observers ID --json
  npm run sim -- observe ID --observer NAME [--seed N] --json
  npm run sim -- ledger ID --observer NAME [--seed N] [--json]
  npm run sim -- storage ID --server NODE [--step K] [--seed N] [--json]   (what a server holds after step K; default: the last)
  npm run sim -- export ID [--seed N] --pcapng FILE   (a capture for Wireshark, TLS key log inside)
  npm run sim -- compare [ID ...] [--seed N] [--json]   (who learns what, per party and design; default: the four arch-* presets)
ID is a preset id (see list) or the path of a scenario file (.json).`;

class CliError extends Error {}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new CliError(`${name} needs a value`);
  return v;
}

function seedOf(args: string[]): number {
  const raw = option(args, '--seed') ?? '1';
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new CliError(`--seed must be a whole number ≥ 0, not “${raw}”`);
  return n;
}

function loadScenario(id: string | undefined): Scenario {
  if (!id) throw new CliError('which scenario? (see: npm run sim -- list)');
  if (id.endsWith('.json')) {
    let text: string;
    try {
      text = readFileSync(id, 'utf8');
    } catch (e) {
      throw new CliError(`cannot read ${id}: ${(e as Error).message}`);
    }
    // The same loader as the app: version-1 files are migrated, every problem is listed with its path.
    const result = parseScenarioJson(text);
    if (!result.ok) throw new CliError(`${id} is not a valid scenario:\n${formatIssues(result.errors, 'en')}`);
    return result.scenario;
  }
  const preset = getPreset(id);
  if (!preset) throw new CliError(`no scenario “${id}”; known: ${presets.map((p) => p.id).join(', ')}`);
  return preset;
}

function main(argv: string[]): number {
  const [command, id, ...rest] = argv;
  const args = [id ?? '', ...rest];
  const json = args.includes('--json');
  const out = (line: string) => process.stdout.write(line + '\n');
  switch (command) {
    case 'list':
      for (const p of presets) out(p.id);
      return 0;
    case 'run': {
      const scenario = loadScenario(id);
      const { trace } = runScenario(scenario, { seed: seedOf(args) });
      for (const e of trace.events) {
        const summary = formatNote(e.note, 'en');
        if (json) {
          const o: Record<string, unknown> = { seq: e.seq, time: e.time, kind: e.kind, from: e.from, to: e.to };
          if (e.wire) o.wire = toHex(e.wire);
          o.summary = summary;
          out(JSON.stringify(o));
        } else {
          out(`${String(e.seq).padStart(4)}  ${String(e.time).padStart(6)} ms  ${e.kind.padEnd(6)} ${`${e.from} → ${e.to}`.padEnd(26)} ${summary}`);
        }
      }
      if (trace.truncated) process.stderr.write(`sim: stopped after ${trace.events.length} events (limit)\n`);
      return 0;
    }
    case 'observers': {
      const scenario = loadScenario(id);
      for (const o of listObservers(scenario)) out(json ? JSON.stringify(o) : `${o.name}\t${o.kind}`);
      return 0;
    }
    case 'observe': {
      const scenario = loadScenario(id);
      const name = option(args, '--observer');
      if (!name) throw new CliError('observe needs --observer NAME (see: npm run sim -- observers ID)');
      const { trace } = runScenario(scenario, { seed: seedOf(args) });
      const observed = observe(scenario, trace, name);
      const ledger = ledgerOf(scenario, trace, name);
      if (!observed || !ledger) throw new CliError(`no observer “${name}” in ${scenario.id}; known: ${listObservers(scenario).map((o) => o.name).join(', ')}`);
      // Today's shape, and the ledger's further kinds added to the metadata (issue #11).
      const result = { ...observed, metadata: { ...observed.metadata, ...ledgerMetadata(ledger) } };
      out(json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
      return 0;
    }
    case 'ledger': {
      const scenario = loadScenario(id);
      const name = option(args, '--observer');
      if (!name) throw new CliError('ledger needs --observer NAME (see: npm run sim -- observers ID)');
      const { trace } = runScenario(scenario, { seed: seedOf(args) });
      const ledger = ledgerOf(scenario, trace, name);
      if (!ledger) throw new CliError(`no observer “${name}” in ${scenario.id}; known: ${listObservers(scenario).map((o) => o.name).join(', ')}`);
      if (json) out(JSON.stringify(ledger));
      else for (const line of ledgerTable(ledger)) out(line);
      return 0;
    }
    case 'storage': {
      const scenario = loadScenario(id);
      const server = option(args, '--server');
      const servers = scenario.topology.servers.map((x) => x.id);
      if (!server || !servers.includes(server)) throw new CliError(`storage needs --server NODE, one of: ${servers.join(', ')}`);
      const run = runScenario(scenario, { seed: seedOf(args) });
      const total = run.trace.events.length;
      const rawStep = option(args, '--step') ?? String(total);
      const step = Number(rawStep);
      if (!Number.isSafeInteger(step) || step < 0 || step > total) throw new CliError(`--step must be a whole number from 0 to ${total}, not “${rawStep}”`);
      const storage = serverStorage(nodeStatesAfter(scenario, run, step - 1)[server] as ServerState);
      const log = connectionLog(run.trace, server, step);
      if (json) out(JSON.stringify({ step, ...storage, log }));
      else for (const line of storageTable(storage, log, step)) out(line);
      return 0;
    }
    case 'export': {
      const scenario = loadScenario(id);
      const file = option(args, '--pcapng');
      if (!file) throw new CliError('export needs --pcapng FILE (the capture to write)');
      const { trace } = runScenario(scenario, { seed: seedOf(args) });
      const x = exportPcapng(trace);
      try {
        writeFileSync(file, x.bytes);
      } catch (e) {
        throw new CliError(`cannot write ${file}: ${(e as Error).message}`);
      }
      const keys = x.keyLogLines > 0 ? `, TLS key log of ${x.keyLogLines} lines inside` : '';
      process.stderr.write(`sim: wrote ${file}: ${x.bytes.length} bytes, ${x.packets} packets, ${x.connections} TCP connections${x.datagrams ? `, ${x.datagrams} UDP datagrams` : ''}${keys}\n`);
      return 0;
    }
    case 'compare': {
      const ids = args.filter((a, i) => a && !a.startsWith('--') && args[i - 1] !== '--seed');
      const scenarios = ids.length ? ids.map(loadScenario) : ARCH_PRESETS;
      let table: Comparison;
      try {
        table = compareArchitectures(scenarios, seedOf(args));
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      if (json) out(JSON.stringify(table));
      else for (const line of comparisonTable(table)) out(line);
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new CliError(`unknown command “${command}”\n${USAGE}`);
  }
}

/** What a server holds, as the Storage tab shows it: accounts (login data, roster, waiting messages), who is online, peers. */
function storageTable(s: ServerStorage, log: LogEntry[], step: number): string[] {
  const lines = [`what ${s.domain} holds after step ${step}`, '', `accounts (${s.accounts.length})`];
  for (const a of s.accounts) {
    lines.push(`  ${a.jid}`);
    for (const c of a.credentials) lines.push(`    ${c.mechanism}  salt=${c.salt}  i=${c.iterations}  StoredKey=${c.storedKey}  ServerKey=${c.serverKey}`);
    for (const r of a.roster) lines.push(`    roster  ${r.jid}  subscription=${r.subscription}${r.ask ? '  ask=subscribe' : ''}`);
    for (const m of a.offline) lines.push(`    offline  from=${m.from}  stamp=${m.stamp}  ${m.otr ? 'OTR ciphertext' : `body=${JSON.stringify(m.body)}`}`);
  }
  lines.push('', `online (${s.online.length})`, ...s.online.map((o) => `  ${o.jid}  from ${o.ip}:${o.port}`));
  lines.push('', `connection log (${log.length})`, ...log.map((l) => `  ${l.jid}  from ${l.ip}  steps ${l.since.step}–${l.until ? l.until.step : 'now'}`));
  if (s.peers.length) lines.push('', `peers (${s.peers.length})`, ...s.peers.map((p) => `  ${p.domain}  ${p.direction}  ${p.verified ? 'verified' : 'not verified'}`));
  return lines;
}

/** The ledger as a table: one block per kind, one row per fact, its step (seq) first. */
function ledgerTable(ledger: Ledger): string[] {
  const lines = [`what ${ledger.observer} learned (step = the event that leaked it)`];
  for (const kind of LEDGER_KINDS) {
    const rows = ledger.facts.filter((f) => f.kind === kind);
    if (rows.length === 0) continue;
    lines.push('', `${kind} (${rows.length})`);
    for (const f of rows) {
      const { kind: _kind, seq, ...rest } = f;
      const cells = Object.entries(rest).map(([k, v]) => `${k}=${typeof v === 'string' || v === null ? String(v) : JSON.stringify(v)}`);
      lines.push(`  ${String(seq).padStart(4)}  ${cells.join('  ')}`);
    }
  }
  if (ledger.facts.length === 0) lines.push('', '(nothing)');
  return lines;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof CliError) {
    process.stderr.write(`sim: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    throw e;
  }
}
