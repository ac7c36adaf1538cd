/** One preset scenario on its own page: the widget at full width, playable, with `?step=N` in the URL. @module */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isLocale, locales } from '../../../_i18n/locales';
import { wt } from '../../../_i18n/widget';
import { LazyScenario } from '../../../_components/scenario/LazyScenario';
import { getPreset, presets } from '../../../../lib/scenarios/presets/index';

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.flatMap((locale) => presets.map((p) => ({ locale, id: p.id })));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string; id: string }> }): Promise<Metadata> {
  const { locale, id } = await params;
  const preset = getPreset(id);
  if (!isLocale(locale) || !preset) return {};
  return { title: preset.title[locale], description: preset.summary[locale] };
}

export default async function ScenarioPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  const preset = getPreset(id);
  if (!isLocale(locale) || !preset) notFound();
  return (
    <div className="page mlw-scenario-page">
      <p className="mlw-back">
        <Link href={`/${locale}/scenarios/`}>{wt(locale, 'backToList')}</Link>
      </p>
      <LazyScenario id={id} locale={locale} titleAs="h1" strings={{ loading: wt(locale, 'loadingWidget'), needsJs: wt(locale, 'needsJs') }} />
    </div>
  );
}
