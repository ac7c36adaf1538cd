'use client';
/**
 * The Timeline bar: first, back, play/pause, forward, last, speed, a scrubber with the chapters marked
 * under it (ChapterMarks), "Key exchange · step 31 / 56" (the chapter the step is in, then the step), and the
 * narration sentence of the current step in a polite live region (UI.md: "an ARIA live region reads
 * the narration"). Stateless: the widget owns the step and the playing flag.
 * @module
 */
import { useId } from 'react';
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import { chapterAt, type ChapterMark } from '../../../lib/viz/chapters';
import { BackIcon, FirstIcon, ForwardIcon, LastIcon, PauseIcon, PlayIcon } from '../scenario/Glyphs';
import { ChapterMarks } from './ChapterMarks';

const SPEEDS = [0.5, 1, 2, 4] as const;

export interface TimelineProps {
  locale: Locale;
  step: number;
  total: number;
  /** Virtual time of the current step, ms (absent at step 0). */
  time: number | null;
  playing: boolean;
  speed: number;
  narration: string;
  /** The step's key facts (marked primary by the engine's narration): always shown under the narration. */
  primary: string[];
  /** Extra sentences (what the receiver did), folded behind "More (+N)". */
  effects: string[];
  /** The scenario's chapters (lib/viz/chapters.ts): marks under the scrubber, the current one named by the counter. */
  marks: readonly ChapterMark[];
  /** The narration is what the "Seen by" observer has; the fold holds the whole story ("What really happens"). */
  whole?: boolean;
  onStep(step: number): void;
  onTogglePlay(): void;
  onSpeed(speed: number): void;
  /** Whether the extra sentences are open, owned by the widget (the URL keeps it as `notes=1`). */
  notesOpen: boolean;
  onNotesOpen(open: boolean): void;
}

/**
 * The main sentence is always shown whole, and so are the step's key facts; the other sentences fold away
 * behind "More (+N)" (on the page and in presenter mode alike), so the bar keeps a modest height and
 * leaves the diagrams in view. Folded text stays in the live region, so a screen reader hears everything.
 */
export function Timeline({ locale, step, total, time, playing, speed, narration, primary, effects, whole = false, marks, onStep, onTogglePlay, onSpeed, notesOpen: open, onNotesOpen }: TimelineProps) {
  const scrubId = useId();
  const speedId = useId();
  const effectsId = useId();
  const foldable = effects.length > 0;
  const folded = foldable && !open;
  const chapter = chapterAt(marks, step)?.title[locale] ?? null;
  const counter = wt(locale, 'counter', { step, total });
  return (
    <div className="mlw-timeline" role="group" aria-label={wt(locale, 'timeline')}>
      <div className="mlw-controls">
        <button type="button" className="mlw-btn" onClick={() => onStep(0)} disabled={step <= 0} aria-label={wt(locale, 'first')} title={wt(locale, 'first')}>
          <FirstIcon />
        </button>
        <button type="button" className="mlw-btn" onClick={() => onStep(step - 1)} disabled={step <= 0} aria-label={wt(locale, 'back')} title={`${wt(locale, 'back')} (←)`}>
          <BackIcon />
        </button>
        <button
          type="button"
          className="mlw-btn mlw-btn--play"
          onClick={onTogglePlay}
          aria-label={playing ? wt(locale, 'pause') : wt(locale, 'play')}
          title={playing ? wt(locale, 'pause') : wt(locale, 'play')}
          data-playing={playing ? 'true' : 'false'}
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
        </button>
        <button type="button" className="mlw-btn" onClick={() => onStep(step + 1)} disabled={step >= total} aria-label={wt(locale, 'forward')} title={`${wt(locale, 'forward')} (→)`}>
          <ForwardIcon />
        </button>
        <button type="button" className="mlw-btn" onClick={() => onStep(total)} disabled={step >= total} aria-label={wt(locale, 'last')} title={wt(locale, 'last')}>
          <LastIcon />
        </button>
        <label className="mlw-speed" htmlFor={speedId}>
          <span>{wt(locale, 'speed')}</span>
          <select id={speedId} className="mlw-select" value={String(speed)} onChange={(e) => onSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {`${String(s).replace('.', locale === 'de' ? ',' : '.')}×`}
              </option>
            ))}
          </select>
        </label>
        <div className="mlw-scrubber">
          <label className="mlw-scrub" htmlFor={scrubId}>
            <span className="mlw-visually-hidden">{wt(locale, 'scrubber')}</span>
            <input
              id={scrubId}
              type="range"
              min={0}
              max={total}
              step={1}
              value={step}
              onChange={(e) => onStep(Number(e.target.value))}
              aria-valuetext={chapter ? `${counter} · ${chapter}` : counter}
            />
          </label>
          <ChapterMarks locale={locale} marks={marks} step={step} total={total} onStep={onStep} />
        </div>
        <output className="mlw-counter" htmlFor={scrubId} data-testid="step-counter">
          {chapter && (
            <span className="mlw-counter-chapter" data-testid="counter-chapter">
              {chapter}
              <span className="mlw-visually-hidden"> · </span>
            </span>
          )}
          <span>
            {counter}
            {time !== null && <span className="mlw-counter-time">{` · ${wt(locale, 'time', { ms: time })}`}</span>}
          </span>
        </output>
      </div>
      <div className={`mlw-narration-box${folded ? ' mlw-narration-box--folded' : ''}`}>
        <div className="mlw-narration" aria-live="polite" aria-atomic="true" aria-label={wt(locale, 'narration')} data-testid="narration">
          <p className="mlw-narration-main">{narration}</p>
          {primary.length > 0 && (
            <ul className="mlw-effects mlw-effects--primary" tabIndex={0} data-testid="narration-primary">
              {primary.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          )}
          {effects.length > 0 && (
            <ul
              id={effectsId}
              className={folded && !whole ? 'mlw-effects mlw-visually-hidden' : 'mlw-effects'}
              hidden={folded && whole}
              tabIndex={folded ? undefined : 0}
            >
              {/* The whole story beside a lens is the teacher's to open: folded, not even a screen reader hears it. */}
              {(folded && whole ? [] : effects).map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          )}
        </div>
        {foldable && (
          <button type="button" className="mlw-btn mlw-btn--text mlw-fold" aria-expanded={open} aria-controls={effectsId} onClick={() => onNotesOpen(!open)} data-testid="narration-fold">
            {wt(locale, open ? 'narrationLess' : whole ? 'storyWhole' : 'narrationMore')}
            {!open && !whole && ` (+${effects.length})`}
          </button>
        )}
      </div>
    </div>
  );
}
