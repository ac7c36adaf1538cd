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
