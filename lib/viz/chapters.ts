/**
 * Where a scenario's chapters begin in its trace (lib/scenarios/schema/chapters.ts): steps for the
 * scrubber's marks, the narration band's "Key exchange · step 31 / 120" and the chapter keys. Steps
 * are 1-based like the widget's (step k shows trace event k − 1).
 *
 * An action chapter starts at its script step's event. The kernel turns every script step into exactly
 * one action event, in (time, position) order over the script the run saw, thefts included
 * (lib/scenarios/observer-steps.ts); so the n-th action event in the trace is the n-th script step in
 * that order, however many wire events the layers below add in between.
 * @module
 */
import { withObserverSteps } from '../scenarios/observer-steps';
import type { Scenario, Trace } from '../sim/types';

export interface ChapterMark {
  id: string;
  title: { en: string; de: string };
  /** The chapter's first step (1-based). */
  step: number;
}

/**
 * The chapters that start at an event of this trace, in order of their steps. A chapter whose event is
 * missing (a run cut short at the event limit) or that would not start after the one before (data the
 * validator refuses) is left out rather than drawn in a wrong place.
 */
export function chapterMarks(scenario: Scenario, trace: Trace): ChapterMark[] {
  const declared = scenario.chapters ?? [];
  if (declared.length === 0) return [];
  const script = withObserverSteps(scenario).script;
  const order = script.map((s, i) => ({ at: s.at, i })).sort((x, y) => x.at - y.at || x.i - y.i);
  const rankOf = new Map(order.map(({ i }, rank) => [i, rank]));
  const actionSeqs: number[] = [];
  for (const e of trace.events) if (e.kind === 'action') actionSeqs.push(e.seq);

  const marks: ChapterMark[] = [];
  for (const c of declared) {
    let seq: number | undefined;
    if (c.start.kind === 'action') {
      const rank = c.start.index < scenario.script.length ? rankOf.get(c.start.index) : undefined;
      seq = rank === undefined ? undefined : actionSeqs[rank];
    } else {
      const at = c.start.at;
      seq = trace.events.find((e) => e.time >= at)?.seq;
    }
    if (seq === undefined) continue;
    const step = seq + 1;
    if (marks.length > 0 && step <= marks[marks.length - 1]!.step) continue;
    marks.push({ id: c.id, title: { en: c.title.en, de: c.title.de }, step });
  }
  return marks;
}

/** The chapter `step` is in: the last one that starts at or before it; null before the first. */
export function chapterAt(marks: readonly ChapterMark[], step: number): ChapterMark | null {
  let found: ChapterMark | null = null;
  for (const m of marks) {
    if (m.step > step) break;
    found = m;
  }
  return found;
}

/**
 * Where "previous chapter" goes from `step`: the start of the chapter `step` is in when `step` is past
 * that start (as PageUp goes to the top of the page first), else the start of the one before; null when
 * no chapter starts before `step`.
 */
export function previousChapterStep(marks: readonly ChapterMark[], step: number): number | null {
  let found: number | null = null;
  for (const m of marks) {
    if (m.step >= step) break;
    found = m.step;
  }
  return found;
}

/** Where "next chapter" goes from `step`: the first chapter start after it; null when none is left. */
export function nextChapterStep(marks: readonly ChapterMark[], step: number): number | null {
  return marks.find((m) => m.step > step)?.step ?? null;
}

/** Where a mark sits along the scrubber's track, 0..1 (step 0 at the left end, the last step at the right). */
export function chapterFraction(step: number, total: number): number {
  return total > 0 ? Math.max(0, Math.min(1, step / total)) : 0;
}

/** A title on the track: right of its tick, left of it (near the right end), or not written (the tick alone). */
export type LabelPlace = { shown: true; align: 'start' | 'end' } | { shown: false };

/** Half a tick's target: a title keeps this far from every other tick, so each stays clickable. */
const TICK_HALF_PX = 12;
/** From a tick's centre to the edge of its title. */
const TITLE_OFFSET_PX = 8;

/**
 * Which chapter titles fit in one row under the scrubber, `trackPx` wide, given each title's width in
 * px; the ticks run from `insetPx` to `trackPx − insetPx` (half the range input's thumb). Left to right, a title goes right of its tick, else left of it; it must stay on the track, clear
 * of every other tick and `gapPx` from the title before. Otherwise only its tick stays (its title is
 * its tooltip and its accessible name). One row, so that the band keeps its height.
 */
export function placeChapterLabels(marks: readonly ChapterMark[], widths: readonly number[], total: number, trackPx: number, insetPx = 0, gapPx = 10): LabelPlace[] {
  const ticks = marks.map((m) => insetPx + chapterFraction(m.step, total) * (trackPx - 2 * insetPx));
  let end = -Infinity;
  return marks.map((_, i) => {
    const x = ticks[i]!;
    const w = widths[i] ?? 0;
    const fits = (left: number) => {
      const right = left + w;
      if (left < 0 || right > trackPx || left < end + gapPx) return false;
      return ticks.every((t, j) => j === i || t + TICK_HALF_PX <= left || t - TICK_HALF_PX >= right);
    };
    if (w <= 0) return { shown: false };
    for (const [align, left] of [['start', x + TITLE_OFFSET_PX], ['end', x - TITLE_OFFSET_PX - w]] as const) {
      if (fits(left)) {
        end = left + w;
        return { shown: true, align };
      }
    }
    return { shown: false };
  });
}
