/**
 * The lesson components registry: the closed vocabulary (vocabulary.ts) bound to one page's locale
 * and frontmatter. Imported ONLY by app/[locale]/lessons/[slug]/page.tsx, so that other pages do not
 * ship the widgets' JS (TOOLCHAIN.md "Server-only MDX").
 * @module
 */
import type { ComponentType, ReactNode } from 'react';
import type { Locale } from '../../_i18n/locales';
import { t } from '../../_i18n/site';
import { DeepDive, Note, Pitfall, Recap, YouWillLearn } from './Callouts';
import { Choice, Quiz, type QuizLabels } from './Quiz';
import { ScenarioEmbed } from './ScenarioEmbed';
import { Spec } from './Spec';
import { Term } from './Term';
import type { ComponentName, ScenarioView } from './vocabulary';

type Children = { children?: ReactNode };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LessonComponents = Record<ComponentName, ComponentType<any>>;

export function lessonComponents(locale: Locale, objectives: string[]): LessonComponents {
  let quizCount = 0;
  const quizLabels = (n: number): QuizLabels => ({
    heading: t(locale, 'quizQuestion', { n }),
    check: t(locale, 'quizCheck'),
    correct: t(locale, 'quizCorrect'),
    wrong: t(locale, 'quizWrong'),
    chooseFirst: t(locale, 'quizChooseFirst'),
    correctAnswer: t(locale, 'quizCorrectAnswer'),
  });
  return {
    YouWillLearn: ({ children }: Children) => (
      <YouWillLearn label={t(locale, 'youWillLearn')} objectives={objectives}>
        {children}
      </YouWillLearn>
    ),
    Note: ({ title, children }: Children & { title?: string }) => (
      <Note label={t(locale, 'note')} title={title}>
        {children}
      </Note>
    ),
    Pitfall: ({ title, children }: Children & { title?: string }) => (
      <Pitfall label={t(locale, 'pitfall')} title={title}>
        {children}
      </Pitfall>
    ),
    DeepDive: ({ title, children }: Children & { title: string }) => (
      <DeepDive label={t(locale, 'deepDive')} title={title}>
        {children}
      </DeepDive>
    ),
    Recap: ({ children }: Children) => <Recap label={t(locale, 'recap')}>{children}</Recap>,
    Term: ({ de, en, children }: Children & { de?: string; en?: string }) => (
      <Term locale={locale} translationLabel={t(locale, 'termIn')} de={de} en={en}>
        {children}
      </Term>
    ),
    // Authors write <Spec ref="…" />; the compile step renames the prop to specRef (React reserves `ref`).
    Spec: ({ specRef }: { specRef: string }) => <Spec specRef={specRef} title={t(locale, 'specLink', { ref: specRef })} />,
    Quiz: ({ question, children }: Children & { question: string }) => (
      <Quiz question={question} labels={quizLabels(++quizCount)}>
        {children}
      </Quiz>
    ),
    Choice,
    Scenario: ({ id, view, initialStep }: { id: string; view?: ScenarioView; initialStep?: string }) => (
      <ScenarioEmbed id={id} view={view} initialStep={initialStep} locale={locale} />
    ),
  };
}
