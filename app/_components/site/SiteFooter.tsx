/** The site footer: what Messenger Lab is, where its facts come from. @module */
import type { Locale } from '../../_i18n/locales';
import { t } from '../../_i18n/site';

export function SiteFooter({ locale }: { locale: Locale }) {
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p>
          <strong>{t(locale, 'siteName')}</strong> — {t(locale, 'footerAbout')}
        </p>
        <p>{t(locale, 'footerSimulated')}</p>
        <p>{t(locale, 'footerSpecs')}</p>
      </div>
    </footer>
  );
}
