/** The glossary: every term the lessons define, English and German side by side, linked to where it is taught. @module */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { isLocale, locales } from '../../_i18n/locales';
import { t } from '../../_i18n/site';
import { course } from '../../_i18n/course';
import { glossaryIndex } from '../../_content/glossary-index';
import { englishTerm } from '../../_components/lesson/glossary';
import { lessonHref } from '../../_content/lessons';
import { GlossaryList } from '../../_components/course/GlossaryList';
import { termId, type GlossaryItem } from '../../_components/course/glossary-rows';
import '../../_components/course/course.css';

type Params = Promise<{ locale: string }>;

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: course[locale].glossaryTitle, description: course[locale].glossaryLead };
}

export default async function GlossaryPage({ params }: { params: Params }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const items: GlossaryItem[] = glossaryIndex(locale).map(({ entry, lessons }) => ({
    id: termId(entry.en),
    term: locale === 'en' ? englishTerm(entry) : entry.de,
    other: locale === 'en' ? entry.de : englishTerm(entry),
    definition: entry.definition[locale],
    lessons: lessons.map((l) => ({ href: lessonHref(locale, l.slug), label: t(locale, 'lessonNumber', { n: l.order }), title: l.title })),
  }));
  return (
    <div className="page glossary">
      <header className="hero">
        <h1>{course[locale].glossaryTitle}</h1>
        <p className="lead">{course[locale].glossaryLead}</p>
      </header>
      <GlossaryList locale={locale} items={items} />
    </div>
  );
}
