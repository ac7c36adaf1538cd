/**
 * Preset runs computed off the main thread, handed to the widget. LazyScenario asks the worker for a run
 * while the widget's chunk loads (`runInWorker`) and leaves it here (`primeRun`); the widget takes it
 * (`takeRun`) instead of running the engine itself. Without a worker, or if the worker fails, nothing is
 * left here and the widget runs the preset on the main thread as it always did.
 * @module
 */
import type { Locale } from '../../_i18n/locales';
import type { PresetRun } from './preset-run';

const runs = new Map<string, PresetRun>();
const key = (id: string, locale: Locale) => `${locale}:${id}`;

export function primeRun(id: string, locale: Locale, run: PresetRun): void {
  runs.set(key(id, locale), run);
}

/** The run left for this widget, once: a later mount of the same preset runs (or is primed) anew. */
export function takeRun(id: string, locale: Locale): PresetRun | null {
  const k = key(id, locale);
  const run = runs.get(k) ?? null;
  runs.delete(k);
  return run;
}

type Reply = { n: number; result: PresetRun | null };

/** One worker for the page, started on the first request (a lesson's widgets queue on it in turn). */
let worker: Worker | null = null;
let next = 0;
const waiting = new Map<number, (r: PresetRun | null) => void>();

function start(): Worker | null {
  if (worker || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('./preset-run.worker.ts', import.meta.url));
  } catch {
    return null;
  }
  worker.onmessage = (e: MessageEvent<Reply>) => {
    waiting.get(e.data.n)?.(e.data.result);
    waiting.delete(e.data.n);
  };
  // A worker that cannot start or dies: every widget waiting on it runs its preset itself.
  worker.onerror = () => {
    for (const done of waiting.values()) done(null);
    waiting.clear();
    worker = null;
  };
  return worker;
}

/** The preset's run, computed in the worker; null when there is no worker (then the caller runs it). */
export function runInWorker(id: string, locale: Locale): Promise<PresetRun | null> {
  const w = start();
  if (!w) return Promise.resolve(null);
  const n = next++;
  return new Promise((resolve) => {
    waiting.set(n, resolve);
    w.postMessage({ n, id, locale });
  });
}
