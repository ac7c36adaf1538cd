'use client';
/** The overview's progress line: how many lessons are done, that nothing leaves the browser, and a way to forget (with undo). @module */
import { useState } from 'react';
import { fill, type Locale } from '../../_i18n/locales';
import { course } from '../../_i18n/course';
import { doneCount, EMPTY, type Progress } from './progress';
import { useProgress } from './useProgress';

export function CourseProgress({ locale, slugs }: { locale: Locale; slugs: readonly string[] }) {
  const s = course[locale];
  const [progress, update] = useProgress();
  const [forgotten, setForgotten] = useState<Progress | null>(null);
  const done = doneCount(progress, slugs);
  const any = progress.started.length > 0 || progress.done.length > 0;
  return (
    <div className="course-progress" role="group" aria-label={s.progressLabel}>
      <p>
        {done > 0 ? fill(s.progressSome, { done, total: slugs.length }) : s.progressNone}
      </p>
      {done > 0 ? (
        <progress className="course-progress-bar" max={slugs.length} value={done} aria-label={s.progressLabel} />
      ) : null}
      <p className="course-progress-actions" aria-live="polite">
        {forgotten ? (
          <>
            {s.progressResetDone}{' '}
            <button
              type="button"
              className="button-link"
              onClick={() => {
                update(() => forgotten);
                setForgotten(null);
              }}
            >
              {s.progressUndo}
            </button>
          </>
        ) : any ? (
          <button
            type="button"
            className="button-link"
            onClick={() => {
              setForgotten(progress);
              update(() => EMPTY);
            }}
          >
            {s.progressReset}
          </button>
        ) : null}
      </p>
    </div>
  );
}
