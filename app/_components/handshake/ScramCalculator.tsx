'use client';
/**
 * The SCRAM calculator (issue #10 item 7): a login of the run, its values as they crossed the wire (inside
 * TLS), every line of RFC 5802 §3 computed from them with the user's password, which of the results the
 * server's database keeps, and what a leak of that database gives a thief — an offline guess per PBKDF2
 * run, tried here against the StoredKey with the same function the lesson exercise uses (scram-check.ts);
 * under PLAIN with stored passwords, everything at once.
 * @module
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import type { Scenario, Trace } from '../../../lib/sim/types';
import { passwordOf, scramLogins, scramValues, type ScramValues } from '../../../lib/viz/scram-calc';
import { storedKeyHex } from '../lesson/scram-check';
import { HexValue } from './HexValue';
import './handshake.css';

type Who = 'scramWhoClient' | 'scramWhoStored' | 'scramWhoWire' | 'scramWhoBoth';
const ROWS: { name: string; key: keyof ScramValues; formula: string; who: Who }[] = [
  { name: 'SaltedPassword', key: 'saltedPassword', formula: 'Hi(Normalize(password), salt, i)', who: 'scramWhoClient' },
  { name: 'ClientKey', key: 'clientKey', formula: 'HMAC(SaltedPassword, "Client Key")', who: 'scramWhoClient' },
  { name: 'StoredKey', key: 'storedKey', formula: 'H(ClientKey)', who: 'scramWhoStored' },
  { name: 'ServerKey', key: 'serverKey', formula: 'HMAC(SaltedPassword, "Server Key")', who: 'scramWhoStored' },
  { name: 'ClientSignature', key: 'clientSignature', formula: 'HMAC(StoredKey, AuthMessage)', who: 'scramWhoBoth' },
  { name: 'ClientProof', key: 'clientProof', formula: 'ClientKey XOR ClientSignature', who: 'scramWhoWire' },
  { name: 'ServerSignature', key: 'serverSignature', formula: 'HMAC(ServerKey, AuthMessage)', who: 'scramWhoWire' },
];

export function ScramCalculator({ scenario, trace, locale, nm }: { scenario: Scenario; trace: Trace; locale: Locale; nm(id: string): string }) {
  const base = useId();
  const logins = useMemo(() => scramLogins(scenario, trace), [scenario, trace]);
  const [which, setWhich] = useState(0);
  const [guess, setGuess] = useState('');
  const [verdict, setVerdict] = useState<string | null>(null);
  const login = logins[Math.min(which, logins.length - 1)];
  const password = useMemo(() => (login ? passwordOf(scenario, login) : ''), [scenario, login]);
  const values = useMemo(() => (login ? scramValues(login, password) : null), [login, password]);
  if (!login || !values) return <p className="mlw-panel-note">{wt(locale, 'scramNone')}</p>;
  const user = nm(login.client);
  const server = nm(login.server);

  const check = (e: FormEvent) => {
    e.preventDefault();
    const g = guess;
    if (g === '') return setVerdict(wt(locale, 'scramGuessEmpty'));
    const key = storedKeyHex(g, login.salt, login.iterations, login.hash);
    if (key === null) return setVerdict(wt(locale, 'scramGuessInvalid', { guess: g }));
    setVerdict(wt(locale, key === values.storedKey ? 'scramGuessRight' : 'scramGuessWrong', { guess: g, key: key.slice(0, 8) }));
  };
  const sent = (row: (typeof ROWS)[number]) => {
    if (row.key === 'clientProof') return values.clientProof === login.proof ? wt(locale, 'scramMatches', { user, step: login.steps.response }) : wt(locale, 'scramDiffers');
    if (row.key === 'serverSignature' && login.serverSignature !== null && login.steps.success !== null)
      return values.serverSignature === login.serverSignature ? wt(locale, 'scramMatchesV', { server, step: login.steps.success }) : wt(locale, 'scramDiffers');
    return null;
  };

  return (
    <section className="hs scram" aria-labelledby={`${base}-h`} data-testid="scram-calculator">
      <h3 className="hs-h" id={`${base}-h`}>
        {wt(locale, 'scramTitle')}
      </h3>
      {logins.length > 1 ? (
        <p className="mlw-panel-head">
          <label htmlFor={`${base}-login`}>{wt(locale, 'hsConnection')}</label>{' '}
          <select id={`${base}-login`} className="mlw-select" value={which} onChange={(e) => setWhich(Number(e.target.value))}>
            {logins.map((l, i) => (
              <option key={i} value={i}>
                {`${nm(l.client)} → ${nm(l.server)}, ${l.mechanism}, ${l.steps.first}–${l.steps.success ?? l.steps.response}`}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      <p>{wt(locale, 'scramIntro', { user, server, mechanism: login.mechanism, first: login.steps.first, last: login.steps.success ?? login.steps.response })}</p>
      <h4 className="hs-subhead">{wt(locale, 'scramInputs')}</h4>
      <dl className="scram-inputs">
        <dt>{wt(locale, 'scramSalt')}</dt>
        <dd>
          <HexValue hex={login.salt} locale={locale} />
        </dd>
        <dt>{wt(locale, 'scramIterations')}</dt>
        <dd className="scram-mono">{login.iterations}</dd>
        <dt>client-first-message-bare</dt>
        <dd className="scram-mono">{login.clientFirstBare}</dd>
        <dt>server-first-message</dt>
        <dd className="scram-mono">{login.serverFirst}</dd>
        <dt>client-final-message-without-proof</dt>
        <dd className="scram-mono">{login.clientFinalWithoutProof}</dd>
        <dt>{wt(locale, 'scramBinding')}</dt>
        <dd>{login.channelBinding.data ? wt(locale, 'scramBindingData', { c: login.channelBinding.base64 }) : wt(locale, 'scramBindingNone', { c: login.channelBinding.base64 })}</dd>
      </dl>
      <details className="scram-password">
        <summary>{wt(locale, 'scramPassword', { user })}</summary>
        <code className="scram-mono">{password}</code>
      </details>
      <div className="mlw-events-wrap">
        <table className="mlw-events hs-table scram-table" data-testid="scram-table">
          <caption>{wt(locale, 'scramAuthMessage')}</caption>
          <thead>
            <tr>
              <th scope="col">{wt(locale, 'scramColName')}</th>
              <th scope="col">{wt(locale, 'scramColFormula')}</th>
              <th scope="col">{wt(locale, 'scramColValue')}</th>
              <th scope="col">{wt(locale, 'scramColWho')}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((r) => (
              <tr key={r.key} className={`scram-row--${r.who}`}>
                <th scope="row">{r.name}</th>
                <td>
                  <code>{r.formula}</code>
                </td>
                <td>
                  <HexValue hex={values[r.key]} locale={locale} />
                </td>
                <td>
                  {wt(locale, r.who)}
                  {sent(r) ? <span className="scram-check">{sent(r)}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4 className="hs-subhead">{wt(locale, 'scramLeak')}</h4>
      <p>{wt(locale, 'scramLeakScram', { iterations: login.iterations })}</p>
      <form className="scram-guess" onSubmit={check}>
        <label htmlFor={`${base}-guess`}>{wt(locale, 'scramGuess')}</label>
        <input
          id={`${base}-guess`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={guess}
          onChange={(e) => {
            setGuess(e.target.value);
            setVerdict(null);
          }}
        />
        <button type="submit" className="mlw-btn">
          {wt(locale, 'scramCheck')}
        </button>
        <p className="scram-verdict" role="status" aria-live="polite" data-testid="scram-verdict">
          {verdict}
        </p>
      </form>
      <p className="scram-plain">{wt(locale, 'scramLeakPlain')}</p>
    </section>
  );
}
