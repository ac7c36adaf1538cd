import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ledgerAt, ledgerOf, ledgerTimeline } from '@/lib/knowledge/ledger';
import { listObservers, observe } from '@/lib/knowledge/observe';
import { presets } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';
import type { Scenario, Trace } from '@/lib/sim/types';
import { observeUpTo, seenSteps } from '@/lib/viz/knowledge';
import { factsOfKind, presetRuns } from '../../helpers/preset-runs';

const { run, ledger } = presetRuns();
const of = factsOfKind;
/** The first step (seq) at which the tap can no longer read its link: the first sealed TLS record. */
const tlsFrom = (trace: Trace, link: string) => trace.events.find((e) => e.link === link && e.layers.some((l) => l.layer === 'tls' && l.key))!.seq;

describe('the ledger of a tap', () => {
  it('c2s-login, after STARTTLS: addresses, ports, sizes and times; no JID, no credential, no content', () => {
    const { trace } = run('c2s-login');
    const l = ledger('c2s-login', 'tap:alice~a.example');
    const tls = tlsFrom(trace, 'alice~a.example');
    expect(of(l, 'address').map((a) => a.ip).sort()).toEqual(['192.0.2.10', '198.51.100.10']);
    const [conn] = of(l, 'connection');
    expect(conn?.dst).toBe('198.51.100.10:5222');
    expect(conn?.src).toMatch(/^192\.0\.2\.10:\d+$/);
    expect(conn!.packets).toBeGreaterThan(10);
    expect(conn!.bytes).toBeGreaterThan(1000);
    // Every record after the handshake is sealed traffic: addresses, size, time — not a message it could name.
    const sealed = of(l, 'sealed');
    expect(sealed.length).toBeGreaterThan(5);
    expect(sealed[0]!.seq).toBe(tls);
    for (const m of sealed) {
      expect(m.size).toBeGreaterThan(0);
      expect(m.records).toBeGreaterThan(0);
      expect([m.from, m.to].sort()).toEqual(['192.0.2.10', '198.51.100.10']);
    }
    expect(JSON.stringify(l)).not.toContain('@');
    for (const kind of ['message', 'jid', 'password', 'scram', 'stored-credential', 'presence', 'resource', 'contact', 'roster'] as const) expect(of(l, kind), kind).toEqual([]);
  });

  it('hello, no TLS: it reads alice’s password and her message, each with the step that leaked it', () => {
    const { trace } = run('hello');
    const l = ledger('hello', 'tap:alice~a.example');
    const [pw] = of(l, 'password');
    expect(pw).toMatchObject({ user: 'alice', password: 'wonderland' });
    expect(trace.events[pw!.seq]?.layers.some((x) => x.layer === 'sasl')).toBe(true);
    const [m] = of(l, 'message');
    expect(m).toMatchObject({ from: 'alice@a.example', to: 'bob@a.example', content: 'Hi Bob! Lunch at noon?' });
    expect(trace.events[m!.seq]?.link).toBe('alice~a.example');
    expect(of(l, 'jid').map((j) => j.jid)).toContain('bob@a.example');
  });

  it('federation, the link between the servers: the two domains from the clear stream headers, then sealed records; no JID', () => {
    const l = ledger('federation', 'tap:a.example~b.example');
    expect(of(l, 'stream').map(({ from, to }) => `${from}>${to}`)).toEqual(['a.example>b.example', 'b.example>a.example']);
    expect(of(l, 'sealed').length).toBeGreaterThan(0);
    expect(of(l, 'connection').map((c) => c.dst.split(':')[1])).toEqual(['5269', '5269']);
    expect(JSON.stringify(l)).not.toContain('@');
  });
});

describe('the ledger of a server', () => {
  it('chat-local: who messaged whom and how often, the devices, what it stores for each account', () => {
    const l = ledger('chat-local', 'a.example');
    const contacts = of(l, 'contact').map(({ from, to, count }) => ({ from, to, count }));
    expect(contacts).toEqual([
      { from: 'alice@a.example', to: 'bob@a.example', count: 4 },
      { from: 'bob@a.example', to: 'alice@a.example', count: 1 },
    ]);
    expect(of(l, 'resource').map((r) => r.jid).sort()).toEqual(['alice@a.example/laptop', 'bob@a.example/laptop', 'bob@a.example/phone']);
    const stored = of(l, 'stored-credential');
    expect(stored.map((s) => s.user).sort()).toEqual(['alice', 'bob']);
    for (const s of stored) {
      expect(s.iterations).toBe(4096);
      expect(s.salt).toMatch(/^[0-9a-f]{32}$/);
      expect(s.storedKey).toMatch(/^[0-9a-f]{64}$/);
      expect(s.serverKey).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(of(l, 'password')).toEqual([]); // SCRAM: the password never reaches the server
    expect(of(l, 'message').every((m) => m.content !== null)).toBe(true); // TLS is hop by hop
  });

  it('chat-local: the operator’s logs keep the metadata, not the content or the stored keys', () => {
    const l = ledger('chat-local', 'operator:a.example');
    expect(of(l, 'contact').map((c) => c.count)).toEqual([4, 1]);
    expect(of(l, 'message').length).toBeGreaterThan(0);
    expect(of(l, 'message').every((m) => m.content === null)).toBe(true);
    expect([...of(l, 'stored-credential'), ...of(l, 'password'), ...of(l, 'scram')]).toEqual([]);
  });

  it('offline-message: it holds alice’s messages for bob while he is offline, and delivers them stamped', () => {
    const { trace } = run('offline-message');
    const l = ledger('offline-message', 'a.example');
    const stored = of(l, 'offline').filter((o) => o.state === 'stored');
    expect(stored.map((o) => o.for)).toEqual(['bob@a.example', 'bob@a.example']);
    for (const o of stored) {
      expect(trace.events[o.seq]).toMatchObject({ kind: 'wire', to: 'a.example', from: 'alice' });
      expect(of(l, 'message').find((m) => m.seq === o.seq)?.content).not.toBeNull();
    }
    const delivered = of(l, 'offline').filter((o) => o.state === 'delivered');
    expect(delivered).toHaveLength(2);
    expect(delivered.every((o) => o.stamp !== undefined && o.seq > stored[1]!.seq)).toBe(true);
    // bob's logout: the server knows when he went
    expect(of(l, 'presence').some((p) => p.jid.startsWith('bob@') && !p.available)).toBe(true);
  });

  it('federation: b.example learns a.example’s IP address and alice’s JID, and whom it federates with', () => {
    const l = ledger('federation', 'b.example');
    const aIp = run('federation').trace.nodes.find((n) => n.id === 'a.example')!.ip;
    expect(of(l, 'address').map((a) => a.ip)).toContain(aIp);
    expect(of(l, 'connection').some((c) => c.src.startsWith(`${aIp}:`) || c.dst.startsWith(`${aIp}:`))).toBe(true);
    expect(of(l, 'jid').map((j) => j.jid)).toContain('alice@a.example');
    expect(of(l, 'peer-domain').map((p) => p.peerDomain)).toContain('a.example');
    expect(of(l, 'contact').map((c) => `${c.from}>${c.to}`)).toEqual(['alice@a.example>bob@b.example', 'bob@b.example>alice@a.example']);
  });

  it('otr-ake: end to end, the server’s messages have no content but still sender, recipient, time and size', () => {
    const msgs = of(ledger('otr-ake', 'a.example'), 'message');
    expect(msgs.length).toBeGreaterThan(0);
    for (const m of msgs) {
      expect(m.content).toBeNull();
      expect(m.from).toContain('@');
      expect(m.to).toContain('@');
      expect(m.size).toBeGreaterThan(0);
    }
  });
});

describe('the ledger of a client', () => {
  it('presence-subscription: alice sees her roster and the subscription answers, not other people’s credentials', () => {
    const l = ledger('presence-subscription', 'alice');
    expect(of(l, 'roster').every((r) => r.owner === 'alice@a.example')).toBe(true);
    expect(of(l, 'roster').length).toBeGreaterThan(0);
    expect(of(l, 'subscription').some((s) => s.from === 'bob@a.example' && s.type === 'subscribed')).toBe(true);
    expect([...of(l, 'password'), ...of(l, 'stored-credential')]).toEqual([]);
  });
});

const PRESETS = ['c2s-login', 'hello', 'chat-local', 'presence-subscription', 'offline-message', 'federation', 'otr-ake'];

describe('every fact names an event its observer saw', () => {
  for (const id of PRESETS) {
    it(id, () => {
      const { scenario, trace } = run(id);
      for (const info of listObservers(scenario)) {
        const seen = seenSteps(scenario, trace, info)!;
        for (const f of ledger(id, info.name).facts) {
          expect(seen.has(f.seq + 1), `${info.name}: ${f.kind} at ${f.seq}`).toBe(true);
          if (f.kind === 'connection' || f.kind === 'contact') expect(seen.has(f.lastSeq + 1), `${info.name}: ${f.kind} last at ${f.lastSeq}`).toBe(true);
        }
      }
    });
  }
});

describe('ledgerAt(k): the ledger of the first k events, from any checkpoint', () => {
  for (const id of ['hello', 'offline-message', 'federation', 'presence-subscription']) {
    it(id, () => {
      const { scenario, trace } = run(id);
      const n = trace.events.length;
      for (const { name } of listObservers(scenario)) {
        const tl = ledgerTimeline(scenario, trace, name, 5)!;
        // Scrambled seeks: most answers come from a copy replayed forward, some from the frontier.
        for (const k of [n, 0, 7, Math.floor(n / 2), 3, n - 1, Math.floor(n / 3), n + 5]) {
          const prefix = { ...trace, events: trace.events.slice(0, Math.min(k, n)) };
          expect(JSON.stringify(ledgerAt(tl, k)), `${name} at ${k}`).toBe(JSON.stringify(ledgerOf(scenario, prefix, name)));
        }
      }
    }, 60_000);
  }

  it('every preset and observer, thieves included: its messages are the lens’s messages at that step, with the same content', () => {
    for (const p of presets) {
      const { scenario, trace } = run(p.id);
      const n = trace.events.length;
      for (const o of listObservers(scenario)) {
        const tl = ledgerTimeline(scenario, trace, o.name, 7)!;
        for (const k of [n, Math.floor(n / 2), 1, Math.floor((2 * n) / 3)]) {
          const lens = observeUpTo(scenario, trace, o.name, k)!;
          const l = ledgerAt(tl, k);
          const rows = [...of(l, 'message').map((m) => `${m.seq} ${m.content}`), ...of(l, 'sealed').map((m) => `${m.seq} null`)].sort();
          expect(rows, `${p.id} · ${o.name} at ${k}`).toEqual(lens.messages.map((m) => `${m.seq} ${m.content}`).sort());
        }
      }
    }
  }, 120_000);

  it('a fact appears at the step that leaked it, not before', () => {
    const { scenario, trace } = run('hello');
    const tl = ledgerTimeline(scenario, trace, 'tap:alice~a.example')!;
    const pw = of(ledgerAt(tl, trace.events.length), 'password')[0]!;
    expect(of(ledgerAt(tl, pw.seq), 'password')).toEqual([]);
    expect(of(ledgerAt(tl, pw.seq + 1), 'password')).toEqual([pw]);
  });
});

describe('npm run sim -- ledger', () => {
  const sim = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'lib/io/sim-cli.ts', ...args], { encoding: 'utf8' });

  it('prints the ledger as JSON and as a table grouped by kind, each row with its step; unknown names exit 2', () => {
    const j = sim('ledger', 'hello', '--observer', 'tap:alice~a.example', '--json');
    expect(j.status).toBe(0);
    expect(JSON.parse(j.stdout)).toEqual(ledger('hello', 'tap:alice~a.example'));

    const t = sim('ledger', 'hello', '--observer', 'tap:alice~a.example');
    expect(t.status).toBe(0);
    const pw = of(ledger('hello', 'tap:alice~a.example'), 'password')[0]!;
    expect(t.stdout).toContain('\npassword (1)\n');
    expect(t.stdout).toMatch(new RegExp(`\\n +${pw.seq} +user=alice +password=wonderland\\n`));

    const noObserver = sim('ledger', 'hello', '--observer', 'nobody');
    expect(noObserver.status).toBe(2);
    expect(noObserver.stderr).toContain('no observer “nobody” in hello');
    const noScenario = sim('ledger', 'no-such-preset', '--observer', 'alice');
    expect(noScenario.status).toBe(2);
    expect(noScenario.stderr).toContain('no scenario “no-such-preset”');
  }, 180_000);

  it('observe keeps its shape and adds the ledger’s further kinds to the metadata, each fact with its step', () => {
    const j = sim('observe', 'offline-message', '--observer', 'a.example', '--json');
    expect(j.status).toBe(0);
    const printed = JSON.parse(j.stdout) as { metadata: Record<string, unknown> };
    const { scenario, trace } = run('offline-message');
    const before = observe(scenario, trace, 'a.example')!;
    // Today's fields, unchanged.
    expect(printed).toMatchObject(JSON.parse(JSON.stringify(before)) as object);
    const l = ledger('offline-message', 'a.example');
    const strip = <T extends { kind: string }>(fs: T[]) => fs.map(({ kind: _k, ...rest }) => rest);
    expect(printed.metadata.offline).toEqual(strip(of(l, 'offline')));
    expect(printed.metadata.connections).toEqual(strip(of(l, 'connection')));
    expect(printed.metadata.storedCredentials).toEqual(strip(of(l, 'stored-credential')));
    expect(printed.metadata.presenceChanges).toEqual(strip(of(l, 'presence')));
    // The server held alice’s messages for bob while he was offline, and says at which step.
    expect(of(l, 'offline').filter((f) => f.state === 'stored').length).toBeGreaterThan(0);
    for (const key of ['sealed', 'streams', 'resources', 'rosters', 'subscriptions', 'scram', 'peerDomains']) expect(Array.isArray(printed.metadata[key]), key).toBe(true);
  }, 180_000);
});

describe('presets without surprises', () => {
  it('every preset and observer has a ledger (no engine error in the fold)', () => {
    for (const p of presets) {
      const trace = runScenario(p, { seed: 1 }).trace;
      for (const o of listObservers(p)) expect(ledgerOf(p, trace, o.name)?.observer).toBe(o.name);
    }
  }, 120_000);
});
