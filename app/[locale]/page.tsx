/** The course overview: what Messenger Lab is, and the lessons (from their frontmatter). @module */
import type { Metadata } from 'next';
import Link from 'next/link';
import { compare } from '../_i18n/compare';
import { notFound } from 'next/navigation';
import { isLocale } from '../_i18n/locales';
import '../_components/course/course.css';
import { t } from '../_i18n/site';
import { lessonHref, lessonsByPart } from '../_content/lessons';
import { fill, type Locale } from '../_i18n/locales';
import { course, partStrings } from '../_i18n/course';
import { CourseProgress } from '../_components/course/CourseProgress';
import { LessonStatusBadge } from '../_components/course/LessonStatusBadge';
import { ArrowRightIcon, ClockIcon } from '../_components/site/icons';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: { absolute: `${t(locale, 'siteName')} — ${t(locale, 'tagline')}` } };
}

/** Whole and half hours, written as each language writes them ("5.5" / "5,5"). */
function hours(minutes: number, locale: Locale): string {
  return (Math.round(minutes / 30) / 2).toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB');
}

/** "55 min", "2 h 10 min": a part's time as a reader plans it. */
function duration(minutes: number, c: (typeof course)['en']): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return fill(c.durationMinutes, { m });
  return m === 0 ? fill(c.durationHours, { h }) : fill(c.durationHoursMinutes, { h, m });
}

export default async function CourseOverview({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const c = course[locale];
  const parts = lessonsByPart(locale);
  const lessons = parts.flatMap((p) => p.lessons);
  const bySlug = new Map(lessons.map((l) => [l.slug, l]));
  const totalMinutes = lessons.reduce((sum, l) => sum + l.minutes, 0);
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

      <section aria-labelledby="lessons-title" className="course">
        <h2 id="lessons-title">{t(locale, 'overviewLessons')}</h2>
        <p className="course-length">
          {fill(c.courseLength, { lessons: lessons.length, parts: parts.length, hours: hours(totalMinutes, locale) })}
        </p>
        <CourseProgress locale={locale} slugs={lessons.map((l) => l.slug)} />
        {parts.map(({ part, lessons: inPart }, i) => {
          const keys = partStrings(part);
          const minutes = inPart.reduce((sum, l) => sum + l.minutes, 0);
          return (
            <section key={part} className={`course-part course-part-${part}`} aria-labelledby={`part-${part}`}>
              <header className="course-part-header">
                <p className="course-part-kicker">{fill(c.partLabel, { n: i + 1 })}</p>
                <h3 id={`part-${part}`}>{c[keys.title]}</h3>
                <p className="course-part-blurb">{c[keys.blurb]}</p>
                <p className="course-part-minutes">
                  <ClockIcon /> {fill(inPart.length === 1 ? c.partMinutesOne : c.partMinutes, { lessons: inPart.length, time: duration(minutes, c) })}
                </p>
              </header>
              <ol className="lesson-list">
                {inPart.map((l) => (
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
                        <LessonStatusBadge locale={locale} slug={l.slug} />
                      </p>
                      <h4>
                        <Link href={lessonHref(locale, l.slug)}>{l.title}</Link>
                      </h4>
                      <p className="lesson-card-summary">{l.summary}</p>
                      {l.prerequisites.length > 0 ? (
                        <p className="lesson-card-prereq">
                          {c.buildsOn}:{' '}
                          {l.prerequisites.map((slug, k) => {
                            const pre = bySlug.get(slug)!;
                            return (
                              <span key={slug}>
                                {k > 0 ? ', ' : ''}
                                <Link href={lessonHref(locale, slug)} title={pre.title}>
                                  {fill(c.buildsOnLesson, { n: pre.order })}
                                </Link>
                              </span>
                            );
                          })}
                        </p>
                      ) : null}
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
          );
        })}
      </section>

      <section aria-labelledby="compare-title" className="compare-teaser">
        <h2 id="compare-title">
          <Link href={`/${locale}/compare/`}>{compare[locale].overviewLink}</Link>
        </h2>
        <p>{compare[locale].overviewLinkBlurb}</p>
      </section>
    </div>
  );
}
