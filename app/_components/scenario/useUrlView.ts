'use client';
/**
 * The widget's view in the address bar (contract 3, lib/viz/url-view.ts): read once when the widget
 * mounts, written back (history.replaceState, never push: stepping must not fill the back button's
 * history) whenever the view changes.
 *
 * Only the page's only widget does this. A lesson with several widgets leaves the URL alone: one `?step`
 * for three widgets would be ambiguous, and a `#widget` fragment would take the place of the lesson's
 * own section anchors; lesson text moves its widgets with step links instead, and a prepared link for a
 * class goes to the scenario's own page.
 *
 * The URL is applied in a layout effect, so React re-renders before the browser paints; until then the
 * static HTML (step 0) stays hidden by the pending mark the page set before its first paint
 * (`url-view-pending.ts`), so a `?step=45` link never flashes step 0.
 * @module
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import { decodeUrlView, encodeUrlView, type UrlView, type UrlViewBounds, type UrlViewDefaults } from '../../../lib/viz/url-view';

export interface UrlViewOptions {
  bounds: UrlViewBounds;
  defaults: UrlViewDefaults;
  /** What the widget shows now. */
  current: UrlView;
  /** Take over what the URL named (called once, before the first paint after hydration). */
  apply(view: UrlView): void;
}

/** Returns whether this widget is the page's only one (it then owns the URL and the page's keys). */
export function useUrlView({ bounds, defaults, current, apply }: UrlViewOptions): boolean {
  const [alone, setAlone] = useState(false);

  // Mount only: the URL a reader opened. `apply` and `bounds` of the first render are the ones wanted.
  useLayoutEffect(() => {
    const only = document.querySelectorAll('[data-scenario-widget]').length === 1;
    setAlone(only);
    if (only) apply(decodeUrlView(window.location.search, bounds));
  }, []);

  const search = alone ? encodeUrlView(current, defaults, window.location.search) : null;
  useEffect(() => {
    if (search === null || search === window.location.search) return;
    try {
      window.history.replaceState(window.history.state, '', window.location.pathname + search + window.location.hash);
    } catch (err) {
      // A sandboxed page may refuse (a SecurityError DOMException): the address just keeps its old view.
      // Anything else is a bug and goes to the widget's error boundary.
      if (!(err instanceof DOMException)) throw err;
    }
  }, [search]);

  return alone;
}
