/**
 * Narration of the XMPP client: stream negotiation (RFC 6120), then messages, presence, roster and iq (RFC 6121, XEP-0030, XEP-0199).
 * Each key once, English and German side by side; lib/narration/notes.ts merges the areas.
 * @module
 */
import type { NoteTable } from '../note-table';

export const clientNotes = {
  // --- client: stream negotiation ----------------------------------------------------------------
  'client.stream-open': {
    en: '{client}’s client opens an XML stream to {server}. The stream header names the domain it wants to talk to.',
    de: 'Der Client von {client} öffnet einen XML-Stream zu {server}. Der Stream-Header nennt die Domain, mit der er sprechen will.',
  },
  'client.stream-open-tls': {
    en: '{client}’s client starts a fresh XML stream, now inside TLS. From here on a tap on the link sees only encrypted records.',
    de: 'Der Client von {client} beginnt einen neuen XML-Stream, jetzt innerhalb von TLS. Wer die Leitung abhört, sieht ab hier nur noch verschlüsselte Records.',
  },
  'client.stream-restart': {
    en: '{client}’s client starts a fresh stream on the same TCP connection, as RFC 6120 requires after a successful SASL login.',
    de: 'Der Client von {client} beginnt auf derselben TCP-Verbindung einen neuen Stream, wie es RFC 6120 nach erfolgreicher SASL-Anmeldung verlangt.',
  },
  'client.starttls': {
    en: '{client}’s client asks {server} to switch this connection to TLS (STARTTLS) before anything secret is said.',
    de: 'Der Client von {client} bittet {server}, die Verbindung auf TLS umzustellen (STARTTLS), bevor irgendetwas Geheimes gesagt wird.',
  },
  'client.starttls-failed': {
    en: '{client}’s client could not start TLS and gives up the connection.',
    de: 'Der Client von {client} konnte TLS nicht starten und gibt die Verbindung auf.',
  },
  'client.tls-missing': {
    en: '{server} offers no TLS, so {client}’s client refuses to log in and closes the stream — it will not send credentials over a readable link.',
    de: '{server} bietet kein TLS an; darum verweigert der Client von {client} die Anmeldung und schließt den Stream – Zugangsdaten über eine lesbare Leitung schickt er nicht.',
  },
  'client.tls-skipped': {
    en: '{server} offers no TLS, and {client}’s client is set to go on without it: it logs in on a link that anyone on the path can read.',
    de: '{server} bietet kein TLS an, und der Client von {client} ist so eingestellt, dass er ohne weitermacht: Er meldet sich über eine Leitung an, die jeder auf dem Weg mitlesen kann.',
  },
  'client.sasl-plain': {
    en: '{client}’s client sends username and password to {server} with SASL PLAIN. They are only base64-encoded: anyone on this link can read them, because TLS is not up.',
    de: 'Der Client von {client} schickt Benutzername und Passwort mit SASL PLAIN an {server}. Beides ist nur Base64-kodiert: Wer diese Leitung mitliest, kann es lesen, denn TLS ist nicht aktiv.',
  },
  'client.sasl-plain-tls': {
    en: '{client}’s client sends username and password with SASL PLAIN inside TLS. A tap cannot read them, but the server learns the password itself.',
    de: 'Der Client von {client} schickt Benutzername und Passwort mit SASL PLAIN innerhalb von TLS. Ein Lauscher kann sie nicht lesen, der Server aber erfährt das Passwort selbst.',
  },
  'client.scram-start': {
    en: '{client}’s client starts {mechanism}: it sends its username and a random nonce, but not the password.',
    de: 'Der Client von {client} beginnt {mechanism}: Er schickt seinen Benutzernamen und eine zufällige Nonce, aber nicht das Passwort.',
  },
  'client.scram-proof': {
    en: '{client}’s client computes its proof from the password, the salt and {iterations} iterations, and sends only the proof. At login the password stays on the device (it left it once, when the account was registered).',
    de: 'Der Client von {client} berechnet aus Passwort, Salt und {iterations} Iterationen einen Beweis und schickt nur diesen. Beim Anmelden bleibt das Passwort auf dem Gerät (verlassen hat es das Gerät einmal: bei der Registrierung des Kontos).',
  },
  'client.scram-verified': {
    en: '{client}’s client checks the server’s signature: only a server that really stores the account’s credentials can produce it. Login complete; the stream restarts.',
    de: 'Der Client von {client} prüft die Signatur des Servers: Nur ein Server, der die Zugangsdaten des Kontos wirklich gespeichert hat, kann sie erzeugen. Anmeldung abgeschlossen; der Stream startet neu.',
  },
  'client.server-signature-bad': {
    en: 'The server’s SCRAM signature is wrong: this is not the real {server}. {client}’s client breaks off.',
    de: 'Die SCRAM-Signatur des Servers stimmt nicht: Das ist nicht der echte {server}. Der Client von {client} bricht ab.',
  },
  'client.sasl-abort': {
    en: '{client}’s client cannot continue the SASL exchange ({reason}) and aborts it.',
    de: 'Der Client von {client} kann den SASL-Austausch nicht fortsetzen ({reason}) und bricht ihn ab.',
  },
  'client.sasl-failed': {
    en: '{client}’s login failed: {condition}. The stream stays open, so the user may try again.',
    de: 'Die Anmeldung von {client} ist fehlgeschlagen: {condition}. Der Stream bleibt offen, ein neuer Versuch ist möglich.',
  },
  'client.no-mechanism': {
    en: '{client}’s client wants {wanted}, but the server offers only {offered}. It does not fall back silently and closes the stream.',
    de: 'Der Client von {client} möchte {wanted}, der Server bietet aber nur {offered}. Er weicht nicht stillschweigend aus und schließt den Stream.',
  },
  'client.bad-credentials': {
    en: '{client}’s client cannot use this password (it is empty or contains characters SASLprep forbids), so it sends nothing. The stream stays open for another try.',
    de: 'Der Client von {client} kann dieses Passwort nicht verwenden (es ist leer oder enthält Zeichen, die SASLprep verbietet), darum schickt er nichts. Der Stream bleibt für einen neuen Versuch offen.',
  },
  'client.no-mechanism-retry': {
    en: '{client}’s client wants {wanted} for the new try, but the server offers only {offered}. It does not fall back silently; the stream stays open for another try.',
    de: 'Der Client von {client} möchte für den neuen Versuch {wanted}, der Server bietet aber nur {offered}. Er weicht nicht stillschweigend aus; der Stream bleibt für einen weiteren Versuch offen.',
  },
  'client.impossible-transition': {
    en: 'Engine error in {client}’s client: in phase {phase} its code took the step “{trigger}”, which its state table does not allow. The phase stays; this is a bug of the simulator, not of the protocol.',
    de: 'Fehler in der Engine des Clients von {client}: In der Phase {phase} wollte sein Code den Schritt „{trigger}“ gehen, den seine Zustandstabelle nicht erlaubt. Die Phase bleibt; das ist ein Fehler des Simulators, nicht des Protokolls.',
  },
  'client.retry-not-possible': {
    en: '{client} cannot retry now: there is no failed login waiting on an open stream.',
    de: '{client} kann es jetzt nicht erneut versuchen: Es wartet keine fehlgeschlagene Anmeldung auf einem offenen Stream.',
  },
  'client.bind': {
    en: '{client}’s client asks to bind the resource “{resource}”: it names which of the account’s devices is speaking.',
    de: 'Der Client von {client} möchte die Ressource „{resource}“ binden: Sie sagt, welches Gerät des Kontos spricht.',
  },
  'client.bind-generated': {
    en: '{client}’s client asks the server to choose a resource for this session.',
    de: 'Der Client von {client} bittet den Server, für diese Sitzung eine Ressource zu wählen.',
  },
  'client.bind-failed': {
    en: '{client}’s client could not bind a resource and stops.',
    de: 'Der Client von {client} konnte keine Ressource binden und hört auf.',
  },
  'client.initial-presence': {
    en: '{client}’s client sends its initial presence: “I am online”. From now on the server knows that {jid} is available, and from which IP address.',
    de: 'Der Client von {client} sendet seine erste Präsenz: „Ich bin online.“ Ab jetzt weiß der Server, dass {jid} erreichbar ist – und von welcher IP-Adresse.',
  },
  'client.stream-close': {
    en: '{client}’s client says goodbye (unavailable presence) and closes its stream.',
    de: 'Der Client von {client} verabschiedet sich (Präsenz „unavailable“) und schließt seinen Stream.',
  },
  'client.stream-closed': {
    en: '{client}’s stream is closed.',
    de: 'Der Stream von {client} ist geschlossen.',
  },
  'client.stream-error': {
    en: '{client}’s stream ends with the stream error {condition}.',
    de: 'Der Stream von {client} endet mit dem Stream-Fehler {condition}.',
  },
  'client.unexpected': {
    en: '{client}’s client did not expect <{element}> here and ignores it.',
    de: 'Der Client von {client} hat hier kein <{element}> erwartet und ignoriert es.',
  },
  'client.already-connected': {
    en: '{client} is already connected.',
    de: '{client} ist bereits verbunden.',
  },
  'client.not-connected': {
    en: '{client} is not connected, so there is nothing to send this over.',
    de: '{client} ist nicht verbunden; es gibt keinen Stream, über den das gehen könnte.',
  },
  'client.late-bytes': {
    en: 'Bytes reach {client}’s client after its stream has ended; it ignores them.',
    de: 'Bytes erreichen den Client von {client}, nachdem sein Stream beendet ist; er ignoriert sie.',
  },
  'client.action-queued': {
    en: '{client} is not online yet; the client will do “{action}” once the session is ready.',
    de: '{client} ist noch nicht online; der Client erledigt „{action}“, sobald die Sitzung bereit ist.',
  },
  'client.outbox-full': {
    en: '{client}’s client has too much waiting already and drops the request.',
    de: 'Beim Client von {client} wartet schon zu viel; er verwirft die Anfrage.',
  },
  'client.send-raw': {
    en: '{client}’s client sends {size} bytes exactly as typed, without checking them.',
    de: 'Der Client von {client} sendet {size} Bytes genau so, wie sie getippt wurden, ohne sie zu prüfen.',
  },
  // --- client: messages, presence, roster, iq ----------------------------------------------------
  'client.message-send': {
    en: '{client}’s client sends a {type} message to {to}. It goes to its own server, {server}, not directly to the recipient.',
    de: 'Der Client von {client} schickt eine Nachricht vom Typ {type} an {to}. Sie geht an den eigenen Server {server}, nicht direkt an den Empfänger.',
  },
  'client.message-received': {
    en: '{client}’s client shows the message from {from}: “{body}”',
    de: 'Der Client von {client} zeigt die Nachricht von {from}: „{body}“',
  },
  'client.message-received-delayed': {
    en: '{client}’s client shows a message from {from} that waited on the server since {stamp}: “{body}”',
    de: 'Der Client von {client} zeigt eine Nachricht von {from}, die seit {stamp} auf dem Server gewartet hat: „{body}“',
  },
  'client.message-error': {
    en: 'A message {client} sent came back from {from} with the error {condition}.',
    de: 'Eine Nachricht von {client} kam von {from} mit dem Fehler {condition} zurück.',
  },
  'client.stanza-received': {
    en: '{client}’s client receives a <{element}> from {from}.',
    de: 'Der Client von {client} empfängt ein <{element}> von {from}.',
  },
  'client.presence-received': {
    en: '{client}’s client learns that {from} is available (status: {show}).',
    de: 'Der Client von {client} erfährt, dass {from} erreichbar ist (Status: {show}).',
  },
  'client.presence-unavailable-received': {
    en: '{client}’s client learns that {from} went offline.',
    de: 'Der Client von {client} erfährt, dass {from} offline gegangen ist.',
  },
  'client.presence-update': {
    en: '{client}’s client announces a new status: {show}, priority {priority}. The server passes it to everyone allowed to see it.',
    de: 'Der Client von {client} meldet einen neuen Status: {show}, Priorität {priority}. Der Server gibt ihn an alle weiter, die ihn sehen dürfen.',
  },
  'client.presence-unavailable': {
    en: '{client}’s client announces that it is unavailable, while staying connected.',
    de: 'Der Client von {client} meldet sich als nicht erreichbar, bleibt aber verbunden.',
  },
  'client.presence-error': {
    en: 'A presence stanza from {client} bounced at {from}.',
    de: 'Eine Präsenz-Stanza von {client} kam von {from} als Fehler zurück.',
  },
  'client.add-contact': {
    en: '{client}’s client puts {jid} on the roster and sends a subscription request in the same breath.',
    de: 'Der Client von {client} trägt {jid} in den Roster ein und schickt im selben Zug eine Abonnementanfrage.',
  },
  'client.subscribe': {
    en: '{client}’s client sends {jid} a subscription request: “may I see your presence?”',
    de: 'Der Client von {client} schickt {jid} eine Abonnementanfrage: „Darf ich deine Präsenz sehen?“',
  },
  'client.unsubscribe': {
    en: '{client}’s client cancels its subscription to the presence of {jid}.',
    de: 'Der Client von {client} kündigt sein Abonnement der Präsenz von {jid}.',
  },
  'client.approve-subscription': {
    en: '{client}’s client approves: {jid} may now see when {client} is online.',
    de: 'Der Client von {client} stimmt zu: {jid} darf jetzt sehen, wann {client} online ist.',
  },
  'client.deny-subscription': {
    en: '{client}’s client refuses: {jid} may not (or no longer) see {client}’s presence.',
    de: 'Der Client von {client} lehnt ab: {jid} darf die Präsenz von {client} nicht (mehr) sehen.',
  },
  'client.remove-contact': {
    en: '{client}’s client asks the server to remove {jid} from the roster.',
    de: 'Der Client von {client} bittet den Server, {jid} aus dem Roster zu entfernen.',
  },
  'client.subscription-request': {
    en: '{client}’s client shows a request: {from} wants to see when {client} is online.',
    de: 'Der Client von {client} zeigt eine Anfrage: {from} möchte sehen, wann {client} online ist.',
  },
  'client.got-subscribed': {
    en: '{client}’s client learns that {from} approved: from now on it sees their presence.',
    de: 'Der Client von {client} erfährt, dass {from} zugestimmt hat: Ab jetzt sieht er dessen Präsenz.',
  },
  'client.got-unsubscribed': {
    en: '{client}’s client learns that {from} refused or withdrew the permission to see their presence.',
    de: 'Der Client von {client} erfährt, dass {from} die Erlaubnis, seine Präsenz zu sehen, verweigert oder entzogen hat.',
  },
  'client.got-unsubscribe': {
    en: '{client}’s client learns that {from} no longer follows its presence.',
    de: 'Der Client von {client} erfährt, dass {from} seiner Präsenz nicht mehr folgt.',
  },
  'client.roster-get': {
    en: '{client}’s client asks for its roster. The contact list lives on the server, so every device sees the same one.',
    de: 'Der Client von {client} fragt nach seinem Roster. Die Kontaktliste liegt auf dem Server, darum sehen alle Geräte dieselbe.',
  },
  'client.roster-received': {
    en: '{client}’s client receives its roster with {count:one contact|# contacts}.',
    de: 'Der Client von {client} erhält seinen Roster mit {count:einem Kontakt|# Kontakten}.',
  },
  'client.roster-push': {
    en: '{client}’s client gets a roster push (a change to the contact list) and confirms it.',
    de: 'Der Client von {client} erhält einen Roster-Push (eine Änderung der Kontaktliste) und bestätigt ihn.',
  },
  'client.disco-info': {
    en: '{client}’s client asks {to} which features it supports (XEP-0030).',
    de: 'Der Client von {client} fragt {to}, welche Funktionen unterstützt werden (XEP-0030).',
  },
  'client.disco-items': {
    en: '{client}’s client asks {to} which services it hosts (XEP-0030).',
    de: 'Der Client von {client} fragt {to}, welche Dienste dort angeboten werden (XEP-0030).',
  },
  'client.disco-info-result': {
    en: '{client}’s client learns what {from} supports: {features}.',
    de: 'Der Client von {client} erfährt, was {from} unterstützt: {features}.',
  },
  'client.disco-items-result': {
    en: '{client}’s client learns that {from} lists {count:one service|# services}.',
    de: 'Der Client von {client} erfährt, dass {from} {count:einen Dienst|# Dienste} auflistet.',
  },
  'client.disco-info-answer': {
    en: '{client}’s client tells {to} what it supports.',
    de: 'Der Client von {client} teilt {to} mit, was er unterstützt.',
  },
  'client.ping': {
    en: '{client}’s client pings {to} (XEP-0199).',
    de: 'Der Client von {client} pingt {to} an (XEP-0199).',
  },
  'client.pong': {
    en: '{client}’s client gets the answer to its ping from {from}: the path works.',
    de: 'Der Client von {client} erhält die Antwort auf seinen Ping von {from}: Der Weg funktioniert.',
  },
  'client.ping-answer': {
    en: '{client}’s client answers a ping from {to}.',
    de: 'Der Client von {client} beantwortet einen Ping von {to}.',
  },
  'client.iq-result': {
    en: '{client}’s client gets a positive answer to its request ({what}).',
    de: 'Der Client von {client} erhält eine positive Antwort auf seine Anfrage ({what}).',
  },
  'client.iq-error': {
    en: '{client}’s request ({what}) was refused by {from}: {condition}.',
    de: 'Die Anfrage von {client} ({what}) wurde von {from} abgelehnt: {condition}.',
  },
  'client.iq-refused': {
    en: '{client}’s client does not understand a request from {from} and answers service-unavailable.',
    de: 'Der Client von {client} versteht eine Anfrage von {from} nicht und antwortet mit service-unavailable.',
  },
} satisfies NoteTable;
