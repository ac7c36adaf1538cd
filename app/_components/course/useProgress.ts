'use client';
/**
 * The reader's progress from localStorage, shared by every component on the page and kept in step
 * across tabs (the `storage` event). Before hydration and without storage (private mode, blocked
 * cookies) it is empty: the page works the same, it only forgets. @module
 */
import { useCallback, useSyncExternalStore } from 'react';
import { EMPTY, PROGRESS_KEY, parseProgress, serialiseProgress, type Progress } from './progress';

const listeners = new Set<() => void>();
let cache: { raw: string | null; value: Progress } = { raw: null, value: EMPTY };
/** Where progress lives for this page's lifetime when the browser refuses storage. */
let memory: string | null = null;

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(PROGRESS_KEY) ?? memory;
  } catch {
    return memory;
  }
}

function snapshot(): Progress {
  const raw = readRaw();
  if (raw !== cache.raw) cache = { raw, value: parseProgress(raw) };
  return cache.value;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key === PROGRESS_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useProgress(): [Progress, (change: (p: Progress) => Progress) => void] {
  const progress = useSyncExternalStore(subscribe, snapshot, () => EMPTY);
  const update = useCallback((change: (p: Progress) => Progress) => {
    const current = snapshot();
    const next = change(current);
    // Opening a lesson already started changes nothing: no write, no re-render.
    if (next === current) return;
    try {
      window.localStorage.setItem(PROGRESS_KEY, serialiseProgress(next));
    } catch {
      // Storage refused (quota, private mode): this page remembers, the next one will not.
      memory = serialiseProgress(next);
    }
    for (const l of listeners) l();
  }, []);
  return [progress, update];
}
