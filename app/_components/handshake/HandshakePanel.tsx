'use client';
/**
 * The Handshake tab (issue #10 item 6): one TLS connection of the run, every handshake message in order
 * with its bytes annotated field by field (ByteView, or FieldTable one toggle away), and the key schedule
 * as a graph (ScheduleGraph, or ScheduleTable). The message at or before the current step opens. Under a
 * lens it shows exactly what that observer sees: without the connection's keys, ClientHello and ServerHello
 * in full, then the protected records as header and ciphertext, with a sentence saying why.
 * All data comes from lib/viz (tls-handshake, tls-fields, tls-schedule); nothing is computed here.
 * @module
 */
import { useMemo, useState } from 'react';
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import type { Scenario, Trace } from '../../../lib/sim/types';
import { handshakeEntries, tlsConnections, type HsEntry } from '../../../lib/viz/tls-handshake';
import type { FieldLayout } from '../../../lib/viz/tls-fields';
import { keySchedule, type SecretId } from '../../../lib/viz/tls-schedule';
import { NodePicker } from '../inspector/NodePicker';
import { LayerGlyph } from '../scenario/Glyphs';
import type { LensMeans } from '../scenario/lens-words';
import { ByteView, FieldTable } from './ByteView';
import { ScheduleGraph, ScheduleTable } from './ScheduleGraph';
import { ScramCalculator } from './ScramCalculator';
import './handshake.css';

interface Item {
  key: string;
  title: string;
  entry: HsEntry;
  bytes: Uint8Array;
  layout: FieldLayout;
  kind: 'message' | 'record';
}

export interface HandshakePanelProps {
  trace: Trace;
  step: number;
  locale: Locale;
  nm(id: string): string;
  /** The "Seen by" lens: its means and its name on screen; null: everything. */
  seenBy?: { means: LensMeans; who: string } | null;
  /** The connection to open first (its key name, `tls:alice~a.example`); default: the latest one begun by `step`. */
  connection?: string;
  /** With the scenario, the SCRAM calculator follows the schedule (the login that runs inside this TLS). */
  scenario?: Scenario;
}

export function HandshakePanel({ trace, step, locale, nm, seenBy = null, connection, scenario }: HandshakePanelProps) {
  const conns = useMemo(() => tlsConnections(trace), [trace]);
  const [connKey, setConnKey] = useState<string | null>(connection ?? null);
  const [chosen, setChosen] = useState<{ step: number; key: string } | null>(null);
  const [field, setField] = useState<{ item: string; i: number }>({ item: '', i: 0 });
  const [mode, setMode] = useState<'bytes' | 'table'>('bytes');
  const [secret, setSecret] = useState<SecretId>('handshake');
  const begun = conns.filter((c) => c.helloStep <= step);
  const c = conns.find((k) => k.keyName === connKey) ?? begun.at(-1) ?? conns[0];
  const entries = useMemo(() => (c ? handshakeEntries(trace, c) : []), [trace, c]);
  const schedule = useMemo(() => (c ? keySchedule(trace, c, entries) : null), [trace, c, entries]);
  if (!c || !schedule) return <p className="mlw-panel-note">{wt(locale, 'hsNone')}</p>;

  const holds = !seenBy || seenBy.means.keys.has(c.keyName);
  const items: Item[] = [];
  const records = new Set<string>();
  entries.forEach((e, i) => {
    if (seenBy && !seenBy.means.seen.has(e.step)) return;
    if (e.message && (!e.protected || holds)) items.push({ key: `m${i}`, title: e.name ?? '', entry: e, bytes: e.message.bytes, layout: e.message.layout, kind: 'message' });
    else if (e.record && !records.has(e.record.id)) {
      records.add(e.record.id);
      items.push({ key: `r${e.record.id}`, title: wt(locale, 'hsRecordName'), entry: e, bytes: e.record.bytes, layout: e.record.layout, kind: 'record' });
    }
  });
  let auto = 0;
  items.forEach((it, i) => {
    if (it.entry.step <= step) auto = i;
  });
  const at = chosen && chosen.step === step ? Math.max(0, items.findIndex((it) => it.key === chosen.key)) : auto;
  const item = items[at];
  const active = item && field.item === item.key ? field.i : 0;

  let sentence = '';
  if (item) {
    const e = item.entry;
    const p = { step: e.step, from: nm(e.from), to: nm(e.to) };
    if (item.kind === 'record') sentence = c.keys ? wt(locale, 'hsSealedLens', { ...p, who: seenBy?.who ?? '', bytes: item.bytes.length - 5 }) : wt(locale, 'hsSealedNoKeys', p);
    else if (e.protected) sentence = wt(locale, 'hsProtected', { ...p, side: wt(locale, e.by === 'client' ? 'hsSideClient' : 'hsSideServer') });
    else sentence = wt(locale, 'hsInClear', p);
  }
  const holders = schedule.holders.map((h) => wt(locale, 'hsHolder', { node: nm(h.node), role: wt(locale, h.role === 'client' ? 'hsRoleClient' : 'hsRoleServer'), step: h.step })).join(', ');

  return (
    <div className="hs" data-testid="inspector-handshake">
      {conns.length > 1 ? (
        <NodePicker
          label={wt(locale, 'hsConnection')}
          nodes={conns.map((k) => ({ id: k.keyName, label: wt(locale, 'hsConnectionOption', { client: nm(k.client), server: nm(k.server), step: k.helloStep }) }))}
          value={c.keyName}
          onSelect={(id) => {
            setConnKey(id);
            setChosen(null);
          }}
        >
          {null}
        </NodePicker>
      ) : null}
      <p className="mlw-panel-note">{wt(locale, 'hsSummary', { n: entries.filter((e) => e.name !== null).length })}</p>
      {items.length === 0 ? (
        <p className="mlw-panel-note">{wt(locale, 'hsNotSeenAny', { who: seenBy?.who ?? '' })}</p>
      ) : (
        <>
          <h3 className="hs-h">{wt(locale, 'hsMessages')}</h3>
          <ol className="hs-messages">
            {items.map((it, i) => (
              <li key={it.key}>
                <button
                  type="button"
                  className={`hs-msg hs-msg--${it.entry.by}${it.kind === 'record' ? ' hs-msg--sealed' : ''}${it.entry.step > step ? ' hs-msg--later' : ''}`}
                  aria-pressed={i === at}
                  aria-label={wt(locale, 'hsMessageButton', { name: it.title, step: it.entry.step, from: nm(it.entry.from), to: nm(it.entry.to) })}
                  onClick={() => setChosen({ step, key: it.key })}
                >
                  <span className="hs-msg-name">
                    {it.entry.protected ? (
                      <svg className="hs-lock" viewBox="-12 -12 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
                        <LayerGlyph layer="tls" size={22} />
                      </svg>
                    ) : null}
                    {it.title}
                  </span>
                  <span className="hs-msg-meta">
                    {it.entry.step > step ? `${wt(locale, 'hsLater')} · ` : ''}
                    {it.entry.step} · {nm(it.entry.from)} → {nm(it.entry.to)}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {item ? (
            <>
              <p className={`hs-sentence${item.kind === 'record' ? ' hs-sentence--sealed' : ''}`} data-testid="hs-sentence">
                {sentence}
              </p>
              <div className="hs-toolbar" role="group" aria-label={wt(locale, 'hsView')}>
                <span aria-hidden="true">{wt(locale, 'hsView')}</span>
                {(['bytes', 'table'] as const).map((m) => (
                  <button key={m} type="button" className="mlw-btn mlw-btn--text" aria-pressed={mode === m} onClick={() => setMode(m)}>
                    {wt(locale, m === 'bytes' ? 'hsViewBytes' : 'hsViewTable')}
                  </button>
                ))}
              </div>
              {mode === 'bytes' ? (
                <>
                  <p className="hs-hint">{wt(locale, 'hsBytesHint')}</p>
                  <ByteView key={item.key} bytes={item.bytes} layout={item.layout} locale={locale} title={item.title} active={active} onActive={(i) => setField({ item: item.key, i })} />
                </>
              ) : (
                <FieldTable
                  layout={item.layout}
                  locale={locale}
                  caption={wt(locale, 'hsTableCaption', { name: item.title, step: item.entry.step, from: nm(item.entry.from), to: nm(item.entry.to), bytes: item.bytes.length })}
                />
              )}
            </>
          ) : null}
        </>
      )}
      <h3 className="hs-h">{wt(locale, 'hsSchedule')}</h3>
      {c.keys ? (
        <>
          <p className="mlw-panel-note">{wt(locale, 'hsScheduleIntro')}</p>
          <p className="hs-holders" data-testid="hs-holders">
            {seenBy ? wt(locale, holds ? 'hsLensHolds' : 'hsLensHoldsNot', { who: seenBy.who }) : wt(locale, 'hsHeldBy', { list: holders })}
          </p>
          {mode === 'bytes' ? <ScheduleGraph schedule={schedule} locale={locale} holds={holds} selected={secret} onSelect={setSecret} /> : <ScheduleTable schedule={schedule} locale={locale} holds={holds} />}
        </>
      ) : (
        <p className="mlw-panel-note">{wt(locale, 'hsNoSchedule')}</p>
      )}
      {scenario && holds ? <ScramCalculator scenario={scenario} trace={trace} locale={locale} nm={nm} /> : null}
    </div>
  );
}
