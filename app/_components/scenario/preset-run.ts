/**
 * A preset, loaded and run the way every widget runs it: the one function the widget calls on the main
 * thread (at build time, or when no worker could do it) and the worker calls off it (preset-run.worker.ts).
 * No React and no DOM here, so that the worker bundles only the engine. The result is plain data that
 * survives structuredClone unchanged (tests/unit/scenario/preset-run.test.ts), so the worker can post it.
 * @module
 */
import type { Locale } from '../../_i18n/locales';
import { loadScenario } from '../../../lib/scenarios/load';
import { getPreset } from '../../../lib/scenarios/presets/index';
import { formatIssues } from '../../../lib/scenarios/schema/messages';
import { runScenario } from '../../../lib/scenarios/run';
import type { SimRun } from '../../../lib/sim/kernel';
import type { Scenario } from '../../../lib/sim/types';

/** Every preset runs with this seed, so a lesson shows the same bytes and keys every time. */
export const WIDGET_SEED = 1;

export type PresetRun = { ok: true; scenario: Scenario; run: SimRun } | { ok: false; kind: 'unknown' | 'failed'; message: string };

export function runPreset(id: string, locale: Locale): PresetRun {
  const preset = getPreset(id);
  if (!preset) return { ok: false, kind: 'unknown', message: '' };
  // Presets pass the loader every scenario passes (the CLI's files too): migrated, validated, problems with paths.
  const checked = loadScenario(preset);
  if (!checked.ok) return { ok: false, kind: 'failed', message: formatIssues(checked.errors, locale) };
  const scenario = checked.scenario;
  try {
    return { ok: true, scenario, run: runScenario(scenario, { seed: WIDGET_SEED }) };
  } catch (err) {
    // The engine failed on a preset: a bug, shown with its message, never a blank widget.
    return { ok: false, kind: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}
