/**
 * The registry's order is the client's: a received body is offered to signed, then static, then OTR,
 * and the first to claim it wins. An open OTR session claims every body from its correspondent, so a
 * signed text that even contains an OTR prefix, sent inside an encrypted conversation, must still be
 * read as signed.
 */
import { describe, expect, it } from 'vitest';
import { E2E_SCHEMES } from '@/lib/e2e/registry';
import { otrAke } from '@/lib/scenarios/presets/otr-ake';
import { nodeStatesAfter, runScenario } from '@/lib/scenarios/run';
import { factsOf } from '@/lib/sim/facts';
import type { Scenario } from '@/lib/sim/types';
import type { ClientState } from '@/lib/xmpp/stream/client';

describe('the end-to-end registry', () => {
  it('lists signed, static, OTR — in that order — and no two schemes own the same action type', () => {
    expect(E2E_SCHEMES.map((s) => s.id)).toEqual(['signed', 'static', 'otr']);
    const owned = E2E_SCHEMES.flatMap((s) => s.actions);
    expect(new Set(owned).size).toBe(owned.length);
  });

  it('a signed body inside an encrypted OTR conversation is read as signed, even when its text looks like OTR', () => {
    const TEXT = 'Is ?OTR: a prefix? Signed, not encrypted.';
    const s: Scenario = { ...otrAke, script: [...otrAke.script.slice(0, 4), { at: 3200, node: 'bob', action: { type: 'send-signed', to: 'alice@a.example', body: TEXT } }] };
    const run = runScenario(s, { seed: 1 });
    const alice = nodeStatesAfter(s, run, run.trace.events.length - 1).alice as ClientState;
    expect(alice.inbox.find((m) => m.body === TEXT)).toMatchObject({ verified: true, encrypted: false });
    expect(factsOf(run.trace.events.flatMap((e) => e.facts), 'message-shown').filter((f) => f.node === 'alice' && f.body === TEXT)).toHaveLength(1);
    const keys = run.trace.events.filter((e) => e.kind === 'wire' && e.to === 'alice').flatMap((e) => e.effects.map((n) => n.key));
    expect(keys).toContain('signed.message-received');
    expect(keys.filter((k) => k.startsWith('otr.') && /plaintext|error|malformed/.test(k))).toEqual([]);
  });
});
