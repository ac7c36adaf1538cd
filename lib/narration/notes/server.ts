/**
 * Narration of the XMPP server: c2s negotiation, presence and subscriptions, roster, iq, disco and ping, message routing and offline storage.
 * Each key once, English and German side by side; lib/narration/notes.ts merges the areas.
 * @module
 */
import type { NoteTable } from '../note-table';

export const serverNotes = {
  // --- server: c2s negotiation -------------------------------------------------------------------
  'server.stream-header': {
    en: '{server} answers {client} with its own stream header.',
    de: '{server} antwortet {client} mit einem eigenen Stream-Header.',
  },
  'server.features-starttls': {
    en: '{server} answers with its stream header and offers STARTTLS, and already lists mechanisms ({mechanisms}) that work without it.',
    de: '{server} antwortet mit seinem Stream-Header und bietet STARTTLS an, nennt aber auch schon Mechanismen ({mechanisms}), die ohne TLS funktionieren.',
  },
  'server.features-starttls-required': {
    en: '{server} answers with its stream header and offers only STARTTLS, marked required: nothing else happens before the link is encrypted.',
    de: '{server} antwortet mit seinem Stream-Header und bietet nur STARTTLS an, als Pflicht markiert: Nichts anderes geschieht, bevor die Leitung verschlüsselt ist.',
  },
  'server.features-sasl': {
    en: '{server} answers with its own stream header and offers SASL PLAIN on a link without TLS. RFC 6120 forbids exactly this, because the password will cross the link readable.',
    de: '{server} antwortet mit einem eigenen Stream-Header und bietet SASL PLAIN an – auf einer Leitung ohne TLS. Genau das verbietet RFC 6120, denn das Passwort wird lesbar über die Leitung gehen.',
  },
  'server.features-sasl-tls': {
    en: '{server} opens the new stream and offers the login mechanisms {mechanisms}.',
    de: '{server} öffnet den neuen Stream und bietet die Anmeldeverfahren {mechanisms} an.',
  },
  'server.features-bind': {
    en: '{server} sends a new stream header and offers resource binding.',
    de: '{server} sendet einen neuen Stream-Header und bietet die Ressourcenbindung an.',
  },
  'server.starttls-proceed': {
    en: '{server} agrees to TLS (<proceed/>). The next bytes on this connection are a TLS handshake.',
    de: '{server} stimmt TLS zu (<proceed/>). Die nächsten Bytes auf dieser Verbindung sind ein TLS-Handshake.',
  },
  'server.starttls-failure': {
    en: '{server} cannot start TLS here and closes the stream.',
    de: '{server} kann hier kein TLS starten und schließt den Stream.',
  },
  'server.sasl-success': {
    en: '{server} checks the password of “{user}” against its stored hash and accepts. Both sides now restart the stream.',
    de: '{server} prüft das Passwort von „{user}“ gegen den gespeicherten Hash und akzeptiert. Beide Seiten starten den Stream jetzt neu.',
  },
  'server.scram-challenge': {
    en: '{server} looks up “{user}” and answers with the stored salt, the iteration count ({iterations}) and its own nonce. It never stored the password.',
    de: '{server} schlägt „{user}“ nach und antwortet mit dem gespeicherten Salt, der Iterationszahl ({iterations}) und einer eigenen Nonce. Das Passwort hat er nie gespeichert.',
  },
  'server.scram-challenge-unknown': {
    en: '{server} has no account “{user}”, yet answers exactly as if it had one: a made-up salt that never changes, the real iteration count ({iterations}) and its own nonce. A guesser cannot tell which accounts exist (RFC 5802 §9).',
    de: '{server} hat kein Konto „{user}“ und antwortet trotzdem so, als gäbe es eines: mit einem erfundenen, immer gleichen Salt, der echten Iterationszahl ({iterations}) und einer eigenen Nonce. Wer rät, erfährt so nicht, welche Konten existieren (RFC 5802 §9).',
  },
  'server.scram-success': {
    en: '{server} checks the proof of “{user}” against its StoredKey and accepts; it proves itself with its ServerSignature. The stream restarts.',
    de: '{server} prüft den Beweis von „{user}“ gegen seinen StoredKey und akzeptiert; mit seiner ServerSignature beweist er sich selbst. Der Stream startet neu.',
  },
  'server.sasl-failure': {
    en: '{server} refuses the login of {client}: {condition}.',
    de: '{server} lehnt die Anmeldung von {client} ab: {condition}.',
  },
  'server.bound': {
    en: '{server} binds {jid}: the full JID that addresses exactly this session.',
    de: '{server} bindet {jid}: die vollständige JID, die genau diese Sitzung adressiert.',
  },
  'server.bound-generated': {
    en: '{server} picks a resource and binds {jid}.',
    de: '{server} wählt eine Ressource und bindet {jid}.',
  },
  'server.bind-bad-request': {
    en: '{server} refuses the resource {client} asked for: it is not a valid resource.',
    de: '{server} lehnt die Ressource ab, die {client} wollte: Sie ist keine gültige Ressource.',
  },
  'server.bind-conflict': {
    en: '{jid} is already online (on {old}). Like Prosody by default, {server} lets the new session win and closes the old one.',
    de: '{jid} ist bereits online (auf {old}). Wie Prosody in der Voreinstellung lässt {server} die neue Sitzung gewinnen und schließt die alte.',
  },
  'server.stream-error': {
    en: '{server} ends the stream of {client} with the stream error {condition}.',
    de: '{server} beendet den Stream von {client} mit dem Stream-Fehler {condition}.',
  },
  'server.stream-close': {
    en: '{server} closes its side of the stream with {client}.',
    de: '{server} schließt seine Seite des Streams mit {client}.',
  },
  'server.late-bytes': {
    en: 'Bytes from {client} reach {server} after that stream has ended; they are dropped.',
    de: 'Bytes von {client} erreichen {server}, nachdem dieser Stream beendet ist; sie werden verworfen.',
  },
  'server.down': {
    en: '{server} is switched off. The bytes from {from} reach nobody, and nothing comes back.',
    de: '{server} ist ausgeschaltet. Die Bytes von {from} erreichen niemanden, und es kommt nichts zurück.',
  },
  'server.impossible-transition': {
    en: 'Engine error in {server}: in the phase {phase} of the stream with {client}, its code took the step “{trigger}”, which its state table does not allow. The phase stays; this is a bug of the simulator, not of the protocol.',
    de: 'Fehler in der Engine von {server}: In der Phase {phase} des Streams mit {client} wollte sein Code den Schritt „{trigger}“ gehen, den seine Zustandstabelle nicht erlaubt. Die Phase bleibt; das ist ein Fehler des Simulators, nicht des Protokolls.',
  },
  // --- server: presence and subscriptions --------------------------------------------------------
  'server.presence-self': {
    en: '{server} reflects the presence of {jid} to the account’s own sessions.',
    de: '{server} spiegelt die Präsenz von {jid} an die eigenen Sitzungen des Kontos.',
  },
  'server.presence-self-unavailable': {
    en: '{server} tells the account’s other sessions that {jid} went offline.',
    de: '{server} teilt den anderen Sitzungen des Kontos mit, dass {jid} offline gegangen ist.',
  },
  'server.presence-deliver': {
    en: '{server} delivers the presence of {from} to {client}.',
    de: '{server} stellt die Präsenz von {from} an {client} zu.',
  },
  'server.presence-deliver-error': {
    en: '{server} hands {client} the error {from} sent back for its presence.',
    de: '{server} reicht {client} den Fehler weiter, den {from} auf seine Präsenz zurückgeschickt hat.',
  },
  'server.presence-deliver-unavailable': {
    en: '{server} tells {client} that {from} went offline.',
    de: '{server} teilt {client} mit, dass {from} offline gegangen ist.',
  },
  'server.presence-ignored': {
    en: '{server} ignores an unavailable presence from a session that was not available.',
    de: '{server} ignoriert eine Abmelde-Präsenz einer Sitzung, die gar nicht erreichbar war.',
  },
  'server.presence-no-account': {
    en: '{server} has no account {to}; the presence stanza is dropped.',
    de: '{server} hat kein Konto {to}; die Präsenz-Stanza wird verworfen.',
  },
  'server.probe-refused': {
    en: '{from} is not subscribed to {to}, so {server} does not reveal whether {to} is online.',
    de: '{from} hat {to} nicht abonniert, also verrät {server} nicht, ob {to} online ist.',
  },
  'server.subscription-out': {
    en: '{server} records {from}’s “{type}” towards {to} in the roster, following the table in RFC 6121 Appendix A.',
    de: '{server} vermerkt das „{type}“ von {from} an {to} im Roster, nach der Tabelle in RFC 6121 Anhang A.',
  },
  'server.subscription-in': {
    en: '{server} receives “{type}” from {from} for {to} and updates the subscription state; the user sees it only if it changed something.',
    de: '{server} empfängt „{type}“ von {from} für {to} und aktualisiert den Abonnementzustand; der Nutzer sieht es nur, wenn sich etwas ändert.',
  },
  'server.subscribe-redelivered': {
    en: '{server} hands {client} the subscription request from {from} that arrived while it was offline.',
    de: '{server} übergibt {client} die Abonnementanfrage von {from}, die eintraf, während das Konto offline war.',
  },
  'server.deliver-subscribe': {
    en: '{server} delivers {from}’s subscription request to {client}.',
    de: '{server} stellt {client} die Abonnementanfrage von {from} zu.',
  },
  'server.deliver-subscribed': {
    en: '{server} tells {client} that {from} approved the subscription.',
    de: '{server} teilt {client} mit, dass {from} dem Abonnement zugestimmt hat.',
  },
  'server.deliver-unsubscribe': {
    en: '{server} tells {client} that {from} no longer follows its presence.',
    de: '{server} teilt {client} mit, dass {from} seiner Präsenz nicht mehr folgt.',
  },
  'server.deliver-unsubscribed': {
    en: '{server} tells {client} that {from} refused or withdrew the subscription.',
    de: '{server} teilt {client} mit, dass {from} das Abonnement abgelehnt oder entzogen hat.',
  },
  // --- server: roster, iq, disco, ping -----------------------------------------------------------
  'server.roster-result': {
    en: '{server} sends {client} the account’s roster, as stored on the server.',
    de: '{server} schickt {client} den Roster des Kontos, so wie er auf dem Server gespeichert ist.',
  },
  'server.roster-set': {
    en: '{server} stores the roster change and confirms it.',
    de: '{server} speichert die Roster-Änderung und bestätigt sie.',
  },
  'server.roster-removed': {
    en: '{server} removes the contact and confirms it.',
    de: '{server} entfernt den Kontakt und bestätigt es.',
  },
  'server.roster-push': {
    en: '{server} pushes the change of {jid} (subscription: {subscription}) to {client}, so every device of the account stays in step.',
    de: '{server} schickt die Änderung an {jid} (Abonnement: {subscription}) per Push an {client}, damit alle Geräte des Kontos gleich bleiben.',
  },
  'server.iq-route': {
    en: '{server} passes a request or answer on to {client}.',
    de: '{server} reicht eine Anfrage oder Antwort an {client} weiter.',
  },
  'server.iq-error': {
    en: '{server} refuses a request from {client}: {condition}.',
    de: '{server} lehnt eine Anfrage von {client} ab: {condition}.',
  },
  'server.iq-unsupported': {
    en: '{server} does not support requests in the namespace {ns} and answers service-unavailable.',
    de: '{server} unterstützt keine Anfragen im Namensraum {ns} und antwortet mit service-unavailable.',
  },
  'server.disco-info-result': {
    en: '{server} tells {client} who it is and what it supports (XEP-0030).',
    de: '{server} teilt {client} mit, wer er ist und was er unterstützt (XEP-0030).',
  },
  'server.disco-info-account': {
    en: '{server} answers for the account {about}: it exists (XEP-0030).',
    de: '{server} antwortet für das Konto {about}: Es existiert (XEP-0030).',
  },
  'server.disco-items-result': {
    en: '{server} lists the services it hosts: none here.',
    de: '{server} listet die Dienste auf, die er anbietet: hier keine.',
  },
  'server.ping-result': {
    en: '{server} answers the ping from {from} (XEP-0199).',
    de: '{server} beantwortet den Ping von {from} (XEP-0199).',
  },
  'server.jid-malformed': {
    en: '“{to}” is not a valid address; {server} answers jid-malformed.',
    de: '„{to}“ ist keine gültige Adresse; {server} antwortet mit jid-malformed.',
  },
  // --- server: messages --------------------------------------------------------------------------
  'server.message-accepted': {
    en: '{server} accepts a message from {from} to {to} and stamps the sender’s full JID on it.',
    de: '{server} nimmt eine Nachricht von {from} an {to} an und setzt die vollständige JID des Absenders ein.',
  },
  'server.message-route': {
    en: '{server} looks at the address and delivers the message from {from} to the session {to}.',
    de: '{server} sieht sich die Adresse an und stellt die Nachricht von {from} an die Sitzung {to} zu.',
  },
  'server.message-refused': {
    en: '{server} refuses to deliver to {to}, as {rule} prescribes for this message type.',
    de: '{server} stellt an {to} nicht zu, wie es {rule} für diesen Nachrichtentyp vorschreibt.',
  },
  'server.message-dropped': {
    en: '{server} silently drops the message to {to}, as {rule} allows for this message type.',
    de: '{server} verwirft die Nachricht an {to} stillschweigend, wie es {rule} für diesen Nachrichtentyp erlaubt.',
  },
  'server.stored-offline': {
    en: '{to} has no available device, so {server} stores the message ({count} waiting) until the next login — readable on the server’s disk.',
    de: '{to} hat kein erreichbares Gerät, also speichert {server} die Nachricht ({count} wartend) bis zur nächsten Anmeldung – lesbar auf der Platte des Servers.',
  },
  'server.offline-delivered': {
    en: '{server} delivers a message that waited while {client} was offline, stamped with the time it arrived ({stamp}).',
    de: '{server} stellt eine Nachricht zu, die gewartet hat, während {client} offline war – mit dem Zeitstempel ihrer Ankunft ({stamp}).',
  },
  'server.bounce': {
    en: '{server} sends the <{element}/> back to {to} with the error {condition}.',
    de: '{server} schickt die <{element}/>-Stanza mit dem Fehler {condition} an {to} zurück.',
  },
} satisfies NoteTable;
