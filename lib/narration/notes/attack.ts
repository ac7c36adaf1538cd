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
  'attack.sasl-downgraded': {
    en: '{middlebox} removes every SCRAM mechanism from {server}’s offer on its way to {client}: only PLAIN is left in the list. The offer travels in clear and nothing protects it.',
    de: '{middlebox} entfernt jeden SCRAM-Mechanismus aus dem Angebot von {server}, bevor es {client} erreicht: Nur PLAIN bleibt in der Liste. Das Angebot reist im Klartext und nichts schützt es.',
  },
  'attack.downgrade-and-strip': {
    en: '{middlebox} cuts two things out of {server}’s features on their way to {client}: the <starttls/> offer and every SCRAM mechanism. What arrives looks like a server without TLS that only knows PLAIN.',
    de: '{middlebox} schneidet zweierlei aus den Features von {server} heraus, bevor sie {client} erreichen: das <starttls/>-Angebot und jeden SCRAM-Mechanismus. Was ankommt, sieht aus wie ein Server ohne TLS, der nur PLAIN kennt.',
  },
  'attack.downgrade-blind': {
    en: '{middlebox} meets a TLS record from {from} to {to}: from here on it cannot read the mechanism list, let alone change it without breaking the record’s authentication tag. It lets everything pass.',
    de: '{middlebox} trifft auf einen TLS-Record von {from} an {to}: Ab hier kann er die Mechanismenliste nicht mehr lesen, geschweige denn ändern, ohne das Authentifizierungs-Tag des Records zu brechen. Er lässt alles durch.',
  },
} satisfies NoteTable;
