/**
 * Narration of the active attackers on a link (lib/attacks): STARTTLS stripping, the SASL downgrade,
 * the TLS man in the middle. Each key once, English and German side by side; lib/narration/notes.ts
 * merges the areas.
 * @module
 */
import type { NoteTable } from '../note-table';

export const attackNotes = {
  'attack.starttls-stripped': {
    en: '{middlebox} cuts the <starttls/> offer out of {server}’s stream features on their way to {client}. The features travel in clear and nothing protects them, so {client}’s client cannot tell this from a server without TLS.',
    de: '{middlebox} schneidet das <starttls/>-Angebot aus den Stream-Features von {server} heraus, bevor sie {client} erreichen. Die Features reisen im Klartext und nichts schützt sie; der Client von {client} kann das nicht von einem Server ohne TLS unterscheiden.',
  },
} satisfies NoteTable;
