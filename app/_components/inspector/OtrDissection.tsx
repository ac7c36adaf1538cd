'use client';
/**
 * The Inspector's OTR section: when a step's body is an OTR message, its fields as libotr's `otr_parse`
 * names them (lib/otr/inspect.ts) — type, version, instance tags, key ids, next DH key, counter, the size of
 * the ciphertext, the MAC, the old MAC keys revealed — and, for a Data Message, what the chosen observer (the
 * lens) or else the receiving client reads: its plaintext, or a lock. Long values open on demand, never cut.
 * @module
 */
import { useMemo } from 'react';
import type { ObserverInfo } from '../../../lib/knowledge/observe';
import { dissect, type Dissection } from '../../../lib/otr/inspect';
import type { OfferedVersions } from '../../../lib/otr/query';
import { MSG_DATA } from '../../../lib/otr/wire';
import type { Scenario, Trace, TraceEvent } from '../../../lib/sim/types';
import { isCiphertext, observeUpTo } from '../../../lib/viz/knowledge';
import { groupHex } from './hex-text';
import { otrTextOf } from '../../../lib/viz/otr-frames';
import type { Locale } from '../../_i18n/locales';
import { wt, type WidgetKey } from '../../_i18n/widget';
import { LockGlyph } from '../knowledge/LockGlyph';
import { LayerChip, WarningIcon } from '../scenario/Glyphs';

const FIELD_KEYS: Record<string, WidgetKey> = {
  'Encrypted gx': 'fEncGx',
  'Hashed gx': 'fHashGx',
  gy: 'fGy',
  'Revealed key (r)': 'fRevealedR',
  'Encrypted signature': 'fEncSig',
  "MAC'd signature": 'fMacSig',
  Flags: 'fFlags',
  'Sender keyid': 'fSenderKeyid',
  'Rcpt keyid': 'fRcptKeyid',
  'DH y (next)': 'fNextDh',
  Counter: 'fCounter',
  'Encrypted message': 'fEncMsg',
  MAC: 'fMac',
  'Revealed MAC keys': 'fOldMacs',
};

/** Fields whose size matters more than their bytes: shown as "N bytes", the bytes on demand. */
const SIZED = new Set(['Encrypted gx', 'Encrypted signature', 'Encrypted message']);

/** Hex in groups of four digits, like the Hex tab. */
const versions = (o: OfferedVersions) => [o.v1 && '1', o.v2 && '2', o.v3 && '3'].filter(Boolean).join(', ');
const tag = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;

export type Reading = { kind: 'reads'; who: string; text: string } | { kind: 'locked'; who: string } | { kind: 'relayed'; who: string };

/** Who reads a Data Message at this step and what: the lens if there is one, else the receiving client. */
function readingOf(scenario: Scenario, trace: Trace, step: number, ev: TraceEvent, lens: ObserverInfo | null, who: (o: ObserverInfo) => string): Reading {
  const reader: ObserverInfo | null = lens ?? (scenario.topology.clients.some((c) => c.id === ev.to) ? { name: ev.to, kind: 'client' } : null);
  if (!reader) return { kind: 'relayed', who: who({ name: ev.to, kind: 'server' }) };
  const obs = observeUpTo(scenario, trace, reader.name, step);
  const text = obs?.messages.find((x) => x.seq === ev.seq && x.content !== null && !isCiphertext(x.content))?.content ?? null;
  return text !== null ? { kind: 'reads', who: who(reader), text } : { kind: 'locked', who: who(reader) };
}

export function OtrDissection({ scenario, trace, step, ev, locale, lens, who }: { scenario: Scenario; trace: Trace; step: number; ev: TraceEvent; locale: Locale; lens: ObserverInfo | null; who(o: ObserverInfo): string }) {
  const d = useMemo<Dissection | null>(() => {
    const text = otrTextOf(ev);
    return text === null ? null : dissect(text);
  }, [ev]);
  const isData = d?.kind === 'encoded' && d.header.type === MSG_DATA;
  const reading = useMemo(() => (isData ? readingOf(scenario, trace, step, ev, lens, who) : null), [isData, scenario, trace, step, ev, lens, who]);
  if (!d) return null;
  return (
    <section className="mlw-otr" aria-label={wt(locale, 'otrTitle')} data-testid="inspector-otr">
      <h3 className="mlw-otr-h">
        <LayerChip layer="otr" label={wt(locale, 'layerOtr')} /> {headline(d, locale)}
      </h3>
      {d.kind === 'encoded' && (
        <dl className="mlw-dl mlw-otr-fields">
          {d.header.version === 3 && (
            <div className="mlw-otr-row">
              <dt>{wt(locale, 'otrInstances')}</dt>
              <dd className="mlw-mono">{wt(locale, 'otrInstancesValue', { sender: tag(d.header.senderInstance), receiver: tag(d.header.receiverInstance) })}</dd>
            </div>
          )}
          {d.fields.map((f) => (
            <div className="mlw-otr-row" key={f.name} data-field={f.name}>
              <dt>{FIELD_KEYS[f.name] ? wt(locale, FIELD_KEYS[f.name]!) : f.name}</dt>
              <dd>
                <FieldValue name={f.name} value={f.value} locale={locale} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {d.kind === 'encoded' && !isData && <p className="mlw-panel-note">{wt(locale, 'otrAkeNote')}</p>}
      {d.kind === 'encoded' && isData && revealedCount(d) > 0 && (
        <p className="mlw-otr-note mlw-otr-warn">
          <WarningIcon /> {wt(locale, 'otrRevealedNote')}
        </p>
      )}
      {reading && <ReadingLine reading={reading} locale={locale} />}
    </section>
  );
}

function revealedCount(d: Extract<Dissection, { kind: 'encoded' }>): number {
  const f = d.fields.find((x) => x.name === 'Revealed MAC keys');
  return f && Array.isArray(f.value) ? f.value.length : 0;
}

function headline(d: Dissection, locale: Locale): string {
  switch (d.kind) {
    case 'encoded':
      return wt(locale, 'otrHeader', { type: d.typeName, version: d.header.version });
    case 'query':
      return wt(locale, 'otrQuery', { versions: versions(d.offered) });
    case 'error':
      return wt(locale, 'otrError', { error: d.error });
    case 'fragment':
      return wt(locale, 'otrFragment', { k: d.k, n: d.n });
    case 'plaintext':
      return d.whitespaceTag ? wt(locale, 'otrWhitespace', { versions: versions(d.whitespaceTag) }) : wt(locale, 'otrPlain');
    case 'malformed':
      return wt(locale, 'otrMalformed', { reason: d.reason });
  }
}

function Hex({ hex }: { hex: string }) {
  if (hex.length <= 40) return <code className="mlw-mono">{groupHex(hex)}</code>;
  return (
    <details className="mlw-otr-more">
      <summary>
        <code className="mlw-mono">{groupHex(hex.slice(0, 16))} …</code>
      </summary>
      <code className="mlw-mono mlw-otr-full">{groupHex(hex)}</code>
    </details>
  );
}

function FieldValue({ name, value, locale }: { name: string; value: string | number | string[]; locale: Locale }) {
  if (Array.isArray(value)) {
    if (value.length === 0) return <>{wt(locale, 'otrNoKeys')}</>;
    return (
      <ul className="mlw-otr-keys">
        {value.map((k, i) => (
          <li key={i}>
            <code className="mlw-mono">{groupHex(k)}</code>
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === 'number') return <span className="mlw-mono">{name === 'Flags' ? `0x${value.toString(16).padStart(2, '0')}` : value}</span>;
  if (name === 'Counter') {
    return (
      <span className="mlw-mono">
        {groupHex(value)} (= {BigInt(`0x${value || '0'}`).toString()})
      </span>
    );
  }
  if (SIZED.has(name)) {
    return (
      <>
        <strong>{wt(locale, 'otrBytes', { n: value.length / 2 })}</strong> <Hex hex={value} />
      </>
    );
  }
  return <Hex hex={value} />;
}

function ReadingLine({ reading, locale }: { reading: Reading; locale: Locale }) {
  if (reading.kind === 'reads')
    return (
      <p className="mlw-otr-note mlw-otr-reads" data-testid="otr-plaintext">
        <LayerChip layer="plaintext" label={wt(locale, 'layerPlaintext')} /> {wt(locale, 'otrReads', { who: reading.who })} <q className="mlw-decoded">{reading.text}</q>
      </p>
    );
  if (reading.kind === 'locked')
    return (
      <p className="mlw-otr-note mlw-locked" data-testid="otr-locked">
        <LockGlyph /> {wt(locale, 'otrLocked', { who: reading.who })}
      </p>
    );
  return (
    <p className="mlw-otr-note">
      <LockGlyph /> {wt(locale, 'otrRelayed', { who: reading.who })}
    </p>
  );
}
