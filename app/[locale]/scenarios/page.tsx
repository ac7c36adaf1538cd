/** The list of preset scenarios, each with its title and summary, linking to its own playable page. @module */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isLocale, locales } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import { presets } from '../../../lib/scenarios/presets/index';
import '../../_components/scenario/widget.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: wt(locale, 'listTitle'), description: wt(locale, 'listLead') };
}

export default async function ScenariosPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return (
    <div className="page mlw-list-page">
      <h1>{wt(locale, 'listTitle')}</h1>
      <p className="lead">{wt(locale, 'listLead')}</p>
      <ul className="mlw-list">
        {presets.map((p) => (
          <li key={p.id} className="mlw-list-item">
            <h2>
              <Link href={`/${locale}/scenarios/${p.id}/`} aria-label={wt(locale, 'listOpen', { title: p.title[locale] })}>
                {p.title[locale]}
              </Link>
            </h2>
            <p>{p.summary[locale]}</p>
            <p className="mlw-list-id">
              <code>{p.id}</code>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
