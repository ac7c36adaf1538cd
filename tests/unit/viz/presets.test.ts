/** Every preset scenario lays out at every step: one arrow per wire event, nodes inside the picture, no throw. */
import { describe, expect, it } from 'vitest';
import { presets } from '../../../lib/scenarios/presets/index';
import { runScenario } from '../../../lib/scenarios/run';
import { layoutNetwork } from '../../../lib/viz/network-layout';
import { layoutSequence } from '../../../lib/viz/sequence-layout';

describe.each(presets.map((p) => [p.id, p] as const))('preset %s', (_id, scenario) => {
  const trace = runScenario(scenario, { seed: 1 }).trace;

  it('draws one arrow per wire event and one dot per local event', () => {
    const g = layoutSequence(trace, 0);
    expect(g.arrows.length).toBe(trace.events.filter((e) => e.kind === 'wire').length);
    expect(g.dots.length).toBe(trace.events.filter((e) => e.kind !== 'wire').length);
    expect(g.lanes.length).toBe(trace.nodes.length);
    for (const a of g.arrows) expect(a.y2).toBeGreaterThan(a.y1);
  });

  it('places every node inside the picture and a packet on every wire step', () => {
    const size = { width: 520, height: 420 };
    for (let step = 0; step <= trace.events.length; step++) {
      const g = layoutNetwork(trace, step, size);
      for (const n of g.nodes) {
        expect(n.x).toBeGreaterThanOrEqual(0);
        expect(n.x).toBeLessThanOrEqual(size.width);
        expect(n.y).toBeGreaterThanOrEqual(0);
        expect(n.y).toBeLessThanOrEqual(size.height);
      }
      const ev = trace.events[step - 1];
      if (ev?.kind === 'wire') expect(g.packet?.seq).toBe(ev.seq);
      else expect(g.packet).toBeNull();
    }
  });
});
