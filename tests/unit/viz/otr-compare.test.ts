import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../lib/scenarios/presets/index';
import { runScenario } from '../../../lib/scenarios/run';
import { compareEnds, verdict } from '../../../lib/viz/otr-compare';
import { otrFrames } from '../../../lib/viz/otr-frames';
import { ratchetView } from '../../../lib/viz/ratchet';

function comparisonsOf(id: string) {
  const scenario = getPreset(id)!;
  const run = runScenario(scenario, { seed: 1 });
  const frames = otrFrames(scenario, run);
  return (step: number) => compareEnds(ratchetView(frames, step));
}

describe('viz/otr-compare', () => {
  it('otr-ake: alice and bob see one session id and each other’s own fingerprints', () => {
    const at = comparisonsOf('otr-ake');
    const [c, ...rest] = at(Number.MAX_SAFE_INTEGER);
    expect(rest).toEqual([]);
    expect(c!.id).toBe('alice@a.example ↔ bob@a.example');
    expect([c!.a.node, c!.b.node]).toEqual(['alice', 'bob']);
    expect(c).toMatchObject({ fingerprintA: 'same', fingerprintB: 'same', ssid: 'same', middle: [] });
    expect(c!.a.ssid).toMatch(/^[0-9a-f]{16}$/);
    expect(c!.b.peerFingerprint).toBe(c!.a.ownFingerprint);
    expect(verdict(c!)).toBe('same');
  });

  it('otr-ake: before the key exchange ends nothing can be compared yet', () => {
    const at = comparisonsOf('otr-ake');
    const early = at(31);
    expect(early).toHaveLength(1);
    expect(verdict(early[0]!)).toBe('pending');
  });

  it('otr-mitm: each end received the operator’s key, and their session ids differ; the operator is named in between', () => {
    const at = comparisonsOf('otr-mitm');
    const [c, ...rest] = at(Number.MAX_SAFE_INTEGER);
    expect(rest).toEqual([]);
    expect([c!.a.node, c!.b.node]).toEqual(['alice', 'bob']);
    expect(c).toMatchObject({ fingerprintA: 'differs', fingerprintB: 'differs', ssid: 'differs', middle: ['a.example'] });
    expect(c!.a.peerFingerprint).not.toBe(c!.b.ownFingerprint);
    expect(verdict(c!)).toBe('differs');
  });
});
