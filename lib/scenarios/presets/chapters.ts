/**
 * The presets' chapters, written the same way everywhere: the same part of a run (the login, the key
 * exchange) has the same title in every scenario, so a class learns the words once.
 * @module
 */
import type { Chapter } from '../schema/chapters';
import type { LocalizedText } from '../schema/localized';

/** A chapter that starts at the event of script step `index` (as written, from 0). */
export const atAction = (id: string, title: LocalizedText, index: number): Chapter => ({ id, title, start: { kind: 'action', index } });

/** A chapter that starts at the first event at or after `at` ms (a theft, which is no script step of its own). */
export const atTime = (id: string, title: LocalizedText, at: number): Chapter => ({ id, title, start: { kind: 'time', at } });

export const TITLE = {
  login: { en: 'Login', de: 'Anmeldung' },
  keyExchange: { en: 'Key exchange', de: 'Schlüsselaustausch' },
  messages: { en: 'Messages', de: 'Nachrichten' },
  reply: { en: 'Reply', de: 'Antwort' },
  otrEnd: { en: 'End of OTR', de: 'Ende von OTR' },
  theft: { en: 'Theft', de: 'Diebstahl' },
  roster: { en: 'Roster', de: 'Roster' },
  logout: { en: 'Logout', de: 'Abmeldung' },
} satisfies Record<string, LocalizedText>;
