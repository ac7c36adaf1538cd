/** Every string of the site chrome (header, footer, overview, lesson frame, lesson vocabulary), in English and German. @module */
import { fill, type Dictionary, type Locale } from './locales';

export type SiteKey =
  | 'siteName'
  | 'tagline'
  | 'skipToContent'
  | 'navLabel'
  | 'navCourse'
  | 'navScenarios'
  | 'languageLabel'
  | 'languageSwitch'
  | 'languageName'
  | 'otherLanguageName'
  | 'footerAbout'
  | 'footerSpecs'
  | 'footerSimulated'
  | 'overviewTitle'
  | 'overviewLead'
  | 'overviewHow'
  | 'overviewHowSimulate'
  | 'overviewHowRead'
  | 'overviewHowTeach'
  | 'overviewLessons'
  | 'lessonNumber'
  | 'minutes'
  | 'lessonMeta'
  | 'startLesson'
  | 'breadcrumb'
  | 'previousLesson'
  | 'nextLesson'
  | 'backToCourse'
  | 'youWillLearn'
  | 'note'
  | 'pitfall'
  | 'deepDive'
  | 'recap'
  | 'termIn'
  | 'specLink'
  | 'quiz'
  | 'quizQuestion'
  | 'quizCheck'
  | 'quizCorrect'
  | 'quizWrong'
  | 'quizChooseFirst'
  | 'quizCorrectAnswer'
  | 'scenarioLabel'
  | 'scenarioOpen'
  | 'metaDescription';

export const site: Dictionary<SiteKey> = {
  en: {
    siteName: 'Messenger Lab',
    tagline: 'How messaging works, and how it is secured',
    skipToContent: 'Skip to content',
    navLabel: 'Main',
    navCourse: 'Course',
    navScenarios: 'Scenarios',
    languageLabel: 'Language',
    languageSwitch: 'Auf Deutsch lesen',
    languageName: 'English',
    otherLanguageName: 'Deutsch',
    footerAbout:
      'An open course: lessons next to a simulated network of XMPP servers and clients that you can step through.',
    footerSpecs: 'Based on the IETF RFCs and XMPP Extension Protocols (XEPs) that define XMPP.',
    footerSimulated:
      'Everything on the wire is real XML; all keys come from a fixed seed, so a lesson shows the same bytes every time.',
    overviewTitle: 'How messaging works, and how it is secured',
    overviewLead:
      'Messenger Lab teaches what happens between pressing “send” and a message arriving: who connects to whom, what each server stores, and what TLS, SASL, OTR and OMEMO protect — and what they leave visible.',
    overviewHow: 'How it works',
    overviewHowSimulate:
      'A simulated network of XMPP servers and clients runs in your browser. You step through it one event at a time and see the real bytes on every link.',
    overviewHowRead: 'Each lesson explains one idea in plain words, with the relevant RFC or XEP one click away.',
    overviewHowTeach:
      'Built for lecture halls: large type, keyboard control (← → to step), and every page in English and German.',
    overviewLessons: 'Lessons',
    lessonNumber: 'Lesson {n}',
    minutes: '{n} min',
    lessonMeta: 'Lesson {n} · about {minutes} minutes',
    startLesson: 'Start lesson {n}',
    breadcrumb: 'Breadcrumb',
    previousLesson: 'Previous lesson',
    nextLesson: 'Next lesson',
    backToCourse: 'Back to the course overview',
    youWillLearn: 'You will learn',
    note: 'Note',
    pitfall: 'Pitfall',
    deepDive: 'Deep dive',
    recap: 'Recap',
    termIn: 'German:',
    specLink: 'Read the specification: {ref}',
    quiz: 'Check yourself',
    quizQuestion: 'Question {n}',
    quizCheck: 'Check answer',
    quizCorrect: 'Correct.',
    quizWrong: 'Not quite.',
    quizChooseFirst: 'Choose an answer first.',
    quizCorrectAnswer: 'correct answer',
    scenarioLabel: 'Scenario: {id}',
    scenarioOpen: 'Open this scenario on its own page',
    metaDescription:
      'An open course on how messaging works and how it is secured (XMPP, TLS, SASL, OTR, OMEMO), with a simulated network you can step through.',
  },
  de: {
    siteName: 'Messenger Lab',
    tagline: 'Wie Messenger funktionieren und wie sie geschützt sind',
    skipToContent: 'Zum Inhalt springen',
    navLabel: 'Hauptnavigation',
    navCourse: 'Kurs',
    navScenarios: 'Szenarien',
    languageLabel: 'Sprache',
    languageSwitch: 'Read in English',
    languageName: 'Deutsch',
    otherLanguageName: 'English',
    footerAbout:
      'Ein offener Kurs: Lektionen neben einem simulierten Netz aus XMPP-Servern und -Clients, das man Schritt für Schritt durchgehen kann.',
    footerSpecs: 'Grundlage sind die RFCs der IETF und die XMPP Extension Protocols (XEPs), die XMPP festlegen.',
    footerSimulated:
      'Alles auf der Leitung ist echtes XML; alle Schlüssel stammen aus einem festen Startwert, deshalb zeigt eine Lektion jedes Mal dieselben Bytes.',
    overviewTitle: 'Wie Messenger funktionieren und wie sie geschützt sind',
    overviewLead:
      'Messenger Lab zeigt, was zwischen dem Tippen auf „Senden“ und der Ankunft einer Nachricht passiert: wer sich mit wem verbindet, was jeder Server speichert und was TLS, SASL, OTR und OMEMO schützen – und was sie sichtbar lassen.',
    overviewHow: 'So funktioniert es',
    overviewHowSimulate:
      'Im Browser läuft ein simuliertes Netz aus XMPP-Servern und -Clients. Sie gehen es Ereignis für Ereignis durch und sehen auf jeder Leitung die echten Bytes.',
    overviewHowRead: 'Jede Lektion erklärt einen Gedanken in klaren Worten; der passende RFC oder die XEP ist einen Klick entfernt.',
    overviewHowTeach:
      'Gemacht für den Hörsaal: große Schrift, Bedienung per Tastatur (← → für Schritte) und jede Seite auf Deutsch und Englisch.',
    overviewLessons: 'Lektionen',
    lessonNumber: 'Lektion {n}',
    minutes: '{n} Min.',
    lessonMeta: 'Lektion {n} · etwa {minutes} Minuten',
    startLesson: 'Lektion {n} beginnen',
    breadcrumb: 'Brotkrumennavigation',
    previousLesson: 'Vorige Lektion',
    nextLesson: 'Nächste Lektion',
    backToCourse: 'Zurück zur Kursübersicht',
    youWillLearn: 'Das lernen Sie',
    note: 'Hinweis',
    pitfall: 'Vorsicht',
    deepDive: 'Vertiefung',
    recap: 'Zusammenfassung',
    termIn: 'engl.',
    specLink: 'Zur Spezifikation: {ref}',
    quiz: 'Testen Sie sich',
    quizQuestion: 'Frage {n}',
    quizCheck: 'Antwort prüfen',
    quizCorrect: 'Richtig.',
    quizWrong: 'Nicht ganz.',
    quizChooseFirst: 'Wählen Sie zuerst eine Antwort.',
    quizCorrectAnswer: 'richtige Antwort',
    scenarioLabel: 'Szenario: {id}',
    scenarioOpen: 'Dieses Szenario auf einer eigenen Seite öffnen',
    metaDescription:
      'Ein offener Kurs darüber, wie Messenger funktionieren und wie sie geschützt sind (XMPP, TLS, SASL, OTR, OMEMO) – mit einem simulierten Netz zum Durchklicken.',
  },
};

/** The site string `key` in `locale`, with `{name}` placeholders filled. */
export function t(locale: Locale, key: SiteKey, params?: Record<string, string | number>): string {
  return fill(site[locale][key], params);
}
