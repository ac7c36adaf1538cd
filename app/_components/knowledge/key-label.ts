/**
 * A key id (lib/viz/key-names.ts) as a phrase in the reader's language: "bob's OTR DH key #1, for the
 * session with alice" / "bobs OTR-DH-Schlüssel Nr. 1 für die Sitzung mit alice". Ids outside the grammar
 * come back raw, so nothing is hidden; tests/unit/viz/key-names.test.ts checks no preset produces one.
 * @module
 */
import { parseKeyId, type KeyKind } from '../../../lib/viz/key-names';
import type { Locale } from '../../_i18n/locales';
import { wt, type WidgetKey } from '../../_i18n/widget';

const KEY: Record<KeyKind, WidgetKey> = { 'otr-dh': 'keyOtrDh', 'otr-dsa': 'keyOtrDsa', static: 'keyStatic', 'tls-link': 'keyTlsLink', 'tls-s2s': 'keyTlsS2s' };

/** "bob's" / "bobs" (German names ending in an s sound take an apostrophe: "thomas’"). */
function genitive(locale: Locale, name: string): string {
  if (locale === 'en') return `${name}’s`;
  return /[sßxz]$/.test(name) ? `${name}’` : `${name}s`;
}

/** `name` turns a node id or a JID into its display name. */
export function keyLabel(locale: Locale, id: string, name: (nodeOrJid: string) => string): string {
  const k = parseKeyId(id);
  if (!k) return id;
  const key = KEY[k.kind];
  switch (k.kind) {
    case 'otr-dh':
      return wt(locale, key, { owner: genitive(locale, name(k.owner)), n: k.n, peer: name(k.peer) });
    case 'otr-dsa':
    case 'static':
      return wt(locale, key, { owner: genitive(locale, name(k.owner)) });
    case 'tls-link':
      return wt(locale, key, { a: name(k.a), b: name(k.b) });
    case 'tls-s2s':
      return wt(locale, key, { from: name(k.from), to: name(k.to) });
  }
}
