/**
 * Whether a CSS media query matches, kept current as the window changes. The static HTML and the
 * hydrating render use `serverValue` (no window there); CSS with the same query covers that first paint.
 * @module
 */
import { useCallback, useSyncExternalStore } from 'react';

/** A phone (portrait, or landscape with little height): one view at a time. Same query as phone.css. */
export const PHONE_QUERY = '(max-width: 600px), (max-height: 500px) and (max-width: 960px)';

/** Presenter mode is laid out for a 1280×800 projector; below this it cannot work. Same query as phone.css. */
export const PRESENTER_QUERY = '(min-width: 960px) and (min-height: 600px)';

function matches(query: string): boolean | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : null;
}

export function useMediaQuery(query: string, serverValue: boolean): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => {};
      const mq = window.matchMedia(query);
      mq.addEventListener('change', onChange);
      return () => mq.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => matches(query) ?? serverValue,
    () => serverValue,
  );
}
