/**
 * The forger's own metadata in the Knowledge tab (lib/knowledge/forger.ts): each forgery with its verdict
 * (the punchline, first), and what it recorded, each message checked as a judge would check it — as sentences with
 * step links, in the reader's language, instead of the raw fields.
 * @module
 */
import { Fragment, type ReactNode } from 'react';
import type { Forgery, RecordedMessage } from '../../../lib/knowledge/forger-edit';
import type { Observation } from '../../../lib/knowledge/observe';
import type { Locale } from '../../_i18n/locales';
import { widget, type WidgetKey } from '../../_i18n/widget';
import { groupHex } from '../inspector/hex-text';

export interface ForgerMetadata {
  recorded: RecordedMessage[];
  forgeries: Forgery[];
}

/** The fields this file draws, so the panel knows not to show them again. */
export const FORGER_FIELDS = ['recorded', 'forgeries'] as const;

/** The forger's recording and forgeries, when this observation has them. */
export function forgerMetadata(md: Observation['metadata']): ForgerMetadata | null {
  const m = md as Observation['metadata'] & Partial<ForgerMetadata>;
  return Array.isArray(m.recorded) && Array.isArray(m.forgeries) ? { recorded: m.recorded, forgeries: m.forgeries } : null;
}

/** A widget string whose `{placeholders}` may be elements (step links, quotations), not only text. */
function rich(locale: Locale, key: WidgetKey, params: Record<string, ReactNode>): ReactNode {
  return widget[locale][key].split(/\{(\w+)\}/).map((part, i) => (i % 2 === 0 ? part : <Fragment key={i}>{params[part] ?? `{${part}}`}</Fragment>));
}

interface RowsProps extends ForgerMetadata {
  locale: Locale;
  /** A button that moves the cursor to a step (1-based). */
  link(step: number): ReactNode;
}

const REASONS: Record<NonNullable<Forgery['reason']>, WidgetKey> = {
  'no-such-message': 'knowForgeNoMessage',
  'mac-key-not-revealed': 'knowForgeNoMacKey',
  'text-not-found': 'knowForgeNoText',
  'outside-message': 'knowForgeOutside',
  'length-differs': 'knowForgeLength',
};

export function ForgerRows({ recorded, forgeries, locale, link }: RowsProps) {
  const t = (key: WidgetKey) => widget[locale][key];
  return (
    <>
      <ListRow label={t('knowForgeries')} empty={t('knowNothing')} testid="forger-forgeries">
        {forgeries.map((f, i) => (
          <li key={i} className={verdictClass(f)}>
            <ForgeryLine f={f} recorded={recorded} locale={locale} link={link} />
          </li>
        ))}
      </ListRow>
      <ListRow label={t('knowRecorded')} empty={t('knowNothing')} testid="forger-recorded">
        {recorded.map((r) => (
          <li key={r.index}>
            <Recorded r={r} locale={locale} link={link} />
          </li>
        ))}
      </ListRow>
    </>
  );
}

function ListRow({ label, empty, testid, children }: { label: string; empty: string; testid: string; children: ReactNode[] }) {
  return (
    <div className="mlw-know-row">
      <dt>{label}</dt>
      <dd>
        {children.length === 0 ? (
          empty
        ) : (
          <ul className="mlw-know-list" data-testid={testid}>
            {children}
          </ul>
        )}
      </dd>
    </div>
  );
}

/** A forgery that passes every check is the point of the demonstration: it gets the danger frame. */
function verdictClass(f: Forgery): string | undefined {
  if (f.forged === null) return 'mlw-know-muted';
  return f.macValid === true || f.signatureValid === true ? 'mlw-know-danger' : undefined;
}

function Recorded({ r, locale, link }: { r: RecordedMessage; locale: Locale; link(step: number): ReactNode }) {
  const base = { step: link(r.seq + 1), from: r.from, to: r.to };
  if (r.scheme === 'signed') {
    return <>{rich(locale, r.signatureValid ? 'knowRecSignedOk' : 'knowRecSignedBad', { ...base, text: <q>{r.text}</q>, signer: r.signer })}</>;
  }
  const key = (hex: string) => <code className="mlw-know-mono">{groupHex(hex)}</code>;
  return (
    <>
      {r.macKey !== null && r.macKeyRevealedAt !== null
        ? rich(locale, 'knowRecOtrKey', { ...base, at: link(r.macKeyRevealedAt + 1), key: key(r.macKey) })
        : rich(locale, 'knowRecOtrNoKey', base)}
      {r.reveals.length > 0 && (
        <>
          {' '}
          {rich(locale, 'knowRecReveals', { keys: r.reveals.map((k, i) => <Fragment key={k}>{i > 0 && ', '}{key(k)}</Fragment>) })}
        </>
      )}
    </>
  );
}

function ForgeryLine({ f, recorded, locale, link }: { f: Forgery; recorded: RecordedMessage[]; locale: Locale; link(step: number): ReactNode }) {
  const edit = { find: <q>{f.find}</q>, replace: <q>{f.replace}</q> };
  if (f.forged === null || f.claims === null) {
    const reason = widget[locale][REASONS[f.reason ?? 'no-such-message']];
    return <>{f.seq < 0 ? rich(locale, 'knowForgeUnrecorded', { ...edit, reason }) : rich(locale, 'knowForgeFailed', { ...edit, step: link(f.seq + 1), reason })}</>;
  }
  const rec = recorded[f.message];
  const at = rec?.scheme === 'otr' ? rec.macKeyRevealedAt : null;
  const verdict =
    f.scheme === 'signed'
      ? widget[locale][f.signatureValid ? 'knowForgedSigOk' : 'knowForgedSigBad']
      : f.macValid && at !== null
        ? rich(locale, 'knowForgedMacOk', { at: link(at + 1) })
        : widget[locale]['knowForgedMacBad'];
  return <>{rich(locale, 'knowForged', { claims: <q>{f.claims}</q>, step: link(f.seq + 1), verdict })}</>;
}
