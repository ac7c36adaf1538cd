/** Preset `offline-message`: the server stores a message for an offline account and delivers it with a delay stamp (XEP-0160, XEP-0203). @module */
import type { Scenario } from '../../sim/types';

export const offlineMessage: Scenario = {
  id: 'offline-message',
  title: { en: 'Offline messages: the server holds the mail', de: 'Offline-Nachrichten: Der Server hält die Post' },
  summary: {
    en: 'bob is logged out when alice writes to him. a.example stores the message — in plaintext, on its disk — and hands it over when bob comes back, stamped with the time it arrived (XEP-0203). bob then goes offline again.',
    de: 'bob ist abgemeldet, als alice ihm schreibt. a.example speichert die Nachricht – im Klartext, auf seiner Platte – und übergibt sie, als bob zurückkommt, mit dem Zeitstempel ihrer Ankunft (XEP-0203). Danach geht bob wieder offline.',
  },
  topology: {
    servers: [
      { id: 'a.example', domain: 'a.example', ip: '198.51.100.10', accounts: [{ user: 'alice', password: 'wonderland' }, { user: 'bob', password: 'builder' }] },
    ],
    clients: [
      { id: 'alice', jid: 'alice@a.example', password: 'wonderland', server: 'a.example', resource: 'laptop', ip: '192.0.2.10' },
      { id: 'bob', jid: 'bob@a.example', password: 'builder', server: 'a.example', resource: 'phone', ip: '192.0.2.20' },
    ],
    links: [
      { id: 'alice~a.example', a: 'alice', b: 'a.example', latencyMs: 20 },
      { id: 'bob~a.example', a: 'bob', b: 'a.example', latencyMs: 30 },
    ],
    taps: [{ id: 'tap:bob~a.example', link: 'bob~a.example' }],
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
};
