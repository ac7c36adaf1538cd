/**
 * The shape of a narration area file (lib/narration/notes/*.ts): every note key once, with its sentence
 * in every language side by side. `satisfies NoteTable` makes a key with one language missing (or an
 * unknown one added) a type error, so no sentence can exist in English only.
 * @module
 */

export type NoteLocale = 'en' | 'de';

/** One sentence in every language. `{name}` is a parameter; `{count:one|# many}` picks by the count. */
export type NoteText = Readonly<Record<NoteLocale, string>>;

export type NoteTable = Readonly<Record<string, NoteText>>;
