'use client';
/**
 * `<Exercise kind="…">`: a calculation the reader does, with an answer the trace fixes (computed at
 * build time in lesson-data.ts and handed in as `data`), an input, a hint and the solution on demand.
 * The SCRAM kind lets the reader test each candidate password in the browser, with the same PBKDF2,
 * HMAC and hash the simulated server used (scram-check.ts).
 * @module
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Locale } from '../../_i18n/locales';
import { t } from '../../_i18n/site';
import { CheckIcon, CrossIcon } from '../site/icons';
import type { ExerciseData } from './lesson-data';
import { storedKeyHex } from './scram-check';

const answerOf = (d: ExerciseData): string => (d.kind === 'plain-decode' ? d.password : String(d.answer));

/** The reader's answer compared as typed, without surrounding spaces (and without a leading # for key ids). */
const normalise = (d: ExerciseData, s: string): string => (d.kind === 'otr-keyid' ? s.trim().replace(/^#/, '') : s.trim());

export function Exercise({ data, n, step, hint, locale, children }: { data: ExerciseData; n: number; step: number; hint: string; locale: Locale; children?: ReactNode }) {
  const inputId = useId();
  const [value, setValue] = useState('');
  const [verdict, setVerdict] = useState<{ ok: boolean; tried: string } | 'empty' | null>(null);
  const [solution, setSolution] = useState(false);

  const check = (e: FormEvent) => {
    e.preventDefault();
    const tried = normalise(data, value);
    setVerdict(tried === '' ? 'empty' : { ok: tried === answerOf(data), tried });
  };

  let feedback: ReactNode = null;
  if (verdict === 'empty') feedback = t(locale, 'exerciseEmpty');
  else if (verdict)
    feedback = (
      <strong className={verdict.ok ? 'quiz-ok' : 'quiz-bad'}>
        {verdict.ok ? <CheckIcon /> : <CrossIcon />} {verdict.ok ? t(locale, 'exerciseRight') : t(locale, 'exerciseWrong', { answer: verdict.tried })}
      </strong>
    );

  return (
    <section className="exercise" data-kind={data.kind} data-checked={verdict && verdict !== 'empty' ? (verdict.ok ? 'correct' : 'wrong') : undefined} aria-labelledby={`${inputId}-h`}>
      <h3 className="quiz-heading" id={`${inputId}-h`}>
        {t(locale, 'exerciseHeading', { n })}
      </h3>
      <div className="exercise-task">{children}</div>
      <ExerciseData data={data} step={step} locale={locale} />
      <form className="exercise-form" onSubmit={check}>
        <label htmlFor={inputId}>{t(locale, 'exerciseAnswer')}</label>
        <input
          id={inputId}
          type="text"
          inputMode={data.kind === 'otr-keyid' ? 'numeric' : undefined}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setVerdict(null);
          }}
        />
        <button type="submit" className="button">
          {t(locale, 'quizCheck')}
        </button>
        <p className="quiz-feedback" role="status" aria-live="polite">
          {feedback}
        </p>
      </form>
      <details className="exercise-hint">
        <summary>{t(locale, 'exerciseHint')}</summary>
        <p>{hint}</p>
      </details>
      <button type="button" className="button button-quiet" aria-expanded={solution} onClick={() => setSolution((s) => !s)}>
        {t(locale, solution ? 'exerciseHideSolution' : 'exerciseShowSolution')}
      </button>
      {solution ? <p className="exercise-solution">{solutionText(data, step, locale)}</p> : null}
    </section>
  );
}

function solutionText(d: ExerciseData, step: number, locale: Locale): string {
  switch (d.kind) {
    case 'plain-decode':
      return t(locale, 'exercisePlainSolution', { bytes: `${d.authzid}\\0${d.authcid}\\0${d.password}`, authzid: d.authzid, authcid: d.authcid, password: d.password });
    case 'scram-guess':
      return t(locale, 'exerciseScramSolution', { answer: d.answer, hash: d.hash, iterations: d.iterations });
    case 'otr-keyid':
      return t(locale, 'exerciseOtrSolution', { keys: d.rows.at(-1)!.keys, step, answer: d.answer });
  }
}

/** What the reader calculates from: the bytes, the leaked record, or the key ids so far. */
function ExerciseData({ data, step, locale }: { data: ExerciseData; step: number; locale: Locale }) {
  switch (data.kind) {
    case 'plain-decode':
      return (
        <div className="exercise-data">
          <p>{t(locale, 'exercisePlainData', { step })}</p>
          <pre>
            <code>{`<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>${data.base64}</auth>`}</code>
          </pre>
        </div>
      );
    case 'scram-guess':
      return <ScramData data={data} locale={locale} />;
    case 'otr-keyid':
      return (
        <div className="exercise-data">
          <table className="exercise-table">
            <thead>
              <tr>
                <th scope="col">{t(locale, 'exerciseOtrStep')}</th>
                <th scope="col">{t(locale, 'exerciseOtrFrom')}</th>
                <th scope="col">{t(locale, 'exerciseOtrKeys')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.slice(0, -1).map((r) => (
                <tr key={r.step}>
                  <td>{r.step}</td>
                  <td>{r.from}</td>
                  <td>{r.keys}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t(locale, 'exerciseOtrAsk', { step })}</p>
        </div>
      );
  }
}

function ScramData({ data, locale }: { data: Extract<ExerciseData, { kind: 'scram-guess' }>; locale: Locale }) {
  const [tried, setTried] = useState<Record<string, string | null>>({});
  return (
    <div className="exercise-data">
      <p>{t(locale, 'exerciseScramData', { server: data.server, user: data.user, mechanism: data.mechanism })}</p>
      <dl className="exercise-leak">
        <dt>salt</dt>
        <dd>
          <code>{data.salt}</code>
        </dd>
        <dt>i</dt>
        <dd>
          <code>{data.iterations}</code>
        </dd>
        <dt>StoredKey</dt>
        <dd>
          <code>{data.storedKey}</code>
        </dd>
      </dl>
      <ul className="exercise-candidates">
        {data.candidates.map((c) => {
          const key = tried[c];
          return (
            <li key={c}>
              <button type="button" className="button button-quiet" onClick={() => setTried((s) => ({ ...s, [c]: storedKeyHex(c, data.salt, data.iterations, data.hash) }))}>
                {t(locale, 'exerciseScramTry', { candidate: c })}
              </button>
              {c in tried ? (
                <span className="exercise-computed" role="status">
                  <code>{key ?? '—'}</code> {key === data.storedKey ? t(locale, 'exerciseScramMatch') : t(locale, 'exerciseScramNoMatch')}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
