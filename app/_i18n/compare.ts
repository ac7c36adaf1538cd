/** The architecture comparison (issue #11): its page, rows and cells, in English and German. @module */
import { byLocale } from './locales';

const compareStrings = {
  title: { en: 'Who learns what: four ways to build a messenger', de: 'Wer erfährt was: vier Arten, einen Messenger zu bauen' },
  lead: {
    en: 'The same conversation, run four times: alice and bob arrange lunch, alice asks carol to join while carol is offline, and carol answers a minute later. Each column is one design; each row one party that might be watching. Every cell is read from that run’s ledger, not written by hand — follow a link to watch the step where it was learned.',
    de: 'Dasselbe Gespräch, viermal durchgespielt: alice und bob verabreden sich zum Mittagessen, alice fragt die gerade abgemeldete carol, ob sie mitkommt, und carol antwortet eine Minute später. Jede Spalte ist eine Bauweise, jede Zeile eine Partei, die mitlesen könnte. Jede Zelle stammt aus dem Protokollbuch dieses Durchlaufs, nicht aus einer Tabelle von Hand — ein Link führt zu dem Schritt, in dem es bekannt wurde.',
  },
  conversation: { en: 'The conversation', de: 'Das Gespräch' },
  tableCaption: {
    en: 'What each party learns from the conversation, per architecture',
    de: 'Was jede Partei aus dem Gespräch erfährt, je Bauweise',
  },
  party: { en: 'Party', de: 'Partei' },
  'role.provider-alice': { en: 'alice’s and bob’s provider', de: 'Anbieter von alice und bob' },
  'role.provider-carol': { en: 'carol’s provider', de: 'Anbieter von carol' },
  'role.tap-access': { en: 'A tap on alice’s network (the café Wi-Fi)', de: 'Ein Lauscher in alices Netz (WLAN im Café)' },
  'role.tap-between': { en: 'A tap between the providers', de: 'Ein Lauscher zwischen den Anbietern' },
  'role.bob': { en: 'bob, another user', de: 'bob, ein anderer Nutzer' },
  'role.carol': { en: 'carol, another user', de: 'carol, eine andere Nutzerin' },
  noParty: { en: 'There is no such party in this design.', de: 'Diese Partei gibt es bei dieser Bauweise nicht.' },
  noPartyBetween: {
    en: 'No such link: one provider carries everything inside its own network.',
    de: 'Keine solche Leitung: Ein einziger Anbieter befördert alles im eigenen Netz.',
  },
  sameProvider: { en: 'the same provider as above', de: 'derselbe Anbieter wie oben' },
  reads: { en: 'Reads {n} of {total} lines', de: 'Liest {n} von {total} Zeilen' },
  seesNotReads: { en: 'Sees {n} of {total} lines, reads none', de: 'Sieht {n} von {total} Zeilen, liest keine' },
  seesSomeReads: { en: 'Sees {seen} of {total} lines, reads {n}', de: 'Sieht {seen} von {total} Zeilen, liest {n}' },
  seesNothing: { en: 'Sees no line of the conversation', de: 'Sieht keine Zeile des Gesprächs' },
  contacts: { en: 'Who writes to whom: {list}', de: 'Wer wem schreibt: {list}' },
  protocol: { en: '{n} OTR protocol messages (query and key exchange)', de: '{n} OTR-Protokollnachrichten (Anfrage und Schlüsselaustausch)' },
  addresses: { en: 'IP addresses: {list}', de: 'IP-Adressen: {list}' },
  presence: { en: 'Online status: {n} presence updates', de: 'Online-Status: {n} Präsenzmeldungen' },
  offline: { en: 'Held a message for {list} while offline', de: 'Hielt eine Nachricht für {list} bereit, solange offline' },
  accounts: { en: 'Stores the login data of {n} accounts', de: 'Speichert die Anmeldedaten von {n} Konten' },
  sealed: { en: '{n} TLS records it cannot open: only sizes and times', de: '{n} TLS-Records, die er nicht öffnen kann: nur Größen und Zeiten' },
  watch: { en: 'Watch it as {observer}', de: 'Als {observer} ansehen' },
  lineRead: { en: 'read', de: 'gelesen' },
  lineSealed: { en: 'seen, not readable', de: 'gesehen, nicht lesbar' },
  takeaway: {
    en: 'End-to-end encryption empties the “reads” line of every provider, and nothing else: who writes to whom, when, how much and from which address stays with them. Federation splits that knowledge between providers; it does not remove it.',
    de: 'Ende-zu-Ende-Verschlüsselung leert bei jedem Anbieter die Zeile „liest“ und sonst nichts: Wer wem wann wie viel und von welcher Adresse schreibt, bleibt bei ihnen. Föderation verteilt dieses Wissen auf mehrere Anbieter; sie beseitigt es nicht.',
  },
  notYet: {
    en: 'Not yet in this comparison: a group of three (group chat is being built), a peer-to-peer design after a rendezvous (needs the calls and NAT work), OMEMO, and the minimisation switches (sealed sender, no presence, padding).',
    de: 'Noch nicht in diesem Vergleich: eine Gruppe zu dritt (Gruppenchat entsteht gerade), eine Peer-to-Peer-Bauweise nach einem Rendezvous (braucht die Arbeit an Anrufen und NAT), OMEMO und die Schalter zur Datensparsamkeit (Sealed Sender, keine Präsenz, Padding).',
  },
  overviewLink: { en: 'Who learns what: four architectures compared', de: 'Wer erfährt was: vier Bauweisen im Vergleich' },
  overviewLinkBlurb: {
    en: 'One conversation, run centralised and federated, with and without end-to-end encryption.',
    de: 'Ein Gespräch, zentral und föderiert, mit und ohne Ende-zu-Ende-Verschlüsselung.',
  },
} as const;

export type CompareKey = keyof typeof compareStrings;
export const compare = byLocale(compareStrings);
