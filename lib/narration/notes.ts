/**
 * The narration: one sentence per event, in English and German, keyed by the note keys the hosts
 * emit. Plain data, so the CLI (English) and the UI (either language) share one source.
 * Style (UI.md "Words"): who, what, and why it matters, in plain language.
 * @module
 */
import type { Note } from '../sim/types';

export type NoteLocale = 'en' | 'de';

const en = {
  'action.connect': '{node} goes online: the client opens a TCP connection to its server.',
  'action.send-message': '{node} types a message to {to}: “{body}”',
  'action.disconnect': '{node} logs out.',
  timer: '{node}: the timer “{name}” fires.',
  'wire.bytes': 'Bytes cross the link.',
  'client.stream-open': '{client}’s client opens an XML stream to {server}. The stream header names the domain it wants to talk to.',
  'client.stream-restart': '{client}’s client starts a fresh stream on the same TCP connection, as RFC 6120 requires after a successful SASL login.',
  'client.sasl-plain': '{client}’s client sends username and password to {server} with SASL PLAIN. They are only base64-encoded: anyone on this link can read them, because TLS is not up.',
  'client.bind': '{client}’s client asks to bind the resource “{resource}”: it names which of the account’s devices is speaking.',
  'client.initial-presence': '{client}’s client sends its initial presence: “I am online”. From now on the server knows that {jid} is available, and from which IP address.',
  'client.message-send': '{client}’s client sends a chat message to {to}. It goes to its own server, {server}, not directly to the recipient.',
  'client.message-queued': '{client} is not online yet; the client holds the message until the session is ready.',
  'client.message-received': '{client}’s client shows the message from {from}: “{body}”',
  'client.stanza-received': '{client}’s client receives a <{element}> from {from}.',
  'client.presence-received': '{client}’s client learns that {from} is online.',
  'client.sasl-failed': '{client}’s login failed: {condition}.',
  'client.stream-close': '{client}’s client closes its stream.',
  'client.stream-closed': '{client}’s stream is closed.',
  'client.stream-error': '{client}’s client ends the stream: {condition}.',
  'client.unexpected': '{client}’s client did not expect <{element}> here and ignores it.',
  'client.already-connected': '{client} is already connected.',
  'server.features-sasl': '{server} answers with its own stream header and offers SASL PLAIN on a link without TLS. RFC 6120 forbids exactly this, because the password will cross the link readable.',
  'server.features-bind': '{server} sends a new stream header and offers resource binding.',
  'server.sasl-success': '{server} checks the password of “{user}” and accepts. Both sides now restart the stream.',
  'server.sasl-failure': '{server} refuses the login of {client}: {condition}.',
  'server.bound': '{server} binds {jid}: the full JID that addresses exactly this session.',
  'server.presence-self': '{server} reflects the presence of {jid} to the account’s own sessions.',
  'server.message-route': '{server} reads the addresses, stamps the sender’s full JID ({from}) on the message and delivers it to {to}.',
  'server.stored-offline': '{to} is offline, so {server} stores the message until the next login.',
  'server.offline-delivered': '{server} delivers a message that waited while {client} was offline, stamped with the time it arrived.',
  'server.remote-not-found': '{server} cannot reach {domain}, so the message bounces with remote-server-not-found.',
  'server.no-such-user': 'There is no account {to} on {server}, so the message bounces with service-unavailable.',
  'server.iq-unsupported': '{server} does not support this request and answers service-unavailable.',
  'server.stream-error': '{server} ends the stream of {client} with the stream error {condition}.',
  'server.stream-close': '{server} closes its side of the stream with {client}.',
} as const;

export type NoteKey = keyof typeof en;

const de: Record<NoteKey, string> = {
  'action.connect': '{node} geht online: Der Client baut eine TCP-Verbindung zu seinem Server auf.',
  'action.send-message': '{node} tippt eine Nachricht an {to}: „{body}“',
  'action.disconnect': '{node} meldet sich ab.',
  timer: '{node}: Der Timer „{name}“ läuft ab.',
  'wire.bytes': 'Bytes laufen über die Leitung.',
  'client.stream-open': 'Der Client von {client} öffnet einen XML-Stream zu {server}. Der Stream-Header nennt die Domain, mit der er sprechen will.',
  'client.stream-restart': 'Der Client von {client} beginnt auf derselben TCP-Verbindung einen neuen Stream, wie es RFC 6120 nach erfolgreicher SASL-Anmeldung verlangt.',
  'client.sasl-plain': 'Der Client von {client} schickt Benutzername und Passwort mit SASL PLAIN an {server}. Beides ist nur Base64-kodiert: Wer diese Leitung mitliest, kann es lesen, denn TLS ist nicht aktiv.',
  'client.bind': 'Der Client von {client} möchte die Ressource „{resource}“ binden: Sie sagt, welches Gerät des Kontos spricht.',
  'client.initial-presence': 'Der Client von {client} sendet seine erste Präsenz: „Ich bin online.“ Ab jetzt weiß der Server, dass {jid} erreichbar ist – und von welcher IP-Adresse.',
  'client.message-send': 'Der Client von {client} schickt eine Chatnachricht an {to}. Sie geht an den eigenen Server {server}, nicht direkt an den Empfänger.',
  'client.message-queued': '{client} ist noch nicht online; der Client hält die Nachricht zurück, bis die Sitzung bereit ist.',
  'client.message-received': 'Der Client von {client} zeigt die Nachricht von {from}: „{body}“',
  'client.stanza-received': 'Der Client von {client} empfängt ein <{element}> von {from}.',
  'client.presence-received': 'Der Client von {client} erfährt, dass {from} online ist.',
  'client.sasl-failed': 'Die Anmeldung von {client} ist fehlgeschlagen: {condition}.',
  'client.stream-close': 'Der Client von {client} schließt seinen Stream.',
  'client.stream-closed': 'Der Stream von {client} ist geschlossen.',
  'client.stream-error': 'Der Client von {client} beendet den Stream: {condition}.',
  'client.unexpected': 'Der Client von {client} hat hier kein <{element}> erwartet und ignoriert es.',
  'client.already-connected': '{client} ist bereits verbunden.',
  'server.features-sasl': '{server} antwortet mit einem eigenen Stream-Header und bietet SASL PLAIN an – auf einer Leitung ohne TLS. Genau das verbietet RFC 6120, denn das Passwort wird lesbar über die Leitung gehen.',
  'server.features-bind': '{server} sendet einen neuen Stream-Header und bietet die Ressourcenbindung an.',
  'server.sasl-success': '{server} prüft das Passwort von „{user}“ und akzeptiert. Beide Seiten starten den Stream jetzt neu.',
  'server.sasl-failure': '{server} lehnt die Anmeldung von {client} ab: {condition}.',
  'server.bound': '{server} bindet {jid}: die vollständige JID, die genau diese Sitzung adressiert.',
  'server.presence-self': '{server} spiegelt die Präsenz von {jid} an die eigenen Sitzungen des Kontos.',
  'server.message-route': '{server} liest die Adressen, setzt die vollständige JID des Absenders ({from}) ein und stellt die Nachricht an {to} zu.',
  'server.stored-offline': '{to} ist offline, also speichert {server} die Nachricht bis zur nächsten Anmeldung.',
  'server.offline-delivered': '{server} stellt eine Nachricht zu, die gewartet hat, während {client} offline war – mit dem Zeitstempel ihrer Ankunft.',
  'server.remote-not-found': '{server} erreicht {domain} nicht; die Nachricht kommt mit remote-server-not-found zurück.',
  'server.no-such-user': 'Auf {server} gibt es kein Konto {to}; die Nachricht kommt mit service-unavailable zurück.',
  'server.iq-unsupported': '{server} unterstützt diese Anfrage nicht und antwortet mit service-unavailable.',
  'server.stream-error': '{server} beendet den Stream von {client} mit dem Stream-Fehler {condition}.',
  'server.stream-close': '{server} schließt seine Seite des Streams mit {client}.',
};

export const notes: Record<NoteLocale, Record<NoteKey, string>> = { en, de };

export function isNoteKey(key: string): key is NoteKey {
  return key in en;
}

/** The sentence for a note in a language; an unknown key is shown as itself rather than hidden. */
export function formatNote(note: Note, locale: NoteLocale): string {
  const template = isNoteKey(note.key) ? notes[locale][note.key] : note.key;
  const params = note.params ?? {};
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
