/**
 * The words for an event under the "Seen by" lens: what the observer has of it (lib/viz/lens.ts), said in
 * the page's language. Every label, tab and tooltip asks here, so none shows more than the observer has.
 * @module
 */
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import type { TraceEvent } from '../../../lib/sim/types';
import { lensEvent, namesHidden, type EventLens, type LensMeans } from '../../../lib/viz/lens';
import { eventElementNames } from '../../../lib/viz/wire-label';

export type { LensMeans };

/**
 * The names to show for an event instead of its element names, or null when the element names are what
 * the observer has (no lens, or it can open them): `TLS record, 204 B` for a record it cannot open.
 */
export function lensedNames(locale: Locale, ev: Pick<TraceEvent, 'seq' | 'layers' | 'wire'>, means: LensMeans | null): string[] | null {
  if (means === null) return null;
  const lens: EventLens = lensEvent(ev, means);
  if (!namesHidden(ev, lens)) return null;
  const n = ev.wire?.length ?? 0;
  if (lens.state === 'unseen') return [wt(locale, 'lensUnseenEvent')];
  if (lens.sealedBy?.layer === 'tls') return [wt(locale, 'lensTlsRecord', { n })];
  return [wt(locale, 'lensSealedBytes', { n })];
}

/** The element names the observer has of an event (see lensedNames), or all of them without a lens. */
export function shownNames(locale: Locale, ev: TraceEvent, means: LensMeans | null): string[] {
  return lensedNames(locale, ev, means) ?? eventElementNames(ev);
}
