/**
 * The engine off the main thread (issue #13): what the worker posts is what the main thread would have
 * computed. postMessage is a structured clone, so a clone of the worker's result must equal the
 * main-thread run exactly (same prototypes, same bytes), for presets that exercise TLS, OTR and the
 * kernel's checkpoints; and the run cache hands a primed run to its widget once.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runPreset, WIDGET_SEED } from '@/app/_components/scenario/preset-run';
import { primeRun, takeRun } from '@/app/_components/scenario/run-cache';
import { getPreset } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';

describe('runPreset, as the worker runs it', () => {
  for (const id of ['hello', 'c2s-login', 'otr-mitm'])
    it(`${id}: the cloned result equals the main thread's run byte for byte`, () => {
      const posted = structuredClone(runPreset(id, 'en'));
      expect(posted.ok).toBe(true);
      if (!posted.ok) return;
      const main = runScenario(posted.scenario, { seed: WIDGET_SEED });
      expect(isDeepStrictEqual(posted.run, main)).toBe(true);
      expect(JSON.stringify(posted.run.trace)).toBe(JSON.stringify(main.trace));
      expect(posted.run.checkpoints.length).toBeGreaterThan(0);
    });

  it('an unknown preset is a value, not an exception', () => {
    expect(getPreset('no-such-preset')).toBeUndefined();
    expect(runPreset('no-such-preset', 'de')).toEqual({ ok: false, kind: 'unknown', message: '' });
  });
});

describe('run cache', () => {
  it('hands a primed run to the widget of that preset and locale, once', () => {
    const run = runPreset('no-such-preset', 'en');
    primeRun('x', 'en', run);
    expect(takeRun('x', 'de')).toBeNull();
    expect(takeRun('x', 'en')).toBe(run);
    expect(takeRun('x', 'en')).toBeNull();
  });
});
