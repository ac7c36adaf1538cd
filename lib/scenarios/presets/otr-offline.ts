/**
 * Preset `otr-offline`: alice asks bob for OTR while he is offline. The server stores her Query Message
 * (XEP-0160) and then her next message, which the client sends in plaintext because no session is up
 * (libotr's default, opportunistic policy does the same). The AKE is interactive: it starts only when bob
 * logs in two minutes later, and needs both clients online for its four messages.
 * @module
 */
import type { Scenario } from '../../sim/types';
import { aliceAndBob } from './cast';
import { atAction, atTime, TITLE } from './chapters';

export const otrOffline: Scenario = {
  version: 2,
  id: 'otr-offline',
  title: { en: 'OTR meets an offline bob', de: 'OTR trifft auf einen abgemeldeten bob' },
  summary: {
    en: 'bob is logged out when alice asks him for an OTR conversation. a.example stores her query until he comes back, and the message she types while she waits: it goes out in plaintext, because there is no session to encrypt it with. Two minutes later bob logs in, his client answers the stored query, and the four AKE messages take a fraction of a second, now that both are online. Only then is alice’s next message encrypted.',
    de: 'bob ist abgemeldet, als alice ihn um eine OTR-Unterhaltung bittet. a.example speichert ihre Anfrage, bis er zurückkommt, und dazu die Nachricht, die sie beim Warten tippt: Sie geht im Klartext hinaus, denn es gibt keine Sitzung, mit der sie verschlüsselt werden könnte. Zwei Minuten später meldet sich bob an, sein Client beantwortet die gespeicherte Anfrage, und die vier AKE-Nachrichten dauern nur Sekundenbruchteile, jetzt, da beide online sind. Erst danach ist alices nächste Nachricht verschlüsselt.',
  },
  topology: {
    ...aliceAndBob(),
    observers: [{ id: 'tap:alice~a.example', kind: 'tap', link: 'alice~a.example' }],
  },
  settings: { tls: 'required', sasl: 'SCRAM-SHA-256' },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 1500, node: 'alice', action: { type: 'otr-start', to: 'bob@a.example' } },
    { at: 3000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Are you free tonight?' } },
    { at: 120_000, node: 'bob', action: { type: 'connect' } },
    { at: 123_000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Now it is private.' } },
  ],
  chapters: [
    atAction('login', TITLE.login, 0),
    atAction('query', { en: 'The query', de: 'Die Anfrage' }, 1),
    atAction('bob-login', { en: 'bob logs in', de: 'bob meldet sich an' }, 3),
    // bob's client answers the stored query as soon as it is delivered: the AKE has no script step of its own.
    atTime('key-exchange', TITLE.keyExchange, 120_560),
    atAction('messages', TITLE.messages, 4),
  ],
};
