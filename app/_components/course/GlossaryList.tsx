'use client';
/**
 * The glossary: a letter index, a search box and the terms, each with its translation, definition and
 * the lessons that teach it. Rendered in full on the server, so it reads without JavaScript; the search
 * only hides rows. @module
 */
import { useId, useState } from 'react';
import Link from 'next/link';
import { fill, type Locale } from '../../_i18n/locales';
import { course } from '../../_i18n/course';
import { groupByLetter, matches, type GlossaryItem } from './glossary-rows';

export function GlossaryList({ locale, items }: { locale: Locale; items: readonly GlossaryItem[] }) {
  const s = course[locale];
  const inputId = useId();
  const [query, setQuery] = useState('');
  const other: Locale = locale === 'en' ? 'de' : 'en';
  const groups = groupByLetter(items.filter((i) => matches(i, query)), locale);
  const shown = groups.reduce((n, g) => n + g.items.length, 0);
  return (
    <>
      <div className="glossary-tools" role="search">
        <label htmlFor={inputId}>{s.glossaryFilter}</label>
        <input id={inputId} type="search" value={query} onChange={(e) => setQuery(e.currentTarget.value)} autoComplete="off" />
        <span aria-live="polite">{fill(s.glossaryFilterCount, { n: shown, total: items.length })}</span>
      </div>
      <nav className="glossary-letters" aria-label={s.glossaryLetters}>
        <ul>
          {groups.map((g) => (
            <li key={g.letter}>
              <a href={`#letter-${g.letter === '#' ? 'other' : g.letter}`}>{g.letter}</a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((g) => (
        <section key={g.letter} className="glossary-group" aria-labelledby={`letter-${g.letter === '#' ? 'other' : g.letter}`}>
          <h2 id={`letter-${g.letter === '#' ? 'other' : g.letter}`}>{g.letter}</h2>
          <dl className="glossary-list">
            {g.items.map((item) => (
              <div key={item.id} id={item.id} className="glossary-entry">
                <dt>
                  <dfn>{item.term}</dfn>
                  {item.other.toLowerCase() !== item.term.toLowerCase() ? (
                    <span className="glossary-other">
                      {s.glossaryColumnOther}: <span lang={other}>{item.other}</span>
                    </span>
                  ) : null}
                </dt>
                <dd>
                  {item.definition}
                  <p className="glossary-taught">
                    {item.lessons.length > 0 ? (
                      <>
                        {s.glossaryTaughtIn}:{' '}
                        {item.lessons.map((l, k) => (
                          <span key={l.href}>
                            {k > 0 ? ', ' : ''}
                            <Link href={l.href} title={l.title}>
                              {l.label}
                            </Link>
                          </span>
                        ))}
                      </>
                    ) : (
                      s.glossaryNotYet
                    )}
                  </p>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
