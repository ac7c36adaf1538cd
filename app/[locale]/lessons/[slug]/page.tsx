/**
 * One lesson. The MDX is compiled with mdx-bundler and evaluated here, in a Server Component, at build
 * time; client widgets (Quiz, Scenario) come in through `components`. The browser never evaluates MDX.
 * @module
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getMDXComponent } from 'mdx-bundler/client';
import { isLocale, locales } from '../../../_i18n/locales';
import { t } from '../../../_i18n/site';
import { compileLesson } from '../../../_content/compile';
import { getLesson, lessonHref, listLessons } from '../../../_content/lessons';
import { lessonComponents } from '../../../_components/lesson/widgets';
import { LessonDone } from '../../../_components/course/LessonDone';
import '../../../_components/course/course.css';
import { ArrowLeftIcon, ArrowRightIcon, ClockIcon } from '../../../_components/site/icons';

type Params = Promise<{ locale: string; slug: string }>;

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.flatMap((locale) => listLessons(locale).map(({ slug }) => ({ locale, slug })));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return {};
  const lesson = getLesson(locale, slug);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: { params: Params }) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  const lessons = listLessons(locale);
  const index = lessons.findIndex((l) => l.slug === slug);
  const lesson = lessons[index];
  if (!lesson) notFound();
  const prev = lessons[index - 1];
  const next = lessons[index + 1];

  const { code, frontmatter } = await compileLesson(lesson.file);
  const Content = getMDXComponent(code);

  return (
    <article className="page lesson">
      <header className="lesson-header">
        <nav aria-label={t(locale, 'breadcrumb')} className="breadcrumb">
          <ol>
            <li>
              <Link href={`/${locale}/`}>{t(locale, 'navCourse')}</Link>
            </li>
            <li aria-current="page">{t(locale, 'lessonNumber', { n: frontmatter.order })}</li>
          </ol>
        </nav>
        <h1>{frontmatter.title}</h1>
        <p className="lead">{frontmatter.summary}</p>
        <p className="lesson-meta">
          <ClockIcon /> {t(locale, 'lessonMeta', { n: frontmatter.order, minutes: frontmatter.minutes })}
        </p>
      </header>
      <div className="prose">
        <Content components={lessonComponents(locale, frontmatter.objectives)} />
      </div>
      <LessonDone locale={locale} slug={slug} />
      <nav className="lesson-pager" aria-label={t(locale, 'overviewLessons')}>
        {prev ? (
          <Link className="pager-prev" href={lessonHref(locale, prev.slug)} rel="prev">
            <ArrowLeftIcon /> <span className="pager-kicker">{t(locale, 'previousLesson')}</span>
            <span className="pager-title">{prev.title}</span>
          </Link>
        ) : (
          <Link className="pager-prev" href={`/${locale}/`}>
            <ArrowLeftIcon /> <span className="pager-title">{t(locale, 'backToCourse')}</span>
          </Link>
        )}
        {next ? (
          <Link className="pager-next" href={lessonHref(locale, next.slug)} rel="next">
            <span className="pager-kicker">{t(locale, 'nextLesson')}</span>
            <span className="pager-title">{next.title}</span> <ArrowRightIcon />
          </Link>
        ) : null}
      </nav>
    </article>
  );
}
