/**
 * The engine off the main thread (issue #13): runs a preset (preset-run.ts) and posts the result back by
 * structured clone. The page keeps (trace, cursor) and seeks with the run's checkpoints as before; only
 * the expensive part, running the scenario, happens here. Started by run-cache.ts.
 * @module
 */
import type { Locale } from '../../_i18n/locales';
import { runPreset } from './preset-run';

interface Request {
  n: number;
  id: string;
  locale: Locale;
}

self.onmessage = (e: MessageEvent<Request>) => {
  const { n, id, locale } = e.data;
  try {
    self.postMessage({ n, result: runPreset(id, locale) });
  } catch {
    // A result that cannot be cloned: the page runs the preset itself.
    self.postMessage({ n, result: null });
  }
};
