/** Preset `otr-ake`: alice asks bob for OTR; the four AKE messages; six alternating messages so the DH keys rotate; alice ends. @module */
import type { Scenario } from '../../sim/types';
import { aliceAndBob } from './cast';
import { atAction, TITLE } from './chapters';

export const otrAke: Scenario = {
  version: 2,
  id: 'otr-ake',
  title: { en: 'OTR: the key exchange and the first private messages', de: 'OTR: der Schlüsselaustausch und die ersten privaten Nachrichten' },
  summary: {
    en: 'alice asks bob for an Off-the-Record conversation. Four AKE messages later both share a secret and know each other’s long-term key; then six messages go back and forth (once two in a row from alice), and with every round trip both sides make new DH keys and forget old ones (watch the key ids: 1/1, 1/2, 2/2 …). The links run without TLS on purpose: the tap on alice’s link sees what OTR alone protects.',
    de: 'alice bittet bob um eine Off-the-Record-Unterhaltung. Vier AKE-Nachrichten später teilen beide ein Geheimnis und kennen den langlebigen Schlüssel des anderen; dann gehen sechs Nachrichten hin und her (einmal zwei hintereinander von alice), und mit jedem Hin und Zurück erzeugen beide neue DH-Schlüssel und vergessen alte (achten Sie auf die Schlüssel-IDs: 1/1, 1/2, 2/2 …). Die Leitungen laufen absichtlich ohne TLS: Der Lauscher auf alices Leitung sieht, was OTR allein schützt.',
  },
  topology: {
    ...aliceAndBob(),
    observers: [{ id: 'tap:alice~a.example', kind: 'tap', link: 'alice~a.example' }],
  },
  settings: { tls: 'none', sasl: 'SCRAM-SHA-256' },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 0, node: 'bob', action: { type: 'connect' } },
    { at: 1500, node: 'alice', action: { type: 'otr-start', to: 'bob@a.example' } },
    { at: 3000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Can anyone else read this?' } },
    { at: 3500, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'Only we can. The server sees base64.' } },
    { at: 4000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'And tomorrow, if someone steals my laptop?' } },
    { at: 4300, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Could they read today’s messages?' } },
    { at: 4800, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'No: by then today’s keys are gone.' } },
    { at: 5300, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Good. See you at noon.' } },
    { at: 6000, node: 'alice', action: { type: 'otr-end', to: 'bob@a.example' } },
  ],
  chapters: [
    atAction('login', TITLE.login, 0),
    atAction('key-exchange', TITLE.keyExchange, 2),
    atAction('messages', TITLE.messages, 3),
    atAction('otr-end', TITLE.otrEnd, 9),
  ],
};
