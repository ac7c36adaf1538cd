'use client';
/** At a lesson's end: notes that the reader opened it, and a checkbox to mark it done (kept in this browser only). @module */
import { useEffect, useId } from 'react';
import type { Locale } from '../../_i18n/locales';
import { course } from '../../_i18n/course';
import { markStarted, setDone, statusOf } from './progress';
import { useProgress } from './useProgress';

export function LessonDone({ locale, slug }: { locale: Locale; slug: string }) {
  const s = course[locale];
  const id = useId();
  const [progress, update] = useProgress();
  useEffect(() => update((p) => markStarted(p, slug)), [slug, update]);
  const done = statusOf(progress, slug) === 'done';
  return (
    <p className="lesson-done">
      <input id={id} type="checkbox" checked={done} onChange={(e) => update((p) => setDone(p, slug, e.currentTarget.checked))} />
      <label htmlFor={id}>{s.markDone}</label>
      <span className="lesson-done-note">{s.markDoneNote}</span>
    </p>
  );
}
