'use client';
/**
 * The chapters as marks under the scrubber: a tick where each chapter starts, its title beside it where
 * one row has room (lib/viz/chapters.ts, placeChapterLabels, with the titles' measured widths), else the
 * tick alone with the title as its tooltip and accessible name. Every title is rendered, so it can be
 * measured; one that does not fit is hidden (visibility), not removed. Each mark is a button that goes to the chapter's first step; the chapter
 * the current step is in is marked (aria-current). The ticks line up with the range input's thumb:
 * both use `--mlw-thumb` (chapters.css).
 * @module
 */
import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import { chapterAt, chapterFraction, placeChapterLabels, type ChapterMark } from '../../../lib/viz/chapters';
import { useBoxSize } from '../scenario/useBoxSize';
import './chapters.css';

/** The range input's thumb, as `--mlw-thumb` in chapters.css: the ticks run from half a thumb in on either side. */
const THUMB_PX = 16;

export interface ChapterMarksProps {
  locale: Locale;
  marks: readonly ChapterMark[];
  step: number;
  total: number;
  onStep(step: number): void;
}

export function ChapterMarks({ locale, marks, step, total, onStep }: ChapterMarksProps) {
  const list = useRef<HTMLOListElement>(null);
  const box = useBoxSize(list);
  const titles = marks.map((m) => m.title[locale]);
  const [widths, setWidths] = useState<readonly number[] | null>(null);
  const key = titles.join('\u0000');
  // Measure the titles (their width depends on the font and the presenter's size) whenever they or the track change.
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const next = [...el.querySelectorAll<HTMLElement>('.mlw-chapter-title')].map((t) => t.offsetWidth);
    setWidths((w) => (w && w.length === next.length && w.every((v, i) => v === next[i]) ? w : next));
  }, [key, box]);
  if (marks.length === 0) return null;
  // Until the track is measured (and in the static HTML) only the ticks: a title never overlaps another.
  const places = box && widths ? placeChapterLabels(marks, widths, total, box.width, THUMB_PX / 2) : marks.map(() => ({ shown: false as const }));
  const current = chapterAt(marks, step);
  return (
    <ol ref={list} className="mlw-chapters" aria-label={wt(locale, 'chapters')} data-testid="chapter-marks">
      {marks.map((m, i) => {
        const place = places[i]!;
        const title = titles[i]!;
        const style = { '--mlw-at': chapterFraction(m.step, total) } as CSSProperties;
        return (
          <li key={m.id} className={`mlw-chapter mlw-chapter--${place.shown ? place.align : 'tick'}`} style={style}>
            <button
              type="button"
              className="mlw-chapter-mark"
              aria-label={wt(locale, 'chapterMark', { n: i + 1, count: marks.length, title, step: m.step })}
              title={wt(locale, 'chapterMarkTip', { title, step: m.step })}
              aria-current={current?.id === m.id ? 'step' : undefined}
              data-chapter={m.id}
              onClick={() => onStep(m.step)}
            >
              <span className="mlw-chapter-tick" aria-hidden="true" />
              <span className="mlw-chapter-title" aria-hidden="true">
                {title}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
