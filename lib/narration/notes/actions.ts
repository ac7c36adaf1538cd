/**
 * Narration of what people do and what the kernel itself records: one sentence per action type (the kernel names an action's note `action.<type>`), a timer that fires with nothing else to say, bytes on a link.
 * Each key once, English and German side by side; lib/narration/notes.ts merges the areas.
 * @module
 */
import type { NoteTable } from '../note-table';

export const actionNotes = {
  'action.connect': {
    en: '{node} goes online: the client opens a TCP connection to its server.',
    de: '{node} geht online: Der Client baut eine TCP-Verbindung zu seinem Server auf.',
  },
  'action.send-message': {
    en: '{node} types a message to {to}: “{body}”',
    de: '{node} tippt eine Nachricht an {to}: „{body}“',
  },
  'action.disconnect': {
    en: '{node} logs out.',
    de: '{node} meldet sich ab.',
  },
  'action.retry-login': {
    en: '{node} tries another password, on the same connection.',
    de: '{node} versucht es auf derselben Verbindung mit einem anderen Passwort.',
  },
  'action.set-presence': {
    en: '{node} changes its status.',
    de: '{node} ändert seinen Status.',
  },
  'action.add-contact': {
    en: '{node} adds {jid} to the contact list and asks to see their presence.',
    de: '{node} nimmt {jid} in die Kontaktliste auf und bittet darum, dessen Präsenz zu sehen.',
  },
  'action.subscribe': {
    en: '{node} asks {jid} for permission to see their presence.',
    de: '{node} bittet {jid} um die Erlaubnis, dessen Präsenz zu sehen.',
  },
  'action.unsubscribe': {
    en: '{node} no longer wants to see the presence of {jid}.',
    de: '{node} möchte die Präsenz von {jid} nicht mehr sehen.',
  },
  'action.approve-subscription': {
    en: '{node} allows {jid} to see when it is online.',
    de: '{node} erlaubt {jid}, die eigene Präsenz zu sehen.',
  },
  'action.deny-subscription': {
    en: '{node} refuses (or withdraws) {jid}’s permission to see its presence.',
    de: '{node} verweigert {jid} die Erlaubnis, die eigene Präsenz zu sehen (oder entzieht sie).',
  },
  'action.remove-contact': {
    en: '{node} removes {jid} from the contact list.',
    de: '{node} entfernt {jid} aus der Kontaktliste.',
  },
  'action.roster-get': {
    en: '{node} asks its server for the contact list (the roster).',
    de: '{node} fragt den Server nach der Kontaktliste (dem Roster).',
  },
  'action.disco-info': {
    en: '{node} asks what a service supports (service discovery).',
    de: '{node} fragt, was ein Dienst unterstützt (Service Discovery).',
  },
  'action.disco-items': {
    en: '{node} asks which services exist behind an address (service discovery).',
    de: '{node} fragt, welche Dienste es hinter einer Adresse gibt (Service Discovery).',
  },
  'action.ping': {
    en: '{node} pings to check that the other side still answers.',
    de: '{node} pingt, um zu prüfen, ob die Gegenseite noch antwortet.',
  },
  'action.send-raw': {
    en: '{node} types raw bytes straight into its XML stream: “{text}”',
    de: '{node} tippt rohe Bytes direkt in den XML-Stream: „{text}“',
  },
  timer: {
    en: '{node}: the timer “{name}” fires.',
    de: '{node}: Der Timer „{name}“ läuft ab.',
  },
  'wire.bytes': {
    en: 'Bytes cross the link.',
    de: 'Bytes laufen über die Leitung.',
  },
  'action.otr-start': {
    en: '{node} wants to talk to {to} off the record.',
    de: '{node} möchte mit {to} vertraulich reden – off the record.',
  },
  'action.otr-end': {
    en: '{node} ends the private conversation with {to}.',
    de: '{node} beendet die private Unterhaltung mit {to}.',
  },
  'action.smp-start': {
    en: '{node} wants to make sure it is really talking to {to}, and starts SMP with a secret both should know.',
    de: '{node} will sichergehen, wirklich mit {to} zu sprechen, und startet SMP mit einem Geheimnis, das beide kennen sollten.',
  },
  'action.smp-respond': {
    en: '{node} types the shared secret to answer {to}’s SMP question.',
    de: '{node} gibt das gemeinsame Geheimnis ein, um die SMP-Frage von {to} zu beantworten.',
  },
  'action.static-publish': {
    en: '{node} sends its static public key to {to}, as people mail their PGP keys.',
    de: '{node} schickt {to} seinen statischen öffentlichen Schlüssel, so wie man PGP-Schlüssel per Mail verschickt.',
  },
  'action.send-static': {
    en: '{node} types a message to {to} and encrypts it to {to}’s static public key: “{body}”',
    de: '{node} tippt eine Nachricht an {to} und verschlüsselt sie mit dem statischen öffentlichen Schlüssel von {to}: „{body}“',
  },
  'action.keys-stolen': {
    en: '{thief} gets hold of {node}’s device for a moment and copies the keys on it. The device notices nothing.',
    de: '{thief} bekommt das Gerät von {node} kurz in die Hände und kopiert die Schlüssel darauf. Das Gerät merkt nichts.',
  },
  'action.send-signed': {
    en: '{node} types a message to {to} and signs it with its long-term signing key: “{body}”',
    de: '{node} tippt eine Nachricht an {to} und signiert sie mit seinem langlebigen Signaturschlüssel: „{body}“',
  },
  'action.muc-join': {
    en: '{node} enters the room {room} as “{nick}”.',
    de: '{node} betritt den Raum {room} als „{nick}“.',
  },
  'action.muc-leave': {
    en: '{node} leaves the room {room}.',
    de: '{node} verlässt den Raum {room}.',
  },
  'action.muc-send': {
    en: '{node} writes to the room {room}: “{body}”',
    de: '{node} schreibt in den Raum {room}: „{body}“',
  },
  'action.muc-private': {
    en: '{node} sends “{nick}” in {room} a private message: “{body}”',
    de: '{node} schickt „{nick}“ in {room} eine private Nachricht: „{body}“',
  },
  'action.muc-subject': {
    en: '{node} sets the subject of {room}: “{subject}”.',
    de: '{node} setzt das Thema von {room}: „{subject}“.',
  },
  'action.muc-kick': {
    en: '{node} kicks “{nick}” out of {room}.',
    de: '{node} wirft „{nick}“ aus {room}.',
  },
  'action.muc-grant-voice': {
    en: '{node} gives “{nick}” voice in {room}.',
    de: '{node} erteilt „{nick}“ in {room} das Rederecht.',
  },
  'action.muc-revoke-voice': {
    en: '{node} takes the voice of “{nick}” in {room} away.',
    de: '{node} entzieht „{nick}“ in {room} das Rederecht.',
  },
  'action.muc-ban': {
    en: '{node} bans {jid} from {room}.',
    de: '{node} verbannt {jid} aus {room}.',
  },
  'action.muc-member': {
    en: '{node} makes {jid} a member of {room}.',
    de: '{node} nimmt {jid} als Mitglied in {room} auf.',
  },
  'action.muc-configure': {
    en: '{node} configures the room {room}.',
    de: '{node} richtet den Raum {room} ein.',
  },
} satisfies NoteTable;
