/** The layout of every page in one language: <html lang>, header, main, footer. @module */
import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { isLocale, locales } from '../_i18n/locales';
import { t } from '../_i18n/site';
import { SiteFooter } from '../_components/site/SiteFooter';
import { SiteHeader } from '../_components/site/SiteHeader';
import { OfflineStatus } from '../_components/site/OfflineStatus';
import { webApp } from '../_components/site/web-app';
import { markViewPending } from '../_components/scenario/url-view-pending';

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#111111' },
  ],
};

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return {
    title: { default: t(locale, 'siteName'), template: `%s · ${t(locale, 'siteName')}` },
    description: t(locale, 'metaDescription'),
    ...webApp,
  };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return (
    <html lang={locale}>
      <body>
        <script dangerouslySetInnerHTML={{ __html: markViewPending }} />
        <a className="skip-link" href="#main">
          {t(locale, 'skipToContent')}
        </a>
        <SiteHeader locale={locale} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter locale={locale} />
        <OfflineStatus locale={locale} />
      </body>
    </html>
  );
}
