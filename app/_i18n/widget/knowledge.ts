/** The scenario widget's strings for the knowledge lens ("Seen by"), the observer kinds and the Knowledge tab, with the forger's rows; each key once, English and German side by side. @module */
import type { BilingualTable } from '../locales';

export const knowledgeStrings = {
  lensLabel: {
    en: 'Seen by',
    de: 'Sicht von',
  },
  lensAll: {
    en: 'everyone: show all',
    de: 'allen: alles zeigen',
  },
  lensOption: {
    en: '{kind}: {name}',
    de: '{kind}: {name}',
  },
  lensActive: {
    en: 'The diagrams dim what {who} did not see.',
    de: 'Die Diagramme blenden ab, was {who} nicht gesehen hat.',
  },
  lensTlsRecord: {
    en: 'TLS record, {n} B',
    de: 'TLS-Record, {n} B',
  },
  lensSealedBytes: {
    en: 'sealed, {n} B',
    de: 'versiegelt, {n} B',
  },
  lensUnseenEvent: {
    en: 'not seen',
    de: 'nicht gesehen',
  },
  lensSealed: {
    en: 'Seen by {who}: {n} more layers inside need the key “{key}”, which {who} does not hold, so what they carry stays hidden here.',
    de: 'Aus Sicht von {who}: {n} weitere Schichten darin brauchen den Schlüssel „{key}“, den {who} nicht hat; was sie tragen, bleibt hier verborgen.',
  },
  lensSealedOne: {
    en: 'Seen by {who}: one more layer inside needs the key “{key}”, which {who} does not hold, so what it carries stays hidden here.',
    de: 'Aus Sicht von {who}: eine weitere Schicht darin braucht den Schlüssel „{key}“, den {who} nicht hat; was sie trägt, bleibt hier verborgen.',
  },
  lensEncrypted: {
    en: 'On this link the bytes are a TLS record: ciphertext under the key “{key}”, which {who} does not hold. {who} sees its length and the two addresses, nothing of what it carries.',
    de: 'Auf dieser Leitung sind die Bytes ein TLS-Record: Geheimtext unter dem Schlüssel „{key}“, den {who} nicht hat. {who} sieht seine Länge und die beiden Adressen, nichts von dem, was er trägt.',
  },
  lensNotSeen: {
    en: '{who} did not see this step: nothing of it reaches {who}.',
    de: '{who} hat diesen Schritt nicht gesehen: nichts davon kommt bei {who} an.',
  },
  lensFailed: {
    en: 'The observers of this scenario could not be listed, so “Seen by” is missing. The error: {message}',
    de: 'Die Beobachter dieses Szenarios ließen sich nicht ermitteln, deshalb fehlt „Sicht von“. Der Fehler: {message}',
  },
  kindClient: {
    en: 'Client',
    de: 'Client',
  },
  kindServer: {
    en: 'Server',
    de: 'Server',
  },
  kindTap: {
    en: 'Eavesdropper on a link',
    de: 'Lauscher auf einer Leitung',
  },
  kindOperator: {
    en: 'Server operator (logs)',
    de: 'Serverbetreiber (Logs)',
  },
  kindThief: {
    en: 'Key thief',
    de: 'Schlüsseldieb',
  },
  kindForger: {
    en: 'Forger',
    de: 'Fälscher',
  },
  tabKnowledge: {
    en: 'Knowledge',
    de: 'Wissen',
  },
  knowPick: {
    en: 'Whose knowledge',
    de: 'Wessen Wissen',
  },
  knowNone: {
    en: 'Choose an observer: the tab lists what it has learned by the current step.',
    de: 'Wählen Sie einen Beobachter: Der Reiter zeigt, was er bis zum aktuellen Schritt erfahren hat.',
  },
  knowSummary: {
    en: 'By step {step}, {who} has seen {events} events ({bytes} bytes) and {messages} messages, key exchanges included.',
    de: 'Bis Schritt {step} hat {who} {events} Ereignisse ({bytes} Bytes) und {messages} Nachrichten gesehen, Schlüsselaustausch eingeschlossen.',
  },
  knowHeadNone: {
    en: '{who} has seen no message with text yet.',
    de: '{who} hat noch keine Nachricht mit Text gesehen.',
  },
  knowHeadAll: {
    en: '{who} reads all {total} messages with text',
    de: '{who} liest alle {total} Nachrichten mit Text',
  },
  knowHeadAllOne: {
    en: '{who} reads the one message with text',
    de: '{who} liest die eine Nachricht mit Text',
  },
  knowHeadSome: {
    en: '{who} reads {read} of the {total} messages with text',
    de: '{who} liest {read} der {total} Nachrichten mit Text',
  },
  knowHeadZero: {
    en: '{who} reads none of the {total} messages with text',
    de: '{who} liest keine der {total} Nachrichten mit Text',
  },
  knowFamPlainOne: {
    en: 'the message without end-to-end encryption',
    de: 'die Nachricht ohne Ende-zu-Ende-Verschlüsselung',
  },
  knowFamPlainAll: {
    en: 'the {n} messages without end-to-end encryption',
    de: 'die {n} Nachrichten ohne Ende-zu-Ende-Verschlüsselung',
  },
  knowFamPlainSome: {
    en: '{r} of the {n} messages without end-to-end encryption',
    de: '{r} der {n} Nachrichten ohne Ende-zu-Ende-Verschlüsselung',
  },
  knowFamOtrOne: {
    en: 'the OTR message',
    de: 'die OTR-Nachricht',
  },
  knowFamOtrAll: {
    en: 'the {n} OTR messages',
    de: 'die {n} OTR-Nachrichten',
  },
  knowFamOtrSome: {
    en: '{r} of the {n} OTR messages',
    de: '{r} der {n} OTR-Nachrichten',
  },
  knowFamStaticOne: {
    en: 'the static-key message',
    de: 'die Nachricht mit statischem Schlüssel',
  },
  knowFamStaticAll: {
    en: 'the {n} static-key messages',
    de: 'die {n} Nachrichten mit statischem Schlüssel',
  },
  knowFamStaticSome: {
    en: '{r} of the {n} static-key messages',
    de: '{r} der {n} Nachrichten mit statischem Schlüssel',
  },
  knowWhyOwnKeys: {
    en: 'opened with its own keys',
    de: 'mit den eigenen Schlüsseln geöffnet',
  },
  knowWhyStolenKeys: {
    en: 'opened with the stolen keys',
    de: 'mit den gestohlenen Schlüsseln geöffnet',
  },
  knowWhyRelay: {
    en: 'decrypted by its relay in the middle',
    de: 'von seinem Relay in der Mitte entschlüsselt',
  },
  knowClosedOne: {
    en: '{what} stays closed: {why}.',
    de: '{what} bleibt verschlossen: {why}.',
  },
  knowClosedMany: {
    en: '{what} stay closed: {why}.',
    de: '{what} bleiben verschlossen: {why}.',
  },
  knowWhySealed: {
    en: 'TLS seals them on this link',
    de: 'TLS versiegelt sie auf dieser Leitung',
  },
  knowWhyLogs: {
    en: 'the server’s logs keep no message text',
    de: 'die Logs des Servers enthalten keinen Nachrichtentext',
  },
  knowWhyNoKey: {
    en: 'no key {who} holds fits',
    de: 'kein Schlüssel, den {who} hat, passt',
  },
  knowWhySignsOnly: {
    en: 'the long-term OTR keys {who} stole only sign, they open nothing',
    de: 'die OTR-Langzeitschlüssel, die {who} gestohlen hat, signieren nur und öffnen nichts',
  },
  knowReadableOnly: {
    en: 'Readable only',
    de: 'Nur lesbare',
  },
  knowShowing: {
    en: 'Showing {shown} of {total} messages.',
    de: '{shown} von {total} Nachrichten angezeigt.',
  },
  knowNoneReadable: {
    en: 'Nothing readable yet: switch “Readable only” off to see every message.',
    de: 'Noch nichts lesbar: Schalten Sie „Nur lesbare“ aus, um alle Nachrichten zu sehen.',
  },
  keyOtrDh: {
    en: '{owner} OTR DH key #{n}, for the session with {peer}',
    de: '{owner} OTR-DH-Schlüssel Nr. {n} für die Sitzung mit {peer}',
  },
  keyOtrDsa: {
    en: '{owner} long-term OTR key (DSA)',
    de: '{owner} OTR-Langzeitschlüssel (DSA)',
  },
  keyStatic: {
    en: '{owner} static key',
    de: '{owner} statischer Schlüssel',
  },
  keyTlsLink: {
    en: 'TLS key of the link {a} ↔ {b}',
    de: 'TLS-Schlüssel der Verbindung {a} ↔ {b}',
  },
  keyTlsS2s: {
    en: 'TLS key of the server connection {from} → {to}',
    de: 'TLS-Schlüssel der Serververbindung {from} → {to}',
  },
  knowFailed: {
    en: 'Nothing to show for {who}.',
    de: 'Für {who} gibt es nichts zu zeigen.',
  },
  knowMessages: {
    en: 'Messages',
    de: 'Nachrichten',
  },
  knowNoMessages: {
    en: 'No message has passed this observer yet.',
    de: 'An diesem Beobachter ist noch keine Nachricht vorbeigekommen.',
  },
  knowLocked: {
    en: 'cannot read',
    de: 'nicht lesbar',
  },
  knowLockedLong: {
    en: 'cannot read: {bytes} bytes of ciphertext',
    de: 'nicht lesbar: {bytes} Bytes Geheimtext',
  },
  knowMetadata: {
    en: 'Metadata',
    de: 'Metadaten',
  },
  knowAddresses: {
    en: 'IP addresses',
    de: 'IP-Adressen',
  },
  knowJids: {
    en: 'Addresses (JIDs)',
    de: 'Adressen (JIDs)',
  },
  knowContacts: {
    en: 'Who writes to whom',
    de: 'Wer schreibt wem',
  },
  knowContact: {
    en: '{from} → {to}: {n}×',
    de: '{from} → {to}: {n}×',
  },
  knowPresence: {
    en: 'Online (presence)',
    de: 'Online (Präsenz)',
  },
  knowCredentials: {
    en: 'Passwords',
    de: 'Passwörter',
  },
  knowKeys: {
    en: 'Keys held',
    de: 'Vorhandene Schlüssel',
  },
  knowSealed: {
    en: 'Encrypted records it could not open',
    de: 'Verschlüsselte Records, die er nicht öffnen konnte',
  },
  knowNothing: {
    en: 'nothing yet',
    de: 'noch nichts',
  },
  knowMore: {
    en: 'More',
    de: 'Weiteres',
  },
  knowColContent: {
    en: 'Content',
    de: 'Inhalt',
  },
  knowColSize: {
    en: 'Size',
    de: 'Größe',
  },
  knowThiefBefore: {
    en: 'The theft comes at {time} ms ({nodes}): until then the recording stays closed.',
    de: 'Der Diebstahl kommt bei {time} ms ({nodes}): Bis dahin bleibt die Aufzeichnung verschlossen.',
  },
  knowThiefAfter: {
    en: 'Stolen at {time} ms from {nodes}: the recording opens wherever the stolen keys fit — and nowhere else.',
    de: 'Gestohlen bei {time} ms von {nodes}: Die Aufzeichnung öffnet sich, wo die gestohlenen Schlüssel passen – und nirgends sonst.',
  },
  knowAke: {
    en: 'key exchange ({name}): no message text',
    de: 'Schlüsselaustausch ({name}): kein Nachrichtentext',
  },
  knowQuery: {
    en: 'OTR query: asks for a private conversation',
    de: 'OTR-Anfrage: bittet um eine private Unterhaltung',
  },
  knowOtrError: {
    en: 'OTR error message',
    de: 'OTR-Fehlermeldung',
  },
  knowStaticKey: {
    en: 'a static public key',
    de: 'ein statischer öffentlicher Schlüssel',
  },
  knowEmpty: {
    en: 'no text: a control message (SMP, end of conversation, heartbeat)',
    de: 'kein Text: eine Steuernachricht (SMP, Ende der Unterhaltung, Heartbeat)',
  },
  knowKeyids: {
    en: 'keys {keys}',
    de: 'Schlüssel {keys}',
  },
  knowRecorded: {
    en: 'Recorded for forging',
    de: 'Zum Fälschen mitgeschnitten',
  },
  knowRecSignedOk: {
    en: 'Step {step}, {from} → {to}: {text}, signed by {signer} — the signature is valid',
    de: 'Schritt {step}, {from} → {to}: {text}, signiert von {signer} – die Signatur ist gültig',
  },
  knowRecSignedBad: {
    en: 'Step {step}, {from} → {to}: {text}, signed by {signer} — the signature is not valid',
    de: 'Schritt {step}, {from} → {to}: {text}, signiert von {signer} – die Signatur ist ungültig',
  },
  knowRecOtrKey: {
    en: 'Step {step}, {from} → {to}: OTR data message — its MAC key was published at step {at}: {key}',
    de: 'Schritt {step}, {from} → {to}: OTR-Datennachricht – ihr MAC-Schlüssel wurde in Schritt {at} veröffentlicht: {key}',
  },
  knowRecOtrNoKey: {
    en: 'Step {step}, {from} → {to}: OTR data message — its MAC key has not been published',
    de: 'Schritt {step}, {from} → {to}: OTR-Datennachricht – ihr MAC-Schlüssel ist nicht veröffentlicht',
  },
  knowRecReveals: {
    en: '(it publishes old MAC keys: {keys})',
    de: '(sie veröffentlicht alte MAC-Schlüssel: {keys})',
  },
  knowForgerSection: {
    en: 'Forgeries and recording',
    de: 'Fälschungen und Mitschnitt',
  },
  knowForgeries: {
    en: 'Forgeries',
    de: 'Fälschungen',
  },
  knowForged: {
    en: 'Forged: {claims} (step {step}) — {verdict}',
    de: 'Gefälscht: {claims} (Schritt {step}) – {verdict}',
  },
  knowForgedMacOk: {
    en: 'the MAC checks out with the key published at step {at}: indistinguishable from the real message',
    de: 'der MAC stimmt mit dem in Schritt {at} veröffentlichten Schlüssel: von der echten Nachricht nicht zu unterscheiden',
  },
  knowForgedMacBad: {
    en: 'the MAC fails: the forgery is exposed',
    de: 'der MAC passt nicht: Die Fälschung fliegt auf',
  },
  knowForgedSigBad: {
    en: 'the signature fails: the forgery is exposed',
    de: 'die Signatur passt nicht: Die Fälschung fliegt auf',
  },
  knowForgedSigOk: {
    en: 'the signature still checks out',
    de: 'die Signatur stimmt trotzdem',
  },
  knowForgeFailed: {
    en: 'Not forged: {find} → {replace} (step {step}) — {reason}',
    de: 'Nicht gefälscht: {find} → {replace} (Schritt {step}) – {reason}',
  },
  knowForgeUnrecorded: {
    en: 'Not forged: {find} → {replace} — {reason}',
    de: 'Nicht gefälscht: {find} → {replace} – {reason}',
  },
  knowForgeNoMessage: {
    en: 'not possible yet: the message has not been recorded',
    de: 'noch nicht möglich: Die Nachricht ist noch nicht mitgeschnitten',
  },
  knowForgeNoMacKey: {
    en: 'not possible yet: the MAC key has not been published',
    de: 'noch nicht möglich: Der MAC-Schlüssel ist noch nicht veröffentlicht',
  },
  knowForgeNoText: {
    en: 'not possible: the text to replace is not in the message',
    de: 'nicht möglich: Der zu ersetzende Text steht nicht in der Nachricht',
  },
  knowForgeOutside: {
    en: 'not possible: that text lies beyond the end of the message',
    de: 'nicht möglich: Die Stelle liegt hinter dem Ende der Nachricht',
  },
  knowForgeLength: {
    en: 'not possible: the replacement must be exactly as long as the original',
    de: 'nicht möglich: Der Ersatz muss genau so lang sein wie das Original',
  },
} satisfies BilingualTable;
