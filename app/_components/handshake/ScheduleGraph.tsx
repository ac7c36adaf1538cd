'use client';
/**
 * The key schedule (RFC 8446 §7.1) drawn from lib/viz/tls-schedule's geometry: inputs on the left, the
 * extracted secrets down the middle, the derived ones on the right. Each box is a button (Tab, Enter or
 * a click chooses it; hovering too); the chosen one's formula, inputs and value are listed below. Under
 * a lens that holds no key, the secret values are drawn closed. ScheduleTable is the text alternative.
 * @module
 */
import { useId } from 'react';
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import type { KeySchedule, ScheduleNode, SecretId } from '../../../lib/viz/tls-schedule';
import { HexValue } from './HexValue';
import { secretMeaning, secretName } from './field-words';

/** Constants of every TLS 1.3 connection without a PSK: anyone can compute them, a tap included. */
const PUBLIC: readonly SecretId[] = ['psk', 'early', 'derived1', 'zero'];
const visibleValue = (n: ScheduleNode, holds: boolean): string | null => (holds || PUBLIC.includes(n.id) ? n.value : null);

const short = (hex: string) => `${hex.slice(0, 4)} ${hex.slice(4, 8)} ${hex.slice(8, 12)} …`;

export function ScheduleGraph({ schedule, locale, holds, selected, onSelect }: { schedule: KeySchedule; locale: Locale; holds: boolean; selected: SecretId; onSelect(id: SecretId): void }) {
  const base = useId();
  const byId = new Map(schedule.nodes.map((n) => [n.id, n]));
  const sel = byId.get(selected)!;
  return (
    <>
      <div className="hs-schedule-scroll">
        <svg className="hs-schedule" viewBox={`0 0 ${schedule.width} ${schedule.height}`} role="group" aria-labelledby={`${base}-t`} aria-describedby={`${base}-d`} data-testid="hs-schedule">
          <title id={`${base}-t`}>{wt(locale, 'hsScheduleGraph')}</title>
          <desc id={`${base}-d`}>{wt(locale, 'hsScheduleDesc')}</desc>
          <defs>
            <marker id={`${base}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className="hs-arrowhead" />
            </marker>
          </defs>
          {schedule.edges.map((e) => {
            const to = byId.get(e.to)!;
            return (
              <g key={`${e.from}-${e.to}`} aria-hidden="true">
                <path d={e.path} className={`hs-edge hs-edge--${e.role}`} markerEnd={`url(#${base}-arrow)`} />
                {e.role === 'ikm' ? (
                  <text x={to.x - 14} y={to.y + to.h / 2 - 8} textAnchor="end" className="hs-edge-label">
                    {wt(locale, 'hsRoleIkm')}
                  </text>
                ) : e.role === 'salt' ? (
                  <text x={to.x + to.w / 2 + 10} y={to.y - 6} className="hs-edge-label">
                    {wt(locale, 'hsRoleSalt')}
                  </text>
                ) : null}
              </g>
            );
          })}
          {schedule.nodes.map((n) => {
            const v = visibleValue(n, holds);
            return (
              <g
                key={n.id}
                role="button"
                tabIndex={0}
                aria-pressed={n.id === selected}
                aria-label={`${secretName(locale, n.id)}: ${v ? short(v) : wt(locale, 'hsNotHeld')}`}
                className={`hs-node hs-node--${n.kind}${n.id === selected ? ' hs-on' : ''}${v ? '' : ' hs-node--closed'}`}
                data-secret={n.id}
                onClick={() => onSelect(n.id)}
                onMouseEnter={() => onSelect(n.id)}
                onFocus={() => onSelect(n.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect(n.id);
                  }
                }}
              >
                <rect x={n.x} y={n.y} width={n.w} height={n.h} rx={10} />
                <text x={n.x + 12} y={n.y + 24} className="hs-node-name">
                  {secretName(locale, n.id)}
                </text>
                <text x={n.x + 12} y={n.y + 48} className="hs-node-value">
                  {n.label && n.transcript ? `"${n.label}"  ` : ''}
                  {v ? short(v) : wt(locale, 'hsNotHeld')}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <div className="hs-detail hs-secret-detail" data-testid="hs-secret-detail">
        <p className="hs-detail-name">
          <strong>{secretName(locale, sel.id)}</strong>
          {sel.keylog ? (
            <>
              {' '}
              <code className="hs-kind">{sel.keylog}</code>
            </>
          ) : null}
        </p>
        <p>{secretMeaning(locale, sel.id)}</p>
        <p>
          <span className="hs-detail-label">{wt(locale, 'hsFormula')}: </span>
          <code>{sel.formula}</code>
        </p>
        {sel.transcript ? (
          <p>
            <span className="hs-detail-label">{wt(locale, 'hsTranscript', { through: sel.transcript.through })}: </span>
            {sel.transcript.hash ? <HexValue key={`t-${sel.id}`} hex={sel.transcript.hash} locale={locale} /> : '—'}
          </p>
        ) : null}
        <p>
          <span className="hs-detail-label">{wt(locale, 'hsValue')}: </span>
          {visibleValue(sel, holds) ? <HexValue key={`v-${sel.id}`} hex={visibleValue(sel, holds)!} locale={locale} /> : <strong>{wt(locale, 'hsNotHeld')}</strong>}
        </p>
      </div>
    </>
  );
}

/** The text alternative of the graph: one row per secret. */
export function ScheduleTable({ schedule, locale, holds }: { schedule: KeySchedule; locale: Locale; holds: boolean }) {
  return (
    <div className="mlw-events-wrap">
      <table className="mlw-events hs-table" data-testid="hs-schedule-table">
        <caption>{wt(locale, 'hsSchedule')}</caption>
        <thead>
          <tr>
            <th scope="col">{wt(locale, 'hsColSecret')}</th>
            <th scope="col">{wt(locale, 'hsFormula')}</th>
            <th scope="col">{wt(locale, 'hsColValue')}</th>
          </tr>
        </thead>
        <tbody>
          {schedule.nodes.map((n) => (
            <tr key={n.id}>
              <th scope="row">
                {secretName(locale, n.id)}
                {n.keylog ? <span className="hs-table-path"> {n.keylog}</span> : null}
              </th>
              <td>
                <code>{n.formula}</code>
                {n.transcript?.hash ? <span className="hs-table-path"> {wt(locale, 'hsTranscript', { through: n.transcript.through })}: {n.transcript.hash}</span> : null}
              </td>
              <td className="hs-table-value">{visibleValue(n, holds) ?? wt(locale, 'hsNotHeld')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
