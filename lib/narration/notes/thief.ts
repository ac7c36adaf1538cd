/**
 * Narration of what a thief's copy of a device holds (the `keys-stolen` step): OTR session keys, the long-term key, the static key.
 * Each key once, English and German side by side; lib/narration/notes.ts merges the areas.
 * @module
 */
import type { NoteTable } from '../note-table';

export const thiefNotes = {
  'thief.otr-session': {
    en: 'The copy holds the DH keys that {node}’s OTR sessions hold right now: {keys}. Only messages that used one of these keys will open; keys already forgotten are gone for good.',
    de: 'Die Kopie enthält die DH-Schlüssel, die die OTR-Sitzungen von {node} gerade halten: {keys}. Nur Nachrichten, die einen dieser Schlüssel benutzt haben, lassen sich öffnen; bereits vergessene Schlüssel sind endgültig weg.',
  },
  'thief.otr-session-empty': {
    en: 'The copy holds no OTR session keys: {node} has none right now. Every DH key was forgotten, after its round trip or when the conversation ended.',
    de: 'Die Kopie enthält keine OTR-Sitzungsschlüssel: {node} hat gerade keine. Jeder DH-Schlüssel wurde vergessen, nach seinem Hin und Zurück oder am Ende der Unterhaltung.',
  },
  'thief.long-term-keys': {
    en: 'The copy holds {node}’s long-term OTR key (fingerprint {fingerprint}). It only ever signed key exchanges, so it decrypts nothing that was recorded. With it the thief could pose as {node} in a new key exchange.',
    de: 'Die Kopie enthält den langlebigen OTR-Schlüssel von {node} (Fingerabdruck {fingerprint}). Er hat immer nur Schlüsselaustausche signiert, entschlüsselt also nichts Aufgezeichnetes. Mit ihm könnte sich der Dieb in einem neuen Schlüsselaustausch als {node} ausgeben.',
  },
  'thief.long-term-keys-none': {
    en: '{node} has no long-term OTR key yet; there is none to copy.',
    de: '{node} hat noch keinen langlebigen OTR-Schlüssel; es gibt keinen zu kopieren.',
  },
  'thief.static-key': {
    en: 'The copy holds {node}’s static private key: the key that every static-key message to {node} was encrypted to, past and future.',
    de: 'Die Kopie enthält den statischen privaten Schlüssel von {node}: den Schlüssel, an den jede Nachricht mit statischem Schlüssel an {node} verschlüsselt wurde – vergangene wie künftige.',
  },
  'thief.static-key-none': {
    en: '{node} has no static key to copy.',
    de: '{node} hat keinen statischen Schlüssel zum Kopieren.',
  },
} satisfies NoteTable;
