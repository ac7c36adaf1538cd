/**
 * Narration of Multi-User Chat (XEP-0045): what the room service at conference.<domain> does (entry,
 * refusals, reflection, moderation, configuration) and what a client does with rooms.
 * Each key once, English and German side by side; lib/narration/notes.ts merges the areas.
 * @module
 */
import type { NoteTable } from '../note-table';

export const mucNotes = {
  // --- the room service ------------------------------------------------------------------------------
  'muc.room-created': {
    en: 'The room {room} did not exist, so the service creates it, makes {nick} ({jid}) its owner and locks it: nobody else may enter until the owner has configured it.',
    de: 'Den Raum {room} gab es noch nicht: Der Dienst legt ihn an, macht {nick} ({jid}) zum Besitzer und sperrt ihn. Niemand sonst kommt hinein, bevor der Besitzer ihn eingerichtet hat.',
  },
  'muc.entered': {
    en: '{jid} enters {room} as “{nick}”: affiliation {affiliation}, role {role}. The room sends the occupant list first, then the newcomer’s own presence, history and subject. Who sees real JIDs: {whois}.',
    de: '{jid} betritt {room} als „{nick}“: Zugehörigkeit {affiliation}, Rolle {role}. Der Raum schickt zuerst die Liste der Anwesenden, dann die eigene Präsenz des Neuen, den Verlauf und das Thema. Echte JIDs sehen: {whois}.',
  },
  'muc.left': {
    en: '“{nick}” leaves {room}; the room tells everyone still inside.',
    de: '„{nick}“ verlässt {room}; der Raum teilt es allen mit, die noch drin sind.',
  },
  'muc.refused': {
    en: 'The room {room} refuses the {element} from {from}: {condition} ({rule}).',
    de: 'Der Raum {room} weist die {element}-Stanza von {from} zurück: {condition} ({rule}).',
  },
  'muc.refused-visitor': {
    en: '{from} is only a visitor in the moderated room {room} and has no voice: the message is refused with {condition} and reaches nobody ({rule}).',
    de: '{from} ist im moderierten Raum {room} nur Besucher und hat kein Rederecht: Die Nachricht wird mit {condition} abgelehnt und erreicht niemanden ({rule}).',
  },
  'muc.refused-banned': {
    en: '{from} is banned from {room} (affiliation outcast): entry refused with {condition} ({rule}).',
    de: '{from} ist aus {room} verbannt (Zugehörigkeit „outcast“): Der Zutritt wird mit {condition} verweigert ({rule}).',
  },
  'muc.groupchat': {
    en: '“{nick}” writes to {room}: “{body}”. The service puts the sender’s room address on it and sends a copy to each of the {count} occupants, and keeps it for the history.',
    de: '„{nick}“ schreibt in {room}: „{body}“. Der Dienst setzt die Raumadresse des Absenders ein, schickt jedem der {count} Anwesenden eine Kopie und bewahrt sie für den Verlauf auf.',
  },
  'muc.subject': {
    en: '“{nick}” sets the subject of {room}: “{subject}”.',
    de: '„{nick}“ setzt das Thema von {room}: „{subject}“.',
  },
  'muc.private': {
    en: '“{from}” sends a private message to “{to}” through {room}. The room delivers it to the real address it knows; the recipient sees only the sender’s room nickname.',
    de: '„{from}“ schickt „{to}“ über {room} eine private Nachricht. Der Raum stellt sie an die echte Adresse zu, die er kennt; der Empfänger sieht nur den Spitznamen des Absenders im Raum.',
  },
  'muc.kicked': {
    en: '“{by}” kicks “{nick}” out of {room}: role none, status 307. The user may come back; a kick is not a ban.',
    de: '„{by}“ wirft „{nick}“ aus {room}: Rolle „none“, Status 307. Die Person darf wiederkommen; ein Rauswurf ist keine Verbannung.',
  },
  'muc.role-changed': {
    en: '“{by}” changes the role of “{nick}” in {room} from {from} to {to}; every occupant gets the new presence.',
    de: '„{by}“ ändert die Rolle von „{nick}“ in {room} von {from} zu {to}; alle Anwesenden bekommen die neue Präsenz.',
  },
  'muc.affiliation-changed': {
    en: '“{by}” makes {jid} {affiliation} of {room}. An affiliation belongs to the bare JID and lasts beyond the visit.',
    de: '„{by}“ gibt {jid} in {room} die Zugehörigkeit {affiliation}. Eine Zugehörigkeit hängt an der bare JID und gilt über den Besuch hinaus.',
  },
  'muc.banned': {
    en: '“{by}” bans {jid} from {room}: affiliation outcast, status 301. The ban is on the bare JID, so no device of that account gets back in.',
    de: '„{by}“ verbannt {jid} aus {room}: Zugehörigkeit „outcast“, Status 301. Die Verbannung gilt der bare JID, also kommt kein Gerät dieses Kontos wieder hinein.',
  },
  'muc.unlocked': {
    en: 'The owner has configured {room}, and the service unlocks it. Members-only: {membersOnly}; moderated: {moderated}; real JIDs visible to: {whois}; password: {password}.',
    de: 'Der Besitzer hat {room} eingerichtet, und der Dienst gibt den Raum frei. Nur für Mitglieder: {membersOnly}; moderiert: {moderated}; echte JIDs sehen: {whois}; Passwort: {password}.',
  },
  'muc.configured': {
    en: 'The owner changes the configuration of {room}. Members-only: {membersOnly}; moderated: {moderated}; real JIDs visible to: {whois}; password: {password}.',
    de: 'Der Besitzer ändert die Einstellungen von {room}. Nur für Mitglieder: {membersOnly}; moderiert: {moderated}; echte JIDs sehen: {whois}; Passwort: {password}.',
  },
  'muc.destroyed': {
    en: 'The owner cancelled the configuration of the new room {room}, so the service destroys it.',
    de: 'Der Besitzer hat die Einrichtung des neuen Raums {room} abgebrochen, also löscht der Dienst ihn.',
  },
  'muc.config-form': {
    en: '{server} sends {from} the configuration form of {about}.',
    de: '{server} schickt {from} das Einstellungsformular von {about}.',
  },
  'muc.config-result': {
    en: '{server} confirms to {from}: the configuration of {about} is stored.',
    de: '{server} bestätigt {from}: Die Einstellungen von {about} sind gespeichert.',
  },
  'muc.config-cancelled': {
    en: '{server} confirms to {from} that the configuration of {about} was cancelled.',
    de: '{server} bestätigt {from}, dass die Einrichtung von {about} abgebrochen ist.',
  },
  'muc.admin-result': {
    en: '{server} confirms to {from} that the change in {about} is done.',
    de: '{server} bestätigt {from}, dass die Änderung in {about} erledigt ist.',
  },
  'muc.list': {
    en: '{server} sends {from} the list it asked {about} for.',
    de: '{server} schickt {from} die Liste, die es von {about} erfragt hat.',
  },
  'muc.disco-info': {
    en: '{server} describes {about} to {from}: its identity and features.',
    de: '{server} beschreibt {from}, was {about} ist und kann.',
  },
  'muc.disco-items': {
    en: '{server} lists the rooms of {about} for {from}.',
    de: '{server} zählt {from} die Räume von {about} auf.',
  },
  // --- a client in rooms -----------------------------------------------------------------------------
  'muc.client-send': {
    en: '{client} sends its <{stanza}/> for {room} to its own server, which passes it on to the room service.',
    de: '{client} schickt seine <{stanza}/>-Stanza für {room} an den eigenen Server, der sie an den Raumdienst weiterreicht.',
  },
  'muc.client-not-in-room': {
    en: '{client} is not in {room}, so there is nothing to leave.',
    de: '{client} ist nicht in {room}, es gibt also nichts zu verlassen.',
  },
  'muc.client-join-refused': {
    en: '{client} may not enter {room}: the room answered {condition}.',
    de: '{client} darf {room} nicht betreten: Der Raum antwortet mit {condition}.',
  },
  'muc.client-created': {
    en: '{client} has created {room} and owns it (status 201). The room stays locked until {client} configures it.',
    de: '{client} hat {room} angelegt und ist Besitzer (Status 201). Der Raum bleibt gesperrt, bis {client} ihn einrichtet.',
  },
  'muc.client-joined': {
    en: '{client} is in {room} as “{nick}” (role {role}, affiliation {affiliation}); {count:one other occupant was|# other occupants were} listed first.',
    de: '{client} ist als „{nick}“ in {room} (Rolle {role}, Zugehörigkeit {affiliation}); zuvor kam die Liste mit {count:einem weiteren Anwesenden|# weiteren Anwesenden}.',
  },
  'muc.client-joined-public': {
    en: '{client} is in {room} as “{nick}” (role {role}, affiliation {affiliation}). Status 100 warns: this room is non-anonymous, every occupant sees {client}’s real JID.',
    de: '{client} ist als „{nick}“ in {room} (Rolle {role}, Zugehörigkeit {affiliation}). Status 100 warnt: Der Raum ist nicht anonym, alle Anwesenden sehen die echte JID von {client}.',
  },
  'muc.client-role': {
    en: '{client}’s standing in {room} has changed: role {role}, affiliation {affiliation}.',
    de: 'Die Stellung von {client} in {room} hat sich geändert: Rolle {role}, Zugehörigkeit {affiliation}.',
  },
  'muc.client-occupant': {
    en: '{client} learns that “{nick}” is in {room} (role {role}), but not who it is: the room keeps the real JID to itself.',
    de: '{client} erfährt, dass „{nick}“ in {room} ist (Rolle {role}), aber nicht, wer dahintersteckt: Der Raum behält die echte JID für sich.',
  },
  'muc.client-occupant-jid': {
    en: '{client} learns that “{nick}” is in {room} (role {role}) and that “{nick}” is {jid}.',
    de: '{client} erfährt, dass „{nick}“ in {room} ist (Rolle {role}) und dass „{nick}“ {jid} ist.',
  },
  'muc.client-occupant-left': {
    en: '{client} sees “{nick}” leave {room}.',
    de: '{client} sieht „{nick}“ {room} verlassen.',
  },
  'muc.client-occupant-kicked': {
    en: '{client} sees “{nick}” kicked out of {room} (status 307).',
    de: '{client} sieht, wie „{nick}“ aus {room} geworfen wird (Status 307).',
  },
  'muc.client-occupant-banned': {
    en: '{client} sees “{nick}” banned from {room} (status 301).',
    de: '{client} sieht, wie „{nick}“ aus {room} verbannt wird (Status 301).',
  },
  'muc.client-left': {
    en: '{client} has left {room}.',
    de: '{client} hat {room} verlassen.',
  },
  'muc.client-kicked': {
    en: '{client} has been kicked out of {room} (status 307).',
    de: '{client} wurde aus {room} geworfen (Status 307).',
  },
  'muc.client-banned': {
    en: '{client} has been banned from {room} (status 301) and cannot come back.',
    de: '{client} wurde aus {room} verbannt (Status 301) und kann nicht zurück.',
  },
  'muc.client-removed': {
    en: '{client} was removed from {room}: it is members-only now, and {client} is no member.',
    de: '{client} wurde aus {room} entfernt: Der Raum ist jetzt nur für Mitglieder, und {client} ist keines.',
  },
  'muc.client-message': {
    en: '{client} shows “{body}” from “{nick}” in {room}.',
    de: '{client} zeigt „{body}“ von „{nick}“ in {room}.',
  },
  'muc.client-history': {
    en: '{client} gets from the room’s history what “{nick}” wrote before it came in: “{body}” (sent {stamp}).',
    de: '{client} bekommt aus dem Verlauf des Raums, was „{nick}“ vor seinem Eintreten schrieb: „{body}“ (gesendet {stamp}).',
  },
  'muc.client-subject': {
    en: '{client} shows the subject of {room}: “{subject}”.',
    de: '{client} zeigt das Thema von {room}: „{subject}“.',
  },
  'muc.client-now-public': {
    en: '{room} tells {client}: from now on every occupant sees every real JID (status 172).',
    de: '{room} teilt {client} mit: Ab jetzt sieht jeder Anwesende jede echte JID (Status 172).',
  },
  'muc.client-now-semi': {
    en: '{room} tells {client}: from now on only moderators see real JIDs (status 173).',
    de: '{room} teilt {client} mit: Ab jetzt sehen nur Moderatoren echte JIDs (Status 173).',
  },
  'muc.client-notice': {
    en: '{room} tells {client} that its configuration has changed (status {codes}).',
    de: '{room} teilt {client} mit, dass sich die Einstellungen geändert haben (Status {codes}).',
  },
  'muc.client-refused': {
    en: '{client}’s message to {room} came back refused: {condition}.',
    de: 'Die Nachricht von {client} an {room} kam abgelehnt zurück: {condition}.',
  },
} as const satisfies NoteTable;
