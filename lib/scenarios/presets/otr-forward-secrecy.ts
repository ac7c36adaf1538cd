/** Preset `otr-forward-secrecy`: a recorded OTR conversation and a recorded static-key conversation; later a thief robs both devices. @module */
import type { Scenario } from '../../sim/types';
import { aliceAndBob } from './cast';
import { atAction, atTime, TITLE } from './chapters';

export const otrForwardSecrecy: Scenario = {
  version: 2,
  id: 'otr-forward-secrecy',
  title: { en: 'Forward secrecy: a thief comes too late', de: 'Folgenlose Vertraulichkeit: Der Dieb kommt zu spät' },
  summary: {
    en: 'A tap records everything on alice’s link. alice and bob first talk with OTR, then end the conversation; then they write the same kind of messages with a static-key scheme (PGP-like, modelled): each encrypts to the other’s long-lived public key. Later a thief steals everything both devices hold: the long-term DSA keys, the static keys, and the OTR session state. OTR’s DH keys were forgotten round trip by round trip, and at the end of the conversation, so not one OTR message opens. Every static-key message does.',
    de: 'Ein Lauscher zeichnet alles auf alices Leitung auf. alice und bob unterhalten sich zuerst mit OTR und beenden die Unterhaltung; dann schreiben sie dieselbe Art Nachrichten mit einem Verfahren mit statischen Schlüsseln (wie PGP, modelliert): Jeder verschlüsselt mit dem langlebigen öffentlichen Schlüssel des anderen. Später stiehlt ein Dieb alles, was beide Geräte enthalten: die langlebigen DSA-Schlüssel, die statischen Schlüssel und den Zustand der OTR-Sitzung. Die DH-Schlüssel von OTR wurden Runde um Runde vergessen, und am Ende der Unterhaltung alle – also öffnet sich keine einzige OTR-Nachricht. Jede Nachricht mit statischem Schlüssel dagegen schon.',
  },
  topology: {
    ...aliceAndBob(),
    observers: [
      { id: 'tap', kind: 'tap', link: 'alice~a.example' },
      {
        id: 'thief',
        kind: 'thief',
        link: 'alice~a.example',
        steals: [
          { node: 'alice', at: 9000, what: ['long-term-keys', 'otr-session', 'static-key'] },
          { node: 'bob', at: 9000, what: ['long-term-keys', 'otr-session', 'static-key'] },
        ],
      },
    ],
  },
  settings: { tls: 'none', sasl: 'SCRAM-SHA-256' },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 0, node: 'bob', action: { type: 'connect' } },
    // Like mailing PGP keys: each sends the other its long-lived public key.
    { at: 1000, node: 'alice', action: { type: 'static-publish', to: 'bob@a.example' } },
    { at: 1000, node: 'bob', action: { type: 'static-publish', to: 'alice@a.example' } },
    { at: 1500, node: 'alice', action: { type: 'otr-start', to: 'bob@a.example' } },
    { at: 3000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'OTR: the new password is tulip42.' } },
    { at: 3500, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'OTR: got it, tulip42.' } },
    { at: 4000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'OTR: delete it after reading.' } },
    { at: 4500, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'OTR: done.' } },
    { at: 5000, node: 'alice', action: { type: 'otr-end', to: 'bob@a.example' } },
    { at: 6000, node: 'alice', action: { type: 'send-static', to: 'bob@a.example', body: 'static: the new password is tulip42.' } },
    { at: 6500, node: 'bob', action: { type: 'send-static', to: 'alice@a.example', body: 'static: got it, tulip42.' } },
    { at: 7000, node: 'alice', action: { type: 'send-static', to: 'bob@a.example', body: 'static: delete it after reading.' } },
    { at: 7500, node: 'bob', action: { type: 'send-static', to: 'alice@a.example', body: 'static: done.' } },
  ],
  chapters: [
    atAction('login', TITLE.login, 0),
    atAction('static-publish', { en: 'Static keys published', de: 'Statische Schlüssel veröffentlicht' }, 2),
    atAction('key-exchange', TITLE.keyExchange, 4),
    atAction('otr-messages', { en: 'OTR messages', de: 'OTR-Nachrichten' }, 5),
    atAction('otr-end', TITLE.otrEnd, 9),
    atAction('static-messages', { en: 'Static-key messages', de: 'Nachrichten mit statischem Schlüssel' }, 10),
    atTime('theft', TITLE.theft, 9000),
  ],
};
