/**
 * Narration of Off-the-Record messaging in the client: AKE, data messages, SMP, DH keys made and forgotten.
 * Each key once, English and German side by side; lib/narration/notes.ts merges the areas.
 * @module
 */
import type { NoteTable } from '../note-table';

export const otrNotes = {
  'otr.long-term-key': {
    en: '{node}’s client creates its long-term OTR key (DSA, 1024 bits) the first time it needs one, and keeps it. Fingerprint: {fingerprint}. It is used only to sign the key exchange, never to encrypt.',
    de: 'Der Client von {node} erzeugt seinen langlebigen OTR-Schlüssel (DSA, 1024 Bit), sobald er ihn zum ersten Mal braucht, und behält ihn. Fingerabdruck: {fingerprint}. Er dient nur zum Signieren des Schlüsselaustauschs, nie zum Verschlüsseln.',
  },
  'otr.query-send': {
    en: '{client}’s client asks {to} for an OTR conversation. The body is the Query Message “?OTRv23?” (versions 2 and 3), plus a line for people whose client has no OTR.',
    de: 'Der Client von {client} bittet {to} um eine OTR-Unterhaltung. Im Body steht die Query Message „?OTRv23?“ (Versionen 2 und 3) und eine Zeile für alle, deren Client kein OTR kann.',
  },
  'otr.query-send-plain-link': {
    en: '{client}’s client asks {to} for an OTR conversation: the body is the Query Message “?OTRv23?” (versions 2 and 3). This link has no TLS, on purpose: you see exactly what OTR alone protects. A tap reads addresses, times and the OTR text — never what was said.',
    de: 'Der Client von {client} bittet {to} um eine OTR-Unterhaltung: Im Body steht die Query Message „?OTRv23?“ (Versionen 2 und 3). Diese Leitung hat absichtlich kein TLS: So sehen Sie genau, was OTR allein schützt. Ein Lauscher liest Adressen, Zeiten und den OTR-Text – nie, was gesagt wurde.',
  },
  'otr.dh-commit-send': {
    en: '{client}’s client accepts and starts the authenticated key exchange (AKE) with a D-H Commit: its DH public key g^x, encrypted with a random key r, and the hash of g^x. {client} commits to g^x without showing it, so it cannot choose it after seeing {to}’s key.',
    de: 'Der Client von {client} nimmt an und beginnt den authentifizierten Schlüsselaustausch (AKE) mit einem D-H Commit: seinem öffentlichen DH-Schlüssel g^x, verschlüsselt mit einem Zufallsschlüssel r, und dem Hash von g^x. {client} legt sich auf g^x fest, ohne es zu zeigen – so kann es g^x nicht erst wählen, nachdem es den Schlüssel von {to} gesehen hat.',
  },
  'otr.dh-key-send': {
    en: '{client}’s client answers with its own DH public key g^y, in the clear (D-H Key). That is safe: without the private exponent y, g^y gives a listener nothing.',
    de: 'Der Client von {client} antwortet mit seinem eigenen öffentlichen DH-Schlüssel g^y, im Klartext (D-H Key). Das ist ungefährlich: Ohne den geheimen Exponenten y nützt g^y einem Lauscher nichts.',
  },
  'otr.reveal-signature-send': {
    en: '{client} reveals r: {to} can now decrypt g^x and check it against the hash, and both compute the same secret s. Encrypted under a key from s, {client} sends its long-term public key, its key id and a signature over both DH keys: proof that the owner of this DSA key chose g^x for this very exchange.',
    de: '{client} legt r offen: {to} kann jetzt g^x entschlüsseln und mit dem Hash vergleichen, und beide berechnen dasselbe Geheimnis s. Verschlüsselt mit einem Schlüssel aus s schickt {client} seinen langlebigen öffentlichen Schlüssel, seine Schlüssel-ID und eine Signatur über beide DH-Schlüssel: der Beweis, dass der Inhaber dieses DSA-Schlüssels g^x für genau diesen Austausch gewählt hat.',
  },
  'otr.signature-send': {
    en: '{client} answers with its own long-term public key and its signature over both DH keys, encrypted and MACed with keys from s. Once {to} checks it, both know whose key is at the other end. Signatures appear only here; every message after this is authenticated with MACs, which either side could have made.',
    de: '{client} antwortet mit dem eigenen langlebigen öffentlichen Schlüssel und seiner Signatur über beide DH-Schlüssel, verschlüsselt und mit MAC geschützt durch Schlüssel aus s. Sobald {to} sie geprüft hat, wissen beide, wessen Schlüssel am anderen Ende ist. Signaturen kommen nur hier vor; jede weitere Nachricht ist mit MACs authentisiert, die jede der beiden Seiten hätte berechnen können.',
  },
  'otr.error-send': {
    en: '{client}’s client sends an OTR error message to {to}: “{error}”',
    de: 'Der Client von {client} schickt {to} eine OTR-Fehlermeldung: „{error}“',
  },
  'otr.other-send': {
    en: '{client}’s client sends an OTR message to {to}.',
    de: 'Der Client von {client} schickt {to} eine OTR-Nachricht.',
  },
  'otr.text-send': {
    en: '{client}’s client encrypts “{body}” for {to}: AES-128-CTR under a key from {client}’s DH key #{senderKeyid} and {to}’s key #{recipientKeyid}, plus an HMAC-SHA1. {client}’s next public key, #{nextKeyid}, rides along. The keys change per round trip, not per message: until {to} answers using #{nextKeyid}, {client} keeps sending with #{senderKeyid}.',
    de: 'Der Client von {client} verschlüsselt „{body}“ für {to}: AES-128-CTR mit einem Schlüssel aus dem DH-Schlüssel #{senderKeyid} von {client} und dem Schlüssel #{recipientKeyid} von {to}, dazu ein HMAC-SHA1. Der nächste öffentliche Schlüssel von {client}, #{nextKeyid}, fährt mit. Die Schlüssel wechseln pro Hin und Zurück, nicht pro Nachricht: Bis {to} mit #{nextKeyid} antwortet, sendet {client} weiter mit #{senderKeyid}.',
  },
  'otr.end-send': {
    en: '{client} ends the private conversation: one last encrypted message carrying TLV 1 (“disconnected”, keys {senderKeyid}/{recipientKeyid}); then the client forgets every session key it held for {to}.',
    de: '{client} beendet die private Unterhaltung: eine letzte verschlüsselte Nachricht mit TLV 1 („disconnected“, Schlüssel {senderKeyid}/{recipientKeyid}); danach vergisst der Client jeden Sitzungsschlüssel, den er für {to} hatte.',
  },
  'otr.smp1-send': {
    en: '{client} starts the Socialist Millionaires’ Protocol (SMP message 1, inside an encrypted data message). It proves knowledge of a shared secret without revealing it; both fingerprints and the session id are mixed into the secret, so a man in the middle makes it fail.',
    de: '{client} startet das Socialist Millionaires’ Protocol (SMP-Nachricht 1, in einer verschlüsselten Datennachricht). Es beweist die Kenntnis eines gemeinsamen Geheimnisses, ohne es preiszugeben; beide Fingerabdrücke und die Sitzungs-ID fließen ins Geheimnis ein, also lässt ein Mann in der Mitte es scheitern.',
  },
  'otr.smp1q-send': {
    en: '{client} starts the Socialist Millionaires’ Protocol with the question “{question}” (SMP message 1, inside an encrypted data message). The answer is never sent; both fingerprints and the session id are mixed into it, so a man in the middle makes it fail.',
    de: '{client} startet das Socialist Millionaires’ Protocol mit der Frage „{question}“ (SMP-Nachricht 1, in einer verschlüsselten Datennachricht). Die Antwort wird nie verschickt; beide Fingerabdrücke und die Sitzungs-ID fließen in sie ein, also lässt ein Mann in der Mitte es scheitern.',
  },
  'otr.smp2-send': {
    en: '{client} answers with its own secret (SMP message 2). The secret itself never travels, only values computed from it, with zero-knowledge proofs.',
    de: '{client} antwortet mit dem eigenen Geheimnis (SMP-Nachricht 2). Das Geheimnis selbst reist nie mit, nur daraus berechnete Werte mit Zero-Knowledge-Beweisen.',
  },
  'otr.smp3-send': {
    en: '{client} sends SMP message 3: its half of the comparison, with zero-knowledge proofs that it followed the protocol.',
    de: '{client} schickt SMP-Nachricht 3: die eigene Hälfte des Vergleichs, mit Zero-Knowledge-Beweisen, dass es sich an das Protokoll gehalten hat.',
  },
  'otr.smp4-send': {
    en: '{client} sends SMP message 4, the last one. Now both sides learn whether the secrets were equal, and nothing more.',
    de: '{client} schickt SMP-Nachricht 4, die letzte. Jetzt erfahren beide Seiten, ob die Geheimnisse gleich waren – und sonst nichts.',
  },
  'otr.smp-abort-send': {
    en: '{client} breaks off the SMP exchange (TLV 6).',
    de: '{client} bricht den SMP-Austausch ab (TLV 6).',
  },
  'otr.heartbeat-send': {
    en: '{client}’s client has not sent anything for a while and sends an empty data message (a heartbeat), so that the keys keep rotating and old ones can be forgotten.',
    de: 'Der Client von {client} hat eine Weile nichts gesendet und schickt eine leere Datennachricht (einen Heartbeat), damit die Schlüssel weiter wechseln und alte vergessen werden können.',
  },
  'otr.gone-secure': {
    en: '{client} has completed the AKE with {peer}: the conversation is now private (OTR version {version}). {peer}’s long-term key has the fingerprint {fingerprint}. Until the two compare fingerprints or run SMP, {client} cannot know that nobody sits in the middle.',
    de: '{client} hat den AKE mit {peer} abgeschlossen: Die Unterhaltung ist jetzt privat (OTR-Version {version}). Der langlebige Schlüssel von {peer} hat den Fingerabdruck {fingerprint}. Bis die beiden Fingerabdrücke vergleichen oder SMP durchführen, kann {client} nicht wissen, ob jemand dazwischensitzt.',
  },
  'otr.refreshed': {
    en: '{client} and {peer} ran the AKE again inside their private conversation: fresh keys, same fingerprint ({fingerprint}).',
    de: '{client} und {peer} haben den AKE innerhalb ihrer privaten Unterhaltung wiederholt: frische Schlüssel, derselbe Fingerabdruck ({fingerprint}).',
  },
  'otr.message-received': {
    en: '{client}’s client checks the MAC (keys {senderKeyid}/{recipientKeyid}), decrypts and shows the message from {peer}: “{body}”',
    de: 'Der Client von {client} prüft den MAC (Schlüssel {senderKeyid}/{recipientKeyid}), entschlüsselt und zeigt die Nachricht von {peer}: „{body}“',
  },
  'otr.heartbeat-received': {
    en: '{client}’s client receives an empty data message from {peer} (keys {senderKeyid}/{recipientKeyid}): nothing to show, but the keys move on.',
    de: 'Der Client von {client} erhält eine leere Datennachricht von {peer} (Schlüssel {senderKeyid}/{recipientKeyid}): nichts anzuzeigen, aber die Schlüssel wechseln weiter.',
  },
  'otr.plaintext-in-private': {
    en: '{client}’s client shows a message from {from} that was NOT encrypted, although their conversation is private — and warns about it: “{body}”',
    de: 'Der Client von {client} zeigt eine Nachricht von {from}, die NICHT verschlüsselt war, obwohl die Unterhaltung privat ist – und warnt davor: „{body}“',
  },
  'otr.peer-ended': {
    en: '{peer} has ended the private conversation. {client}’s client forgets the session keys and will not send anything in the clear until {client} decides what to do.',
    de: '{peer} hat die private Unterhaltung beendet. Der Client von {client} vergisst die Sitzungsschlüssel und sendet nichts im Klartext, bis {client} entschieden hat, wie es weitergeht.',
  },
  'otr.error-received': {
    en: '{client}’s client receives an OTR error from {peer}: “{error}”',
    de: 'Der Client von {client} erhält eine OTR-Fehlermeldung von {peer}: „{error}“',
  },
  'otr.unreadable': {
    en: '{client}’s client cannot read an encrypted message from {peer} ({reason}) and rejects it.',
    de: 'Der Client von {client} kann eine verschlüsselte Nachricht von {peer} nicht lesen ({reason}) und weist sie zurück.',
  },
  'otr.not-in-private': {
    en: '{client}’s client receives encrypted data from {peer}, but has no private conversation with {peer} and cannot read it.',
    de: 'Der Client von {client} erhält verschlüsselte Daten von {peer}, hat aber keine private Unterhaltung mit {peer} und kann sie nicht lesen.',
  },
  'otr.ignored': {
    en: '{client}’s client ignores an OTR message from {peer}: {reason}.',
    de: 'Der Client von {client} ignoriert eine OTR-Nachricht von {peer}: {reason}.',
  },
  'otr.cannot-send': {
    en: '{peer} has ended the private conversation, so {client}’s client refuses to send this message — it would have gone out unencrypted.',
    de: '{peer} hat die private Unterhaltung beendet, also verweigert der Client von {client} das Senden – die Nachricht wäre unverschlüsselt hinausgegangen.',
  },
  'otr.smp-request': {
    en: '{peer} wants to verify {client} with SMP. {client} must enter the secret they share, without seeing {peer}’s.',
    de: '{peer} möchte {client} mit SMP überprüfen. {client} muss das gemeinsame Geheimnis eingeben, ohne das von {peer} zu sehen.',
  },
  'otr.smp-request-question': {
    en: '{peer} wants to verify {client} with SMP and asks: “{question}”. {client} must enter the answer, without seeing {peer}’s.',
    de: '{peer} möchte {client} mit SMP überprüfen und fragt: „{question}“. {client} muss die Antwort eingeben, ohne die von {peer} zu sehen.',
  },
  'otr.smp-success': {
    en: 'SMP succeeded: {client} now knows that {peer} holds the same secret, and because the secret is bound to both fingerprints and to this session, that nobody sits in the middle. The conversation is verified.',
    de: 'SMP ist gelungen: {client} weiß jetzt, dass {peer} dasselbe Geheimnis hat – und weil das Geheimnis an beide Fingerabdrücke und an diese Sitzung gebunden ist, dass niemand dazwischensitzt. Die Unterhaltung ist verifiziert.',
  },
  'otr.smp-success-answered': {
    en: 'SMP succeeded: {client} gave the same answer as {peer}, so {peer}’s client now marks {client}’s fingerprint as verified. It does not work the other way round (libotr does the same): {peer} chose the question, and an impostor can always ask one whose answer he knows. To verify {peer}, {client} must start an SMP of their own, with a question they choose.',
    de: 'SMP ist gelungen: {client} hat dieselbe Antwort gegeben wie {peer}, also markiert der Client von {peer} jetzt den Fingerabdruck von {client} als verifiziert. Umgekehrt gilt das nicht (so hält es auch libotr): Die Frage hat {peer} ausgesucht, und ein Betrüger kann immer eine stellen, deren Antwort er kennt. Um {peer} zu überprüfen, muss {client} ein eigenes SMP starten, mit einer selbst gewählten Frage.',
  },
  'otr.smp-failure': {
    en: 'SMP failed: the secrets differ, or someone in the middle runs two separate sessions. {client} learns nothing else about {peer}’s secret.',
    de: 'SMP ist gescheitert: Die Geheimnisse unterscheiden sich, oder jemand in der Mitte führt zwei getrennte Sitzungen. Über das Geheimnis von {peer} erfährt {client} sonst nichts.',
  },
  'otr.smp-aborted': {
    en: '{peer} broke off the SMP exchange with {client}.',
    de: '{peer} hat den SMP-Austausch mit {client} abgebrochen.',
  },
  'otr.smp-error': {
    en: 'The SMP exchange between {client} and {peer} breaks down ({reason}) and is aborted.',
    de: 'Der SMP-Austausch zwischen {client} und {peer} scheitert ({reason}) und wird abgebrochen.',
  },
  'otr.dh-generated': {
    en: '{node} generates DH key pair #{keyid} for the conversation with {peer}. The public half will travel in {node}’s next OTR message; the private half never leaves the device.',
    de: '{node} erzeugt das DH-Schlüsselpaar #{keyid} für die Unterhaltung mit {peer}. Die öffentliche Hälfte reist in der nächsten OTR-Nachricht von {node} mit; die private Hälfte verlässt das Gerät nie.',
  },
  'otr.dh-forgotten': {
    en: '{node} forgets its DH key #{keyid} for {peer}: {peer}’s message used {node}’s newer key #{newer}, so #{keyid} will never be needed again. One round trip, one retired key. Whoever steals {node}’s device from now on will not find it.',
    de: '{node} vergisst seinen DH-Schlüssel #{keyid} für {peer}: Die Nachricht von {peer} benutzte schon den neueren Schlüssel #{newer} von {node}, also wird #{keyid} nie mehr gebraucht. Ein Hin und Zurück, ein ausgemusterter Schlüssel. Wer das Gerät von {node} von jetzt an stiehlt, findet ihn nicht mehr.',
  },
  'otr.dh-forgotten-end': {
    en: '{node} forgets its DH key #{keyid} for {peer}: the private conversation is over, and OTR keeps no session keys after it ends. Whoever steals {node}’s device from now on will not find it.',
    de: '{node} vergisst seinen DH-Schlüssel #{keyid} für {peer}: Die private Unterhaltung ist vorbei, und OTR behält nach ihrem Ende keine Sitzungsschlüssel. Wer das Gerät von {node} von jetzt an stiehlt, findet ihn nicht mehr.',
  },
  'otr.dh-forgotten-restart': {
    en: '{node} drops its DH key #{keyid} for {peer}: the key exchange started over with a fresh key.',
    de: '{node} verwirft seinen DH-Schlüssel #{keyid} für {peer}: Der Schlüsselaustausch hat mit einem frischen Schlüssel neu begonnen.',
  },
  'otr.mac-revealed': {
    en: '{node} publishes {count:one old MAC key|# old MAC keys} in this message: keys it used to check {peer}’s earlier messages and needs no longer. From now on anyone could have made those MACs — on purpose, for deniability.',
    de: '{node} veröffentlicht in dieser Nachricht {count:einen alten MAC-Schlüssel|# alte MAC-Schlüssel}: Schlüssel, mit denen es frühere Nachrichten von {peer} geprüft hat und die es nicht mehr braucht. Ab jetzt hätte jeder diese MACs berechnen können – mit Absicht, für die Abstreitbarkeit.',
  },
  'otr.no-session': {
    en: '{client} has no OTR conversation with {peer} to end.',
    de: '{client} hat keine OTR-Unterhaltung mit {peer}, die es beenden könnte.',
  },
  'otr.smp-needs-session': {
    en: '{client} can run SMP with {peer} only inside a private conversation.',
    de: '{client} kann SMP mit {peer} nur innerhalb einer privaten Unterhaltung durchführen.',
  },
  'otr.smp-nothing-to-answer': {
    en: '{peer} has not asked {client} anything with SMP, so there is nothing to answer.',
    de: '{peer} hat {client} per SMP nichts gefragt, also gibt es nichts zu beantworten.',
  },
} satisfies NoteTable;
