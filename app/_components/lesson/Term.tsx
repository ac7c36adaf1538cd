/**
 * `<Term de="Föderation">federation</Term>` (English lessons) or `<Term en="federation">Föderation</Term>`
 * (German lessons): the term, its translation in brackets, and its glossary definition on focus or hover.
 * Server component: no JS. @module
 */
import { Children, isValidElement, useId, type ReactNode } from 'react';
import type { Locale } from '../../_i18n/locales';
import { lookupTerm } from './glossary';

function textOf(node: ReactNode): string {
  return Children.toArray(node)
    .map((c) => (typeof c === 'string' || typeof c === 'number' ? String(c) : isValidElement<{ children?: ReactNode }>(c) ? textOf(c.props.children) : ''))
    .join('');
}

export function Term({ locale, translationLabel, de, en, children }: { locale: Locale; translationLabel: string; de?: string; en?: string; children: ReactNode }) {
  const id = useId();
  const otherLang: Locale = locale === 'en' ? 'de' : 'en';
  const given = locale === 'en' ? de : en;
  // "bare JID (engl. bare JID)" says nothing: show a translation only when it differs.
  const translation = given && given.toLowerCase() !== textOf(children).trim().toLowerCase() ? given : undefined;
  const entry = lookupTerm(en ?? textOf(children)) ?? (de ? lookupTerm(de) : undefined);
  const definition = entry?.definition[locale];
  return (
    <span className="term" tabIndex={definition ? 0 : undefined} aria-describedby={definition ? id : undefined}>
      <dfn>{children}</dfn>
      {translation ? (
        <span className="term-tr">
          {' '}({translationLabel} <span lang={otherLang}>{translation}</span>)
        </span>
      ) : null}
      {definition ? (
        <span className="term-def" role="tooltip" id={id}>
          {definition}
        </span>
      ) : null}
    </span>
  );
}
