'use client';
/** A lesson card's "Done" or "Started" mark, from the progress kept in this browser; nothing for a new lesson. @module */
import type { Locale } from '../../_i18n/locales';
import { course } from '../../_i18n/course';
import { statusOf } from './progress';
import { useProgress } from './useProgress';

export function LessonStatusBadge({ locale, slug }: { locale: Locale; slug: string }) {
  const [progress] = useProgress();
  const status = statusOf(progress, slug);
  if (status === 'new') return null;
  return (
    <span className={`lesson-status lesson-status-${status}`}>
      {status === 'done' ? <span aria-hidden="true">✓ </span> : null}
      {status === 'done' ? course[locale].statusDone : course[locale].statusStarted}
    </span>
  );
}
