'use client';
/**
 * `<Quiz question="…">` with `<Choice correct why="…">` children: one multiple-choice question.
 * Native radio buttons (arrow keys move within the group, Space selects), a "Check answer" button,
 * and feedback in a polite live region. Choices register through context, so MDX can nest them freely.
 * @module
 */
import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import { CheckIcon, CrossIcon } from '../site/icons';

export interface QuizLabels {
  heading: string;
  check: string;
  correct: string;
  wrong: string;
  chooseFirst: string;
  correctAnswer: string;
}

interface Picked {
  id: string;
  correct: boolean;
  why?: string;
}

interface QuizState {
  name: string;
  picked: Picked | null;
  checked: boolean;
  pick: (p: Picked) => void;
  labels: QuizLabels;
}

const QuizContext = createContext<QuizState | null>(null);

/** `reveal`: shown under the verdict once an answer is checked, right or wrong (a Predict's link to the step). */
export function Quiz({ question, labels, reveal, kind, children }: { question: string; labels: QuizLabels; reveal?: ReactNode; kind?: 'predict'; children: ReactNode }) {
  const name = useId();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [checked, setChecked] = useState(false);
  const [nudge, setNudge] = useState(false);

  const pick = (p: Picked) => {
    setPicked(p);
    setChecked(false);
    setNudge(false);
  };
  const check = () => {
    if (!picked) {
      setNudge(true);
      return;
    }
    setChecked(true);
  };

  let feedback: ReactNode = null;
  if (nudge) feedback = labels.chooseFirst;
  else if (checked && picked)
    feedback = (
      <>
        <strong className={picked.correct ? 'quiz-ok' : 'quiz-bad'}>
          {picked.correct ? <CheckIcon /> : <CrossIcon />} {picked.correct ? labels.correct : labels.wrong}
        </strong>{' '}
        {picked.why}
        {reveal}
      </>
    );

  return (
    <fieldset className="quiz" data-kind={kind} data-checked={checked ? (picked?.correct ? 'correct' : 'wrong') : undefined}>
      <legend>
        <span className="quiz-heading">{labels.heading}</span>
        <span className="quiz-question">{question}</span>
      </legend>
      <QuizContext.Provider value={{ name, picked, checked, pick, labels }}>
        <div className="quiz-choices">{children}</div>
      </QuizContext.Provider>
      <div className="quiz-actions">
        <button type="button" className="button" onClick={check}>
          {labels.check}
        </button>
        <p className="quiz-feedback" role="status" aria-live="polite">
          {feedback}
        </p>
      </div>
    </fieldset>
  );
}

export function Choice({ correct, why, children }: { correct?: boolean; why?: string; children: ReactNode }) {
  const ctx = useContext(QuizContext);
  const id = useId();
  if (!ctx) throw new Error('<Choice> must be inside <Quiz>');
  const isPicked = ctx.picked?.id === id;
  const verdict = ctx.checked && isPicked ? (correct ? 'correct' : 'wrong') : undefined;
  return (
    <label className="quiz-choice" data-verdict={verdict}>
      <input
        type="radio"
        name={ctx.name}
        value={id}
        checked={isPicked}
        onChange={() => ctx.pick({ id, correct: Boolean(correct), why })}
      />
      <span className="quiz-choice-text">{children}</span>
      {verdict === 'correct' ? (
        <span className="quiz-verdict">
          <CheckIcon /> {ctx.labels.correctAnswer}
        </span>
      ) : null}
    </label>
  );
}
