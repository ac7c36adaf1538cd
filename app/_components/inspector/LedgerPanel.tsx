'use client';
/**
 * The Ledger tab (issue #11): what one observer had learned up to the current step — the lens's observer,
 * or one picked here when there is no lens — grouped by kind (lib/viz/ledger.ts), each fact with the step
 * that leaked it as a button that moves the cursor there. Content is the least of it: addresses, times,
 * sizes, devices and who writes to whom stay when encryption hides the words.
 * @module
 */
import { useId, useMemo, useState } from 'react';
import type { Locale } from '../../_i18n/locales';
import { wt, type WidgetKey } from '../../_i18n/widget';
import type { LedgerFact } from '../../../lib/knowledge/ledger';
import { groupLedger, ledgerUpTo, type LedgerGroup } from '../../../lib/viz/ledger';
import type { KnowledgePanelProps } from '../knowledge/KnowledgePanel';
import { NodePicker } from './NodePicker';
import './storage.css';

const GROUP_KEYS: Record<LedgerGroup, WidgetKey> = {
  messages: 'ledgerGroupMessages',
  sealed: 'ledgerGroupSealed',
  contacts: 'ledgerGroupContacts',
  addresses: 'ledgerGroupAddresses',
  connections: 'ledgerGroupConnections',
  presence: 'ledgerGroupPresence',
  roster: 'ledgerGroupRoster',
  offline: 'ledgerGroupOffline',
  credentials: 'ledgerGroupCredentials',
};

/** One fact as a sentence: JIDs and addresses as they are, node ids by their short names, hashes cut to six digits. */
function factText(locale: Locale, f: LedgerFact, nm: (id: string) => string): string {
  const t = (k: WidgetKey, p?: Record<string, string | number>) => wt(locale, k, p);
  const time = (ms: number) => t('time', { ms });
  switch (f.kind) {
    case 'message': {
      const p = { from: f.from, to: f.to, time: time(f.time), size: f.size };
      if (f.content !== null) return t('ledgerMessage', { ...p, content: f.content });
      return f.e2e ? t('ledgerMessageE2e', { ...p, kind: f.e2e }) : t('ledgerMessageSealed', p);
    }
    case 'sealed':
      return t(f.records === 1 ? 'ledgerSealedOne' : 'ledgerSealed', { from: f.from, to: f.to, time: time(f.time), size: f.size, records: f.records });
    case 'contact':
      return t('ledgerContact', { from: f.from, to: f.to, count: f.count, last: f.lastSeq + 1 });
    case 'address':
      return f.node ? t('ledgerAddress', { ip: f.ip, node: nm(f.node) }) : t('ledgerAddressUnknown', { ip: f.ip });
    case 'jid':
      return t('ledgerJid', { jid: f.jid });
    case 'connection':
      return t('ledgerConnection', { proto: f.proto.toUpperCase(), src: f.src, dst: f.dst, packets: f.packets, bytes: f.bytes, time: time(f.time), lastTime: time(f.lastTime) });
    case 'stream':
      // A client's header names only the server it wants, the server's answer only itself (RFC 6120 §4.7.1–2).
      if (f.from !== null && f.to !== null) return t('ledgerStream', { from: f.from, to: f.to });
      return f.to !== null ? t('ledgerStreamTo', { to: f.to }) : t('ledgerStreamFrom', { from: f.from ?? '' });
    case 'peer-domain':
      return t('ledgerPeer', { domain: f.domain, peer: f.peerDomain });
    case 'presence':
      return t(f.available ? 'ledgerOnline' : 'ledgerOffline', { jid: f.jid, time: time(f.time) });
    case 'resource':
      return t('ledgerResource', { jid: f.jid, time: time(f.time) });
    case 'roster':
      return t('ledgerRoster', { owner: f.owner, items: f.items.map((i) => `${i.jid} (${i.subscription})`).join(', ') });
    case 'subscription':
      return t('ledgerSubscription', { from: f.from, to: f.to, type: f.type, time: time(f.time) });
    case 'offline':
      return f.state === 'stored'
        ? t('ledgerStored', { from: f.from, for: f.for, size: f.size, time: time(f.time) })
        : t('ledgerDelivered', { from: f.from, for: f.for, stamp: f.stamp ?? '?' });
    case 'password':
      return t('ledgerPassword', { user: f.user, password: f.password });
    case 'scram':
      return t('ledgerScram', { mechanism: f.mechanism, user: f.user, salt: f.salt.slice(0, 6), iterations: f.iterations });
    case 'stored-credential':
      return t('ledgerStoredCredential', { user: f.user, mechanism: f.mechanism, storedKey: f.storedKey.slice(0, 6), serverKey: f.serverKey.slice(0, 6) });
  }
}

export function LedgerPanel({
  scenario,
  trace,
  step,
  locale,
  observers,
  lens,
  who,
  nm,
  onSelectStep,
}: Omit<KnowledgePanelProps, 'onLens'> & { nm(id: string): string }) {
  // `lens`: the lens's observer; null: the panel offers its own choice.
  const base = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const observer = lens ?? observers.find((o) => o.name === picked) ?? observers[0] ?? null;
  const ledger = useMemo(() => (observer ? ledgerUpTo(scenario, trace, observer.name, step) : null), [scenario, trace, observer, step]);
  if (!observer) return null;
  const name = who(observer);
  const groups = ledger ? groupLedger(ledger.facts) : [];
  const head = step >= 1 ? wt(locale, 'ledgerAfter', { who: name, step }) : wt(locale, 'ledgerInitial', { who: name });
  return (
    <div data-testid="inspector-ledger">
      {lens ? (
        <p className="mlw-panel-head">
          <strong>{head}</strong>
        </p>
      ) : (
        <NodePicker label={wt(locale, 'ledgerObserver')} nodes={observers.map((o) => ({ id: o.name, label: who(o) }))} value={observer.name} onSelect={setPicked}>
          <strong>{head}</strong>
        </NodePicker>
      )}
      <p className="mlw-panel-note">{wt(locale, 'ledgerWhy')}</p>
      {!ledger ? (
        <p className="mlw-panel-note">{wt(locale, 'ledgerFailed', { who: name })}</p>
      ) : groups.length === 0 ? (
        <p className="mlw-panel-note">{wt(locale, 'ledgerNothing')}</p>
      ) : (
        groups.map(({ group, facts }) => (
          <section key={group} data-group={group} aria-labelledby={`${base}-${group}`}>
            <h4 className="mlw-storage-h" id={`${base}-${group}`}>
              {wt(locale, GROUP_KEYS[group])} <span className="mlw-know-kind">({facts.length === 1 ? wt(locale, 'ledgerCountOne') : wt(locale, 'ledgerCount', { n: facts.length })})</span>
            </h4>
            <ul className="mlw-storage-list">
              {facts.map((f, i) => (
                <li key={i}>
                  <button type="button" className="mlw-linkbtn" onClick={() => onSelectStep(f.seq + 1)} aria-label={wt(locale, 'goToStep', { step: f.seq + 1 })}>
                    {f.seq + 1}
                  </button>{' '}
                  {factText(locale, f, nm)}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
