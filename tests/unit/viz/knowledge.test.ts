import { describe, expect, it } from 'vitest';
import { listObservers } from '../../../lib/knowledge/observe';
import { getPreset } from '../../../lib/scenarios/presets/index';
import { runScenario } from '../../../lib/scenarios/run';
import { forgersOf } from '../../../lib/sim/observers';
import { observe } from '../../../lib/knowledge/observe';
import { lensNode, observeUpTo, observerDisplayName, seenSteps, sortObservers, theftAt } from '../../../lib/viz/knowledge';

const hello = getPreset('hello')!;
const trace = runScenario(hello, { seed: 1 }).trace;
const tap = { name: 'tap:alice~a.example', kind: 'tap' as const };

describe('viz/knowledge', () => {
  it('observeUpTo sees only the first k events: nothing at step 0, the message by the end', () => {
    expect(observeUpTo(hello, trace, tap.name, 0)!.metadata.events).toBe(0);
    const end = observeUpTo(hello, trace, tap.name, trace.events.length)!;
    expect(end.messages.some((m) => m.content === 'Hi Bob! Lunch at noon?')).toBe(true);
    const mid = observeUpTo(hello, trace, tap.name, 10)!;
    expect(mid.messages.every((m) => m.seq < 10)).toBe(true);
    expect(observeUpTo(hello, trace, 'nobody', 5)).toBeNull();
  });

  it('an engine error surfaces instead of passing for an unknown observer (null)', () => {
    // A broken trace (an event missing) is a bug in whoever built it: the lens must not turn it into "no such observer".
    const broken = { ...trace, events: [...trace.events.slice(0, 5), undefined as never, ...trace.events.slice(5)] };
    expect(() => observeUpTo(hello, broken, tap.name, 10)).toThrow(TypeError);
    expect(() => observeUpTo(hello, broken, tap.name, 10), 'asked again: no half-folded answer').toThrow(TypeError);
    expect(() => observeUpTo(hello, broken, tap.name, 3), 'before the broken event: still fine').not.toThrow();
    expect(() => seenSteps(hello, broken, tap)).toThrow(TypeError);
    expect(observeUpTo(hello, trace, 'nobody', 10)).toBeNull();
  });

  it('a tap sees exactly the wire events of its link; a client also its own actions', () => {
    const seen = seenSteps(hello, trace, tap)!;
    for (const e of trace.events) expect(seen.has(e.seq + 1), `step ${e.seq + 1}`).toBe(e.kind === 'wire' && e.link === 'alice~a.example');
    const alice = seenSteps(hello, trace, { name: 'alice', kind: 'client' })!;
    const connect = trace.events.find((e) => e.kind === 'action' && e.from === 'alice')!;
    expect(alice.has(connect.seq + 1)).toBe(true);
    expect(seenSteps(hello, trace, { name: 'nobody', kind: 'tap' })).toBeNull();
  });

  it('a forger sees what a tap on its link sees (the lens dims the rest, as for a tap)', () => {
    const sc = getPreset('otr-deniability')!;
    const tr = runScenario(sc, { seed: 1 }).trace;
    const forger = listObservers(sc).find((o) => o.kind === 'forger')!;
    const link = forgersOf(sc.topology)[0]!.link;
    const seen = seenSteps(sc, tr, forger)!;
    for (const e of tr.events) expect(seen.has(e.seq + 1), `step ${e.seq + 1}`).toBe(e.kind === 'wire' && e.link === link);
    expect(seen.size).toBeGreaterThan(0);
  });

  it('names observers for people: the link of a tap, the server of an operator; parties first', () => {
    const nm = (id: string) => (id === 'alice' ? 'alice' : id);
    expect(observerDisplayName(tap, trace, nm)).toBe('alice ↔ a.example');
    expect(observerDisplayName({ name: 'operator:a.example', kind: 'operator' }, trace, nm)).toBe('a.example');
    expect(observerDisplayName({ name: 'thief:alice', kind: 'thief' }, trace, nm)).toBe('alice');
    expect(lensNode({ name: 'operator:a.example', kind: 'operator' })).toBe('a.example');
    expect(lensNode(tap)).toBeNull();
    const kinds = sortObservers([...listObservers(hello)].reverse()).map((o) => o.kind);
    expect(kinds.indexOf('client')).toBeLessThan(kinds.indexOf('tap'));
    expect(kinds.lastIndexOf('server')).toBeLessThan(kinds.indexOf('operator'));
  });

  describe.each(['otr-forward-secrecy', 'otr-post-compromise'])('a thief (%s)', (id) => {
    const sc = getPreset(id);
    const tr = sc ? runScenario(sc, { seed: 1 }).trace : null;
    const open = (o: ReturnType<typeof observeUpTo>) => (o?.messages ?? []).filter((m) => (m.kind === 'otr-data' || m.kind === 'static-message') && m.content !== null).length;
    it.skipIf(!sc)('reads nothing end to end before it strikes, and at the end exactly what observe() says', () => {
      const n = tr!.events.length;
      const first = tr!.events.findIndex((e) => e.time >= theftAt(sc!, tr!, 'thief', n)!.at);
      const before = first < 0 ? n - 1 : first; // the last step before the theft
      expect(theftAt(sc!, tr!, 'thief', before)!.struck).toBe(false);
      expect(open(observeUpTo(sc!, tr!, 'thief', before))).toBe(0);
      expect(observeUpTo(sc!, tr!, 'thief', before)!.metadata.keys).toEqual([]);
      const end = observeUpTo(sc!, tr!, 'thief', n)!;
      expect(theftAt(sc!, tr!, 'thief', n)!.struck).toBe(true);
      expect(end.messages.map((m) => m.content)).toEqual(observe(sc!, tr!, 'thief')!.messages.map((m) => m.content));
      expect(open(end)).toBeGreaterThan(0);
      expect(theftAt(sc!, tr!, 'alice', n)).toBeNull();
    });
  });
});
