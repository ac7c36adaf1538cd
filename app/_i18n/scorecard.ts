/** The strings of the lesson scorecard (`<Scorecard>`, `<Requirement>`); each key once, English and German side by side. @module */
import { byLocale, fill, type BilingualTable, type Locale } from './locales';

const scorecardStrings = {
  colRequirement: { en: 'Requirement', de: 'Anforderung' },
  colMet: { en: 'Met', de: 'Erfüllt' },
  colBroken: { en: 'Broken', de: 'Verletzt' },
  colLesson: { en: 'Taught in', de: 'Erklärt in' },
  notSimulated: { en: 'Not yet simulated in Messenger Lab.', de: 'In Messenger Lab noch nicht simuliert.' },
  noLesson: { en: 'this lesson', de: 'diese Lektion' },
  place: { en: '“{scenario}”, step {step}', de: '„{scenario}“, Schritt {step}' },
  placeLens: { en: '“{scenario}”, step {step}, as {observer} sees it', de: '„{scenario}“, Schritt {step}, aus Sicht von {observer}' },
  opens: { en: 'opens the scenario at this step', de: 'öffnet das Szenario an diesem Schritt' },
  lessonLink: { en: 'Lesson {n}', de: 'Lektion {n}' },
} satisfies BilingualTable;

export type ScorecardKey = keyof typeof scorecardStrings;

const dict = byLocale(scorecardStrings);

export function st(locale: Locale, key: ScorecardKey, params?: Record<string, string | number>): string {
  return fill(dict[locale][key], params);
}
