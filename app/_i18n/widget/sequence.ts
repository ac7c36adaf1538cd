/** The scenario widget's strings for the Sequence view (local events are labelled in app/_i18n/actions.ts); each key once, English and German side by side. @module */
import type { BilingualTable } from '../locales';

export const sequenceStrings = {
  sequenceTitle: {
    en: 'Sequence: {title}',
    de: 'Ablauf: {title}',
  },
  sequenceDesc: {
    en: 'One lane per party, time running downwards, one arrow per message on the wire, coloured by its layer. {n} events; step {step} is highlighted.',
    de: 'Eine Spur je Beteiligtem, die Zeit läuft nach unten, ein Pfeil je Nachricht auf der Leitung, gefärbt nach ihrer Schicht. {n} Ereignisse; Schritt {step} ist hervorgehoben.',
  },
  sequenceBreak: {
    en: '{ms} ms later',
    de: '{ms} ms später',
  },
  sequenceArrow: {
    en: 'Step {step}: {what} from {from} to {to}, {bytes} bytes, arrives at {time} ms',
    de: 'Schritt {step}: {what} von {from} an {to}, {bytes} Bytes, kommt bei {time} ms an',
  },
} satisfies BilingualTable;
