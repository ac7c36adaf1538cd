'use client';
/**
 * `<Step n={45}>step 45</Step>`: a button in the lesson text that moves a scenario widget to that step
 * (contract 1 of the helpers' contracts): it dispatches `ml:goto-step` on the widget root nearest ABOVE
 * it in document order, else the first one below. The widget stops, goes there and scrolls into view.
 * The accessible name starts with the visible words and says what the button does.
 * @module
 */
import type { ReactNode } from 'react';

/** The widget a step link in `from` drives: the last `[data-scenario-widget]` before it, else the first after it. */
function targetWidget(from: Element): HTMLElement | null {
  const all = [...document.querySelectorAll<HTMLElement>('[data-scenario-widget]')];
  const above = all.filter((w) => w.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING && !w.contains(from));
  return above.at(-1) ?? all.find((w) => w.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_PRECEDING) ?? null;
}

function gotoStep(from: Element, step: number): boolean {
  const w = targetWidget(from);
  if (!w) return false;
  w.dispatchEvent(new CustomEvent('ml:goto-step', { detail: { step } }));
  return true;
}

export function Step({ n, action, children }: { n: number; action: string; children?: ReactNode }) {
  return (
    <button type="button" className="step-link" data-step={n} onClick={(e) => gotoStep(e.currentTarget, n)}>
      <span className="step-link-glyph" aria-hidden="true">
        ▸
      </span>
      {children ?? n}
      <span className="mlw-visually-hidden">{` (${action})`}</span>
    </button>
  );
}
