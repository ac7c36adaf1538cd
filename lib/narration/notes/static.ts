/**
 * Narration of the static-key contrast (modelled, not OpenPGP): one long-lived key pair, no forward secrecy.
 * Each key once, English and German side by side; lib/narration/notes.ts merges the areas.
 * @module
 */
import type { NoteTable } from '../note-table';

export const staticNotes = {
  'static.key-generated': {
    en: '{node}’s client creates its static key pair (X25519, modelled, not OpenPGP). It keeps it for years, and every message to {node} will be encrypted to it.',
    de: 'Der Client von {node} erzeugt sein statisches Schlüsselpaar (X25519, modelliert, kein OpenPGP). Er behält es über Jahre, und jede Nachricht an {node} wird damit verschlüsselt.',
  },
  'static.publish-send': {
    en: '{client} sends its static public key to {to} in a message body. Public keys may be read by anyone.',
    de: '{client} schickt {to} seinen statischen öffentlichen Schlüssel im Body einer Nachricht. Öffentliche Schlüssel darf jeder lesen.',
  },
  'static.key-received': {
    en: '{client}’s client stores the static public key of {from}: from now on it can encrypt to {from}.',
    de: 'Der Client von {client} speichert den statischen öffentlichen Schlüssel von {from}: Ab jetzt kann er an {from} verschlüsseln.',
  },
  'static.bad-key': {
    en: '{client}’s client cannot read the public key block from {from}.',
    de: 'Der Client von {client} kann den Schlüsselblock von {from} nicht lesen.',
  },
  'static.no-key': {
    en: '{client} has no public key for {to} yet, so nothing can be encrypted to {to}.',
    de: '{client} hat noch keinen öffentlichen Schlüssel von {to}, also lässt sich nichts an {to} verschlüsseln.',
  },
  'static.message-send': {
    en: '{client}’s client encrypts “{body}” to {to}’s static public key (a fresh X25519 key of its own, HKDF-SHA-256, AES-GCM) and sends the armored block. It stays readable to whoever ever holds {to}’s private key.',
    de: 'Der Client von {client} verschlüsselt „{body}“ mit dem statischen öffentlichen Schlüssel von {to} (ein frischer eigener X25519-Schlüssel, HKDF-SHA-256, AES-GCM) und schickt den Block. Er bleibt lesbar für jeden, der jemals den privaten Schlüssel von {to} besitzt.',
  },
  'static.message-received': {
    en: '{client}’s client decrypts the static-key message from {from} with its long-lived private key: “{body}”',
    de: 'Der Client von {client} entschlüsselt die Nachricht von {from} mit seinem langlebigen privaten Schlüssel: „{body}“',
  },
  'static.unreadable': {
    en: '{client}’s client cannot decrypt the static-key message from {from}.',
    de: 'Der Client von {client} kann die Nachricht von {from} nicht entschlüsseln.',
  },
} satisfies NoteTable;
