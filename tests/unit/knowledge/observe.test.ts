import { describe, expect, it } from 'vitest';
import { listObservers, observe } from '@/lib/knowledge/observe';
import { hello } from '@/lib/scenarios/presets/hello';
import { runScenario } from '@/lib/scenarios/run';

describe('observers of hello', () => {
  const { trace } = runScenario(hello, { seed: 1 });

  it('are each client, the server, a tap on each link and the server’s operator', () => {
    expect(listObservers(hello)).toEqual([
      { name: 'alice', kind: 'client' },
      { name: 'bob', kind: 'client' },
      { name: 'a.example', kind: 'server' },
      { name: 'tap:alice~a.example', kind: 'tap' },
      { name: 'tap:bob~a.example', kind: 'tap' },
      { name: 'operator:a.example', kind: 'operator' },
    ]);
  });

  it('a tap on alice’s link reads her password and her message, because there is no TLS', () => {
    const o = observe(hello, trace, 'tap:alice~a.example')!;
    expect(o.metadata.credentials).toEqual([{ seq: expect.any(Number), user: 'alice', password: 'wonderland' }]);
    expect(o.messages).toEqual([{ seq: expect.any(Number), time: 1220, from: 'alice@a.example', to: 'bob@a.example', size: expect.any(Number), content: 'Hi Bob! Lunch at noon?' }]);
    expect(o.metadata.addresses.map((a) => a.ip)).toEqual(['192.0.2.10', '198.51.100.10']);
  });

  it('a tap on bob’s link sees bob’s password but not alice’s', () => {
    const o = observe(hello, trace, 'tap:bob~a.example')!;
    expect(o.metadata.credentials.map((c) => c.user)).toEqual(['bob']);
    expect(o.messages.map((m) => m.from)).toEqual(['alice@a.example/laptop']);
  });

  it('the server sees everything: both logins, both presences, the message and who wrote to whom', () => {
    const o = observe(hello, trace, 'a.example')!;
    expect(o.metadata.credentials.map((c) => c.user).sort()).toEqual(['alice', 'bob']);
    expect(o.metadata.contacts).toEqual([
      { from: 'alice@a.example', to: 'bob@a.example', count: 1 }, // seen arriving and leaving, counted once
    ]);
    expect(o.metadata.presence.length).toBeGreaterThanOrEqual(2);
  });

  it('an unknown observer is null, not a crash', () => {
    expect(observe(hello, trace, 'mallory')).toBeNull();
  });
});
