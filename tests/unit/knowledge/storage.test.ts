/**
 * The storage inspector's data (issue #11 item 2): what a server holds after a step — SCRAM records and
 * never a password, rosters, the offline queue with what it can and cannot read, who is online from
 * where, its federation peers.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { connectionLog, serverStorage } from '@/lib/knowledge/storage';
import { presets } from '@/lib/scenarios/presets/index';
import { nodeStatesAfter, runScenario } from '@/lib/scenarios/run';
import type { ServerState } from '@/lib/xmpp/server/state';
import type { Scenario } from '@/lib/sim/types';

const preset = (id: string): Scenario => presets.find((p) => p.id === id)!;

function storageAt(id: string, server: string, seq: number | 'end') {
  const sc = preset(id);
  const run = runScenario(sc, { seed: 1 });
  const at = seq === 'end' ? run.trace.events.length - 1 : seq;
  return { run, s: serverStorage(nodeStatesAfter(sc, run, at)[server] as ServerState) };
}

describe('serverStorage', () => {
  it('c2s-login: alice’s account holds SCRAM records, no password; she is online from her address', () => {
    const { s } = storageAt('c2s-login', 'a.example', 28);
    const alice = s.accounts.find((a) => a.jid === 'alice@a.example')!;
    expect(alice.credentials.map((c) => c.mechanism)).toEqual(['SCRAM-SHA-1', 'SCRAM-SHA-256']);
    for (const c of alice.credentials) {
      expect(c.storedKey).toMatch(/^[0-9a-f]+$/);
      expect(c.serverKey).not.toBe(c.storedKey);
      expect(c.iterations).toBeGreaterThanOrEqual(4096);
    }
    // alice's password in every preset (lib/scenarios/presets/cast.ts): not stored, in any encoding we could think of.
    const kept = JSON.stringify(s);
    for (const form of ['wonderland', Buffer.from('wonderland').toString('hex'), Buffer.from('wonderland').toString('base64')]) expect(kept).not.toContain(form);
    expect(s.online).toEqual([expect.objectContaining({ jid: 'alice@a.example/laptop' })]);
    const sc = preset('c2s-login');
    const aliceIp = sc.topology.clients.find((c) => c.id === 'alice')!.ip;
    expect(s.online[0]!.ip).toBe(aliceIp);
    expect(s.online[0]!.port).not.toBe(5222);
    // Once she has closed her stream, she is no longer online; her account stays.
    const after = storageAt('c2s-login', 'a.example', 'end').s;
    expect(after.online).toEqual([]);
    expect(after.accounts.map((a) => a.jid)).toEqual(['alice@a.example']);
  });

  it('before anyone logs in, the accounts are there and nobody is online', () => {
    const { s } = storageAt('c2s-login', 'a.example', 0);
    expect(s.accounts.length).toBeGreaterThan(0);
    expect(s.online).toEqual([]);
  });

  it('offline-message: the queue holds alice’s message for bob while he is away, readable, and is empty once delivered', () => {
    const sc = preset('offline-message');
    const run = runScenario(sc, { seed: 1 });
    const states = (seq: number) => serverStorage(nodeStatesAfter(sc, run, seq)['a.example'] as ServerState);
    const queued = run.trace.events.map((e) => e.seq).filter((seq) => states(seq).accounts.some((a) => a.offline.length > 0));
    expect(queued.length).toBeGreaterThan(0);
    const held = states(queued[0]!).accounts.find((a) => a.offline.length > 0)!;
    expect(held.jid).toBe('bob@a.example');
    expect(held.offline[0]).toMatchObject({ from: expect.stringMatching(/^alice@a\.example/), otr: false });
    expect(held.offline[0]!.body.length).toBeGreaterThan(0);
    expect(held.offline[0]!.stamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(states(run.trace.events.length - 1).accounts.every((a) => a.offline.length === 0)).toBe(true);
  });

  it('presence-subscription: the roster items carry RFC 6121’s subscription and ask as they change', () => {
    const sc = preset('presence-subscription');
    const run = runScenario(sc, { seed: 1 });
    const seen = new Set<string>();
    for (const e of run.trace.events) {
      const s = serverStorage(nodeStatesAfter(sc, run, e.seq)['a.example'] as ServerState);
      for (const a of s.accounts) for (const r of a.roster) seen.add(`${a.jid}→${r.jid}:${r.subscription}${r.ask ? '+ask' : ''}`);
    }
    expect(seen).toContain('alice@a.example→bob@a.example:none+ask');
    expect(seen).toContain('alice@a.example→bob@a.example:to');
    expect(seen).toContain('bob@a.example→alice@a.example:from');
  });

  it('federation: each server lists the other domain as a verified peer', () => {
    const { s } = storageAt('federation', 'b.example', 'end');
    expect(s.peers).toContainEqual({ domain: 'a.example', direction: 'incoming', verified: true });
  });
});

describe('npm run sim -- storage', () => {
  const sim = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'lib/io/sim-cli.ts', ...args], { encoding: 'utf8' });

  it('prints what the tab shows, as JSON and as a table; a bad server or step exits 2 naming what is allowed', () => {
    const j = sim('storage', 'offline-message', '--server', 'a.example', '--step', '21', '--json');
    expect(j.status).toBe(0);
    const sc = preset('offline-message');
    const run = runScenario(sc, { seed: 1 });
    expect(JSON.parse(j.stdout)).toEqual({ step: 21, ...serverStorage(nodeStatesAfter(sc, run, 20)['a.example'] as ServerState), log: connectionLog(run.trace, 'a.example', 21) });

    const t = sim('storage', 'offline-message', '--server', 'a.example', '--step', '21');
    expect(t.status).toBe(0);
    expect(t.stdout).toContain('what a.example holds after step 21');
    expect(t.stdout).toMatch(/offline {2}from=alice@a\.example\/laptop {2}stamp=2026-01-01T09:00:01Z {2}body="Call me when you land\."/);
    expect(t.stdout).not.toContain('wonderland');
    expect(t.stdout).toMatch(/connection log \(1\)\n {2}alice@a\.example\/laptop {2}from [\d.]+ {2}steps \d+–now/);

    const badServer = sim('storage', 'offline-message', '--server', 'b.example');
    expect(badServer.status).toBe(2);
    expect(badServer.stderr).toContain('one of: a.example');
    const badStep = sim('storage', 'offline-message', '--server', 'a.example', '--step', '9999');
    expect(badStep.status).toBe(2);
    expect(badStep.stderr).toMatch(/--step must be a whole number from 0 to \d+/);
  }, 180_000);
});

describe('connectionLog', () => {
  it('offline-message: alice’s session from her address, bob’s later one; ended sessions carry their end', () => {
    const sc = preset('offline-message');
    const run = runScenario(sc, { seed: 1 });
    const all = connectionLog(run.trace, 'a.example', run.trace.events.length);
    const ips = Object.fromEntries(run.trace.nodes.map((n) => [n.id, n.ip]));
    expect(all.map((l) => [l.jid, l.ip])).toEqual([
      ['alice@a.example/laptop', ips.alice],
      ['bob@a.example/phone', ips.bob],
    ]);
    expect(all[1]!.since.time).toBeGreaterThan(all[0]!.since.time);
    // At step 21 bob has not logged in yet: only alice, still online.
    expect(connectionLog(run.trace, 'a.example', 21)).toEqual([{ ...all[0]!, until: null }]);
  });

  it('c2s-login: the session ends when alice closes her stream', () => {
    const sc = preset('c2s-login');
    const run = runScenario(sc, { seed: 1 });
    const [entry] = connectionLog(run.trace, 'a.example', run.trace.events.length);
    expect(entry!.until).not.toBeNull();
    expect(entry!.until!.step).toBeGreaterThan(entry!.since.step);
  });
});
