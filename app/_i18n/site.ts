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
  | 'metaDescription'
  | 'stepAction'
  | 'predictHeading'
  | 'predictYes'
  | 'predictNo'
  | 'predictSaysYes'
  | 'predictSaysNo'
  | 'predictWatch'
  | 'evidenceRead'
  | 'evidenceSealed'
  | 'evidenceUnseen'
  | 'evidenceKnown'
  | 'evidenceUnknown'
  | 'exerciseHeading'
  | 'exerciseAnswer'
  | 'exerciseEmpty'
  | 'exerciseRight'
  | 'exerciseWrong'
  | 'exerciseHint'
  | 'exerciseShowSolution'
  | 'exerciseHideSolution'
  | 'exercisePlainData'
  | 'exercisePlainSolution'
  | 'exerciseScramData'
  | 'exerciseScramTry'
  | 'exerciseScramMatch'
  | 'exerciseScramNoMatch'
  | 'exerciseScramSolution'
  | 'exerciseOtrStep'
  | 'exerciseOtrFrom'
  | 'exerciseOtrKeys'
  | 'exerciseOtrAsk'
  | 'exerciseOtrSolution'
  | 'stanzaCaption'
  | 'stanzaNotes'
  | 'furtherReading'
  | 'observerWords'
  | 'stepLinkText';

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
    stepAction: 'moves the scenario widget to this step',
    predictHeading: 'Predict, before you step to {n}',
    predictYes: 'Yes',
    predictNo: 'No',
    predictSaysYes: 'The simulation says yes:',
    predictSaysNo: 'The simulation says no:',
    predictWatch: 'Watch it happen:',
    evidenceRead: '{observer} reads “{text}” at step {step}.',
    evidenceSealed: '{observer} sees the {size} bytes but cannot open them.',
    evidenceUnseen: '{observer} never sees these bytes.',
    evidenceKnown: '{observer} has seen it by step {step}: {value}.',
    evidenceUnknown: '{observer} has seen nothing up to step {step} that reveals it.',
    exerciseHeading: 'Exercise {n}',
    exerciseAnswer: 'Your answer',
    exerciseEmpty: 'Type an answer first.',
    exerciseRight: 'Right.',
    exerciseWrong: 'Not yet: “{answer}” is not it. Check your working and try again.',
    exerciseHint: 'Hint',
    exerciseShowSolution: 'Show the solution',
    exerciseHideSolution: 'Hide the solution',
    exercisePlainData: 'At step {step}, this crossed the link in clear:',
    exercisePlainSolution: 'Base64 decodes to {bytes}. Split at the NUL bytes (\\0): authzid “{authzid}” (empty: log in as yourself), authcid “{authcid}”, password “{password}”.',
    exerciseScramData: 'Leaked from {server}\'s database for {user} ({mechanism}):',
    exerciseScramTry: 'Compute StoredKey for “{candidate}”',
    exerciseScramMatch: 'matches the leaked StoredKey',
    exerciseScramNoMatch: 'does not match',
    exerciseScramSolution: 'Only “{answer}” gives the leaked StoredKey: SaltedPassword = PBKDF2-HMAC-{hash}(password, salt, {iterations}), ClientKey = HMAC(SaltedPassword, “Client Key”), StoredKey = {hash}(ClientKey).',
    exerciseOtrStep: 'step',
    exerciseOtrFrom: 'from',
    exerciseOtrKeys: 'keys (sender/recipient)',
    exerciseOtrAsk: 'alice\'s next message, step {step}: which key id does she send with?',
    exerciseOtrSolution: 'The tap reads keys {keys} at step {step}: alice sends with key #{answer}, the newest of hers that bob has answered to.',
    stanzaCaption: 'Step {step}: {from} → {to}, as {to} reads it',
    stanzaNotes: 'Notes on this {name}',
    furtherReading: 'Further reading',
    observerWords: '{kind} ({who})',
    stepLinkText: 'step {n}',
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
    stepAction: 'stellt das Szenario-Widget auf diesen Schritt',
    predictHeading: 'Ihre Vorhersage, bevor Sie zu Schritt {n} gehen',
    predictYes: 'Ja',
    predictNo: 'Nein',
    predictSaysYes: 'Die Simulation sagt Ja:',
    predictSaysNo: 'Die Simulation sagt Nein:',
    predictWatch: 'Sehen Sie selbst nach:',
    evidenceRead: '{observer} liest in Schritt {step} „{text}“.',
    evidenceSealed: '{observer} sieht die {size} Byte, kann sie aber nicht öffnen.',
    evidenceUnseen: '{observer} bekommt diese Bytes nie zu sehen.',
    evidenceKnown: '{observer} hat es bis Schritt {step} gesehen: {value}.',
    evidenceUnknown: '{observer} hat bis Schritt {step} nichts gesehen, was es verrät.',
    exerciseHeading: 'Übung {n}',
    exerciseAnswer: 'Ihre Antwort',
    exerciseEmpty: 'Geben Sie zuerst eine Antwort ein.',
    exerciseRight: 'Richtig.',
    exerciseWrong: 'Noch nicht: „{answer}“ ist es nicht. Prüfen Sie Ihre Rechnung und versuchen Sie es noch einmal.',
    exerciseHint: 'Tipp',
    exerciseShowSolution: 'Lösung zeigen',
    exerciseHideSolution: 'Lösung ausblenden',
    exercisePlainData: 'In Schritt {step} lief das im Klartext über die Leitung:',
    exercisePlainSolution: 'Base64-dekodiert ergibt das {bytes}. An den NUL-Bytes (\\0) geteilt: authzid „{authzid}“ (leer: als man selbst anmelden), authcid „{authcid}“, Passwort „{password}“.',
    exerciseScramData: 'Aus der Datenbank von {server} für {user} geleakt ({mechanism}):',
    exerciseScramTry: 'StoredKey für „{candidate}“ berechnen',
    exerciseScramMatch: 'passt zum geleakten StoredKey',
    exerciseScramNoMatch: 'passt nicht',
    exerciseScramSolution: 'Nur „{answer}“ ergibt den geleakten StoredKey: SaltedPassword = PBKDF2-HMAC-{hash}(Passwort, Salt, {iterations}), ClientKey = HMAC(SaltedPassword, „Client Key“), StoredKey = {hash}(ClientKey).',
    exerciseOtrStep: 'Schritt',
    exerciseOtrFrom: 'von',
    exerciseOtrKeys: 'Schlüssel (Absender/Empfänger)',
    exerciseOtrAsk: 'alices nächste Nachricht, Schritt {step}: Mit welcher Schlüssel-ID sendet sie?',
    exerciseOtrSolution: 'Der Mithörer liest in Schritt {step} die Schlüssel {keys}: alice sendet mit #{answer}, ihrem neuesten Schlüssel, auf den bob schon geantwortet hat.',
    stanzaCaption: 'Schritt {step}: {from} → {to}, wie {to} es liest',
    stanzaNotes: 'Anmerkungen zu diesem {name}',
    furtherReading: 'Zum Weiterlesen',
    observerWords: '{kind} ({who})',
    stepLinkText: 'Schritt {n}',
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
