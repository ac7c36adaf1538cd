/**
 * One glyph per kind of observer (UI.md "Shapes"): a client as a rounded rectangle, a server as a
 * cylinder, a tap as an eye, an operator as a log sheet, a thief as a key, a forger as a pen nib.
 * Always beside the kind's written label, never alone. Decorative: aria-hidden.
 * @module
 */
import type { ObserverKind } from '../../../lib/knowledge/observe';
import type { Locale } from '../../_i18n/locales';
import { wt, type WidgetKey } from '../../_i18n/widget';

const KIND_KEYS: Record<ObserverKind, WidgetKey> = {
  client: 'kindClient',
  server: 'kindServer',
  tap: 'kindTap',
  operator: 'kindOperator',
  thief: 'kindThief',
  forger: 'kindForger',
};

export function kindLabel(locale: Locale, kind: ObserverKind): string {
  return wt(locale, KIND_KEYS[kind] ?? 'kindClient');
}

export function ObserverGlyph({ kind }: { kind: ObserverKind }) {
  return (
    <svg className={`mlw-icon mlw-obs-glyph mlw-obs-${kind}`} viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={2.25} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {kind === 'client' && (
        <>
          <rect x="4" y="3" width="16" height="18" rx="4" />
          <circle cx="12" cy="10" r="3" />
          <path d="M7.5 18c1-2.4 2.6-3.4 4.5-3.4s3.5 1 4.5 3.4" />
        </>
      )}
      {kind === 'server' && (
        <>
          <ellipse cx="12" cy="5.5" rx="7.5" ry="2.5" />
          <path d="M4.5 5.5v13c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5v-13M4.5 12c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5" />
        </>
      )}
      {kind === 'tap' && (
        <>
          <path d="M2 12c2.8-5 6.2-7 10-7s7.2 2 10 7c-2.8 5-6.2 7-10 7s-7.2-2-10-7z" />
          <circle cx="12" cy="12" r="3.2" fill="currentColor" />
        </>
      )}
      {kind === 'operator' && (
        <>
          <path d="M6 2.5h9l4 4v15H6z" />
          <path d="M14.5 2.5v4.5H19M9 11h7M9 14.5h7M9 18h4.5" />
        </>
      )}
      {kind === 'thief' && (
        <>
          <circle cx="7.5" cy="12" r="4.5" />
          <path d="M12 12h10M18.5 12v3.5M21.5 12v2.5" />
        </>
      )}
      {kind === 'forger' && (
        <>
          <path d="M12 2.5 18 10l-6 11.5L6 10z" />
          <path d="M12 21.5V12.5" />
          <circle cx="12" cy="11" r="1.6" fill="currentColor" />
        </>
      )}
    </svg>
  );
}
