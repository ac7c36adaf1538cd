/**
 * What a person (or the script) does, as a short label in every language: the dots of the Sequence view
 * and the Events table name a local event by its action type (`TraceEvent.action`), never by its
 * narration key. `satisfies` makes a new action type without a label here a type error.
 * @module
 */
import type { Action } from '../../lib/sim/types';
import { DNS_TIMER, TIMEOUT_TIMER } from '../../lib/xmpp/server/s2s-conn';
import type { Bilingual, Locale } from './locales';

export type ActionType = Action['type'];

export const actionLabels = {
  connect: { en: 'connects', de: 'verbindet sich' },
  'send-message': { en: 'sends a message', de: 'schickt eine Nachricht' },
  disconnect: { en: 'disconnects', de: 'trennt die Verbindung' },
  'retry-login': { en: 'tries another password', de: 'versucht ein anderes Passwort' },
  'set-presence': { en: 'changes its status', de: 'ändert seinen Status' },
  'add-contact': { en: 'adds a contact', de: 'fügt einen Kontakt hinzu' },
  subscribe: { en: 'asks for presence', de: 'bittet um die Präsenz' },
  unsubscribe: { en: 'stops watching presence', de: 'verzichtet auf die Präsenz' },
  'approve-subscription': { en: 'allows presence', de: 'erlaubt die Präsenz' },
  'deny-subscription': { en: 'refuses presence', de: 'verweigert die Präsenz' },
  'remove-contact': { en: 'removes a contact', de: 'entfernt einen Kontakt' },
  'roster-get': { en: 'asks for the roster', de: 'fragt nach dem Roster' },
  'disco-info': { en: 'asks what a service supports', de: 'fragt, was ein Dienst kann' },
  'disco-items': { en: 'asks which services exist', de: 'fragt, welche Dienste es gibt' },
  ping: { en: 'pings', de: 'pingt' },
  'send-raw': { en: 'types raw bytes', de: 'tippt rohe Bytes' },
  'otr-start': { en: 'starts OTR', de: 'startet OTR' },
  'otr-end': { en: 'ends OTR', de: 'beendet OTR' },
  'smp-start': { en: 'starts SMP', de: 'startet SMP' },
  'smp-respond': { en: 'answers SMP', de: 'beantwortet SMP' },
  'static-publish': { en: 'sends its static key', de: 'schickt statischen Schlüssel' },
  'send-static': { en: 'sends with a static key', de: 'sendet mit statischem Schlüssel' },
  'keys-stolen': { en: 'has its keys copied', de: 'wird heimlich ausgelesen' },
  'send-signed': { en: 'sends a signed message', de: 'schickt eine signierte Nachricht' },
  'muc-join': { en: 'enters a room', de: 'betritt einen Raum' },
  'muc-leave': { en: 'leaves a room', de: 'verlässt einen Raum' },
  'muc-send': { en: 'writes to a room', de: 'schreibt in einen Raum' },
  'muc-private': { en: 'whispers in a room', de: 'flüstert im Raum' },
  'muc-subject': { en: 'sets the room subject', de: 'setzt das Raumthema' },
  'muc-kick': { en: 'kicks an occupant', de: 'wirft jemanden hinaus' },
  'muc-grant-voice': { en: 'grants voice', de: 'erteilt Rederecht' },
  'muc-revoke-voice': { en: 'revokes voice', de: 'entzieht Rederecht' },
  'muc-ban': { en: 'bans a user', de: 'verbannt jemanden' },
  'muc-member': { en: 'makes a member', de: 'nimmt ein Mitglied auf' },
  'muc-configure': { en: 'configures a room', de: 'richtet einen Raum ein' },
} as const satisfies Record<ActionType, Bilingual>;

/** The words for an event that is neither bytes nor a known action. */
const other = {
  timer: { en: 'timer fires', de: 'Timer läuft ab' },
  action: { en: 'acts', de: 'handelt' },
} as const satisfies Record<string, Bilingual>;

function actionLabel(locale: Locale, type: ActionType): string {
  return (Object.hasOwn(actionLabels, type) ? actionLabels[type] : other.action)[locale];
}

/** The engine's timers by name prefix (lib/xmpp/server/s2s-conn.ts), in words; `{x}`: the rest of the name. */
const timers: readonly (readonly [string, Bilingual])[] = [
  [DNS_TIMER, { en: 'DNS answer for {x}', de: 'DNS-Antwort für {x}' }],
  [TIMEOUT_TIMER, { en: 'server-to-server timeout {x}', de: 'Zeitlimit Server-zu-Server {x}' }],
];

/** A timer's name in words (`dns b.example` → `DNS answer for b.example`); a name of unknown shape as it is. */
function timerLabel(locale: Locale, name: string): string {
  for (const [prefix, words] of timers) if (name.startsWith(prefix)) return words[locale].replace('{x}', name.slice(prefix.length).replace('>', ' → '));
  return name;
}

/** The label of a local event: its action's, or "timer fires"; an action event without its action says only "acts". */
export function localEventLabel(locale: Locale, kind: 'action' | 'timer', action: ActionType | null | undefined, timer?: string): string {
  if (kind === 'timer') return timer ? `${other.timer[locale]}: ${timerLabel(locale, timer)}` : other.timer[locale];
  return action ? actionLabel(locale, action) : other.action[locale];
}
