'use client';
/**
 * The Storage tab: what a server holds after the step — accounts with their SCRAM records (never a
 * password), rosters, messages waiting for offline users, who is online from which address, and the
 * federation peers (lib/knowledge/storage.ts). Under a lens only the observer's own server, if it is one.
 * @module
 */
import { useMemo } from 'react';
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import { connectionLog, serverStorage, type StoredAccount } from '../../../lib/knowledge/storage';
import { nodeStatesAfter } from '../../../lib/scenarios/run';
import type { SimRun } from '../../../lib/sim/kernel';
import type { Scenario } from '../../../lib/sim/types';
import type { ServerState } from '../../../lib/xmpp/server/state';
import { NodePicker } from './NodePicker';
import './storage.css';

const short = (hex: string, n = 6) => hex.slice(0, n);

function Accounts({ accounts, locale }: { accounts: StoredAccount[]; locale: Locale }) {
  return (
    <div className="mlw-events-wrap">
      <table className="mlw-events mlw-storage-table" data-testid="storage-accounts">
        <caption>{wt(locale, 'storageAccounts')}</caption>
        <thead>
          <tr>
            <th scope="col">{wt(locale, 'storageColAccount')}</th>
            <th scope="col">{wt(locale, 'storageColLogin')}</th>
            <th scope="col">{wt(locale, 'storageColRoster')}</th>
            <th scope="col">{wt(locale, 'storageColOffline')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.jid}>
              <th scope="row">{a.jid}</th>
              <td>
                <ul className="mlw-storage-list">
                  {a.credentials.map((c) => (
                    <li key={c.mechanism} className="mlw-mono">
                      {wt(locale, 'storageScram', { mechanism: c.mechanism, salt: short(c.salt), iterations: c.iterations, storedKey: short(c.storedKey), serverKey: short(c.serverKey) })}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {a.roster.length === 0 ? (
                  wt(locale, 'storageNone')
                ) : (
                  <ul className="mlw-storage-list">
                    {a.roster.map((r) => (
                      <li key={r.jid}>
                        {wt(locale, 'storageRosterItem', { jid: r.jid, subscription: r.subscription })}
                        {r.ask ? wt(locale, 'storageRosterAsk') : ''}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {a.offline.length === 0 ? (
                  wt(locale, 'storageNone')
                ) : (
                  <ul className="mlw-storage-list">
                    {a.offline.map((m, i) => (
                      <li key={i}>
                        {wt(locale, 'storageOfflineItem', { from: m.from, stamp: m.stamp })}{' '}
                        {m.otr ? <em>{wt(locale, 'storageOfflineOtr')}</em> : <q>{m.body}</q>}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StoragePanel({
  scenario,
  run,
  step,
  locale,
  selectedNode,
  onSelectNode,
  nm,
  own,
  who,
}: {
  scenario: Scenario;
  run: SimRun;
  step: number;
  locale: Locale;
  selectedNode: string | null;
  onSelectNode(id: string): void;
  nm(id: string): string;
  /** Under a lens: the observer's own node (null for a tap or a thief); undefined without a lens. */
  own?: string | null;
  who?: string;
}) {
  const servers = run.trace.nodes.filter((n) => n.kind === 'server');
  const states = useMemo(() => nodeStatesAfter(scenario, run, step - 1), [scenario, run, step]);
  if (own !== undefined && !servers.some((s) => s.id === own))
    return (
      <p className="mlw-panel-note mlw-encrypted" data-testid="storage-lens-none">
        {wt(locale, 'storageLensNone', { who: who ?? '' })}
      </p>
    );
  const shown = own !== undefined ? servers.filter((s) => s.id === own) : servers;
  if (shown.length === 0) return <p className="mlw-panel-note">{wt(locale, 'storageNoServer')}</p>;
  const pick = [own, selectedNode, ...shown.map((s) => s.id)].find((id) => id && shown.some((s) => s.id === id))!;
  const state = states[pick] as ServerState | undefined;
  const storage = state ? serverStorage(state) : null;
  const log = connectionLog(run.trace, pick, step);
  const ms = (t: number) => wt(locale, 'time', { ms: t });
  return (
    <div data-testid="inspector-storage">
      <NodePicker label={wt(locale, 'storageServer')} nodes={shown} value={pick} onSelect={onSelectNode}>
        <strong>{step >= 1 ? wt(locale, 'storageAfter', { server: nm(pick), step }) : wt(locale, 'storageInitial', { server: nm(pick) })}</strong>
      </NodePicker>
      <p className="mlw-panel-note">{wt(locale, 'storageWhy')}</p>
      {storage ? (
        <>
          <Accounts accounts={storage.accounts} locale={locale} />
          <p className="mlw-panel-note">{wt(locale, 'storageNoPassword')}</p>
          <h4 className="mlw-storage-h">{wt(locale, 'storageOnline')}</h4>
          {storage.online.length === 0 ? (
            <p>{wt(locale, 'storageNobody')}</p>
          ) : (
            <ul className="mlw-storage-list" data-testid="storage-online">
              {storage.online.map((o) => (
                <li key={o.jid}>{wt(locale, 'storageOnlineItem', { jid: o.jid, ip: o.ip, port: o.port })}</li>
              ))}
            </ul>
          )}
          <h4 className="mlw-storage-h">{wt(locale, 'storageLog')}</h4>
          <p className="mlw-panel-note">{wt(locale, 'storageLogWhy')}</p>
          {log.length === 0 ? (
            <p>{wt(locale, 'storageNobody')}</p>
          ) : (
            <ul className="mlw-storage-list" data-testid="storage-log">
              {log.map((l) => (
                <li key={`${l.jid}@${l.since.step}`}>
                  {l.until
                    ? wt(locale, 'storageLogClosed', { jid: l.jid, ip: l.ip, since: l.since.step, until: l.until.step, sinceTime: ms(l.since.time), untilTime: ms(l.until.time) })
                    : wt(locale, 'storageLogOpen', { jid: l.jid, ip: l.ip, since: l.since.step, sinceTime: ms(l.since.time) })}
                </li>
              ))}
            </ul>
          )}
          {storage.peers.length > 0 ? (
            <>
              <h4 className="mlw-storage-h">{wt(locale, 'storagePeers')}</h4>
              <ul className="mlw-storage-list">
                {storage.peers.map((p) => (
                  <li key={`${p.domain}:${p.direction}`}>
                    {wt(locale, p.direction === 'outgoing' ? 'storagePeerOut' : 'storagePeerIn', { domain: p.domain, state: wt(locale, p.verified ? 'storagePeerVerified' : 'storagePeerPending') })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : (
        <p className="mlw-panel-note">{wt(locale, 'stateEmpty')}</p>
      )}
    </div>
  );
}
