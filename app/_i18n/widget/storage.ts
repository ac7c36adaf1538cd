/** The scenario widget's Storage tab: what a server holds after a step; each key once, English and German side by side. @module */
import type { BilingualTable } from '../locales';

export const storageStrings = {
  tabStorage: { en: 'Storage', de: 'Speicher' },
  storageServer: { en: 'Server', de: 'Server' },
  storageAfter: { en: 'What {server} holds after step {step}', de: 'Was {server} nach Schritt {step} gespeichert hat' },
  storageInitial: { en: 'What {server} holds before the first step', de: 'Was {server} vor dem ersten Schritt gespeichert hat' },
  storageWhy: {
    en: 'What its operator, a thief of its disk, or an order served on it would find. Not what crossed its links: that is the Knowledge tab.',
    de: 'Was sein Betreiber, ein Dieb seiner Festplatte oder eine behördliche Anordnung dort vorfände. Nicht, was über seine Leitungen lief: Das zeigt der Reiter Wissen.',
  },
  storageNoServer: { en: 'This scenario has no server.', de: 'Dieses Szenario hat keinen Server.' },
  storageLensNone: {
    en: '{who} is not a server and holds no server’s storage. Choose “everyone” in Seen by to look into the servers.',
    de: '{who} ist kein Server und hat keinen Serverspeicher. Wählen Sie bei „Sicht von“ „allen“, um in die Server zu sehen.',
  },
  storageAccounts: { en: 'Accounts', de: 'Konten' },
  storageColAccount: { en: 'Account', de: 'Konto' },
  storageColLogin: { en: 'Login data kept', de: 'Gespeicherte Anmeldedaten' },
  storageColRoster: { en: 'Contacts (roster)', de: 'Kontakte (Roster)' },
  storageColOffline: { en: 'Messages waiting', de: 'Wartende Nachrichten' },
  storageScram: {
    en: '{mechanism}: s={salt}…, i={iterations}, StoredKey {storedKey}…, ServerKey {serverKey}…',
    de: '{mechanism}: s={salt}…, i={iterations}, StoredKey {storedKey}…, ServerKey {serverKey}…',
  },
  storageNoPassword: {
    en: 'No password: SCRAM keeps only what checks a proof (RFC 5802 §3). A stolen copy still lets an attacker guess offline.',
    de: 'Kein Passwort: SCRAM speichert nur, was einen Beweis prüft (RFC 5802 §3). Eine gestohlene Kopie erlaubt trotzdem Rateversuche offline.',
  },
  storageRosterItem: { en: '{jid} — subscription {subscription}', de: '{jid} – Abonnement {subscription}' },
  storageRosterAsk: { en: ', request pending', de: ', Anfrage offen' },
  storageNone: { en: 'none', de: 'keine' },
  storageOfflineItem: { en: 'from {from}, stamped {stamp}:', de: 'von {from}, Zeitstempel {stamp}:' },
  storageOfflineOtr: { en: 'OTR ciphertext, unreadable to the server', de: 'OTR-Geheimtext, für den Server unlesbar' },
  storageOnline: { en: 'Online now', de: 'Gerade online' },
  storageOnlineItem: { en: '{jid} from {ip}, port {port}', de: '{jid} von {ip}, Port {port}' },
  storageNobody: { en: 'Nobody.', de: 'Niemand.' },
  storageLog: { en: 'Connection log', de: 'Verbindungsprotokoll' },
  storageLogWhy: {
    en: 'XMPP requires no such log, but nearly every server keeps one (Prosody and ejabberd log each login with its address): it is where “last seen” comes from.',
    de: 'XMPP verlangt kein solches Protokoll, doch fast jeder Server führt eines (Prosody und ejabberd protokollieren jede Anmeldung mit Adresse): Daher kommt „zuletzt gesehen“.',
  },
  storageLogOpen: { en: '{jid} from {ip}: online since step {since} ({sinceTime})', de: '{jid} von {ip}: online seit Schritt {since} ({sinceTime})' },
  storageLogClosed: { en: '{jid} from {ip}: steps {since}–{until} ({sinceTime} to {untilTime}), last seen then', de: '{jid} von {ip}: Schritte {since}–{until} ({sinceTime} bis {untilTime}), zuletzt gesehen dann' },
  storagePeers: { en: 'Federation peers', de: 'Föderationspartner' },
  storagePeerOut: { en: '{domain}: our stream to it, {state}', de: '{domain}: unser Stream dorthin, {state}' },
  storagePeerIn: { en: '{domain}: its stream to us, {state}', de: '{domain}: sein Stream zu uns, {state}' },
  storagePeerVerified: { en: 'verified by dialback', de: 'per Dialback geprüft' },
  storagePeerPending: { en: 'not yet verified', de: 'noch nicht geprüft' },
} satisfies BilingualTable;
