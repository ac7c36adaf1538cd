/**
 * The Knowledge tab's first line (issue #9, item 9): how many messages with text the observer reads by
 * this step, which ones and why, then what stays closed and why — from lib/viz/knowledge-summary.ts.
 * @module
 */
import type { ObserverKind } from '../../../lib/knowledge/observation';
import type { ClosedWhy, Family, FamilyCount, KnowledgeSummary, ReadWhy } from '../../../lib/viz/knowledge-summary';
import type { Locale } from '../../_i18n/locales';
import { wt, type WidgetKey } from '../../_i18n/widget';

const FAMILY: Record<Family, { one: WidgetKey; all: WidgetKey; some: WidgetKey }> = {
  plain: { one: 'knowFamPlainOne', all: 'knowFamPlainAll', some: 'knowFamPlainSome' },
  otr: { one: 'knowFamOtrOne', all: 'knowFamOtrAll', some: 'knowFamOtrSome' },
  static: { one: 'knowFamStaticOne', all: 'knowFamStaticAll', some: 'knowFamStaticSome' },
};
const READ: Record<ReadWhy, WidgetKey> = { 'own-keys': 'knowWhyOwnKeys', 'stolen-keys': 'knowWhyStolenKeys', relay: 'knowWhyRelay' };
const CLOSED: Record<ClosedWhy, WidgetKey> = { sealed: 'knowWhySealed', logs: 'knowWhyLogs', 'no-key': 'knowWhyNoKey', 'signs-only': 'knowWhySignsOnly' };

/** "the 4 static-key messages", "4 of the 10 OTR messages": `r` of a family's `n`. */
function family(locale: Locale, f: Family, r: number, n: number): string {
  const k = FAMILY[f];
  if (r < n) return wt(locale, k.some, { r, n });
  return n === 1 ? wt(locale, k.one) : wt(locale, k.all, { n });
}

const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The headline as text, one or more sentences. */
export function headline(locale: Locale, s: KnowledgeSummary, who: string): string {
  if (s.total === 0) return wt(locale, 'knowHeadNone', { who });
  const lead =
    s.read === 0 ? wt(locale, 'knowHeadZero', { who, total: s.total }) : s.read < s.total ? wt(locale, 'knowHeadSome', { who, read: s.read, total: s.total }) : wt(locale, s.total === 1 ? 'knowHeadAllOne' : 'knowHeadAll', { who, total: s.total });
  const reads = s.families.filter((f) => f.read > 0).map((f) => readPart(locale, f));
  const closed = s.families.filter((f) => f.read < f.of).map((f) => closedPart(locale, f, who));
  return [reads.length ? `${lead}: ${reads.join('; ')}.` : `${lead}.`, ...closed].join(' ');
}

function readPart(locale: Locale, f: FamilyCount): string {
  const what = family(locale, f.family, f.read, f.of);
  return f.readWhy ? `${what}, ${wt(locale, READ[f.readWhy])}` : what;
}

function closedPart(locale: Locale, f: FamilyCount, who: string): string {
  const n = f.of - f.read;
  const what = upper(family(locale, f.family, n, f.of));
  return wt(locale, n === 1 ? 'knowClosedOne' : 'knowClosedMany', { what, why: wt(locale, CLOSED[f.closedWhy], { who }) });
}

export function Headline({ locale, summary, who, kind }: { locale: Locale; summary: KnowledgeSummary; who: string; kind: ObserverKind }) {
  const danger = summary.read > 0 && (kind === 'thief' || kind === 'operator' || kind === 'tap' || kind === 'forger');
  return (
    <p className={`mlw-know-headline${danger ? ' mlw-know-headline--danger' : ''}`} data-testid="knowledge-headline">
      {headline(locale, summary, who)}
    </p>
  );
}
