/** The scenario widget's strings for the lecture script (adding a view, walking it in presenter mode) and the script page; each key once, English and German side by side. @module */
import type { BilingualTable } from '../locales';

export const scriptStrings = {
  scriptAdd: {
    en: 'Add to script',
    de: 'Ins Skript',
  },
  scriptAddTitle: {
    en: 'Add this view (step, lens, tab) to your lecture script',
    de: 'Diese Ansicht (Schritt, Sicht, Reiter) in Ihr Vorlesungsskript aufnehmen',
  },
  scriptAdded: {
    en: 'Added as view {n}.',
    de: 'Als Ansicht {n} hinzugefügt.',
  },
  scriptOpen: {
    en: 'Script ({n})',
    de: 'Skript ({n})',
  },
  scriptUnreadable: {
    en: 'Your saved script cannot be read, so nothing was added. Open the script page to see why.',
    de: 'Ihr gespeichertes Skript ist nicht lesbar, daher wurde nichts hinzugefügt. Die Skriptseite zeigt, warum.',
  },
  scriptBar: {
    en: 'Lecture script',
    de: 'Vorlesungsskript',
  },
  scriptPosition: {
    en: 'View {i} of {n}',
    de: 'Ansicht {i} von {n}',
  },
  scriptPrev: {
    en: 'Previous view',
    de: 'Vorige Ansicht',
  },
  scriptNext: {
    en: 'Next view',
    de: 'Nächste Ansicht',
  },
  scriptReveal: {
    en: 'Reveal (R)',
    de: 'Aufdecken (R)',
  },
  scriptNoteShow: {
    en: 'My note (N)',
    de: 'Meine Notiz (N)',
  },
  scriptEnd: {
    en: 'End script',
    de: 'Skript beenden',
  },
  scriptHidden: {
    en: 'What happens at this step? Discuss first — the narration and the Knowledge tab appear when the teacher reveals them.',
    de: 'Was passiert in diesem Schritt? Erst überlegen – die Erzählung und der Reiter „Wissen“ erscheinen, wenn die Lehrkraft sie aufdeckt.',
  },
  scriptPageTitle: {
    en: 'Lecture script',
    de: 'Vorlesungsskript',
  },
  scriptPageIntro: {
    en: 'A lecture script is a list of views you walk through in presenter mode with a clicker: Page Down or → goes to the next view (on another scenario page if need be), Page Up or ← goes back. A view marked “class predicts first” hides the narration and the Knowledge tab until you press R or the clicker again. Your notes stay on this page and, in presenter mode, appear only when you press N — a projector mirrors your screen, so keep them short or open this page on your own screen. Add views with “Add to script” above any scenario. The script is kept in this browser.',
    de: 'Ein Vorlesungsskript ist eine Liste von Ansichten, die Sie im Präsentationsmodus mit einem Presenter durchgehen: Bild ab oder → führt zur nächsten Ansicht (wenn nötig auf der Seite eines anderen Szenarios), Bild auf oder ← zurück. Eine Ansicht mit „Klasse überlegt zuerst“ verbirgt die Erzählung und den Reiter „Wissen“, bis Sie R oder erneut den Presenter drücken. Ihre Notizen bleiben auf dieser Seite und erscheinen im Präsentationsmodus nur, wenn Sie N drücken – ein Beamer spiegelt Ihren Bildschirm, halten Sie sie also kurz oder öffnen Sie diese Seite auf Ihrem eigenen Bildschirm. Ansichten fügen Sie über „Ins Skript“ über jedem Szenario hinzu. Das Skript bleibt in diesem Browser gespeichert.',
  },
  scriptTitleLabel: {
    en: 'Title',
    de: 'Titel',
  },
  scriptEmpty: {
    en: 'No views yet. Open a scenario, set the step, lens and tab you want, and press “Add to script”.',
    de: 'Noch keine Ansichten. Öffnen Sie ein Szenario, wählen Sie Schritt, Sicht und Reiter und drücken Sie „Ins Skript“.',
  },
  scriptViews: {
    en: 'Views',
    de: 'Ansichten',
  },
  scriptViewSummary: {
    en: '{scenario}, step {step}',
    de: '{scenario}, Schritt {step}',
  },
  scriptViewLens: {
    en: 'seen by {lens}',
    de: 'Sicht von {lens}',
  },
  scriptViewTab: {
    en: 'tab {tab}',
    de: 'Reiter {tab}',
  },
  scriptRevealLabel: {
    en: 'Class predicts first (hide narration and Knowledge until revealed)',
    de: 'Klasse überlegt zuerst (Erzählung und Wissen bis zum Aufdecken verbergen)',
  },
  scriptNoteLabel: {
    en: 'My note for view {n} (not shown to the class)',
    de: 'Meine Notiz zu Ansicht {n} (nicht für die Klasse)',
  },
  scriptUp: {
    en: 'Move view {n} up',
    de: 'Ansicht {n} nach oben',
  },
  scriptDown: {
    en: 'Move view {n} down',
    de: 'Ansicht {n} nach unten',
  },
  scriptDelete: {
    en: 'Delete view {n}',
    de: 'Ansicht {n} löschen',
  },
  scriptOpenView: {
    en: 'Open',
    de: 'Öffnen',
  },
  scriptPresent: {
    en: 'Present',
    de: 'Präsentieren',
  },
  scriptPresentFrom: {
    en: 'Present from view {n}',
    de: 'Ab Ansicht {n} präsentieren',
  },
  scriptDownload: {
    en: 'Download file',
    de: 'Datei herunterladen',
  },
  scriptUpload: {
    en: 'Load a file…',
    de: 'Datei laden …',
  },
  scriptCopyLink: {
    en: 'Copy link',
    de: 'Link kopieren',
  },
  scriptLinkCopied: {
    en: 'Link copied. It holds the whole script, notes included.',
    de: 'Link kopiert. Er enthält das ganze Skript, samt Notizen.',
  },
  scriptLinkLabel: {
    en: 'Link to this script',
    de: 'Link zu diesem Skript',
  },
  scriptUndo: {
    en: 'Undo',
    de: 'Rückgängig',
  },
  scriptLoaded: {
    en: 'Loaded “{name}”: {n} views. Your previous script was replaced.',
    de: '„{name}“ geladen: {n} Ansichten. Ihr bisheriges Skript wurde ersetzt.',
  },
  scriptFileBad: {
    en: '“{name}” was not loaded; your script is unchanged. Problems:',
    de: '„{name}“ wurde nicht geladen; Ihr Skript ist unverändert. Probleme:',
  },
  scriptFromLink: {
    en: 'This script came with the link. Your own script is kept until you save this one.',
    de: 'Dieses Skript kam mit dem Link. Ihr eigenes Skript bleibt erhalten, bis Sie dieses speichern.',
  },
  scriptKeepLinked: {
    en: 'Save as my script',
    de: 'Als mein Skript speichern',
  },
  scriptLinkBad: {
    en: 'The script in this link could not be read; your own script is shown instead. Problems:',
    de: 'Das Skript in diesem Link ist nicht lesbar; stattdessen sehen Sie Ihr eigenes Skript. Probleme:',
  },
  scriptStoredBad: {
    en: 'Your saved script cannot be read (it stays stored until you start a new one). Problems:',
    de: 'Ihr gespeichertes Skript ist nicht lesbar (es bleibt gespeichert, bis Sie ein neues beginnen). Probleme:',
  },
  scriptStartNew: {
    en: 'Start a new script',
    de: 'Neues Skript beginnen',
  },
} as const satisfies BilingualTable;
