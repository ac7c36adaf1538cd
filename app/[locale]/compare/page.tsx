/** Who learns what: one conversation under four architectures, compared from the runs' ledgers (issue #11). @module */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { isLocale, locales } from '../../_i18n/locales';
import { compare } from '../../_i18n/compare';
import { ArchComparison } from '../../_components/compare/ArchComparison';

type Params = Promise<{ locale: string }>;

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: compare[locale].title, description: compare[locale].lead };
}

export default async function ComparePage({ params }: { params: Params }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return (
    <div className="page compare">
      <header className="hero">
        <h1>{compare[locale].title}</h1>
        <p className="lead">{compare[locale].lead}</p>
      </header>
      <ArchComparison locale={locale} />
    </div>
  );
}
