/**
 * Stanzas routed per second, through one server and across a federation of two:
 *  - in the simulator (runScenario, deterministic, seed 1): chat-heavy scripts over TLS 1.3 (lib/tls) with
 *    SCRAM logins — one server with two clients vs. two federated servers (s2s + dialback);
 *  - on real sockets (lib/io: the same machines, real TCP, real TLS 1.3): one server process-internal
 *    with two clients, and two federated servers on two loopback addresses.
 * A routed stanza is a chat message that reached the other client. Printed, never asserted.
 */
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { federation } from '../lib/scenarios/presets/federation';
import { runScenario } from '../lib/scenarios/run';
import type { Scenario, ScriptStep } from '../lib/sim/types';
import { XmppClient } from '../lib/io/xmpp-client';
import { startXmppServer, type RunningXmppServer } from '../lib/io/xmpp-server-host';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** One server (a.example) with alice and bob: the federation preset's servers folded into one. */
function oneServer(): Scenario {
  const [a] = federation.topology.servers;
  return {
    ...federation,
    id: 'bench-one-server',
    topology: {
      servers: [{ ...a!, accounts: [{ user: 'alice', password: 'wonderland' }, { user: 'bob', password: 'builder' }] }],
      clients: [
        { id: 'alice', jid: 'alice@a.example', password: 'wonderland', server: 'a.example', resource: 'laptop', ip: '192.0.2.10' },
        { id: 'bob', jid: 'bob@a.example', password: 'builder', server: 'a.example', resource: 'phone', ip: '192.0.2.20' },
      ],
      links: [
        { id: 'alice~a.example', a: 'alice', b: 'a.example', latencyMs: 20 },
        { id: 'bob~a.example', a: 'bob', b: 'a.example', latencyMs: 30 },
      ],
      observers: [],
    },
  };
}

/**
 * Log in; one warm-up message alice → bob (it opens the s2s connection when federated: both servers
 * opening one at once would collide); then `n` chat messages alternating alice → bob and bob → alice,
 * 10 virtual ms apart.
 */
function chatty(base: Scenario, n: number, bobJid: string, aliceJid: string): Scenario {
  const script: ScriptStep[] = [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 0, node: 'bob', action: { type: 'connect' } },
    { at: 1500, node: 'alice', action: { type: 'send-message', to: bobJid, body: 'warm-up' } },
    ...Array.from({ length: n }, (_, i): ScriptStep => ({
      at: 3000 + i * 10,
      node: i % 2 ? 'bob' : 'alice',
      action: { type: 'send-message', to: i % 2 ? aliceJid : bobJid, body: `message number ${i}` },
    })),
  ];
  return { ...base, id: `${base.id}-${n}`, script };
}

function simulated(label: string, scenario: Scenario, n: number): string {
  const t0 = performance.now();
  const run = runScenario(scenario, { seed: 1, maxEvents: 10_000_000 });
  const ms = performance.now() - t0;
  const delivered = run.trace.events.filter((e) => e.effects.some((x) => x.key === 'client.message-received')).length;
  const ok = delivered === n + 1 ? '' : `   (WARNING: ${delivered - 1} of ${n} delivered)`;
  return `${label.padEnd(30)} ${fmt(n).padStart(6)} messages  ${fmt(run.trace.events.length).padStart(7)} events  ${fmt(ms).padStart(6)} ms  ${fmt(((delivered - 1) / ms) * 1000).padStart(7)} stanzas/s${ok}`;
}

/** Count messages a client received, scanning its notes incrementally. */
function counter(c: XmppClient): () => number {
  let seen = 0;
  let count = 0;
  return () => {
    for (; seen < c.notes.length; seen++) if (c.notes[seen]!.key === 'client.message-received') count++;
    return count;
  };
}

function cert(dir: string, domain: string): { cert: string; key: string } {
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${domain}`, '-addext', `subjectAltName=DNS:${domain}`, '-keyout', join(dir, `${domain}.key`), '-out', join(dir, `${domain}.crt`)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl: ${r.stderr}`);
  return { cert: readFileSync(join(dir, `${domain}.crt`), 'utf8'), key: readFileSync(join(dir, `${domain}.key`), 'utf8') };
}

async function realSockets(label: string, federated: boolean, n: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-xmpp-'));
  const servers: RunningXmppServer[] = [];
  const clients: XmppClient[] = [];
  try {
    const octet = () => 2 + Math.floor(Math.random() * 250);
    const ipA = `127.${octet()}.${octet()}.${octet()}`;
    const ipB = federated ? `127.${octet()}.${octet()}.${octet()}` : ipA;
    const domB = federated ? 'b.test' : 'a.test';
    const hosts = [
      { ip: ipA, names: ['a.test'] },
      { ip: ipB, names: ['b.test'] },
    ];
    const certA = cert(dir, 'a.test');
    const certB = federated ? cert(dir, 'b.test') : certA;
    const s2s = federated ? { s2sPort: 5269, hosts } : {};
    servers.push(await startXmppServer({ host: ipA, port: 5222, domain: 'a.test', users: federated ? [{ user: 'alice', password: 'pa' }] : [{ user: 'alice', password: 'pa' }, { user: 'bob', password: 'pb' }], ...certA, ...s2s }));
    if (federated) servers.push(await startXmppServer({ host: ipB, port: 5222, domain: 'b.test', users: [{ user: 'bob', password: 'pb' }], ...certB, ...s2s }));
    const alice = await XmppClient.login({ jid: 'alice@a.test', password: 'pa', resource: 'a', host: ipA, port: 5222, ca: certA.cert, timeoutMs: 60_000 });
    const bob = await XmppClient.login({ jid: `bob@${domB}`, password: 'pb', resource: 'b', host: ipB, port: 5222, ca: certB.cert, timeoutMs: 60_000 });
    clients.push(alice, bob);
    const atBob = counter(bob);
    const atAlice = counter(alice);
    // Warm-up: the first message opens the s2s connection (DNS, TCP, STARTTLS, dialback).
    const w0 = performance.now();
    alice.sendMessage(`bob@${domB}`, 'warm-up');
    await bob.until(() => atBob() >= 1, 'warm-up');
    const warm = performance.now() - w0;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      if (i % 2) bob.sendMessage('alice@a.test', `message number ${i}`);
      else alice.sendMessage(`bob@${domB}`, `message number ${i}`);
    }
    await Promise.all([bob.until(() => atBob() >= 1 + Math.ceil(n / 2), 'bob’s messages'), alice.until(() => atAlice() >= Math.floor(n / 2), 'alice’s messages')]);
    const ms = performance.now() - t0;
    return `${label.padEnd(30)} ${fmt(n).padStart(6)} messages  ${fmt(ms).padStart(6)} ms  ${fmt((n / ms) * 1000).padStart(7)} stanzas/s   (first message ${fmt(warm)} ms)`;
  } finally {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchXmpp(): Promise<void> {
  console.log('\nXMPP stanzas routed per second (chat messages that reached the other client):');
  console.log('  in the simulator (TLS 1.3, SCRAM-SHA-256, seed 1):');
  for (const n of [1_000, 10_000]) {
    console.log('    ' + simulated('one server', chatty(oneServer(), n, 'bob@a.example', 'alice@a.example'), n));
    console.log('    ' + simulated('two servers, federated (s2s)', chatty(federation, n, 'bob@b.example', 'alice@a.example'), n));
  }
  console.log('  on real sockets (127.x loopback, TLS 1.3 via node:tls, one Node process):');
  for (const [label, fed] of [
    ['one server', false],
    ['two servers, federated (s2s)', true],
  ] as const) {
    try {
      console.log('    ' + (await realSockets(label, fed, 2_000)));
    } catch (e) {
      console.log(`    ${label.padEnd(30)} failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchXmpp();
