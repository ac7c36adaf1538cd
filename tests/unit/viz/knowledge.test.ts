import { describe, expect, it } from 'vitest';
import { listObservers } from '../../../lib/knowledge/observe';
import { getPreset } from '../../../lib/scenarios/presets/index';
import { runScenario } from '../../../lib/scenarios/run';
import { lensNode, observeUpTo, observerDisplayName, seenSteps, sortObservers } from '../../../lib/viz/knowledge';

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

  it('a tap sees exactly the wire events of its link; a client also its own actions', () => {
    const seen = seenSteps(hello, trace, tap)!;
    for (const e of trace.events) expect(seen.has(e.seq + 1), `step ${e.seq + 1}`).toBe(e.kind === 'wire' && e.link === 'alice~a.example');
    const alice = seenSteps(hello, trace, { name: 'alice', kind: 'client' })!;
    const connect = trace.events.find((e) => e.kind === 'action' && e.from === 'alice')!;
    expect(alice.has(connect.seq + 1)).toBe(true);
    expect(seenSteps(hello, trace, { name: 'nobody', kind: 'tap' })).toBeNull();
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
});
