/** Preset `hello`: alice and bob on one server, a.example; log in, say hello. The foundation's first slice. @module */
import type { Scenario } from '../../sim/types';
import { aliceAndBob } from './cast';
import { atAction } from './chapters';

export const hello: Scenario = {
  version: 2,
  id: 'hello',
  title: { en: 'Hello over one server', de: 'Hallo über einen Server' },
  summary: {
    en: 'alice and bob log in to a.example; alice sends bob one chat message. No TLS yet: every byte is readable on the links.',
    de: 'alice und bob melden sich bei a.example an; alice schickt bob eine Chatnachricht. Noch ohne TLS: jedes Byte ist auf den Leitungen lesbar.',
  },
  topology: {
    ...aliceAndBob(),
    observers: [
      { id: 'tap:alice~a.example', kind: 'tap', link: 'alice~a.example' },
      { id: 'tap:bob~a.example', kind: 'tap', link: 'bob~a.example' },
    ],
  },
  // The anti-pattern on purpose: PLAIN on a link without TLS (RFC 6120 §13.8 forbids it), so a tap reads the password.
  settings: { tls: 'none', sasl: 'PLAIN', serverMechanisms: ['PLAIN'], allowPlainWithoutTls: true },
  script: [
    { at: 0, node: 'bob', action: { type: 'connect' } },
    { at: 400, node: 'alice', action: { type: 'connect' } },
    { at: 1200, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Hi Bob! Lunch at noon?' } },
  ],
  chapters: [
    atAction('bob-login', { en: 'bob logs in', de: 'bob meldet sich an' }, 0),
    atAction('alice-login', { en: 'alice logs in', de: 'alice meldet sich an' }, 1),
    atAction('message', { en: 'A message', de: 'Eine Nachricht' }, 2),
  ],
};
