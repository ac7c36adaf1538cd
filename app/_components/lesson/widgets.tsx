/**
 * The lesson components registry: the closed vocabulary (vocabulary.ts) bound to one page's locale
 * and frontmatter. Imported ONLY by app/[locale]/lessons/[slug]/page.tsx, so that other pages do not
 * ship the widgets' JS (TOOLCHAIN.md "Server-only MDX").
 * @module
 */
import type { ComponentType, ReactNode } from 'react';
import { listLessons } from '../../_content/lessons';
import type { Locale } from '../../_i18n/locales';
import { t } from '../../_i18n/site';
import { DeepDive, Note, Pitfall, Recap, YouWillLearn } from './Callouts';
import { Exercise } from './Exercise';
import { FurtherReading } from './FurtherReading';
import { kindLabel } from '../knowledge/ObserverGlyph';
import { exerciseData, handshakeRef, LESSON_SEED, observerOf, predictAnswer, type Evidence } from './lesson-data';
import { wt } from '../../_i18n/widget';
import { LazyHandshake, LazyScram } from '../handshake/LazyEmbeds';
import { Choice, Quiz, type QuizLabels } from './Quiz';
import { ScenarioEmbed } from './ScenarioEmbed';
import { Requirement, Scorecard } from './Scorecard';
import type { RequirementProps } from './scorecard-data';
import { Spec } from './Spec';
import { Annotation, StanzaView } from './StanzaView';
import { Step } from './Step';
import { StateDiagram } from '../state-diagram/StateDiagram';
import { isSubState } from '../state-diagram/check';
import { Term } from './Term';
import type { ComponentName, ScenarioView } from './vocabulary';

type Children = { children?: ReactNode };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LessonComponents = Record<ComponentName, ComponentType<any>>;

interface PredictProps {
  scenario: string;
  step: string;
  observer: string;
  kind: string;
  about?: string;
  question: string;
  why: string;
}

interface ExerciseProps extends Children {
  kind: string;
  scenario: string;
  step?: string;
  observer?: string;
  user?: string;
  candidates?: string;
  hint: string;
}

/** The engine's reason for a Predict's answer, in words. */
function evidenceText(locale: Locale, e: Evidence, observer: string, step: number, about: number): string {
  switch (e.type) {
    case 'read':
      return t(locale, 'evidenceRead', { step: about, observer, text: e.text });
    case 'sealed':
      return t(locale, 'evidenceSealed', { observer, size: e.size });
    case 'unseen':
      return t(locale, 'evidenceUnseen', { observer });
    case 'known':
      return t(locale, 'evidenceKnown', { step, observer, value: e.value });
    case 'unknown':
      return t(locale, 'evidenceUnknown', { step, observer });
  }
}

export function lessonComponents(locale: Locale, objectives: string[]): LessonComponents {
  let quizCount = 0;
  let exerciseCount = 0;
  let diagramCount = 0;
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
    Step: ({ n, children }: Children & { n: number }) => (
      <Step n={Number(n)} action={t(locale, 'stepAction')}>
        {children}
      </Step>
    ),
    Predict: (p: PredictProps) => {
      const step = Number(p.step);
      const a = predictAnswer({ ...p, step });
      if (typeof a === 'string') throw new Error(`<Predict>: ${a}`); // the compile check makes this unreachable
      const o = observerOf(p.scenario, p.observer)!;
      const observer = t(locale, 'observerWords', { kind: kindLabel(locale, o.kind), who: o.who });
      const verdict = `${t(locale, a.yes ? 'predictSaysYes' : 'predictSaysNo')} ${evidenceText(locale, a.evidence, observer, step, p.about ? Number(p.about) : step)}`;
      const why = `${verdict} ${p.why}`;
      return (
        <Quiz
          kind="predict"
          question={p.question}
          labels={{ ...quizLabels(0), heading: t(locale, 'predictHeading', { n: step }) }}
          reveal={
            <>
              {' '}
              {t(locale, 'predictWatch')} <Step n={step} action={t(locale, 'stepAction')}>{t(locale, 'stepLinkText', { n: step })}</Step>
            </>
          }
        >
          <Choice correct={a.yes} why={why}>
            {t(locale, 'predictYes')}
          </Choice>
          <Choice correct={!a.yes} why={why}>
            {t(locale, 'predictNo')}
          </Choice>
        </Quiz>
      );
    },
    StanzaView: ({ scenario, step, children }: Children & { scenario: string; step: string }) => (
      <StanzaView scenario={scenario} step={step} locale={locale}>
        {children}
      </StanzaView>
    ),
    Annotation,
    Exercise: ({ children, hint, ...p }: ExerciseProps) => {
      const data = exerciseData({ ...p, step: p.step === undefined ? undefined : Number(p.step) });
      if (typeof data === 'string') throw new Error(`<Exercise>: ${data}`); // the compile check makes this unreachable
      return (
        <Exercise data={data} n={++exerciseCount} step={Number(p.step ?? 0)} hint={hint} locale={locale}>
          {children}
        </Exercise>
      );
    },
    FurtherReading: ({ children }: Children) => <FurtherReading label={t(locale, 'furtherReading')}>{children}</FurtherReading>,
    StateDiagram: ({ highlight, user, contact }: { table: string; highlight?: string; user?: string; contact?: string }) => (
      <StateDiagram idBase={`state-diagram-${++diagramCount}`} locale={locale} highlight={highlight && isSubState(highlight) ? highlight : undefined} user={user} contact={contact} />
    ),
    Scenario: ({ id, view, initialStep }: { id: string; view?: ScenarioView; initialStep?: string }) => (
      <ScenarioEmbed id={id} view={view} initialStep={initialStep} locale={locale} />
    ),
    Scorecard: ({ title, children }: Children & { title: string }) => (
      <Scorecard title={title} locale={locale}>
        {children}
      </Scorecard>
    ),
    Requirement: (p: RequirementProps) => <Requirement {...p} locale={locale} lessons={listLessons(locale)} />,
    Handshake: ({ id, observer, connection }: { id: string; observer?: string; connection?: string }) => {
      const ref = handshakeRef({ id, observer, connection });
      if (typeof ref === 'string') throw new Error(`<Handshake>: ${ref}`); // the compile check makes this unreachable
      return <LazyHandshake id={id} seed={LESSON_SEED} step={ref.step} connection={ref.connection} observer={observer} locale={locale} note={wt(locale, 'loadingWidget')} />;
    },
    ScramCalculator: ({ id }: { id: string }) => <LazyScram id={id} seed={LESSON_SEED} locale={locale} note={wt(locale, 'loadingWidget')} />,
  };
}
