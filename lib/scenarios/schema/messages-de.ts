/** Die Meldungen des Ladens auf Deutsch, eine je Code (issues.ts). @module */
import type { JidField, JidReason } from '../../xmpp/jid';
import type { Format, JidProblem } from './formats';
import type { Messages } from './issues';

/** With the article and adjective, as the sentence „x“ ist … needs them. */
const FORMAT: Record<Format, string> = {
  id: 'keine gültige Kennung (Kleinbuchstaben, Ziffern, . _ : ~ -)',
  ipv4: 'keine gültige IPv4-Adresse',
  domain: 'keine gültige Domain',
  host: 'kein gültiger Hostname',
  'srv-name': 'kein gültiger SRV-Name (_xmpp-server._tcp.<domain>)',
  localpart: 'kein gültiger Benutzername',
  resource: 'keine gültige Ressource',
  'bare-jid': 'keine gültige reine JID (lokalteil@domain)',
  jid: 'keine gültige JID',
  'person-jid': 'keine gültige JID',
};

const PART: Record<JidField, string> = { localpart: 'der Lokalteil', domainpart: 'der Domainteil', resourcepart: 'der Ressourcenteil' };

const REASON: Record<JidReason, string> = {
  empty: 'ist leer',
  'too-long': 'ist länger als 1023 Bytes',
  'forbidden-character': 'enthält ein Zeichen, das RFC 7622 dort verbietet',
  'disallowed-character': 'enthält ein unzulässiges Zeichen',
  'empty-label': 'hat ein leeres Label (zwei Punkte hintereinander?)',
  'label-too-long': 'hat ein Label, das länger als 63 Bytes ist',
  'bad-hyphen': 'hat ein Label, das mit einem Bindestrich beginnt oder endet',
  'bad-ip-literal': 'ist keine gültige IPv6-Adresse in eckigen Klammern',
  unstable: 'ändert sich bei jeder Normalisierung von Neuem',
};

const why = (p?: JidProblem) => (p ? `: ${PART[p.part]} ${REASON[p.reason]}` : '');

export const messagesDe: Messages = {
  json: (p) => `kein gültiges JSON: ${p.detail}`,
  version: (p) => `unbekannte Formatversion ${p.value} (dieses Labor liest die Versionen 1 und 2)`,
  'type.object': () => 'muss ein Objekt sein',
  'type.list': () => 'muss eine Liste sein',
  'type.text': () => 'muss Text sein',
  'type.number': () => 'muss eine Zahl sein',
  'type.integer': () => 'muss eine ganze Zahl sein',
  'type.boolean': () => 'muss true oder false sein',
  'type.value': () => 'muss Text, eine Zahl, true oder false sein',
  required: () => 'fehlt',
  'field.unknown': (p) => `ist hier kein Feld (bekannt: ${p.known.join(', ')})`,
  range: (p) => `muss zwischen ${p.min} und ${p.max} liegen`,
  'length.max': (p) => `ist länger als ${p.max} Zeichen`,
  'length.min': (p) => `muss mindestens ${p.min} Zeichen lang sein`,
  'length.range': (p) => `muss ${p.min} bis ${p.max} Zeichen lang sein`,
  'items.min': (p) => (p.min === 1 ? 'braucht mindestens einen Eintrag' : `braucht mindestens ${p.min} Einträge`),
  'items.exact': (p) => `braucht genau ${p.count} Einträge`,
  enum: (p) => `muss einer dieser Werte sein: ${p.values.join(', ')}`,
  literal: (p) => `muss ${p.value} sein`,
  variant: (p) => `${p.what.de} „${p.value}“ ist unbekannt (bekannt: ${p.known.join(', ')})`,
  format: (p) => `„${p.value}“ ist ${FORMAT[p.format]}${why(p.problem)}`,
  'jid.canonical': (p) => `schreiben Sie „${p.canonical}“, nicht „${p.value}“ (die Engine vergleicht JIDs in normalisierter Form)`,
  'jid.not-person': (p) => `„${p.value}“ ist nicht die JID einer Person (lokalteil@domain)`,
  'id.twice': (p) => `die Kennung „${p.id}“ kommt zweimal vor`,
  'id.taken': (p) => `der Beobachtername „${p.id}“ ist schon vergeben`,
  'ref.node': (p) => `kein Knoten mit der Kennung „${p.id}“`,
  'ref.client': (p) => `kein Client mit der Kennung „${p.id}“`,
  'ref.server': (p) => `kein Server mit der Kennung „${p.id}“`,
  'ref.link': (p) => `keine Leitung mit der Kennung „${p.id}“`,
  'link.same-ends': () => 'eine Leitung braucht zwei verschiedene Enden',
  'client.no-link': (p) => `Client „${p.client}“ hat keine Leitung zu seinem Server „${p.server}“`,
  'client.domain': (p) => `muss zur Domain des Servers „${p.server}“ gehören (${p.domain})`,
  'mitm.not-account': (p) => `„${p.jid}“ ist kein Konto auf diesem Server`,
  'mitm.same': () => 'muss sich vom ersten Konto unterscheiden',
  'mitm.twice': (p) => `auf Server „${p.server}“ sitzt schon ein Man-in-the-Middle`,
  'forger.length': (p) => `muss so lang sein wie find (${p.bytes} Bytes in UTF-8)`,
  'forger.known': () => 'muss find enthalten',
  'chapter.no-step': (p) => (p.count === 0 ? `nennt Skriptschritt ${p.index}, aber das Skript ist leer: Zu diesem Kapitel gehört kein Ereignis` : `nennt Skriptschritt ${p.index}, aber das Skript hat nur die Schritte 0 bis ${p.count - 1}: Zu diesem Kapitel gehört kein Ereignis`),
  'chapter.late': (p) => `beginnt bei ${p.at} ms, nach dem letzten Skriptschritt (${p.last} ms): Danach geschieht womöglich nichts mehr, und das Kapitel bliebe leer`,
  'chapter.order': (p) => `beginnt nicht später als das Kapitel „${p.previous}“ davor; Kapitel folgen der Reihenfolge des Ablaufs`,
};
