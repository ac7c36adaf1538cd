/** Preset `otr-post-compromise`: a thief copies alice's current OTR session keys mid-conversation, reads on until the next DH rotation, then is locked out. @module */
import type { Scenario } from '../../sim/types';
import { aliceAndBob } from './cast';
import { atAction, atTime, TITLE } from './chapters';

export const otrPostCompromise: Scenario = {
  version: 2,
  id: 'otr-post-compromise',
  title: { en: 'Post-compromise: the thief is locked out again', de: 'Nach dem Einbruch: Der Dieb ist wieder ausgesperrt' },
  summary: {
    en: 'alice and bob talk with OTR while a thief records alice’s link. At 4.2 s the thief copies alice’s current session keys — her DH keys #2 and #3, not her long-term key. With them it opens the messages that use those keys, before and after the theft. But the conversation keeps making new DH keys: once both sides have moved past key #3, the copied keys open nothing, and the thief, who only listens, cannot compute the new ones.',
    de: 'alice und bob unterhalten sich mit OTR, während ein Dieb alices Leitung aufzeichnet. Bei 4,2 s kopiert der Dieb alices aktuelle Sitzungsschlüssel – ihre DH-Schlüssel #2 und #3, nicht ihren langlebigen Schlüssel. Damit öffnet er die Nachrichten, die diese Schlüssel benutzen, vor und nach dem Diebstahl. Aber die Unterhaltung erzeugt laufend neue DH-Schlüssel: Sobald beide Seiten über Schlüssel #3 hinaus sind, öffnen die kopierten Schlüssel nichts mehr, und der Dieb, der nur zuhört, kann die neuen nicht berechnen.',
  },
  topology: {
    ...aliceAndBob(),
    observers: [
      { id: 'tap', kind: 'tap', link: 'alice~a.example' },
      { id: 'thief', kind: 'thief', link: 'alice~a.example', steals: [{ node: 'alice', at: 4200, what: ['otr-session'] }] },
    ],
  },
  settings: { tls: 'none', sasl: 'SCRAM-SHA-256' },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 0, node: 'bob', action: { type: 'connect' } },
    { at: 1500, node: 'alice', action: { type: 'otr-start', to: 'bob@a.example' } },
    { at: 3000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Did you book the room?' } },
    { at: 3500, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'Yes, room 4.' } },
    { at: 4000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Who else is coming?' } },
    { at: 4500, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'Only Carol.' } },
    { at: 5000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Then bring the draft.' } },
    { at: 5500, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'Printed twice.' } },
    { at: 6000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Perfect.' } },
    { at: 6500, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'Anything else?' } },
    { at: 7000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Coffee, please.' } },
    { at: 7500, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'Two cups, then.' } },
  ],
  chapters: [
    atAction('login', TITLE.login, 0),
    atAction('key-exchange', TITLE.keyExchange, 2),
    atAction('messages', TITLE.messages, 3),
    atTime('theft', TITLE.theft, 4200),
    atAction('after-theft', { en: 'After the theft', de: 'Nach dem Diebstahl' }, 6),
  ],
};
