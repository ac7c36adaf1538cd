'use client';
/** Links to the same page in the other language: /en/lessons/x/ ↔ /de/lessons/x/. @module */
import { usePathname } from 'next/navigation';
import type { Locale } from '../../_i18n/locales';
import { GlobeIcon } from './icons';

function switchLocalePath(pathname: string, to: Locale): string {
  const m = /^\/(en|de)(\/.*)?$/.exec(pathname);
  if (!m) return `/${to}/`;
  const rest = m[2] ?? '/';
  return `/${to}${rest.endsWith('/') ? rest : `${rest}/`}`;
}

export function LanguageSwitcher({ to, label, name }: { to: Locale; label: string; name: string }) {
  const pathname = usePathname() ?? '/';
  return (
    <a className="lang-switch" href={switchLocalePath(pathname, to)} hrefLang={to} lang={to} aria-label={label}>
      <GlobeIcon />
      <span className="lang-long">{name}</span>
      {/* On a phone the header holds four items in one row: the code stands in for the name there. */}
      <span className="lang-short" aria-hidden="true">
        {to.toUpperCase()}
      </span>
    </a>
  );
}
