/**
 * Every string of the scenario widget, in English and German. The strings live in one file per part of
 * the widget (app/_i18n/widget/*.ts), each key written once with both languages side by side; this
 * module merges them into the per-locale dictionary and `wt()` that the components use.
 * @module
 */
import { byLocale, fill, type BilingualTable, type Dictionary, type Locale } from './locales';
import { chaptersStrings } from './widget/chapters';
import { handshakeStrings } from './widget/handshake';
import { inspectorStrings } from './widget/inspector';
import { knowledgeStrings } from './widget/knowledge';
import { ledgerStrings } from './widget/ledger';
import { networkStrings } from './widget/network';
import { otrStrings } from './widget/otr';
import { ratchetStrings } from './widget/ratchet';
import { scenarioStrings } from './widget/scenario';
import { scriptStrings } from './widget/script';
import { sequenceStrings } from './widget/sequence';
import { storageStrings } from './widget/storage';
import { storyStrings } from './widget/story';
import { timelineStrings } from './widget/timeline';

/** Every area, for the test that checks each key is defined in exactly one of them. */
export const widgetAreas = {
  scenario: scenarioStrings,
  network: networkStrings,
  sequence: sequenceStrings,
  inspector: inspectorStrings,
  timeline: timelineStrings,
  chapters: chaptersStrings,
  knowledge: knowledgeStrings,
  otr: otrStrings,
  ratchet: ratchetStrings,
  story: storyStrings,
  script: scriptStrings,
  storage: storageStrings,
  ledger: ledgerStrings,
  handshake: handshakeStrings,
} as const satisfies Record<string, BilingualTable>;

const table = {
  ...scenarioStrings,
  ...networkStrings,
  ...sequenceStrings,
  ...inspectorStrings,
  ...timelineStrings,
  ...chaptersStrings,
  ...knowledgeStrings,
  ...otrStrings,
  ...ratchetStrings,
  ...storyStrings,
  ...scriptStrings,
  ...storageStrings,
  ...ledgerStrings,
  ...handshakeStrings,
};

export type WidgetKey = keyof typeof table;

export const widget: Dictionary<WidgetKey> = byLocale(table);

/** Look up a widget string in a locale and fill its `{placeholders}`. */
export function wt(locale: Locale, key: WidgetKey, params?: Record<string, string | number>): string {
  return fill(widget[locale][key], params);
}
