/**
 * Narration of the modelled TLS 1.3 handshake and its records.
 * Each key once, English and German side by side; lib/narration/notes.ts merges the areas.
 * @module
 */
import type { NoteTable } from '../note-table';

export const tlsNotes = {
  'tls.client-hello': {
    en: '{node} sends a ClientHello: random bytes and a fresh X25519 key share, in clear (a modelled TLS 1.3 handshake).',
    de: '{node} sendet ein ClientHello: Zufallsbytes und einen frischen X25519-Schlüsselanteil, im Klartext (ein modellierter TLS-1.3-Handshake).',
  },
  'tls.server-hello': {
    en: '{node} answers with a ServerHello and its own key share. Both sides can now compute the same secret; a listener who saw both hellos cannot.',
    de: '{node} antwortet mit einem ServerHello und seinem eigenen Schlüsselanteil. Beide Seiten können nun dasselbe Geheimnis berechnen; wer beide Hellos mitgelesen hat, kann es nicht.',
  },
  'tls.established': {
    en: '{node} and {peer} now hold the keys {keyName} ({cipher}). Everything after this is encrypted on this link — and only on this link.',
    de: '{node} und {peer} besitzen jetzt die Schlüssel {keyName} ({cipher}). Alles Weitere ist auf dieser Leitung verschlüsselt – und nur auf dieser.',
  },
  'tls.failed': {
    en: 'A TLS record between {node} and {peer} does not decrypt; the connection is dropped.',
    de: 'Ein TLS-Record zwischen {node} und {peer} lässt sich nicht entschlüsseln; die Verbindung wird abgebrochen.',
  },
} satisfies NoteTable;
