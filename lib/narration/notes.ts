/**
 * The narration: one sentence per event, in English and German, keyed by the note keys the hosts
 * emit. Plain data, so the CLI (English) and the UI (either language) share one source.
 * Style (UI.md "Words"): who, what, and why it matters, in plain language.
 *
 * The sentences live in one file per protocol or feature (lib/narration/notes/*.ts, named after the
 * key's prefix), each key written once with its languages side by side; this module merges them.
 * @module
 */
import type { NoteLocale, NoteTable } from './note-table';
import { actionNotes } from './notes/actions';
import { attackNotes } from './notes/attack';
import { clientNotes } from './notes/client';
import { dnsNotes } from './notes/dns';
import { mitmNotes } from './notes/mitm';
import { mucNotes } from './notes/muc';
import { pepNotes } from './notes/pep';
import { otrNotes } from './notes/otr';
import { s2sNotes } from './notes/s2s';
import { serverNotes } from './notes/server';
import { signedNotes } from './notes/signed';
import { staticNotes } from './notes/static';
import { thiefNotes } from './notes/thief';
import { tlsNotes } from './notes/tls';
import { transportNotes } from './notes/transport';

export type { NoteLocale } from './note-table';

/** Every area, for the tests that check each key is defined in exactly one of them. */
export const noteAreas = {
  actions: actionNotes,
  client: clientNotes,
  tls: tlsNotes,
  server: serverNotes,
  dns: dnsNotes,
  s2s: s2sNotes,
  otr: otrNotes,
  static: staticNotes,
  thief: thiefNotes,
  signed: signedNotes,
  mitm: mitmNotes,
  transport: transportNotes,
  attack: attackNotes,
  muc: mucNotes,
  pep: pepNotes,
} as const satisfies Record<string, NoteTable>;

const table = {
  ...actionNotes,
  ...clientNotes,
  ...tlsNotes,
  ...serverNotes,
  ...dnsNotes,
  ...s2sNotes,
  ...otrNotes,
  ...staticNotes,
  ...thiefNotes,
  ...signedNotes,
  ...mitmNotes,
  ...transportNotes,
  ...attackNotes,
  ...mucNotes,
  ...pepNotes,
};

export type NoteKey = keyof typeof table;

function inLocale(locale: NoteLocale): Record<NoteKey, string> {
  const out = {} as Record<NoteKey, string>;
  for (const key of Object.keys(table) as NoteKey[]) out[key] = table[key][locale];
  return out;
}

export const notes: Record<NoteLocale, Record<NoteKey, string>> = { en: inLocale('en'), de: inLocale('de') };

export function isNoteKey(key: string): key is NoteKey {
  return Object.hasOwn(table, key);
}

/**
 * The sentence for a note in a language; an unknown key is shown as itself rather than hidden.
 * `{name}` is a parameter; `{count:one key|# keys}` picks the singular when the parameter is 1 and
 * the plural otherwise, with `#` standing for the number — so no sentence has to say "key(s)".
 */
export function formatNote(note: { key: string; params?: Record<string, string | number> }, locale: NoteLocale): string {
  const template = isNoteKey(note.key) ? notes[locale][note.key] : note.key;
  const params = note.params ?? {};
  return template
    .replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (m, k: string, one: string, other: string) =>
      k in params ? (params[k] === 1 ? one : other).replace('#', String(params[k])) : m,
    )
    .replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
