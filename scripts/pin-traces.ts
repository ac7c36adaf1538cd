/** Prints every preset's trace pin (tests/unit/sim/trace-pin.test.ts) for seed 1. */
import { presets } from '../lib/scenarios/presets';
import { runScenario } from '../lib/scenarios/run';
import { pinOf } from '../tests/unit/sim/trace-pin-hash';

for (const p of presets) {
  const v = pinOf(runScenario(p, { seed: 1 }).trace.events);
  console.log(`  '${p.id}': { events: ${v.events}, wire: '${v.wire}', story: '${v.story}' },`);
}
