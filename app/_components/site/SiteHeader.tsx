/** The site header: name, main navigation (Course, Scenarios) and the language switcher. @module */
import Link from 'next/link';
import type { Locale } from '../../_i18n/locales';
import { t } from '../../_i18n/site';
import { course } from '../../_i18n/course';
import { LogoMark } from './icons';
import { LanguageSwitcher } from './LanguageSwitcher';

export function SiteHeader({ locale }: { locale: Locale }) {
  const other: Locale = locale === 'en' ? 'de' : 'en';
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link className="site-name" href={`/${locale}/`}>
          <LogoMark />
          <span>{t(locale, 'siteName')}</span>
        </Link>
        <nav className="site-nav" aria-label={t(locale, 'navLabel')}>
          <ul>
            <li>
              <Link href={`/${locale}/`}>{t(locale, 'navCourse')}</Link>
            </li>
            <li>
              <Link href={`/${locale}/scenarios/`}>{t(locale, 'navScenarios')}</Link>
            </li>
            <li>
              <Link href={`/${locale}/glossary/`}>{course[locale].navGlossary}</Link>
            </li>
            <li>
              <LanguageSwitcher to={other} label={t(locale, 'languageSwitch')} name={t(locale, 'otherLanguageName')} />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
