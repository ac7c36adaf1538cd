/**
 * `<Scorecard title>` with `<Requirement>` rows (contract C5): a table of security requirements. Each
 * row says in one sentence what the requirement means, links to a step of a preset where it is met and
 * one where it is broken (the scenario page opens there, with the observer's lens that shows it), and
 * names the lessons that teach it. A side no preset shows yet says so instead of linking anywhere.
 * Server component: the links are plain anchors, so the table reads and works without JavaScript.
 * On a phone the table's rows become cards (each cell labelled); the ARIA roles keep the table's
 * semantics when CSS changes its display.
 * @module
 */
import type { ReactNode } from 'react';
import type { Locale } from '../../_i18n/locales';
import { st } from '../../_i18n/scorecard';
import { t } from '../../_i18n/site';
import { getPreset } from '../../../lib/scenarios/presets/index';
import { kindLabel } from '../knowledge/ObserverGlyph';
import { observerOf } from './lesson-data';
import { lessonSlugs, parsePlace, placeHref, type RequirementProps } from './scorecard-data';
import '../scenario/widget.css';
import './scorecard.css';

const COLUMNS = ['colRequirement', 'colMet', 'colBroken', 'colLesson'] as const;

export function Scorecard({ title, locale, children }: { title: string; locale: Locale; children?: ReactNode }) {
  return (
    <div className="breakout scorecard-wrap">
      <table className="scorecard" role="table">
        <caption>{title}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {COLUMNS.map((key) => (
              <th key={key} scope="col" role="columnheader">
                {st(locale, key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">{children}</tbody>
      </table>
    </div>
  );
}

/** A lesson a row names: its number and title, in the page's language. */
export interface LessonRef {
  slug: string;
  order: number;
  title: string;
}

function Glyph({ side }: { side: 'met' | 'broken' }) {
  return (
    <svg className="scorecard-glyph" viewBox="0 0 24 24" width="1.1em" height="1.1em" fill="none" stroke="currentColor" strokeWidth={3} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {side === 'met' ? <path d="M4 12.5l5 5L20 6.5" /> : <path d="M6 6l12 12M18 6L6 18" />}
    </svg>
  );
}

function Side({ side, place, lens, text, locale }: { side: 'met' | 'broken'; place?: string; lens?: string; text?: string; locale: Locale }) {
  const label = st(locale, side === 'met' ? 'colMet' : 'colBroken');
  const p = place === undefined ? null : parsePlace(place, lens);
  if (p === null || typeof p === 'string') {
    // A bad place cannot get here (the compile check refuses it); no place means no preset shows it yet.
    return (
      <td role="cell" data-label={label} className="scorecard-cell scorecard-none">
        {st(locale, 'notSimulated')}
      </td>
    );
  }
  const scenario = getPreset(p.scenario)!.title[locale];
  const o = p.lens === undefined ? null : observerOf(p.scenario, p.lens);
  const where = o
    ? st(locale, 'placeLens', { scenario, step: p.step, observer: t(locale, 'observerWords', { kind: kindLabel(locale, o.kind), who: o.who }) })
    : st(locale, 'place', { scenario, step: p.step });
  return (
    <td role="cell" data-label={label} className={`scorecard-cell scorecard-${side}`}>
      <a href={placeHref(locale, p)} className="scorecard-link">
        <Glyph side={side} />
        <span>
          <span className="scorecard-text">{text}</span>
          <span className="scorecard-where">{where}</span>
          <span className="mlw-visually-hidden">{` (${st(locale, 'opens')})`}</span>
        </span>
      </a>
    </td>
  );
}

export function Requirement(p: RequirementProps & { locale: Locale; lessons: readonly LessonRef[] }) {
  const { locale } = p;
  const taught = lessonSlugs(p.lesson).map((slug) => p.lessons.find((l) => l.slug === slug)!).filter(Boolean);
  return (
    <tr role="row" id={`req-${p.id}`} className="scorecard-row">
      <th scope="row" role="rowheader" className="scorecard-req">
        <span className="scorecard-name">{p.name}</span>
        <span className="scorecard-means">{p.means}</span>
      </th>
      <Side side="met" place={p.met} lens={p.metLens} text={p.metText} locale={locale} />
      <Side side="broken" place={p.broken} lens={p.brokenLens} text={p.brokenText} locale={locale} />
      <td role="cell" data-label={st(locale, 'colLesson')} className="scorecard-cell scorecard-lessons">
        {taught.length === 0
          ? st(locale, 'noLesson')
          : taught.map((l, i) => (
              <span key={l.slug}>
                {i > 0 ? ', ' : ''}
                <a href={`/${locale}/lessons/${l.slug}/`}>
                  {st(locale, 'lessonLink', { n: l.order })}
                  <span className="mlw-visually-hidden">{`: ${l.title}`}</span>
                </a>
              </span>
            ))}
      </td>
    </tr>
  );
}
