/**
 * The narration under the "Seen by" lens (lib/viz/lens-narration.ts): a step the observer did not see is
 * told as nothing seen and where it happened; one it saw but cannot open as the box it saw; one it can
 * open as the normal story. On c2s-login (TLS) and on OTR, where the man in the middle reads what a plain
 * operator cannot.
 */
import { describe, expect, it } from 'vitest';
import { listObservers } from '../../../lib/knowledge/observe';
import { getPreset } from '../../../lib/scenarios/presets/index';
import { runScenario } from '../../../lib/scenarios/run';
import { observeUpTo, seenSteps } from '../../../lib/viz/knowledge';
import { lensStory } from '../../../lib/viz/lens-narration';

function setup(id: string) {
  const scenario = getPreset(id)!;
  const trace = runScenario(scenario, { seed: 1 }).trace;
  /** The story of `step` as `name` has it, with its means and reading exactly as the widget builds them. */
  return (name: string, step: number) => {
    const info = listObservers(scenario).find((o) => o.name === name)!;
    const seen = seenSteps(scenario, trace, info)!;
    const obs = observeUpTo(scenario, trace, name, step)!;
    const ev = trace.events[step - 1]!;
    return lensStory(ev, { keys: new Set(obs.metadata.keys), seen }, obs.messages.find((m) => m.seq === ev.seq) ?? null);
  };
}

describe('c2s-login: alice’s SCRAM proof (step 12) inside TLS', () => {
  const story = setup('c2s-login');
  it('the tap on alice’s link has a TLS record: its size and the addresses on it, nothing more', () => {
    expect(story('tap:alice~a.example', 12)).toEqual({ state: 'sealed', box: 'tls', bytes: 204, from: '192.0.2.10', to: '198.51.100.10' });
  });
  it('alice and her server hold the key: the normal story', () => {
    expect(story('alice', 12)).toEqual({ state: 'open' });
    expect(story('a.example', 12)).toEqual({ state: 'open' });
  });
  it('a readable step on the tap’s link (the server’s stream header, before TLS) is the normal story', () => {
    expect(story('tap:alice~a.example', 3)).toEqual({ state: 'open' });
  });
  it('alice’s own action, on her device, is nothing the tap saw', () => {
    expect(story('tap:alice~a.example', 1)).toEqual({ state: 'unseen', at: { on: 'node', node: 'alice' } });
  });
  it('no lens: the whole story', () => {
    const trace = runScenario(getPreset('c2s-login')!, { seed: 1 }).trace;
    expect(lensStory(trace.events[11]!, null)).toEqual({ state: 'open' });
  });
});

describe('OTR: what a server operator reads', () => {
  const mitm = setup('otr-mitm');
  it('otr-mitm step 45: the operator in the middle decrypts alice’s message, so it has the story', () => {
    expect(mitm('operator:a.example', 45)).toEqual({ state: 'open' });
  });
  it('otr-mitm step 45: the tap on alice’s link sees an OTR message it cannot open, addressed in readable XML', () => {
    expect(mitm('tap:alice~a.example', 45)).toEqual({ state: 'sealed', box: 'otr', bytes: 574, from: 'alice@a.example', to: 'bob@a.example/phone' });
  });
  it('otr-mitm step 46: the delivery to bob happens on bob’s link, which the tap on alice’s link never sees', () => {
    expect(mitm('tap:alice~a.example', 46)).toEqual({ state: 'unseen', at: { on: 'link', from: 'a.example', to: 'bob' } });
  });
  it('otr-ake step 40: an honest server’s operator forwards the OTR message but cannot read it', () => {
    const ake = setup('otr-ake');
    expect(ake('operator:a.example', 40)).toEqual({ state: 'sealed', box: 'otr', bytes: 604, from: 'alice@a.example/laptop', to: 'bob@a.example/phone' });
    expect(ake('bob', 40)).toEqual({ state: 'open' });
  });
});
