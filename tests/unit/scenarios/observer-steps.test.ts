import { describe, expect, it } from 'vitest';
import { withObserverSteps } from '@/lib/scenarios/observer-steps';
import { otrForwardSecrecy } from '@/lib/scenarios/presets/otr-forward-secrecy';
import { hello } from '@/lib/scenarios/presets/hello';
import { machines, nodeStatesAfter, runScenario, worldOf } from '@/lib/scenarios/run';
import { makeWorld } from '@/lib/sim/kernel';

const thefts = (script: { action: { type: string } }[]) => script.filter((s) => s.action.type === 'keys-stolen');

describe('what observers cause, outside the kernel', () => {
  it('a thief’s thefts become keys-stolen steps on the robbed devices, once', () => {
    const expanded = withObserverSteps(otrForwardSecrecy);
    expect(thefts(expanded.script)).toEqual([
      { at: 9000, node: 'alice', action: { type: 'keys-stolen', thief: 'thief', what: ['long-term-keys', 'otr-session', 'static-key'] } },
      { at: 9000, node: 'bob', action: { type: 'keys-stolen', thief: 'thief', what: ['long-term-keys', 'otr-session', 'static-key'] } },
    ]);
    expect(expanded.script.slice(0, otrForwardSecrecy.script.length)).toEqual(otrForwardSecrecy.script);
    expect(withObserverSteps(expanded)).toEqual(expanded);
    expect(withObserverSteps(hello)).toBe(hello);
  });

  it('the kernel itself adds nothing; runs, replays and worlds all see the thefts', () => {
    expect(thefts(makeWorld(otrForwardSecrecy, machines).script.map((q) => ({ action: (q.input as { action: { type: string } }).action })))).toEqual([]);
    expect(worldOf(otrForwardSecrecy).script.filter((q) => q.input.type === 'action' && q.input.action.type === 'keys-stolen')).toHaveLength(2);
    const run = runScenario(otrForwardSecrecy, { seed: 1 });
    const stolen = run.trace.events.filter((e) => e.action?.type === 'keys-stolen');
    expect(stolen.map((e) => [e.from, e.time])).toEqual([
      ['alice', 9000],
      ['bob', 9000],
    ]);
    // A replay from a checkpoint reaches the state a full run ends in.
    const last = run.trace.events.length - 1;
    expect(nodeStatesAfter(otrForwardSecrecy, run, last)).toEqual(nodeStatesAfter(otrForwardSecrecy, runScenario(otrForwardSecrecy, { seed: 1 }), last));
    // The robbed client acts on it (lib/xmpp/im/otr-theft.ts): the copy is a fact of that step.
    expect(stolen.map((e) => e.facts.some((f) => f.type === 'keys-stolen'))).toEqual([true, true]);
  });
});
