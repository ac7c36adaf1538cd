/**
 * A page for every visitor whatever their language (the 404 and the offline page): English first,
 * German beside it and marked with lang="de", and the way back to the course in both. Its title and
 * links also make the root language chooser (app/page.tsx).
 * @module
 */
import type { Bilingual } from '../../_i18n/locales';
import { LogoMark } from './icons';

/** The brand, then the heading in English with its German beside it (also the root chooser's). */
export function BilingualTitle({ title }: { title: Bilingual }) {
  return (
    <>
      <p className="chooser-brand">
        <LogoMark />
        <span>Messenger Lab</span>
      </p>
      <h1>
        <span>{title.en}</span>
        <span className="chooser-de" lang="de">
          {title.de}
        </span>
      </h1>
    </>
  );
}

type LinkText = { label: string; hint: string };

/** The two ways into the course, /en/ and /de/, each labelled in its own language. */
export function CourseLinks({ en, de }: { en: LinkText; de: LinkText }) {
  return (
    <ul className="chooser-links">
      {(['en', 'de'] as const).map((locale) => (
        <li key={locale}>
          <a href={`/${locale}/`} hrefLang={locale} lang={locale}>
            <span className="chooser-lang">{(locale === 'en' ? en : de).label}</span>
            <span className="chooser-hint">{(locale === 'en' ? en : de).hint}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function BilingualNotice({ title, text }: { title: Bilingual; text: Bilingual }) {
  return (
    <html lang="en">
      <body className="chooser-body">
        <main className="chooser" id="main">
          <BilingualTitle title={title} />
          <p>{text.en}</p>
          <p lang="de">{text.de}</p>
          <CourseLinks en={{ label: 'Course overview', hint: 'English' }} de={{ label: 'Kursübersicht', hint: 'Deutsch' }} />
        </main>
      </body>
    </html>
  );
}
