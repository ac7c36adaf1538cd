'use client';
/**
 * The Inspector's Knowledge tab: pick an observer (radio buttons: arrow keys move between them) and see
 * what it had learned by the current step — every message it saw, its text in quotation marks or a lock
 * when it cannot read it (size and time still shown: what it does see), and the metadata it collected.
 * The choice is the widget's lens: the Sequence view dims what this observer did not see.
 * @module
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { Observation, ObserverInfo, ObserverKind } from '../../../lib/knowledge/observe';
import type { Scenario, Trace } from '../../../lib/sim/types';
import { isCiphertext, observeUpTo, theftAt } from '../../../lib/viz/knowledge';
import { isReadable, sectionOrder, summarize, type Section } from '../../../lib/viz/knowledge-summary';
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import { JsonTree } from '../inspector/JsonTree';
import { FORGER_FIELDS, ForgerRows, forgerMetadata } from './ForgerRows';
import { LayerChip } from '../scenario/Glyphs';
import { Headline } from './Headline';
import { keyLabel } from './key-label';
import { LockGlyph } from './LockGlyph';
import { kindLabel, ObserverGlyph } from './ObserverGlyph';
import './knowledge.css';

export interface KnowledgePanelProps {
  scenario: Scenario;
  trace: Trace;
  step: number;
  locale: Locale;
  observers: readonly ObserverInfo[];
  lens: ObserverInfo | null;
  onLens(name: string | null): void;
  /** Display names: of observers, and of nodes. */
  who(info: ObserverInfo): string;
  onSelectStep(step: number): void;
}

/**
 * Fields of Observation['metadata'] drawn by name below; anything else (added later) falls back to a
 * tree — tests/component/KnowledgeForger.test.tsx checks that no preset's observer needs it.
 */
export const KNOWN_METADATA: ReadonlySet<string> = new Set(['addresses', 'jids', 'contacts', 'presence', 'credentials', 'keys', 'sealedRecords', 'events', 'bytes', ...FORGER_FIELDS]);

/** Text an observer "read" that is still OTR ciphertext (the body as it travels): not plaintext to it. */
export function KnowledgePanel({ scenario, trace, step, locale, observers, lens, onLens, who, onSelectStep }: KnowledgePanelProps) {
  const group = useId();
  const obs = useMemo(() => (lens ? observeUpTo(scenario, trace, lens.name, step) : null), [scenario, trace, lens, step]);
  const byJid = useMemo(() => new Map(scenario.topology.clients.map((c) => [c.jid, c.id])), [scenario]);
  // Key ids name nodes and bare JIDs: both shown as the widget names the node.
  const name = (id: string) => who({ name: byJid.get(id) ?? id, kind: 'client' });
  return (
    <div className="mlw-know">
      <fieldset className="mlw-know-pick">
        <legend>{wt(locale, 'knowPick')}</legend>
        <div className="mlw-know-options">
          {observers.map((o) => (
            <label key={o.name} className={`mlw-know-option${lens?.name === o.name ? ' mlw-know-option--on' : ''}`}>
              <input type="radio" name={group} value={o.name} checked={lens?.name === o.name} onChange={() => onLens(o.name)} />
              <ObserverGlyph kind={o.kind} />
              <span className="mlw-know-name">{who(o)}</span>
              <span className="mlw-know-kind">{kindLabel(locale, o.kind)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {!lens ? (
        <p className="mlw-panel-note">{wt(locale, 'knowNone')}</p>
      ) : !obs ? (
        <p className="mlw-panel-note">{wt(locale, 'knowFailed', { who: who(lens) })}</p>
      ) : (
        <>
          <TheftLine scenario={scenario} trace={trace} step={step} locale={locale} name={lens.name} who={who} />
          <ObservationView key={lens.name} obs={obs} kind={lens.kind} step={step} locale={locale} who={who(lens)} name={name} onSelectStep={onSelectStep} />
        </>
      )}
    </div>
  );
}

/** For a thief: when it strikes, and whether it has yet. */
function TheftLine({ scenario, trace, step, locale, name, who }: { scenario: Scenario; trace: Trace; step: number; locale: Locale; name: string; who(o: ObserverInfo): string }) {
  const theft = theftAt(scenario, trace, name, step);
  if (!theft) return null;
  const nodes = theft.nodes.map((n) => who({ name: n, kind: 'client' })).join(', ');
  return (
    <p className={`mlw-know-theft${theft.struck ? ' mlw-know-danger' : ''}`} data-testid="knowledge-theft">
      <ObserverGlyph kind="thief" /> {wt(locale, theft.struck ? 'knowThiefAfter' : 'knowThiefBefore', { time: theft.at, nodes })}
    </p>
  );
}

function ObservationView({ obs, kind, step, locale, who, name, onSelectStep }: { obs: Observation; kind: ObserverKind; step: number; locale: Locale; who: string; name(nodeOrJid: string): string; onSelectStep(step: number): void }) {
  const [readableOnly, setReadableOnly] = useState(false);
  const filterId = useId();
  const readable = obs.messages.filter(isReadable).length;
  const summary = summarize(obs, kind);
  const md = obs.metadata;
  const extra = Object.entries(md).filter(([k]) => !KNOWN_METADATA.has(k));
  const forger = forgerMetadata(md);
  const shown = readableOnly ? obs.messages.filter(isReadable) : obs.messages;
  const link = (s: number) => (
    <button type="button" className="mlw-linkbtn" onClick={() => onSelectStep(s)} aria-label={wt(locale, 'goToStep', { step: s })}>
      {s}
    </button>
  );
  const sections: Record<Section, ReactNode> = {
    forgeries: forger && (
      <section key="forgeries" className="mlw-know-sec" data-section="forgeries">
        <h3 className="mlw-know-h">{wt(locale, 'knowForgerSection')}</h3>
        <dl className="mlw-dl mlw-know-meta">
          <ForgerRows {...forger} locale={locale} link={link} />
        </dl>
      </section>
    ),
    messages: (
      <section key="messages" className="mlw-know-sec" data-section="messages">
        <div className="mlw-know-hrow">
          <h3 className="mlw-know-h">{wt(locale, 'knowMessages')}</h3>
          {obs.messages.length > 0 && (
            <button type="button" className="mlw-btn mlw-know-filter" aria-pressed={readableOnly} aria-describedby={filterId} onClick={() => setReadableOnly((v) => !v)} data-testid="knowledge-readable-only">
              <span className="mlw-know-check" aria-hidden="true">
                {readableOnly ? '✓' : ''}
              </span>
              {wt(locale, 'knowReadableOnly')}
            </button>
          )}
          <span id={filterId} className="mlw-know-showing" role="status" data-testid="knowledge-showing">
            {obs.messages.length > 0 ? wt(locale, 'knowShowing', { shown: shown.length, total: obs.messages.length }) : ''}
          </span>
        </div>
        {obs.messages.length === 0 ? (
          <p className="mlw-panel-note">{wt(locale, 'knowNoMessages')}</p>
        ) : shown.length === 0 ? (
          <p className="mlw-panel-note">{wt(locale, 'knowNoneReadable')}</p>
        ) : (
          <div className="mlw-events-wrap mlw-know-msgs">
            <table className="mlw-events mlw-know-table" data-testid="knowledge-messages">
              <thead>
                <tr>
                  <th scope="col">{wt(locale, 'colStep')}</th>
                  <th scope="col">{wt(locale, 'colTime')}</th>
                  <th scope="col">{wt(locale, 'colFrom')}</th>
                  <th scope="col">{wt(locale, 'colTo')}</th>
                  <th scope="col">{wt(locale, 'knowColSize')}</th>
                  <th scope="col">{wt(locale, 'knowColContent')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((m, i) => {
                  const s = m.seq + 1;
                  return (
                    <tr key={`${m.seq}-${i}`} className={s === step ? 'mlw-row--current' : undefined} aria-current={s === step ? 'step' : undefined}>
                      <td>{link(s)}</td>
                      <td className="mlw-num">{wt(locale, 'time', { ms: m.time })}</td>
                      <td className="mlw-know-addr">{m.from}</td>
                      <td className="mlw-know-addr">{m.to}</td>
                      <td className="mlw-num">{wt(locale, 'otrBytes', { n: m.size })}</td>
                      <td className="mlw-know-content">
                        <MessageContent m={m} locale={locale} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    ),
    metadata: (
      <section key="metadata" className="mlw-know-sec" data-section="metadata">
        <h3 className="mlw-know-h">{wt(locale, 'knowMetadata')}</h3>
        <dl className="mlw-dl mlw-know-meta">
          <Meta label={wt(locale, 'knowAddresses')} empty={wt(locale, 'knowNothing')} items={md.addresses.map((a) => `${a.ip} (${a.node})`)} />
          <Meta label={wt(locale, 'knowJids')} empty={wt(locale, 'knowNothing')} items={md.jids} />
          <Meta label={wt(locale, 'knowContacts')} empty={wt(locale, 'knowNothing')} items={md.contacts.map((c) => wt(locale, 'knowContact', { from: c.from, to: c.to, n: c.count }))} />
          <div className="mlw-know-row">
            <dt>{wt(locale, 'knowPresence')}</dt>
            <dd>
              {md.presence.length === 0
                ? wt(locale, 'knowNothing')
                : md.presence.map((p, i) => (
                    <span key={i} className="mlw-know-item">
                      {p.jid} · {wt(locale, 'colStep')}{' '}
                      {link(p.seq + 1)}
                    </span>
                  ))}
            </dd>
          </div>
          <div className="mlw-know-row">
            <dt>{wt(locale, 'knowCredentials')}</dt>
            <dd>
              {md.credentials.length === 0
                ? wt(locale, 'knowNothing')
                : md.credentials.map((c, i) => (
                    <span key={i} className="mlw-know-item mlw-know-danger">
                      {c.user} / <q>{c.password}</q> · {wt(locale, 'colStep')}{' '}
                      {link(c.seq + 1)}
                    </span>
                  ))}
            </dd>
          </div>
          <div className="mlw-know-row">
            <dt>{wt(locale, 'knowKeys')}</dt>
            <dd>
              {md.keys.length === 0 ? (
                wt(locale, 'knowNothing')
              ) : (
                <ul className="mlw-know-keys" data-testid="knowledge-keys">
                  {md.keys.map((k) => (
                    <KeyItem key={k} id={k} label={keyLabel(locale, k, name)} />
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div className="mlw-know-row">
            <dt>{wt(locale, 'knowSealed')}</dt>
            <dd>
              {md.sealedRecords > 0 && <LockGlyph />} {md.sealedRecords}
            </dd>
          </div>
          {extra.length > 0 && (
            <div className="mlw-know-row">
              <dt>{wt(locale, 'knowMore')}</dt>
              <dd>
                <ul className="mlw-json mlw-json-root">
                  {extra.map(([k, v]) => (
                    <JsonTree key={k} value={v} name={k} />
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
      </section>
    ),
  };
  return (
    <>
      <Headline locale={locale} summary={summary} who={who} kind={kind} />
      <p className="mlw-know-summary" data-testid="knowledge-summary">
        {wt(locale, 'knowSummary', { step, who, events: md.events, bytes: md.bytes, messages: obs.messages.length })}
      </p>
      {sectionOrder({ forger: forger !== null, forgeries: forger?.forgeries.length ?? 0, readable }).map((s) => sections[s])}
    </>
  );
}

/** A key held: its human name, the raw id on hover and, for screen readers, as its description. */
function KeyItem({ id, label }: { id: string; label: string }) {
  const desc = useId();
  return (
    <li className="mlw-know-item mlw-know-key" title={id} aria-describedby={desc}>
      {label}
      <span id={desc} className="mlw-visually-hidden">
        {id}
      </span>
    </li>
  );
}

/** The names of the AKE messages are the spec's own, in both languages. */
const AKE_NAMES: Record<string, string> = {
  'otr-dh-commit': 'D-H Commit',
  'otr-dh-key': 'D-H Key',
  'otr-reveal-signature': 'Reveal Signature',
  'otr-signature': 'Signature',
};

/** What one observed message shows: its text in quotes; a lock when it is closed to this observer; for OTR the kind. */
function MessageContent({ m, locale }: { m: Observation['messages'][number]; locale: Locale }) {
  const otr = m.kind?.startsWith('otr-') ? <LayerChip layer="otr" label={m.keys ? wt(locale, 'knowKeyids', { keys: m.keys }) : wt(locale, 'layerOtr')} /> : null;
  const ake = m.kind ? AKE_NAMES[m.kind] : undefined;
  if (m.content === null && ake) return <>{otr} {wt(locale, 'knowAke', { name: ake })}</>;
  if (m.content === null && m.kind === 'otr-query') return <>{otr} {wt(locale, 'knowQuery')}</>;
  if (m.content === null && m.kind === 'otr-error') return <>{otr} {wt(locale, 'knowOtrError')}</>;
  if (m.content === null && m.kind === 'static-public-key') return <>{wt(locale, 'knowStaticKey')}</>;
  if (m.content === null || isCiphertext(m.content))
    return (
      <>
        {otr}{' '}
        <span className="mlw-locked" data-testid="knowledge-locked">
          <LockGlyph /> {wt(locale, 'knowLocked')}
        </span>
      </>
    );
  if (m.content === '') return <>{otr} {wt(locale, 'knowEmpty')}</>;
  return (
    <>
      {otr} <q className="mlw-decoded">{m.content}</q>
    </>
  );
}

function Meta({ label, items, empty }: { label: string; items: readonly string[]; empty: string }) {
  return (
    <div className="mlw-know-row">
      <dt>{label}</dt>
      <dd>
        {items.length === 0
          ? empty
          : items.map((t, i) => (
              <span key={i} className="mlw-know-item">
                {t}
              </span>
            ))}
      </dd>
    </div>
  );
}
