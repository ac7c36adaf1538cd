/**
 * Where the Sequence view's scroller should scroll so the current event can be seen. "Seen" means the
 * part of the scroller the reader actually has in front of them: inside the window and above the
 * widget's sticky timeline bar, which covers the diagram's lower part while the widget is taller than
 * the window. Pure (numbers in, a scrollTop or null out), so it can be tested without a layout engine.
 * @module
 */

export interface FollowBox {
  scrollTop: number;
  clientHeight: number;
  scrollHeight: number;
  /** The scroller's top and bottom on screen, and the top of whatever covers it from below (window edge, sticky bar). */
  top: number;
  bottom: number;
  coveredFrom: number;
}

/** Below this many pixels of the scroller on screen, aim for its whole height (the reader will scroll to it). */
const MIN_BAND = 120;

/**
 * The new scrollTop, or null when the event at `y` (scroller content pixels, from the top) is already
 * well inside the visible band. The event goes a third of the way down the band: what led to it stays
 * in view above, what follows below.
 */
export function followScroll(box: FollowBox, y: number): number | null {
  const from = Math.max(0, -box.top);
  const to = Math.min(box.clientHeight, box.coveredFrom - box.top);
  const [bandTop, bandH] = to - from >= MIN_BAND ? [from, to - from] : [0, box.clientHeight];
  const margin = Math.min(60, bandH / 4);
  const shown = y - box.scrollTop;
  if (shown >= bandTop + margin && shown <= bandTop + bandH - margin) return null;
  const max = Math.max(0, box.scrollHeight - box.clientHeight);
  const top = Math.round(Math.max(0, Math.min(max, y - bandTop - bandH / 3)));
  return top === Math.round(box.scrollTop) ? null : top;
}
