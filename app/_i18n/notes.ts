/** The engine's narration dictionary (lib/narration/notes.ts), exposed to the UI with the site's locales. */
import { formatNote as formatEngineNote, notes as engineNotes } from '@/lib/narration/notes';
import type { Note } from '@/lib/sim/types';
import type { Dictionary, Locale } from './locales';

export const notes: Dictionary = engineNotes;

export function formatNote(note: Note, locale: Locale): string {
  return formatEngineNote(note, locale);
}
