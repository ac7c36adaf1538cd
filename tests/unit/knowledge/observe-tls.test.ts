import { describe, expect, it } from 'vitest';
import { listObservers, observe } from '@/lib/knowledge/observe';
import { c2sLogin } from '@/lib/scenarios/presets/c2s-login';
import { federation } from '@/lib/scenarios/presets/federation';
import { offlineMessage } from '@/lib/scenarios/presets/offline-message';
import { runScenario } from '@/lib/scenarios/run';

describe('observers and TLS 1.3: keyrings decide who reads', () => {
  it('a tap on a TLS link learns addresses, sizes and times, never content or passwords', () => {
    const { trace } = runScenario(c2sLogin, { seed: 1 });
    const o = observe(c2sLogin, trace, 'tap:alice~a.example')!;
    expect(o.metadata.credentials).toEqual([]);
    expect(o.metadata.keys).toEqual([]);
    expect(o.metadata.sealedRecords).toBeGreaterThan(10);
    expect(o.messages.length).toBeGreaterThan(10);
    for (const m of o.messages) {
      expect(m.content).toBeNull();
      expect([m.from, m.to].sort()).toEqual(['192.0.2.10', '198.51.100.10']);
      expect(m.size).toBeGreaterThan(0);
    }
    // Before STARTTLS the stream header is in clear; the domain, but no JID with a localpart.
    expect(o.metadata.jids).toEqual([]);
    expect(o.metadata.addresses.map((a) => a.ip)).toEqual(['192.0.2.10', '198.51.100.10']);
  });

  it('both ends of the link hold the key and read the stanzas inside', () => {
    const { trace } = runScenario(c2sLogin, { seed: 1 });
    for (const name of ['alice', 'a.example']) {
      const o = observe(c2sLogin, trace, name)!;
      expect(o.metadata.keys).toEqual(['tls:alice~a.example']);
      expect(o.metadata.sealedRecords).toBe(0);
      expect(o.metadata.presence.map((p) => p.jid)).toContain('alice@a.example/laptop');
    }
  });

  it('federation is hop-by-hop: both servers read alice’s message, the tap between them does not', () => {
    const { trace } = runScenario(federation, { seed: 1 });
    const text = 'Hello from a.example!';
    for (const name of ['alice', 'a.example', 'b.example', 'bob']) {
      expect(observe(federation, trace, name)!.messages.map((m) => m.content)).toContain(text);
    }
    const s2sTap = observe(federation, trace, 'tap:a.example~b.example')!;
    expect(s2sTap.messages.every((m) => m.content === null)).toBe(true);
    expect(s2sTap.messages.length).toBeGreaterThan(3);
    expect(s2sTap.metadata.addresses.map((a) => a.ip)).toEqual(['198.51.100.10', '203.0.113.20']);
    // One TLS session per connection: a.example's own to b.example, and the one b.example opened to it.
    expect(observe(federation, trace, 'a.example')!.metadata.keys).toEqual(['tls:a.example>b.example', 'tls:alice~a.example', 'tls:b.example>a.example']);
    expect(observe(federation, trace, 'alice')!.metadata.keys).toEqual(['tls:alice~a.example']);
    // alice's client does not hold the server-to-server key, so it sees nothing of that link.
    expect(observe(federation, trace, 'alice')!.metadata.events).toBe(trace.events.filter((e) => e.kind === 'wire' && (e.from === 'alice' || e.to === 'alice')).length);
    const server = observe(federation, trace, 'b.example')!;
    expect(server.metadata.contacts).toContainEqual({ from: 'alice@a.example', to: 'bob@b.example', count: 1 });
  });

  it('an operator (the server’s logs) has the metadata but no bodies and no passwords', () => {
    expect(listObservers(offlineMessage).filter((o) => o.kind === 'operator')).toEqual([{ name: 'operator:a.example', kind: 'operator' }]);
    const { trace } = runScenario(offlineMessage, { seed: 1 });
    const op = observe(offlineMessage, trace, 'operator:a.example')!;
    const server = observe(offlineMessage, trace, 'a.example')!;
    expect(op.messages.length).toBe(server.messages.length);
    expect(op.messages.every((m) => m.content === null)).toBe(true);
    expect(server.messages.map((m) => m.content)).toContain('Call me when you land.');
    expect(op.metadata.contacts).toEqual(server.metadata.contacts);
    expect(op.metadata.presence).toEqual(server.metadata.presence);
    expect(observe(offlineMessage, trace, 'operator:alice')).toBeNull();
  });
});

describe('PLAIN inside TLS: hidden from the tap, handed to the server', () => {
  it('the server observer reads the password; the tap does not', async () => {
    const { c2sLogin: base } = await import('@/lib/scenarios/presets/c2s-login');
    const s = structuredClone(base);
    s.settings = { ...s.settings, sasl: 'PLAIN' };
    const { trace } = runScenario(s, { seed: 1 });
    expect(observe(s, trace, 'a.example')!.metadata.credentials).toEqual([{ seq: expect.any(Number), user: 'alice', password: 'wonderland' }]);
    expect(observe(s, trace, 'tap:alice~a.example')!.metadata.credentials).toEqual([]);
    expect(observe(s, trace, 'operator:a.example')!.metadata.credentials).toEqual([]);
  });
});
