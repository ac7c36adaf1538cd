/** The scenario widget's strings for chapters: the marks on the scrubber and the chapter named in the band; each key once, English and German side by side. @module */
import type { BilingualTable } from '../locales';

export const chaptersStrings = {
  chapters: {
    en: 'Chapters',
    de: 'Kapitel',
  },
  chapterMark: {
    en: 'Chapter {n} of {count}: {title}, from step {step}',
    de: 'Kapitel {n} von {count}: {title}, ab Schritt {step}',
  },
  chapterMarkTip: {
    en: '{title} (from step {step})',
    de: '{title} (ab Schritt {step})',
  },
} satisfies BilingualTable;
