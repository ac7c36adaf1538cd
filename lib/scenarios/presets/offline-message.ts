/** Preset `offline-message`: the server stores a message for an offline account and delivers it with a delay stamp (XEP-0160, XEP-0203). @module */
import type { Scenario } from '../../sim/types';
import { aliceAndBob } from './cast';
import { atAction, TITLE } from './chapters';

export const offlineMessage: Scenario = {
  version: 2,
  id: 'offline-message',
  title: { en: 'Offline messages: the server holds the mail', de: 'Offline-Nachrichten: Der Server hält die Post' },
  summary: {
    en: 'bob is logged out when alice writes to him. a.example stores the message — in plaintext, on its disk — and hands it over when bob comes back, stamped with the time it arrived (XEP-0203). bob then goes offline again.',
    de: 'bob ist abgemeldet, als alice ihm schreibt. a.example speichert die Nachricht – im Klartext, auf seiner Platte – und übergibt sie, als bob zurückkommt, mit dem Zeitstempel ihrer Ankunft (XEP-0203). Danach geht bob wieder offline.',
  },
  topology: {
    ...aliceAndBob(),
    observers: [{ id: 'tap:bob~a.example', kind: 'tap', link: 'bob~a.example' }],
  },
  settings: { tls: 'required', sasl: 'SCRAM-SHA-256' },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 1500, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Call me when you land.' } },
    { at: 1700, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'And bring the keys.' } },
    { at: 60_000, node: 'bob', action: { type: 'connect' } },
    { at: 62_000, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'Landed. Keys are with me.' } },
    { at: 63_000, node: 'bob', action: { type: 'disconnect' } },
  ],
  chapters: [
    atAction('login', TITLE.login, 0),
    atAction('offline', { en: 'bob is offline', de: 'bob ist offline' }, 1),
    atAction('bob-login', { en: 'bob logs in', de: 'bob meldet sich an' }, 3),
    atAction('reply', TITLE.reply, 4),
    atAction('logout', TITLE.logout, 5),
  ],
};
