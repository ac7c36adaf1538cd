/** The course overview: what Messenger Lab is, and the lessons (from their frontmatter). @module */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isLocale } from '../_i18n/locales';
import { t } from '../_i18n/site';
import { lessonHref, listLessons } from '../_content/lessons';
import { ArrowRightIcon, ClockIcon } from '../_components/site/icons';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: { absolute: `${t(locale, 'siteName')} — ${t(locale, 'tagline')}` } };
}

export default async function CourseOverview({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const lessons = listLessons(locale);
  return (
    <div className="page overview">
      <section className="hero" aria-labelledby="overview-title">
        <p className="eyebrow">{t(locale, 'siteName')}</p>
        <h1 id="overview-title">{t(locale, 'overviewTitle')}</h1>
        <p className="lead">{t(locale, 'overviewLead')}</p>
      </section>

      <section aria-labelledby="how-title" className="how">
        <h2 id="how-title">{t(locale, 'overviewHow')}</h2>
        <ul className="how-list">
          <li>
            <span className="how-swatch" style={{ background: 'var(--c-xml)' }} aria-hidden="true" />
            {t(locale, 'overviewHowSimulate')}
          </li>
          <li>
            <span className="how-swatch" style={{ background: 'var(--c-tls)' }} aria-hidden="true" />
            {t(locale, 'overviewHowRead')}
          </li>
          <li>
            <span className="how-swatch" style={{ background: 'var(--c-sasl)' }} aria-hidden="true" />
            {t(locale, 'overviewHowTeach')}
          </li>
        </ul>
      </section>

      <section aria-labelledby="lessons-title">
        <h2 id="lessons-title">{t(locale, 'overviewLessons')}</h2>
        <ol className="lesson-list">
          {lessons.map((l) => (
            <li key={l.slug} className="lesson-card">
              <p className="lesson-card-numeral" aria-hidden="true">
                {String(l.order).padStart(2, '0')}
              </p>
              <div className="lesson-card-main">
                <p className="lesson-card-meta">
                  <span className="lesson-card-number">{t(locale, 'lessonNumber', { n: l.order })}</span>
                  <span className="lesson-card-minutes">
                    <ClockIcon /> {t(locale, 'minutes', { n: l.minutes })}
                  </span>
                </p>
                <h3>
                  <Link href={lessonHref(locale, l.slug)}>{l.title}</Link>
                </h3>
                <p className="lesson-card-summary">{l.summary}</p>
                <p className="lesson-card-start" aria-hidden="true">
                  {t(locale, 'startLesson', { n: l.order })} <ArrowRightIcon />
                </p>
              </div>
              <div className="lesson-card-goals">
                <p className="lesson-card-goals-title">{t(locale, 'youWillLearn')}</p>
                <ul className="lesson-card-objectives">
                  {l.objectives.map((o) => (
                    <li key={o}>{o}</li>
                  ))}
                </ul>
              </div>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
