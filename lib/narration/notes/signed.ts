/**
 * Narration of the signed-message contrast (modelled): a signature proves forever who wrote what, which OTR avoids on purpose.
 * Each key once, English and German side by side; lib/narration/notes.ts merges the areas.
 * @module
 */
import type { NoteTable } from '../note-table';

export const signedNotes = {
  'signed.key-published': {
    en: '{node}’s client creates its long-term signing key (Ed25519; a modelled scheme, not OpenPGP) and publishes the public half, as people put PGP keys on a key server: {publicKey}. From now on anyone can check what {node} signs — for years.',
    de: 'Der Client von {node} erzeugt seinen langlebigen Signaturschlüssel (Ed25519; modelliert, kein OpenPGP) und veröffentlicht die öffentliche Hälfte, so wie man PGP-Schlüssel auf einen Keyserver legt: {publicKey}. Ab jetzt kann jeder prüfen, was {node} signiert – über Jahre.',
  },
  'signed.message-send': {
    en: '{client}’s client sends “{body}” to {to} in the clear, with a signature over {client}’s JID and the text. The signature hides nothing; it proves to anyone, for good, who wrote exactly these words.',
    de: 'Der Client von {client} schickt „{body}“ im Klartext an {to}, mit einer Signatur über die JID von {client} und den Text. Die Signatur verbirgt nichts; sie beweist jedem und für immer, wer genau diese Worte geschrieben hat.',
  },
  'signed.message-received': {
    en: '{client}’s client checks the signature with {from}’s public key: valid. “{body}” — {client} can now prove to anyone that {from} wrote exactly this. That is what OTR deliberately avoids.',
    de: 'Der Client von {client} prüft die Signatur mit dem öffentlichen Schlüssel von {from}: gültig. „{body}“ – {client} kann jetzt jedem beweisen, dass {from} genau das geschrieben hat. Genau das vermeidet OTR mit Absicht.',
  },
  'signed.message-bad': {
    en: '{client}’s client checks the signature on a message that claims to be from {from}: it does NOT match. “{body}” is not what {from} signed.',
    de: 'Der Client von {client} prüft die Signatur einer Nachricht, die angeblich von {from} stammt: Sie passt NICHT. „{body}“ ist nicht, was {from} signiert hat.',
  },
  'signed.wrong-signer': {
    en: '{client}’s client receives a message from {from} signed in the name of {signer}, and does not show it as {from}’s.',
    de: 'Der Client von {client} erhält von {from} eine Nachricht, die im Namen von {signer} signiert ist, und zeigt sie nicht als Nachricht von {from} an.',
  },
} satisfies NoteTable;
