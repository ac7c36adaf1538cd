/** The strings of the lesson's `<StateDiagram>` (RFC 6121 Appendix A), English and German side by side. @module */
import { byLocale, fill, type BilingualTable, type Locale } from './locales';

const table = {
  sdTitle: {
    en: 'Presence subscription states (RFC 6121, Appendix A): what {user}’s server records for {contact}',
    de: 'Zustände eines Präsenzabonnements (RFC 6121, Anhang A): was der Server von {user} für {contact} festhält',
  },
  sdDesc: {
    en: 'Nine states on a grid. Left to right: does {user} see {contact}’s presence (no; asked; yes, “to”)? Top to bottom: does {contact} see {user}’s (no; asked; yes, “from”)? Each arrow is a presence stanza of one type and the state it leads to.',
    de: 'Neun Zustände in einem Raster. Von links nach rechts: Sieht {user} die Präsenz von {contact} (nein; angefragt; ja, „to“)? Von oben nach unten: Sieht {contact} die Präsenz von {user} (nein; angefragt; ja, „from“)? Jeder Pfeil ist ein Presence-Stanza eines Typs und der Zustand, zu dem er führt.',
  },
  sdShow: { en: 'Arrows for stanzas that', de: 'Pfeile für Stanzas, die' },
  sdOutbound: { en: '{user} sends', de: '{user} sendet' },
  sdInbound: { en: '{contact} sends', de: '{contact} sendet' },
  sdOutboundLong: { en: 'when {user} sends the stanza (RFC 6121 A.2)', de: 'wenn {user} das Stanza sendet (RFC 6121 A.2)' },
  sdInboundLong: { en: 'when {contact} sends the stanza (RFC 6121 A.3)', de: 'wenn {contact} das Stanza sendet (RFC 6121 A.3)' },
  sdColNone: { en: '{user} does not see {contact}', de: '{user} sieht {contact} nicht' },
  sdColAsked: { en: '{user} has asked', de: '{user} hat angefragt' },
  sdColYes: { en: '{user} sees {contact}', de: '{user} sieht {contact}' },
  sdRowNone: { en: '{contact} does not see {user}', de: '{contact} sieht {user} nicht' },
  sdRowAsked: { en: '{contact} has asked', de: '{contact} hat angefragt' },
  sdRowYes: { en: '{contact} sees {user}', de: '{contact} sieht {user}' },
  sdPendingIn: { en: 'request waiting', de: 'Anfrage wartet' },
  sdHint: {
    en: 'Move the focus to a state (Tab) or point at it: only its own arrows stay, and they are listed here.',
    de: 'Setzen Sie den Fokus auf einen Zustand (Tab) oder zeigen Sie darauf: Nur seine Pfeile bleiben, und sie stehen hier.',
  },
  sdLeadsTo: { en: '{stanza} → {to}', de: '{stanza} → {to}' },
  sdNoChange: { en: 'no stanza of this side changes it', de: 'kein Stanza dieser Seite ändert ihn' },
  sdFrom: { en: 'From {state}, {side}: {list}.', de: 'Aus {state}, {side}: {list}.' },
  sdNodeLabel: { en: '{state}; roster: {roster}{pending}{marked}. {moves}', de: '{state}; Roster: {roster}{pending}{marked}. {moves}' },
  sdMarked: { en: '; marked in this lesson', de: '; in dieser Lektion markiert' },
  sdTableSummary: { en: 'The same transitions as a table', de: 'Dieselben Übergänge als Tabelle' },
  sdTableCaption: {
    en: 'The state after each stanza; “–” means the stanza changes nothing (RFC 6121 A.2 and A.3)',
    de: 'Der Zustand nach jedem Stanza; „–“ heißt: Das Stanza ändert nichts (RFC 6121 A.2 und A.3)',
  },
  sdColState: { en: 'State', de: 'Zustand' },
  sdColRoster: { en: 'Roster', de: 'Roster' },
  sdNoChangeCell: { en: 'no change', de: 'keine Änderung' },
} satisfies BilingualTable;

export type StateDiagramKey = keyof typeof table;

const dict = byLocale(table);

export function sdt(locale: Locale, key: StateDiagramKey, params?: Record<string, string | number>): string {
  return fill(dict[locale][key], params);
}
