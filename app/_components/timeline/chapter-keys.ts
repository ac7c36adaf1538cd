/**
 * The chapter keys: `[` and `]` go to the previous/next chapter start everywhere; PageUp/PageDown do so
 * too, except in presenter mode, where they stay the clicker's previous/next step (presentation clickers
 * send exactly those two keys). Past the last chapter `]` goes to the end, before the first `[` to the
 * start. Pure, so the rule is tested without a browser.
 * @module
 */
import { nextChapterStep, previousChapterStep, type ChapterMark } from '../../../lib/viz/chapters';

/** The step a chapter key goes to, or null when `key` is no chapter key here (the widget then handles it as before). */
export function chapterKeyStep(key: string, presenter: boolean, marks: readonly ChapterMark[], step: number, total: number): number | null {
  if (marks.length === 0) return null;
  const back = key === '[' || (key === 'PageUp' && !presenter);
  const ahead = key === ']' || (key === 'PageDown' && !presenter);
  if (back) return previousChapterStep(marks, step) ?? 0;
  if (ahead) return nextChapterStep(marks, step) ?? total;
  return null;
}

/**
 * A key pressed without Ctrl, Alt or Meta. AltGr counts as plain: on a German keyboard `[` and `]` are
 * AltGr+8 and AltGr+9, which Windows reports as Ctrl+Alt.
 */
export function isPlainKey(e: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; getModifierState?(key: string): boolean }): boolean {
  if (e.metaKey) return false;
  if (!e.altKey && !e.ctrlKey) return true;
  return e.getModifierState?.('AltGraph') === true;
}
