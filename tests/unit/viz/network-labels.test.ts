import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../lib/scenarios/presets/index';
import { runScenario } from '../../../lib/scenarios/run';
import { layoutNetwork } from '../../../lib/viz/network-layout';

/** Presenter mode on a 1280 px projector lays the network out in about 440 layout units (issue #9, item 2). */
describe('federation in presenter size: addresses and domain names stand apart', () => {
  const trace = runScenario(getPreset('federation')!, { seed: 1 }).trace;
  for (const [width, height] of [
    [440, 300],
    [440, 360],
    [440, 420],
    [520, 560],
  ] as const) {
    it(`${width}×${height}: the servers' addresses (13 characters at 19.5 units) do not meet; each domain box holds its label`, () => {
      const g = layoutNetwork(trace, 0, { width, height });
      const servers = g.nodes.filter((n) => n.kind === 'server');
      expect(servers).toHaveLength(2);
      const ipWidth = 13 * 19.5 * 0.6;
      expect(Math.abs(servers[0]!.x - servers[1]!.x)).toBeGreaterThanOrEqual(ipWidth + 8);
      for (const d of g.domains) {
        // "Domain a.example" bold at 19.5 units: about 11.5 units a character, from labelX.
        expect(d.labelX + 16 * 11.5).toBeLessThanOrEqual(d.x + d.width);
        expect(d.x).toBeGreaterThanOrEqual(0);
        expect(d.x + d.width).toBeLessThanOrEqual(width);
      }
    });
  }
});
