'use client';
/**
 * Step links, the widget's side (contract 1): a lesson's `<Step n={45}>` dispatches
 * `new CustomEvent('ml:goto-step', { detail: { step: 45 } })` on the widget's root. The widget stops
 * playing, goes to that step (clamped by `go`) and scrolls itself into view, at once under reduced motion.
 * A detail without a finite number is ignored: a broken link moves nothing.
 * @module
 */
import { useEffect, type RefObject } from 'react';

const GOTO_STEP_EVENT = 'ml:goto-step';

export function useGotoStep(root: RefObject<HTMLElement | null>, go: (step: number) => void, reducedMotion: boolean): void {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const onGoto = (e: Event) => {
      const detail: unknown = (e as CustomEvent<unknown>).detail;
      const step = typeof detail === 'object' && detail !== null ? (detail as { step?: unknown }).step : undefined;
      if (typeof step !== 'number' || !Number.isFinite(step)) return;
      go(Math.trunc(step));
      el.scrollIntoView({ behavior: reducedMotion ? 'instant' : 'smooth', block: 'start' });
    };
    el.addEventListener(GOTO_STEP_EVENT, onGoto);
    return () => el.removeEventListener(GOTO_STEP_EVENT, onGoto);
  }, [root, go, reducedMotion]);
}
