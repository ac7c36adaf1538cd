/**
 * Course progress as plain data: which lessons a reader opened and which she marked as done, by slug
 * (the same in every language). Kept in localStorage only — never sent anywhere. A value written by an
 * older version, edited by hand or cut short parses to what can be read of it, never to an exception.
 * @module
 */

export interface Progress {
  /** Slugs of lessons opened at least once. */
  started: string[];
  /** Slugs of lessons marked as done. */
  done: string[];
}

export const PROGRESS_KEY = 'ml:progress:v1';
export const EMPTY: Progress = { started: [], done: [] };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUGS = 200;

function slugList(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return [...new Set(v.filter((s): s is string => typeof s === 'string' && SLUG.test(s)))].slice(0, MAX_SLUGS);
}

/** Reads a stored value; anything unreadable counts as no progress. */
export function parseProgress(raw: string | null): Progress {
  if (raw === null) return EMPTY;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return EMPTY;
  }
  if (typeof data !== 'object' || data === null) return EMPTY;
  const { started, done } = data as Record<string, unknown>;
  return { started: slugList(started), done: slugList(done) };
}

export const serialiseProgress = (p: Progress): string => JSON.stringify({ started: p.started, done: p.done });

export function markStarted(p: Progress, slug: string): Progress {
  return p.started.includes(slug) ? p : { ...p, started: [...p.started, slug] };
}

export function setDone(p: Progress, slug: string, done: boolean): Progress {
  const has = p.done.includes(slug);
  if (has === done) return p;
  return { started: markStarted(p, slug).started, done: done ? [...p.done, slug] : p.done.filter((s) => s !== slug) };
}

export type LessonStatus = 'done' | 'started' | 'new';

export const statusOf = (p: Progress, slug: string): LessonStatus =>
  p.done.includes(slug) ? 'done' : p.started.includes(slug) ? 'started' : 'new';

/** Lessons of this course marked done (a slug of a lesson that no longer exists does not count). */
export const doneCount = (p: Progress, slugs: readonly string[]): number => slugs.filter((s) => p.done.includes(s)).length;
