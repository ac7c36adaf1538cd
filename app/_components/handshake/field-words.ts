/** The words of a field, a group or a secret in one locale (app/_i18n/tls-fields.ts), for the Handshake view's components. @module */
import type { Locale } from '../../_i18n/locales';
import { FIELD_WORDS, GROUP_WORDS, SECRET_WORDS } from '../../_i18n/tls-fields';
import type { FieldKind, FieldLayout, HsField } from '../../../lib/viz/tls-fields';
import type { SecretId } from '../../../lib/viz/tls-schedule';

export const fieldName = (locale: Locale, kind: FieldKind) => FIELD_WORDS[kind].name[locale];
export const fieldMeaning = (locale: Locale, kind: FieldKind) => FIELD_WORDS[kind].meaning[locale];
export const secretName = (locale: Locale, id: SecretId) => SECRET_WORDS[id].name[locale];
export const secretMeaning = (locale: Locale, id: SecretId) => SECRET_WORDS[id].meaning[locale];

/** The groups around a field, outermost first, in words: `Extensions › Extension key_share`. */
export function groupPath(locale: Locale, layout: FieldLayout, f: HsField): string {
  const parts: string[] = [];
  for (let g = f.group; g >= 0; g = layout.groups[g]!.parent) {
    const group = layout.groups[g]!;
    parts.unshift(group.detail ? `${GROUP_WORDS[group.kind][locale]} ${group.detail}` : GROUP_WORDS[group.kind][locale]);
  }
  return parts.join(' › ');
}

/** Lengths and headers are the scaffolding; values are what a reader looks for. */
export const isScaffold = (kind: FieldKind) => kind.endsWith('_length') || kind === 'length' || kind === 'cert_sequence' || kind === 'tbs_sequence';
