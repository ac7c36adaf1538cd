/** The OTR and static-key actions of the simulated client, beyond the presets: SMP, the finished state, refusals. */
import { describe, expect, it } from 'vitest';
import { observe } from '@/lib/knowledge/observe';
import { federation } from '@/lib/scenarios/presets/federation';
import { otrAke } from '@/lib/scenarios/presets/otr-ake';
import { nodeStatesAfter, runScenario } from '@/lib/scenarios/run';
import type { Action, Scenario } from '@/lib/sim/types';
import type { ClientState } from '@/lib/xmpp/stream/client';
import { otrOnLink } from './trace';

function withScript(steps: [number, string, Action][]): Scenario {
  return { ...structuredClone(otrAke), script: [otrAke.script[0]!, otrAke.script[1]!, otrAke.script[2]!, ...steps.map(([at, node, action]) => ({ at, node, action }))] };
}

const keysOf = (s: Scenario) => runScenario(s, { seed: 3 }).trace.events.flatMap((e) => e.effects.map((n) => `${e.from === e.to ? e.from : e.to}:${n.key}`));

describe('SMP in the simulated client', () => {
  const scenario = withScript([
    [3000, 'alice', { type: 'smp-start', to: 'bob@a.example', secret: 'blue door', question: 'Where did we meet?' }],
    [4000, 'bob', { type: 'smp-respond', to: 'alice@a.example', secret: 'blue door' }],
    [5000, 'bob', { type: 'send-message', to: 'alice@a.example', body: 'verified?' }],
    [6000, 'bob', { type: 'smp-start', to: 'alice@a.example', secret: 'red door' }],
    [7000, 'alice', { type: 'smp-respond', to: 'bob@a.example', secret: 'green door' }],
  ]);
  const run = runScenario(scenario, { seed: 3 });

  it('runs the four SMP messages inside data messages; equal secrets succeed on both sides, different ones fail', () => {
    const sends = run.trace.events.filter((e) => e.kind === 'wire' && e.note.key.startsWith('otr.smp')).map((e) => `${e.from}:${e.note.key}`);
    expect(sends).toEqual([
      'alice:otr.smp1q-send', 'bob:otr.smp2-send', 'alice:otr.smp3-send', 'bob:otr.smp4-send',
      'bob:otr.smp1-send', 'alice:otr.smp2-send', 'bob:otr.smp3-send', 'alice:otr.smp4-send',
    ]);
    const results = keysOf(scenario).filter((k) => /smp-(request|success|failure)/.test(k));
    expect(results).toEqual([
      // the responder learns the result first, from SMP message 3; the initiator from message 4
      'bob:otr.smp-request-question', 'bob:otr.smp-success-answered', 'alice:otr.smp-success',
      'alice:otr.smp-request', 'alice:otr.smp-failure', 'bob:otr.smp-failure',
    ]);
    // the secret never crosses a link
    for (const e of run.trace.events) if (e.wire) expect(new TextDecoder().decode(e.wire)).not.toMatch(/door/);
  });

  it('the asker marks what arrives after its successful SMP as verified (as libotr: not the one who was asked)', () => {
    const states = nodeStatesAfter(scenario, run, run.trace.events.length - 1);
    expect((states.alice as ClientState).inbox.find((m) => m.body === 'verified?')).toMatchObject({ encrypted: true, verified: true });
  });
});

describe('refusals and the finished state', () => {
  it('after alice ends, bob’s typed message is refused rather than sent in the clear', () => {
    const scenario = withScript([
      [3000, 'alice', { type: 'otr-end', to: 'bob@a.example' }],
      [4000, 'bob', { type: 'send-message', to: 'alice@a.example', body: 'still there?' }],
    ]);
    const { trace } = runScenario(scenario, { seed: 3 });
    expect(keysOf(scenario)).toContain('bob:otr.cannot-send');
    for (const e of trace.events) if (e.wire) expect(new TextDecoder().decode(e.wire)).not.toContain('still there?');
  });

  it('explains what it cannot do: SMP without a session, an answer nobody asked for, a static message without a key', () => {
    const scenario = withScript([
      [3000, 'alice', { type: 'smp-respond', to: 'bob@a.example', secret: 'x' }],
      [3100, 'alice', { type: 'smp-start', to: 'carol@a.example', secret: 'x' }],
      [3200, 'alice', { type: 'otr-end', to: 'carol@a.example' }],
      [3300, 'alice', { type: 'send-static', to: 'bob@a.example', body: 'hi' }],
    ]);
    expect(keysOf(scenario).filter((k) => k.startsWith('alice:otr.smp-n') || k.startsWith('alice:otr.no-') || k.startsWith('alice:static.'))).toEqual([
      'alice:otr.smp-nothing-to-answer',
      'alice:otr.smp-needs-session',
      'alice:otr.no-session',
      'alice:static.no-key',
    ]);
  });

  it('an OTR conversation over TLS keeps the OTR layer and key name inside the TLS record', () => {
    const scenario = { ...withScript([[3000, 'alice', { type: 'send-message', to: 'bob@a.example', body: 'inside two layers' }]]), settings: { tls: 'required' as const, sasl: 'SCRAM-SHA-256' as const } };
    const { trace } = runScenario(scenario, { seed: 3 });
    const data = otrOnLink(trace, 'alice~a.example').filter((o) => o.key?.startsWith('otr:'));
    expect(data.map((o) => o.key)).toEqual(['otr:alice@a.example>bob@a.example:1/1']);
    expect(data[0]!.event.layers.some((l) => l.layer === 'tls')).toBe(true);
    // the AKE bodies have no OTR key: inside TLS their layer needs only the TLS key
    expect(otrOnLink(trace, 'alice~a.example').filter((o) => !o.key?.startsWith('otr:')).every((o) => o.key === 'tls:alice~a.example')).toBe(true);
    expect(trace.events.some((e) => e.note.key === 'otr.query-send')).toBe(true);
  });
});

describe('OTR across a federation', () => {
  it('the servers relay the OTR bodies (with their otr layer) and read nothing; bob reads alice', () => {
    const scenario = structuredClone(federation);
    scenario.script = [
      scenario.script[0]!,
      scenario.script[1]!,
      { at: 1500, node: 'alice', action: { type: 'otr-start', to: 'bob@b.example' } },
      { at: 4000, node: 'alice', action: { type: 'send-message', to: 'bob@b.example', body: 'across two servers' } },
      { at: 4500, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'still private' } },
    ];
    const { trace } = runScenario(scenario, { seed: 1 });
    const s2s = trace.events.filter((e) => e.link === 'a.example~b.example' && e.layers.some((l) => l.layer === 'otr' && l.key?.startsWith('otr:')));
    expect(s2s.map((e) => e.layers.find((l) => l.layer === 'otr')!.key)).toEqual(['otr:alice@a.example>bob@b.example:1/1', 'otr:bob@b.example>alice@a.example:1/2']);
    const read = (who: string) => observe(scenario, trace, who)!.messages.filter((m) => m.kind === 'otr-data').map((m) => m.content);
    expect(read('bob')).toEqual(['across two servers', 'still private']);
    for (const server of ['a.example', 'b.example']) expect(read(server).every((c) => c === null)).toBe(true);
  });
});
