/**
 * Narration is for people, facts are for modules (lib/sim/facts.ts): no private key rides in a note.
 * The keys a device makes — OTR DH and long-term keys, static keys, TLS session keys — are facts of
 * the event where it made them, and only there.
 */
import { describe, expect, it } from 'vitest';
import { presets } from '@/lib/scenarios/presets';
import { runScenario } from '@/lib/scenarios/run';

/** Parameter names that held private key material in notes until issue #8. */
const SECRET_PARAMS = ['priv', 'x', 'secretKey', 'clientHandshakeTrafficSecret', 'serverHandshakeTrafficSecret', 'clientTrafficSecret0', 'serverTrafficSecret0', 'exporterSecret', 'privateKey'];

describe('no private key in a note', () => {
  for (const preset of presets) {
    it(preset.id, () => {
      const { trace } = runScenario(preset, { seed: 1 });
      for (const e of trace.events) {
        for (const n of [e.note, ...e.effects]) {
          const leaked = SECRET_PARAMS.filter((p) => n.params?.[p] !== undefined);
          expect(leaked, `${e.seq} ${n.key}`).toEqual([]);
        }
      }
    });
  }

  it('the keys are still on the trace, as facts', () => {
    const facts = presets.flatMap((p) => runScenario(p, { seed: 1 }).trace.events.flatMap((e) => e.facts));
    const types = new Set(facts.map((f) => f.type));
    for (const t of ['tls-keys', 'dh-key-made', 'long-term-key-made', 'static-key-made'] as const) expect(types.has(t), t).toBe(true);
  });
});
