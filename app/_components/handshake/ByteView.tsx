'use client';
/**
 * One message's bytes, field by field: the structure (field names, indented by group) on the left, the hex
 * in the middle, the chosen field's name, value and meaning on the right. Hovering bytes or a name chooses
 * that field; the hex is one tab stop (a listbox whose options are the fields), arrow keys move field by
 * field, Home/End jump to the ends. The table alternative is FieldTable.
 * @module
 */
import { useId, useRef, type KeyboardEvent } from 'react';
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import type { FieldLayout } from '../../../lib/viz/tls-fields';
import { HexValue, isHexValue } from './HexValue';
import { fieldMeaning, fieldName, groupPath, isScaffold } from './field-words';

const pairs = (bytes: Uint8Array, start: number, end: number) => Array.from(bytes.subarray(start, end), (b) => b.toString(16).padStart(2, '0')).join(' ');

export function ByteView({ bytes, layout, locale, title, active, onActive }: { bytes: Uint8Array; layout: FieldLayout; locale: Locale; title: string; active: number; onActive(i: number): void }) {
  const base = useId();
  const hexRef = useRef<HTMLDivElement>(null);
  const f = layout.fields[active] ?? layout.fields[0]!;
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = layout.fields.length - 1;
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown' ? Math.min(active + 1, last)
      : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? Math.max(active - 1, 0)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : -1;
    if (next < 0) return;
    // The widget steps the trace with ←/→; inside the bytes they move between fields.
    e.preventDefault();
    e.stopPropagation();
    onActive(next);
    document.getElementById(`${base}-f${next}`)?.scrollIntoView({ block: 'nearest' });
  };
  const depthOf = (g: number) => {
    let d = 0;
    for (let x = g; x >= 0; x = layout.groups[x]!.parent) d++;
    return d;
  };
  return (
    <div className="hs-bytes-grid">
      <div className="hs-outline" aria-hidden="true">
        <p className="hs-subhead">{wt(locale, 'hsStructure')}</p>
        <ol>
          {layout.fields.map((x, i) => (
            <li
              key={i}
              className={`hs-outline-item${i === active ? ' hs-on' : ''}${isScaffold(x.kind) ? ' hs-scaffold' : ''}`}
              style={{ paddingLeft: `${0.3 + depthOf(x.group) * 0.9}em` }}
              onMouseEnter={() => onActive(i)}
              onClick={() => {
                onActive(i);
                hexRef.current?.focus();
              }}
            >
              {fieldName(locale, x.kind)}
            </li>
          ))}
        </ol>
      </div>
      <div
        ref={hexRef}
        className="hs-hexview"
        role="listbox"
        tabIndex={0}
        aria-label={wt(locale, 'hsBytesLabel', { name: title })}
        aria-activedescendant={`${base}-f${active}`}
        aria-describedby={`${base}-detail`}
        onKeyDown={onKey}
        data-testid="hs-bytes"
      >
        {layout.fields.map((x, i) => (
          <span
            key={i}
            id={`${base}-f${i}`}
            role="option"
            aria-selected={i === active}
            aria-label={`${fieldName(locale, x.kind)}: ${x.value.length > 40 ? `${x.value.slice(0, 40)}…` : x.value}`}
            className={`hs-field${i % 2 ? ' hs-odd' : ''}${isScaffold(x.kind) ? ' hs-scaffold' : ''}${i === active ? ' hs-on' : ''}`}
            onMouseEnter={() => onActive(i)}
            onClick={() => onActive(i)}
          >
            {pairs(bytes, x.start, x.end)}
          </span>
        ))}
      </div>
      <div className="hs-detail" id={`${base}-detail`} data-testid="hs-field-detail">
        <p className="hs-detail-path">{groupPath(locale, layout, f) || '\u00a0'}</p>
        <p className="hs-detail-name">
          <strong>{fieldName(locale, f.kind)}</strong> <code className="hs-kind">{f.kind}</code>
        </p>
        <p className="hs-detail-at">{f.end - f.start === 1 ? wt(locale, 'hsFieldAtOne', { from: f.start }) : wt(locale, 'hsFieldAt', { from: f.start, to: f.end - 1, n: f.end - f.start })}</p>
        <p className="hs-detail-value">
          <span className="hs-detail-label">{wt(locale, 'hsValue')}: </span>
          {isHexValue(f.value) ? <HexValue key={`${f.start}-${f.kind}`} hex={f.value} locale={locale} /> : <span className="hs-value-text">{f.value}</span>}
        </p>
        <p className="hs-detail-meaning" data-testid="hs-meaning">
          {fieldMeaning(locale, f.kind)}
        </p>
      </div>
    </div>
  );
}

/** The text alternative: every field as a table row, in byte order. */
export function FieldTable({ layout, locale, caption }: { layout: FieldLayout; locale: Locale; caption: string }) {
  return (
    <div className="mlw-events-wrap">
      <table className="mlw-events hs-table" data-testid="hs-field-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{wt(locale, 'hsColOffset')}</th>
            <th scope="col">{wt(locale, 'hsColLength')}</th>
            <th scope="col">{wt(locale, 'hsColField')}</th>
            <th scope="col">{wt(locale, 'hsColValue')}</th>
            <th scope="col">{wt(locale, 'hsColMeaning')}</th>
          </tr>
        </thead>
        <tbody>
          {layout.fields.map((f, i) => (
            <tr key={i}>
              <td className="mlw-num">{f.start}</td>
              <td className="mlw-num">{f.end - f.start}</td>
              <th scope="row">
                {groupPath(locale, layout, f) ? <span className="hs-table-path">{groupPath(locale, layout, f)} › </span> : null}
                {fieldName(locale, f.kind)}
              </th>
              <td className="hs-table-value">{f.value}</td>
              <td>{fieldMeaning(locale, f.kind)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
