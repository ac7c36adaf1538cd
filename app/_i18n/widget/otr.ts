/** The scenario widget's strings for the OTR dissection of a message in the Inspector and its fields; each key once, English and German side by side. @module */
import type { BilingualTable } from '../locales';

export const otrStrings = {
  otrTitle: {
    en: 'OTR message',
    de: 'OTR-Nachricht',
  },
  otrHeader: {
    en: '{type}, protocol version {version}',
    de: '{type}, Protokollversion {version}',
  },
  otrInstances: {
    en: 'Instance tags',
    de: 'Instance-Tags',
  },
  otrInstancesValue: {
    en: 'sender {sender} → receiver {receiver}',
    de: 'Absender {sender} → Empfänger {receiver}',
  },
  otrBytes: {
    en: '{n} bytes',
    de: '{n} Bytes',
  },
  otrNoKeys: {
    en: 'none',
    de: 'keine',
  },
  otrQuery: {
    en: 'Query message: offers OTR version {versions}',
    de: 'Anfrage (Query Message): bietet OTR-Version {versions} an',
  },
  otrError: {
    en: 'OTR error message: “{error}”',
    de: 'OTR-Fehlermeldung: „{error}“',
  },
  otrFragment: {
    en: 'Fragment {k} of {n} of a longer OTR message',
    de: 'Fragment {k} von {n} einer längeren OTR-Nachricht',
  },
  otrPlain: {
    en: 'Plain text without OTR',
    de: 'Klartext ohne OTR',
  },
  otrWhitespace: {
    en: 'Plain text with a whitespace tag: offers OTR version {versions}',
    de: 'Klartext mit Whitespace-Tag: bietet OTR-Version {versions} an',
  },
  otrMalformed: {
    en: 'Not a readable OTR message: {reason}',
    de: 'Keine lesbare OTR-Nachricht: {reason}',
  },
  otrReads: {
    en: 'What {who} reads:',
    de: 'Was {who} liest:',
  },
  otrLocked: {
    en: '{who} cannot read it: without the session keys these bytes are ciphertext.',
    de: '{who} kann sie nicht lesen: Ohne die Sitzungsschlüssel sind diese Bytes Geheimtext.',
  },
  otrRelayed: {
    en: 'Encrypted end to end: {who} passes on ciphertext it cannot read. Choose a lens (“Seen by”) to see who can.',
    de: 'Ende-zu-Ende-verschlüsselt: {who} gibt Geheimtext weiter, den er nicht lesen kann. Unter „Sicht von“ lässt sich wählen, wer mitliest.',
  },
  otrRevealedNote: {
    en: 'Anyone who sees this message now holds these MAC keys and could forge old messages with them: that is what makes OTR deniable.',
    de: 'Wer diese Nachricht sieht, hat jetzt diese MAC-Schlüssel und könnte damit alte Nachrichten fälschen: Genau das macht OTR abstreitbar.',
  },
  otrAkeNote: {
    en: 'Part of the authenticated key exchange (AKE): no message text travels here.',
    de: 'Teil des authentifizierten Schlüsselaustauschs (AKE): Hier ist kein Nachrichtentext unterwegs.',
  },
  fEncGx: {
    en: 'Encrypted g^x (AES, key r)',
    de: 'Verschlüsseltes g^x (AES, Schlüssel r)',
  },
  fHashGx: {
    en: 'SHA-256 hash of g^x',
    de: 'SHA-256-Hash von g^x',
  },
  fGy: {
    en: 'g^y',
    de: 'g^y',
  },
  fRevealedR: {
    en: 'Revealed key r',
    de: 'Offengelegter Schlüssel r',
  },
  fEncSig: {
    en: 'Encrypted signature',
    de: 'Verschlüsselte Signatur',
  },
  fMacSig: {
    en: 'MAC of the signature',
    de: 'MAC der Signatur',
  },
  fFlags: {
    en: 'Flags',
    de: 'Flags',
  },
  fSenderKeyid: {
    en: 'Sender key id',
    de: 'Schlüssel-ID des Absenders',
  },
  fRcptKeyid: {
    en: 'Recipient key id',
    de: 'Schlüssel-ID des Empfängers',
  },
  fNextDh: {
    en: 'Sender’s next DH public key',
    de: 'Nächster öffentlicher DH-Schlüssel des Absenders',
  },
  fCounter: {
    en: 'Counter (top half of CTR)',
    de: 'Zähler (obere Hälfte von CTR)',
  },
  fEncMsg: {
    en: 'Encrypted message (AES-128-CTR)',
    de: 'Verschlüsselte Nachricht (AES-128-CTR)',
  },
  fMac: {
    en: 'MAC (HMAC-SHA1)',
    de: 'MAC (HMAC-SHA1)',
  },
  fOldMacs: {
    en: 'Old MAC keys revealed',
    de: 'Offengelegte alte MAC-Schlüssel',
  },
} satisfies BilingualTable;
