/**
 * What the narration band says at a step: the main sentence, the key facts it always shows (marked primary
 * by the engine's narration, lib/narration/primary.ts) and the notes it folds behind "More". Under the
 * "Seen by" lens a step its observer could not open is told as that observer has it (lib/viz/lens-narration.ts),
 * and the whole story, key facts included, moves into the fold: the teacher keeps it, the band shows no more
 * than the lens.
 * @module
 */
import type { Locale } from '../../_i18n/locales';
import { formatNote } from '../../_i18n/notes';
import { wt } from '../../_i18n/widget';
import type { ObserverInfo } from '../../../lib/knowledge/observation';
import { isPrimaryNote } from '../../../lib/narration/primary';
import type { Scenario, Trace, TraceEvent } from '../../../lib/sim/types';
import { observeUpTo } from '../../../lib/viz/knowledge';
import type { LensMeans } from '../../../lib/viz/lens';
import { lensStory, type LensStory } from '../../../lib/viz/lens-narration';
import { kindLabel } from '../knowledge/ObserverGlyph';

export interface BandText {
  narration: string;
  /** Always shown under the narration. */
  primary: string[];
  /** Folded behind "More (+N)", or, when `whole`, behind "What really happens". */
  folded: string[];
  /** The narration is the lens's view and the fold holds the whole story. */
  whole: boolean;
}

/**
 * The lens observer's story of step `step` (1-based). Its reading of the step's message comes from its
 * knowledge fold; a fold that fails reads nothing, so the band then tells less, never more.
 */
export function storyAt(scenario: Scenario, trace: Trace, observer: string | null, means: LensMeans | null, step: number): LensStory {
  const ev = step >= 1 ? trace.events[step - 1] : undefined;
  if (!ev || observer === null || means === null) return { state: 'open' };
  let read = null;
  try {
    read = observeUpTo(scenario, trace, observer, step)?.messages.find((m) => m.seq === ev.seq) ?? null;
  } catch {
    read = null;
  }
  return lensStory(ev, means, read);
}

/** A lens observer named in a sentence: a party by its name, anyone else by its role and what it watches. */
function observerWords(locale: Locale, lens: ObserverInfo, name: string): string {
  return lens.kind === 'client' || lens.kind === 'server' ? name : `${kindLabel(locale, lens.kind)} (${name})`;
}

function lensSentence(locale: Locale, story: Exclude<LensStory, { state: 'open' }>, who: string, nm: (id: string) => string): string {
  if (story.state === 'unseen') {
    return story.at.on === 'link'
      ? wt(locale, 'storyUnseenLink', { who, from: nm(story.at.from), to: nm(story.at.to) })
      : wt(locale, 'storyUnseenNode', { who, node: nm(story.at.node) });
  }
  const key = story.box === 'tls' ? 'storySealedTls' : story.box === 'otr' ? 'storySealedOtr' : 'storySealedOther';
  return wt(locale, key, { who, n: story.bytes, from: story.from, to: story.to });
}

export interface BandInput {
  /** The scenario's summary, told at step 0. */
  summary: string;
  last: boolean;
  story: LensStory;
  /** The lens and its name on screen (null: no lens). */
  lens: { info: ObserverInfo; name: string } | null;
  nm(id: string): string;
}

export function bandText(locale: Locale, ev: TraceEvent | null, { summary, last, story, lens, nm }: BandInput): BandText {
  if (!ev) return { narration: summary, primary: [], folded: [wt(locale, 'narrationStart')], whole: false };
  const end = last ? [wt(locale, 'narrationEnd')] : [];
  const full = formatNote(ev.note, locale);
  if (story.state !== 'open' && lens) {
    const all = ev.effects.map((n) => formatNote(n, locale));
    return { narration: lensSentence(locale, story, observerWords(locale, lens.info, lens.name), nm), primary: [], folded: [full, ...all, ...end], whole: true };
  }
  return {
    narration: full,
    primary: ev.effects.filter(isPrimaryNote).map((n) => formatNote(n, locale)),
    folded: [...ev.effects.filter((n) => !isPrimaryNote(n)).map((n) => formatNote(n, locale)), ...end],
    whole: false,
  };
}
