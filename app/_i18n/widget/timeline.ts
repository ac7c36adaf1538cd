/** The scenario widget's strings for the Timeline (buttons, scrubber, speed) and the narration under it; each key once, English and German side by side. @module */
import type { BilingualTable } from '../locales';

export const timelineStrings = {
  timeline: {
    en: 'Timeline',
    de: 'Zeitleiste',
  },
  first: {
    en: 'First step',
    de: 'Erster Schritt',
  },
  back: {
    en: 'Step back',
    de: 'Schritt zurück',
  },
  play: {
    en: 'Play',
    de: 'Abspielen',
  },
  pause: {
    en: 'Pause',
    de: 'Anhalten',
  },
  forward: {
    en: 'Step forward',
    de: 'Schritt vor',
  },
  last: {
    en: 'Last step',
    de: 'Letzter Schritt',
  },
  speed: {
    en: 'Speed',
    de: 'Tempo',
  },
  scrubber: {
    en: 'Step',
    de: 'Schritt',
  },
  counter: {
    en: 'step {step} / {total}',
    de: 'Schritt {step} / {total}',
  },
  time: {
    en: '{ms} ms',
    de: '{ms} ms',
  },
  narrationStart: {
    en: 'Nothing has happened yet. Press → or Play to start.',
    de: 'Noch ist nichts passiert. Mit → oder „Abspielen“ geht es los.',
  },
  narrationEnd: {
    en: 'That was the last event.',
    de: 'Das war das letzte Ereignis.',
  },
  narration: {
    en: 'What happens at this step',
    de: 'Was in diesem Schritt passiert',
  },
  narrationMore: {
    en: 'More',
    de: 'Mehr',
  },
  narrationLess: {
    en: 'Less',
    de: 'Weniger',
  },
} satisfies BilingualTable;
