'use client';
/**
 * A lecture script being presented, seen from one widget. The presentation (script and position) is in
 * sessionStorage; this widget takes part when the view on screen belongs to its scenario. In presenter
 * mode the clicker walks the script: Page Down/→ reveals a held-back view, else goes to the next view,
 * Page Up/← goes back, R reveals, N shows or hides the teacher's note. A view of the same scenario is
 * shown in place; another scenario's view is opened on its page, with the view in the URL (contract 3).
 * @module
 */
import { useCallback, useEffect, useState } from 'react';
import type { Locale } from '../../_i18n/locales';
import { scriptViewQuery, type ScriptView } from '../../../lib/viz/lecture-script';
import { readShow, writeShow, type Show } from './script-store';

export interface ScriptShow {
  /** Position and size of the script; null when this widget is not presenting one. */
  show: Show | null;
  /** The narration and the Knowledge tab are held back until the teacher reveals them. */
  hidden: boolean;
  noteOpen: boolean;
  go(index: number): void;
  reveal(): void;
  toggleNote(): void;
  end(): void;
  /** Keys in presenter mode; true when the key was the script's. */
  handleKey(key: string): boolean;
}

export function useScriptShow(scenarioId: string, locale: Locale, presenter: boolean, showView: (v: ScriptView) => void): ScriptShow {
  const [show, setShow] = useState<Show | null>(null);
  const [hidden, setHidden] = useState(false);
  const [noteOpen, setNoteOpen] = useState(false);

  // After mount (the page's own URL has been applied by then): is a presentation on this scenario running?
  useEffect(() => {
    const s = readShow();
    if (!s || s.script.views[s.index]?.scenario !== scenarioId) return;
    setShow(s);
    setHidden(!!s.script.views[s.index]?.reveal);
  }, [scenarioId]);

  const go = useCallback(
    (index: number) => {
      const v = show?.script.views[index];
      if (!show || !v) return;
      const next = { script: show.script, index };
      writeShow(next);
      if (v.scenario !== scenarioId) {
        window.location.assign(`/${locale}/scenarios/${v.scenario}/${scriptViewQuery(v)}`);
        return;
      }
      setShow(next);
      setHidden(!!v.reveal);
      setNoteOpen(false);
      showView(v);
    },
    [show, scenarioId, locale, showView],
  );

  const reveal = useCallback(() => setHidden(false), []);
  const toggleNote = useCallback(() => setNoteOpen((o) => !o), []);
  const end = useCallback(() => {
    writeShow(null);
    setShow(null);
    setHidden(false);
    setNoteOpen(false);
  }, []);

  const handleKey = useCallback(
    (key: string): boolean => {
      if (!show || !presenter) return false;
      switch (key) {
        case 'PageDown':
        case 'ArrowRight':
          if (hidden) reveal();
          else go(show.index + 1);
          return true;
        case 'PageUp':
        case 'ArrowLeft':
          go(show.index - 1);
          return true;
        case 'r':
        case 'R':
          reveal();
          return true;
        case 'n':
        case 'N':
          toggleNote();
          return true;
        default:
          return false;
      }
    },
    [show, presenter, hidden, reveal, go, toggleNote],
  );

  return { show, hidden: !!show && hidden, noteOpen, go, reveal, toggleNote, end, handleKey };
}
