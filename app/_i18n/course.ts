/** The course overview's parts, the progress kept in the browser and the glossary page, in English and German. @module */
import { byLocale, type BilingualTable } from './locales';
import type { Part } from '../_content/lessons';

const courseStrings = {
  partArchitectures: { en: 'How messengers are built', de: 'Wie Messenger gebaut sind' },
  partArchitecturesBlurb: {
    en: 'One provider’s servers, or many servers that talk to each other: who runs what, and who sees what.',
    de: 'Die Server eines einzigen Anbieters oder viele Server, die miteinander sprechen: Wer betreibt was, und wer sieht was?',
  },
  partXmpp: { en: 'XMPP', de: 'XMPP' },
  partXmppBlurb: {
    en: 'Where the open protocol comes from, how its standards are made, and how it tells you who is online.',
    de: 'Woher das offene Protokoll kommt, wie seine Standards entstehen und wie es zeigt, wer gerade online ist.',
  },
  partGoals: { en: 'What security means for messaging', de: 'Was Sicherheit beim Messaging bedeutet' },
  partGoalsBlurb: {
    en: 'The requirements, each with a scenario that meets it and one that breaks it.',
    de: 'Die Anforderungen, jede mit einem Szenario, das sie erfüllt, und einem, das sie verletzt.',
  },
  partHopByHop: { en: 'Hop by hop: TLS and SASL', de: 'Von Hop zu Hop: TLS und SASL' },
  partHopByHopBlurb: {
    en: 'Encrypting each link and logging in without handing the password to an eavesdropper.',
    de: 'Jede Leitung verschlüsseln und sich anmelden, ohne einem Lauscher das Passwort zu überlassen.',
  },
  partEndToEnd: { en: 'End to end: OTR', de: 'Ende zu Ende: OTR' },
  partEndToEndBlurb: {
    en: 'Off-the-Record messaging: the key exchange, forward secrecy, deniability, authentication, and its limits.',
    de: 'Off-the-Record Messaging: Schlüsselaustausch, Perfect Forward Secrecy, Abstreitbarkeit, Authentifizierung und seine Grenzen.',
  },
  partBeyond: { en: 'Beyond chat between two', de: 'Mehr als Chat zu zweit' },
  partBeyondBlurb: {
    en: 'Groups, feeds and calls: many receivers, and media that go directly between the devices.',
    de: 'Gruppen, Feeds und Anrufe: viele Empfänger und Medien, die direkt zwischen den Geräten fließen.',
  },
  partSociety: { en: 'Security, privacy and surveillance', de: 'Sicherheit, Privatsphäre und Überwachung' },
  partSocietyBlurb: {
    en: 'What all of this protects, what stays visible, and the question the lecture ends on.',
    de: 'Was all das schützt, was sichtbar bleibt, und die Frage, mit der die Vorlesung endet.',
  },
  partLabel: { en: 'Part {n}', de: 'Teil {n}' },
  partMinutes: { en: '{lessons} lessons · about {time}', de: '{lessons} Lektionen · etwa {time}' },
  partMinutesOne: { en: '1 lesson · about {time}', de: '1 Lektion · etwa {time}' },
  durationMinutes: { en: '{m} min', de: '{m} Min.' },
  durationHours: { en: '{h} h', de: '{h} Std.' },
  durationHoursMinutes: { en: '{h} h {m} min', de: '{h} Std. {m} Min.' },
  courseLength: {
    en: '{lessons} lessons in {parts} parts, about {hours} hours in all.',
    de: '{lessons} Lektionen in {parts} Teilen, insgesamt etwa {hours} Stunden.',
  },
  buildsOn: { en: 'Builds on', de: 'Baut auf' },
  buildsOnLesson: { en: 'lesson {n}', de: 'Lektion {n}' },
  progressNone: {
    en: 'Your progress is kept in this browser only and never sent anywhere. Mark a lesson as done at its end.',
    de: 'Ihr Fortschritt bleibt nur in diesem Browser und wird nirgendwohin gesendet. Markieren Sie eine Lektion an ihrem Ende als erledigt.',
  },
  progressSome: {
    en: 'You have finished {done} of {total} lessons. Your progress is kept in this browser only and never sent anywhere.',
    de: 'Sie haben {done} von {total} Lektionen abgeschlossen. Ihr Fortschritt bleibt nur in diesem Browser und wird nirgendwohin gesendet.',
  },
  progressLabel: { en: 'Course progress', de: 'Fortschritt im Kurs' },
  progressReset: { en: 'Forget my progress', de: 'Fortschritt vergessen' },
  progressResetDone: { en: 'Progress forgotten.', de: 'Fortschritt vergessen.' },
  progressUndo: { en: 'Undo', de: 'Rückgängig' },
  statusDone: { en: 'Done', de: 'Erledigt' },
  statusStarted: { en: 'Started', de: 'Begonnen' },
  markDone: { en: 'I have finished this lesson', de: 'Ich habe diese Lektion abgeschlossen' },
  markDoneNote: { en: 'Kept in this browser only.', de: 'Wird nur in diesem Browser gespeichert.' },
  navGlossary: { en: 'Glossary', de: 'Glossar' },
  glossaryTitle: { en: 'Glossary', de: 'Glossar' },
  glossaryLead: {
    en: 'Every term the lessons define, in English and German side by side, with the lessons that teach it.',
    de: 'Jeder Begriff, den die Lektionen erklären, auf Deutsch und Englisch nebeneinander, mit den Lektionen, die ihn einführen.',
  },
  glossaryColumnTerm: { en: 'English', de: 'Deutsch' },
  glossaryColumnOther: { en: 'German', de: 'Englisch' },
  glossaryTaughtIn: { en: 'Taught in', de: 'Erklärt in' },
  glossaryNotYet: { en: 'Not yet introduced in a lesson.', de: 'Noch in keiner Lektion eingeführt.' },
  glossaryFilter: { en: 'Find a term', de: 'Begriff suchen' },
  glossaryFilterCount: { en: '{n} of {total} terms', de: '{n} von {total} Begriffen' },
  glossaryLetters: { en: 'Terms by first letter', de: 'Begriffe nach Anfangsbuchstaben' },
} satisfies BilingualTable;

export type CourseKey = keyof typeof courseStrings;
export const course = byLocale(courseStrings);

const partKeys: Record<Part, { title: CourseKey; blurb: CourseKey }> = {
  architectures: { title: 'partArchitectures', blurb: 'partArchitecturesBlurb' },
  xmpp: { title: 'partXmpp', blurb: 'partXmppBlurb' },
  goals: { title: 'partGoals', blurb: 'partGoalsBlurb' },
  'hop-by-hop': { title: 'partHopByHop', blurb: 'partHopByHopBlurb' },
  'end-to-end': { title: 'partEndToEnd', blurb: 'partEndToEndBlurb' },
  beyond: { title: 'partBeyond', blurb: 'partBeyondBlurb' },
  society: { title: 'partSociety', blurb: 'partSocietyBlurb' },
};

/** A part's title and one-line description keys. */
export const partStrings = (part: Part) => partKeys[part];
