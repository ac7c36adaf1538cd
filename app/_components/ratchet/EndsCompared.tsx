/**
 * The man-in-the-middle evidence in one panel (issue #9, item 10), at the top of the Ratchet tab: for
 * each OTR conversation whose two ends the run shows, the fingerprints and session ids each end sees,
 * side by side, each pair that should be equal marked ✓ or ✗ (a sign and a word, not colour alone),
 * under a sentence saying what it means (the punchline first). Model: lib/viz/otr-compare.ts.
 * @module
 */
import type { ReactNode } from 'react';
import { verdict, type Comparison, type Match } from '../../../lib/viz/otr-compare';
import type { Locale } from '../../_i18n/locales';
import { wt, type WidgetKey } from '../../_i18n/widget';
import { SsidHalves } from './SsidHalves';

const MATCH: Record<Match, { key: WidgetKey; sign: string }> = {
  same: { key: 'cmpSame', sign: '✓' },
  differs: { key: 'cmpDiffers', sign: '✗' },
  pending: { key: 'cmpPending', sign: '…' },
};

export function EndsCompared({ c, locale, person, nm }: { c: Comparison; locale: Locale; person(jid: string): string; nm(id: string): string }) {
  const a = person(c.a.account);
  const b = person(c.b.account);
  const v = verdict(c);
  const fp = (value: string | null, own: boolean) =>
    value === null ? (
      <span className="mlw-rk-none">{wt(locale, 'rNoneYet')}</span>
    ) : (
      <>
        <span className="mlw-mono mlw-cmp-fp">{value}</span>
        <span className="mlw-cmp-note">{wt(locale, own ? 'cmpOwn' : 'cmpReceived')}</span>
      </>
    );
  const ssid = (end: Comparison['a']) => (end.ssid === null ? <span className="mlw-rk-none">{wt(locale, 'rNoneYet')}</span> : <span className="mlw-mono"><SsidHalves ssid={end.ssid} bold={end.ssidHalf} /></span>);
  return (
    <section className={`mlw-cmp mlw-cmp--${v}`} data-testid="otr-compare" data-verdict={v} aria-labelledby={`cmp-${c.a.node}-${c.b.node}`}>
      <h3 className="mlw-rk-h" id={`cmp-${c.a.node}-${c.b.node}`}>
        {wt(locale, 'cmpTitle', { a, b })}
      </h3>
      <p className="mlw-cmp-verdict" data-testid="otr-compare-verdict">
        <span className="mlw-cmp-sign" aria-hidden="true">
          {MATCH[v].sign}
        </span>{' '}
        {v === 'same' && wt(locale, 'cmpVerdictSame', { a, b })}
        {v === 'pending' && wt(locale, 'cmpVerdictPending')}
        {v === 'differs' && (
          <>
            {c.ssid === 'differs' && `${wt(locale, 'cmpVerdictSsid', { a, b })} `}
            {(c.fingerprintA === 'differs' || c.fingerprintB === 'differs') && `${wt(locale, 'cmpVerdictKeys')} `}
            {c.middle.length > 0 && `${wt(locale, 'cmpMiddle', { who: c.middle.map(nm).join(', ') })} `}
            {wt(locale, 'cmpHow')}
          </>
        )}
      </p>
      {/* On a phone the four columns are wider than the panel: the table scrolls in its own box (edge shadows show it), reachable by keyboard. */}
      <div className="mlw-events-wrap" tabIndex={0} role="region" aria-labelledby={`cmp-${c.a.node}-${c.b.node}`}>
        <table className="mlw-cmp-table">
          <thead>
            <tr>
              <th scope="col">{wt(locale, 'cmpWhat')}</th>
              <th scope="col">{wt(locale, 'cmpSees', { who: a })}</th>
              <th scope="col">{wt(locale, 'cmpSees', { who: b })}</th>
              <th scope="col">{wt(locale, 'cmpCheck')}</th>
            </tr>
          </thead>
          <tbody>
            <Row label={wt(locale, 'cmpFingerprintOf', { who: a })} left={fp(c.a.ownFingerprint, true)} right={fp(c.b.peerFingerprint, false)} m={c.fingerprintA} locale={locale} row="fingerprint-a" />
            <Row label={wt(locale, 'cmpFingerprintOf', { who: b })} left={fp(c.a.peerFingerprint, false)} right={fp(c.b.ownFingerprint, true)} m={c.fingerprintB} locale={locale} row="fingerprint-b" />
            <Row label={wt(locale, 'rSsid')} left={ssid(c.a)} right={ssid(c.b)} m={c.ssid} locale={locale} row="ssid" />
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Row({ label, left, right, m, locale, row }: { label: string; left: ReactNode; right: ReactNode; m: Match; locale: Locale; row: string }) {
  return (
    <tr className={`mlw-cmp-row mlw-cmp-row--${m}`} data-row={row} data-match={m}>
      <th scope="row">{label}</th>
      <td>{left}</td>
      <td>{right}</td>
      <td className="mlw-cmp-match">
        <span aria-hidden="true">{MATCH[m].sign}</span> {wt(locale, MATCH[m].key)}
      </td>
    </tr>
  );
}
