import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../lib/scenarios/presets/index';
import { runScenario } from '../../../lib/scenarios/run';
import { layoutSequence, type SeqArrow } from '../../../lib/viz/sequence-layout';

/** The label box as the view draws it (the layer badge, 26 units, before the text). */
function box(a: SeqArrow) {
  const w = a.labelWidth + 26;
  return { x0: a.labelX - w / 2, x1: a.labelX + w / 2, y0: a.labelY - 12, y1: a.labelY + 12 };
}

function overlapping(arrows: SeqArrow[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < arrows.length; i++)
    for (let j = i + 1; j < arrows.length; j++) {
      const a = box(arrows[i]!);
      const b = box(arrows[j]!);
      if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1) out.push(`${arrows[i]!.label} (#${arrows[i]!.seq}) × ${arrows[j]!.label} (#${arrows[j]!.seq})`);
    }
  return out;
}

describe('sequence labels of simultaneous events stand apart (issue #9, item 2)', () => {
  for (const id of ['federation', 'otr-mitm']) {
    const trace = runScenario(getPreset(id)!, { seed: 1 }).trace;
    for (const width of [420, 760]) {
      it(`${id} at ${width} units: no two arrow labels overlap`, () => {
        const g = layoutSequence(trace, trace.events.length, { width });
        expect(g.arrows.length).toBeGreaterThan(10);
        expect(overlapping(g.arrows)).toEqual([]);
        // Every label stays inside the picture.
        for (const a of g.arrows) {
          const b = box(a);
          if (b.x1 - b.x0 < width - 8) {
            expect(b.x0, a.label).toBeGreaterThanOrEqual(3);
            expect(b.x1, a.label).toBeLessThanOrEqual(width - 3);
          }
        }
      });
    }
  }
});
