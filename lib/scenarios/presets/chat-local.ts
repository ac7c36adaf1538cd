/** Preset `chat-local`: routing on one server — bare vs full JID, priorities, message types (RFC 6121 §8.5). @module */
import type { Scenario } from '../../sim/types';
import { atAction, TITLE } from './chapters';

export const chatLocal: Scenario = {
  version: 2,
  id: 'chat-local',
  title: { en: 'Chat on one server: which device gets it?', de: 'Chat auf einem Server: Welches Gerät bekommt es?' },
  summary: {
    en: 'bob is online twice, on his phone (priority 5) and his laptop (priority 1). A chat message to his bare JID goes to the phone only; one to bob@a.example/laptop goes exactly there; a headline goes to both; a groupchat message to a person bounces. Every hop is TLS-protected, and the server reads everything.',
    de: 'bob ist zweimal online, auf dem Handy (Priorität 5) und auf dem Laptop (Priorität 1). Eine Chatnachricht an seine bare JID geht nur ans Handy; eine an bob@a.example/laptop genau dorthin; eine Headline an beide; eine Groupchat-Nachricht an eine Person kommt als Fehler zurück. Jede Teilstrecke ist mit TLS geschützt, und der Server liest alles.',
  },
  topology: {
    servers: [
      { id: 'a.example', domain: 'a.example', ip: '198.51.100.10', accounts: [{ user: 'alice', password: 'wonderland' }, { user: 'bob', password: 'builder' }] },
    ],
    clients: [
      { id: 'alice', jid: 'alice@a.example', password: 'wonderland', server: 'a.example', resource: 'laptop', ip: '192.0.2.10' },
      { id: 'bob-phone', jid: 'bob@a.example', password: 'builder', server: 'a.example', resource: 'phone', ip: '192.0.2.20' },
      { id: 'bob-laptop', jid: 'bob@a.example', password: 'builder', server: 'a.example', resource: 'laptop', ip: '192.0.2.21' },
    ],
    links: [
      { id: 'alice~a.example', a: 'alice', b: 'a.example', latencyMs: 20 },
      { id: 'bob-phone~a.example', a: 'bob-phone', b: 'a.example', latencyMs: 40 },
      { id: 'bob-laptop~a.example', a: 'bob-laptop', b: 'a.example', latencyMs: 25 },
    ],
    observers: [{ id: 'tap:alice~a.example', kind: 'tap', link: 'alice~a.example' }],
  },
  settings: { tls: 'required', sasl: 'SCRAM-SHA-256' },
  script: [
    { at: 0, node: 'bob-phone', action: { type: 'connect' } },
    { at: 0, node: 'bob-phone', action: { type: 'set-presence', priority: 5 } },
    { at: 100, node: 'bob-laptop', action: { type: 'connect' } },
    { at: 100, node: 'bob-laptop', action: { type: 'set-presence', show: 'away', priority: 1 } },
    { at: 200, node: 'alice', action: { type: 'connect' } },
    { at: 2000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Are you there?' } },
    { at: 2500, node: 'alice', action: { type: 'send-message', to: 'bob@a.example/laptop', body: 'The slides are on your laptop.' } },
    { at: 3000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Fire drill at 3 pm', messageType: 'headline' } },
    { at: 3500, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Hello room?', messageType: 'groupchat' } },
    { at: 4000, node: 'bob-phone', action: { type: 'send-message', to: 'alice@a.example', body: 'Yes, on my phone.' } },
  ],
  chapters: [
    atAction('login', TITLE.login, 0),
    atAction('messages', TITLE.messages, 5),
    atAction('message-types', { en: 'Other message types', de: 'Andere Nachrichtentypen' }, 7),
    atAction('reply', TITLE.reply, 9),
  ],
};
