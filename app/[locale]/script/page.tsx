/** The lecture script page: build, order, annotate, save and present a list of views (ScriptEditor). @module */
import type { Metadata } from 'next';
import { isLocale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import { ScriptEditor } from '../../_components/script/ScriptEditor';
import { notFound } from 'next/navigation';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: wt(locale, 'scriptPageTitle') };
}

export default async function ScriptPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return (
    <div className="page script-page">
      <h1>{wt(locale, 'scriptPageTitle')}</h1>
      <p className="script-intro">{wt(locale, 'scriptPageIntro')}</p>
      <ScriptEditor locale={locale} />
    </div>
  );
}
