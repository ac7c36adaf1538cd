/** Text in both languages of the site, the shape of every title, summary, label and message. @module */
export interface LocalizedText {
  en: string;
  de: string;
}

export type Locale = keyof LocalizedText;
