/**
 * What a person (or the script) asks a client to do: the Action union, discriminated on `type`, and
 * a script step. `keys-stolen` is internal: lib/scenarios/observer-steps.ts adds one at each theft a
 * thief observer declares; a script may not contain it.
 * @module
 */
import { boolean, integer, list, number, object, oneOf, optional, text, union, type Infer } from './dsl';
import { L } from './label';

/** RFC 7622 caps each JID part at 1023 bytes; a body up to 64 KiB keeps a page responsive. */
export const MAX_BODY = 64 * 1024;
export const MAX_SECRET = 1024;
const MAX_RAW = 16 * 1024;
/** A script spans at most a virtual day. */
export const MAX_TIME = 24 * 3600 * 1000;

export const saslMechanism = oneOf(
  { label: L('SASL mechanism', 'SASL-Mechanismus'), description: L('A SASL mechanism of RFC 6120 §6 that the engine speaks.', 'Ein SASL-Mechanismus aus RFC 6120 §6, den die Engine spricht.') },
  ['SCRAM-SHA-256-PLUS', 'SCRAM-SHA-256', 'SCRAM-SHA-1', 'PLAIN'],
);

/** What a thief can take from a device (what it then holds: lib/knowledge/e2e-keyring.ts, stolenKeyring). */
export const stolenKind = oneOf(
  { label: L('What is stolen', 'Was gestohlen wird'), description: L('Long-term keys, the current OTR session keys, or the static key of the contrast scheme.', 'Langlebige Schlüssel, die aktuellen OTR-Sitzungsschlüssel oder der statische Schlüssel des Vergleichsverfahrens.') },
  ['long-term-keys', 'otr-session', 'static-key'],
  {
    'long-term-keys': L('Long-term keys', 'Langlebige Schlüssel'),
    'otr-session': L('Current OTR session keys', 'Aktuelle OTR-Sitzungsschlüssel'),
    'static-key': L('Static key', 'Statischer Schlüssel'),
  },
);

/** The `show` values of RFC 6121 §4.7.2.1. */
const presenceShow = oneOf({ label: L('Show', 'Status'), description: L('RFC 6121 §4.7.2.1; absent: available.', 'RFC 6121 §4.7.2.1; fehlt er: verfügbar.') }, ['away', 'chat', 'dnd', 'xa'], {
  away: L('Away', 'Abwesend'),
  chat: L('Free to chat', 'Gesprächsbereit'),
  dnd: L('Do not disturb', 'Nicht stören'),
  xa: L('Away for longer', 'Länger abwesend'),
});

/** Message types of RFC 6121 §5.2.2. */
const messageType = oneOf({ label: L('Message type', 'Nachrichtentyp'), description: L('RFC 6121 §5.2.2.', 'RFC 6121 §5.2.2.'), default: 'chat' }, ['chat', 'normal', 'headline', 'groupchat'], {
  chat: L('Chat', 'Chat'),
  normal: L('Normal', 'Normal'),
  headline: L('Headline', 'Schlagzeile'),
  groupchat: L('Group chat', 'Gruppenchat'),
});

const to = text({ label: L('To', 'An'), description: L('The address: a bare or full JID, or a domain.', 'Die Adresse: eine reine oder volle JID oder eine Domain.') }, { format: 'jid' });
const toOptional = optional(text({ label: L('To', 'An'), description: L('Absent: the own server.', 'Fehlt sie: der eigene Server.') }, { format: 'jid' }));
const toPerson = text({ label: L('To', 'An'), description: L('A person’s JID, bare or full (XEP-0364 §4.2): never a server.', 'Die JID einer Person, rein oder voll (XEP-0364 §4.2): nie ein Server.') }, { format: 'person-jid' });
const contact = text({ label: L('Contact', 'Kontakt'), description: L('The contact’s bare JID.', 'Die reine JID des Kontakts.') }, { format: 'bare-jid' });
const body = text({ label: L('Text', 'Text') }, { maxLength: MAX_BODY });
const secret = text({ label: L('Secret', 'Geheimnis'), description: L('What both sides must know; SMP compares it without revealing it.', 'Was beide Seiten wissen müssen; SMP vergleicht es, ohne es preiszugeben.') }, { minLength: 1, maxLength: MAX_SECRET });

const empty = (en: string, de: string) => object({ label: L(en, de) }, {});

/** XEP-0045: a room is addressed by its bare room JID (`lab@conference.a.example`), an occupant by nickname. */
const room = text({ label: L('Room', 'Raum'), description: L('The room’s address, e.g. lab@conference.a.example (XEP-0045).', 'Die Adresse des Raums, z. B. lab@conference.a.example (XEP-0045).') }, { format: 'bare-jid' });
const nick = text({ label: L('Nickname', 'Spitzname'), description: L('The name in the room (the resource of the occupant JID).', 'Der Name im Raum (die Ressource der Teilnehmer-JID).') }, { format: 'resource' });
const onOff = (en: string, de: string) => optional(boolean({ label: L(en, de) }));
const roomNick = (en: string, de: string, description?: [string, string]) => object({ label: L(en, de), ...(description ? { description: L(...description) } : {}) }, { room, nick });
const jidOnly = (en: string, de: string) => object({ label: L(en, de) }, { jid: contact });

export const action = union({ label: L('Action', 'Aktion') }, 'type', {
  connect: empty('Connect', 'Verbinden'),
  disconnect: empty('Disconnect', 'Trennen'),
  'send-message': object(
    { label: L('Send a message', 'Nachricht senden') },
    {
      to,
      body,
      messageType: optional(messageType),
    },
  ),
  'retry-login': object(
    { label: L('Retry the login', 'Anmeldung wiederholen'), description: L('Retry SASL on the open stream after a failure, with another password and/or mechanism.', 'SASL auf dem offenen Stream nach einem Fehlschlag wiederholen, mit einem anderen Passwort und/oder Mechanismus.') },
    { password: optional(text({ label: L('Password', 'Passwort') })), mechanism: optional(saslMechanism) },
  ),
  'set-presence': object(
    { label: L('Set presence', 'Anwesenheit setzen') },
    {
      show: optional(presenceShow),
      status: optional(text({ label: L('Status text', 'Statustext') }, { maxLength: 1024 })),
      priority: optional(integer({ label: L('Priority', 'Priorität'), default: 0 }, -128, 127)),
      unavailable: optional(boolean({ label: L('Go offline', 'Offline gehen'), default: false })),
    },
  ),
  'add-contact': object(
    { label: L('Add a contact', 'Kontakt hinzufügen'), description: L('Roster set (RFC 6121 §2.3), then a subscription request (§3.1).', 'Roster-Eintrag (RFC 6121 §2.3), dann eine Abonnement-Anfrage (§3.1).') },
    { jid: contact, name: optional(text({ label: L('Name', 'Name') })) },
  ),
  subscribe: jidOnly('Subscribe', 'Abonnieren'),
  unsubscribe: jidOnly('Unsubscribe', 'Abo beenden'),
  'approve-subscription': jidOnly('Approve a subscription', 'Abonnement erlauben'),
  'deny-subscription': jidOnly('Deny a subscription', 'Abonnement ablehnen'),
  'remove-contact': jidOnly('Remove a contact', 'Kontakt entfernen'),
  'roster-get': empty('Fetch the roster', 'Roster abrufen'),
  'disco-info': object({ label: L('Ask what a service offers', 'Dienst-Fähigkeiten erfragen'), description: L('XEP-0030 disco#info.', 'XEP-0030 disco#info.') }, { to: toOptional }),
  'disco-items': object({ label: L('Ask for a service’s items', 'Dienst-Einträge erfragen'), description: L('XEP-0030 disco#items.', 'XEP-0030 disco#items.') }, { to: toOptional }),
  ping: object({ label: L('Ping', 'Ping'), description: L('XEP-0199.', 'XEP-0199.') }, { to: toOptional }),
  'send-raw': object(
    { label: L('Send raw bytes', 'Rohe Bytes senden'), description: L('Typed bytes, sent as they are on the stream (inside TLS when TLS is up).', 'Getippte Bytes, so wie sie sind auf den Stream gesendet (in TLS, wenn TLS steht).') },
    { text: text({ label: L('Bytes', 'Bytes') }, { maxLength: MAX_RAW }) },
  ),
  'otr-start': object({ label: L('Start OTR', 'OTR starten'), description: L('Send an OTR Query Message “?OTRv23?”.', 'Eine OTR-Anfrage „?OTRv23?“ senden.') }, { to: toPerson }),
  'otr-end': object({ label: L('End OTR', 'OTR beenden'), description: L('TLV 1, then forget the session keys.', 'TLV 1, dann die Sitzungsschlüssel vergessen.') }, { to: toPerson }),
  'smp-start': object(
    { label: L('Ask an SMP question', 'SMP-Frage stellen'), description: L('Start the Socialist Millionaires’ Protocol in the encrypted session.', 'Das Socialist Millionaires’ Protocol in der verschlüsselten Sitzung beginnen.') },
    { to: toPerson, secret, question: optional(text({ label: L('Question', 'Frage') }, { maxLength: MAX_SECRET })) },
  ),
  'smp-respond': object({ label: L('Answer an SMP question', 'SMP-Frage beantworten') }, { to: toPerson, secret }),
  'static-publish': object(
    { label: L('Publish the static key', 'Statischen Schlüssel veröffentlichen'), description: L('The static-key contrast (modelled, not OpenPGP): send our public key.', 'Der Vergleich mit statischen Schlüsseln (modelliert, nicht OpenPGP): den eigenen öffentlichen Schlüssel senden.') },
    { to: toPerson },
  ),
  'send-static': object(
    { label: L('Send with the static key', 'Mit statischem Schlüssel senden'), description: L('Encrypt to the static public key the recipient published to us.', 'Mit dem statischen öffentlichen Schlüssel verschlüsseln, den der Empfänger uns geschickt hat.') },
    { to: toPerson, body },
  ),
  'send-signed': object(
    { label: L('Send a signed message', 'Signierte Nachricht senden'), description: L('The signed contrast (modelled): the text signed with our Ed25519 key, in clear.', 'Der Vergleich mit Signaturen (modelliert): der Text mit dem eigenen Ed25519-Schlüssel signiert, im Klartext.') },
    { to: toPerson, body },
  ),
  'muc-join': object(
    { label: L('Enter a room', 'Raum betreten'), description: L('Presence to room/nick with the MUC element (XEP-0045 §7.2); a room that does not exist yet is created, locked, with us as owner (§10.1).', 'Präsenz an Raum/Spitzname mit dem MUC-Element (XEP-0045 §7.2); einen Raum, den es noch nicht gibt, legt der Dienst gesperrt an, mit uns als Besitzer (§10.1).') },
    { room, nick, password: optional(text({ label: L('Room password', 'Raumpasswort') }, { maxLength: MAX_SECRET })) },
  ),
  'muc-leave': object({ label: L('Leave a room', 'Raum verlassen'), description: L('Unavailable presence to our occupant JID (XEP-0045 §7.14).', 'Presence „unavailable“ an die eigene Teilnehmer-JID (XEP-0045 §7.14).') }, { room }),
  'muc-send': object({ label: L('Write to a room', 'In einen Raum schreiben'), description: L('A groupchat message to the room JID, reflected to every occupant (XEP-0045 §7.4).', 'Eine groupchat-Nachricht an die Raum-JID, die der Dienst an alle Anwesenden verteilt (XEP-0045 §7.4).') }, { room, body }),
  'muc-private': object({ label: L('Private message in a room', 'Private Nachricht im Raum'), description: L('A chat message to an occupant JID, delivered through the room (XEP-0045 §7.5).', 'Eine Chatnachricht an eine Teilnehmer-JID, zugestellt über den Raum (XEP-0045 §7.5).') }, { room, nick, body }),
  'muc-subject': object({ label: L('Set the room subject', 'Raumthema setzen'), description: L('A groupchat message with a subject and no body (XEP-0045 §8.1).', 'Eine groupchat-Nachricht mit Thema und ohne Text (XEP-0045 §8.1).') }, { room, subject: text({ label: L('Subject', 'Thema') }, { maxLength: 1024 }) }),
  'muc-kick': roomNick('Kick an occupant', 'Teilnehmer hinauswerfen', ['Role none, by nickname (XEP-0045 §8.2).', 'Rolle „none“, über den Spitznamen (XEP-0045 §8.2).']),
  'muc-grant-voice': roomNick('Grant voice', 'Rederecht erteilen', ['Role participant for a visitor (XEP-0045 §8.3).', 'Rolle „participant“ für einen Besucher (XEP-0045 §8.3).']),
  'muc-revoke-voice': roomNick('Revoke voice', 'Rederecht entziehen', ['Role visitor for a participant (XEP-0045 §8.4).', 'Rolle „visitor“ für einen Teilnehmer (XEP-0045 §8.4).']),
  'muc-ban': object({ label: L('Ban a user', 'Nutzer verbannen'), description: L('Affiliation outcast for a bare JID (XEP-0045 §9.1).', 'Zugehörigkeit „outcast“ für eine bare JID (XEP-0045 §9.1).') }, { room, jid: contact }),
  'muc-member': object({ label: L('Make a member', 'Zum Mitglied machen'), description: L('Affiliation member for a bare JID (XEP-0045 §9.3).', 'Zugehörigkeit „member“ für eine bare JID (XEP-0045 §9.3).') }, { room, jid: contact }),
  'muc-configure': object(
    { label: L('Configure a room', 'Raum einrichten'), description: L('Submit the room configuration form (XEP-0045 §10.2); with no field set, an instant room (§10.1.2).', 'Das Einstellungsformular des Raums absenden (XEP-0045 §10.2); ohne gesetztes Feld ein Sofortraum (§10.1.2).') },
    {
      room,
      membersOnly: onOff('Members only', 'Nur für Mitglieder'),
      moderated: onOff('Moderated', 'Moderiert'),
      whois: optional(
        oneOf({ label: L('Who sees real JIDs', 'Wer echte JIDs sieht'), description: L('muc#roomconfig_whois: moderators (semi-anonymous) or anyone (non-anonymous).', 'muc#roomconfig_whois: Moderatoren (halb-anonym) oder alle (nicht anonym).') }, ['moderators', 'anyone'], {
          moderators: L('Moderators only', 'Nur Moderatoren'),
          anyone: L('Anyone', 'Alle'),
        }),
      ),
      password: optional(text({ label: L('Room password', 'Raumpasswort'), description: L('Empty: no password.', 'Leer: kein Passwort.') }, { maxLength: MAX_SECRET })),
    },
  ),
  'keys-stolen': object(
    { label: L('Keys stolen', 'Schlüssel gestohlen'), internal: true, description: L('Added at each theft of a thief observer, on the robbed device, so the trace shows the theft.', 'Bei jedem Diebstahl eines Dieb-Beobachters auf dem beraubten Gerät eingefügt, damit der Ablauf den Diebstahl zeigt.') },
    { thief: text({ label: L('Thief', 'Dieb') }), what: list({ label: L('What is stolen', 'Was gestohlen wird') }, stolenKind, 1) },
  ),
});

export const scriptStep = object(
  { label: L('Script step', 'Skriptschritt') },
  {
    at: number({ label: L('At (ms)', 'Zeitpunkt (ms)'), description: L('Virtual time at which the action happens.', 'Virtuelle Zeit, zu der die Aktion geschieht.') }, 0, MAX_TIME),
    node: text({ label: L('Client', 'Client'), description: L('Id of the client that acts.', 'Kennung des Clients, der handelt.'), ref: 'client' }),
    action,
  },
);

export type Action = Infer<typeof action>;
export type ScriptStep = Infer<typeof scriptStep>;
export type SaslMechanismSetting = Infer<typeof saslMechanism>;
export type StolenKind = Infer<typeof stolenKind>;
export type PresenceShow = Infer<typeof presenceShow>;
export type MessageType = Infer<typeof messageType>;
