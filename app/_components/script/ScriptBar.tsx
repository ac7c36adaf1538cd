'use client';
/**
 * The lecture script's controls in presenter mode: where the teacher is ("View 2 of 5"), back, reveal
 * (when the view holds its narration back), next, the teacher's note and leaving the script. The note
 * stays folded by default: a projector usually mirrors the laptop, so whatever opens here the class reads.
 * @module
 */
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import { BackIcon, CloseIcon, ForwardIcon } from '../scenario/Glyphs';
import type { ScriptShow } from './useScriptShow';

export function ScriptBar({ locale, s }: { locale: Locale; s: ScriptShow }) {
  if (!s.show) return null;
  const { index, script } = s.show;
  const note = script.views[index]?.note ?? '';
  return (
    <div className="mlw-scriptbar" role="group" aria-label={wt(locale, 'scriptBar')} data-testid="script-bar">
      <span className="mlw-scriptbar-pos" data-testid="script-position">
        {wt(locale, 'scriptPosition', { i: index + 1, n: script.views.length })}
      </span>
      <button type="button" className="mlw-btn" onClick={() => s.go(index - 1)} disabled={index === 0} aria-label={wt(locale, 'scriptPrev')} title={wt(locale, 'scriptPrev')}>
        <BackIcon />
      </button>
      {s.hidden && (
        <button type="button" className="mlw-btn mlw-btn--text" onClick={s.reveal} data-testid="script-reveal">
          {wt(locale, 'scriptReveal')}
        </button>
      )}
      <button type="button" className="mlw-btn" onClick={() => s.go(index + 1)} disabled={index + 1 >= script.views.length} aria-label={wt(locale, 'scriptNext')} title={wt(locale, 'scriptNext')}>
        <ForwardIcon />
      </button>
      {note && (
        <button type="button" className="mlw-btn mlw-btn--text" aria-expanded={s.noteOpen} onClick={s.toggleNote}>
          {wt(locale, 'scriptNoteShow')}
        </button>
      )}
      <button type="button" className="mlw-btn mlw-btn--text" onClick={s.end}>
        <CloseIcon />
        <span>{wt(locale, 'scriptEnd')}</span>
      </button>
      {note && s.noteOpen && (
        <p className="mlw-scriptbar-note" data-testid="script-note">
          {note}
        </p>
      )}
    </div>
  );
}
