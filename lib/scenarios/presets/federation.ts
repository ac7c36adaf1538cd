/** Preset `federation`: alice@a.example writes to bob@b.example — DNS SRV, a server-to-server stream, STARTTLS and dialback. @module */
import type { Scenario } from '../../sim/types';
import { atAction, TITLE } from './chapters';

export const federation: Scenario = {
  version: 2,
  id: 'federation',
  title: { en: 'Federation: two servers, two domains', de: 'Föderation: zwei Server, zwei Domains' },
  summary: {
    en: 'alice (a.example) writes to bob (b.example). Her server looks up _xmpp-server._tcp.b.example in DNS, opens a server-to-server stream, upgrades it with STARTTLS and claims with Server Dialback that it really is a.example. b.example checks the claim by calling a.example back over a connection of its own, which later carries bob’s answer. Each link is encrypted on its own: both servers read the message.',
    de: 'alice (a.example) schreibt bob (b.example). Ihr Server sucht _xmpp-server._tcp.b.example im DNS, öffnet einen Server-zu-Server-Stream, stuft ihn mit STARTTLS auf und weist sich per Server-Dialback als a.example aus. b.example prüft das mit einem Rückruf bei a.example über eine eigene Verbindung, die später auch bobs Antwort trägt. Jede Teilstrecke ist für sich verschlüsselt: Beide Server lesen die Nachricht.',
  },
  topology: {
    servers: [
      { id: 'a.example', domain: 'a.example', ip: '198.51.100.10', accounts: [{ user: 'alice', password: 'wonderland' }] },
      { id: 'b.example', domain: 'b.example', ip: '203.0.113.20', accounts: [{ user: 'bob', password: 'builder' }] },
    ],
    clients: [
      { id: 'alice', jid: 'alice@a.example', password: 'wonderland', server: 'a.example', resource: 'laptop', ip: '192.0.2.10' },
      { id: 'bob', jid: 'bob@b.example', password: 'builder', server: 'b.example', resource: 'phone', ip: '192.0.2.20' },
    ],
    links: [
      { id: 'alice~a.example', a: 'alice', b: 'a.example', latencyMs: 20 },
      { id: 'bob~b.example', a: 'bob', b: 'b.example', latencyMs: 30 },
      { id: 'a.example~b.example', a: 'a.example', b: 'b.example', latencyMs: 50 },
    ],
    observers: [
      { id: 'tap:alice~a.example', kind: 'tap', link: 'alice~a.example' },
      { id: 'tap:a.example~b.example', kind: 'tap', link: 'a.example~b.example' },
    ],
    // b.example publishes an SRV record; a.example has none, so lookups of it fall back to its A record and port 5269.
    dns: {
      srv: [{ name: '_xmpp-server._tcp.b.example', priority: 0, weight: 5, port: 5269, target: 'xmpp.b.example' }],
      a: [{ name: 'xmpp.b.example', ip: '203.0.113.20' }],
    },
  },
  settings: { tls: 'required', sasl: 'SCRAM-SHA-256' },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 0, node: 'bob', action: { type: 'connect' } },
    { at: 1500, node: 'alice', action: { type: 'send-message', to: 'bob@b.example', body: 'Hello from a.example!' } },
    { at: 3000, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'Hi alice, greetings from b.example.' } },
    { at: 3500, node: 'alice', action: { type: 'ping', to: 'b.example' } },
  ],
  chapters: [
    atAction('login', TITLE.login, 0),
    atAction('s2s', { en: 'Server to server', de: 'Server zu Server' }, 2),
    atAction('reply', TITLE.reply, 3),
    atAction('ping', { en: 'Ping', de: 'Ping' }, 4),
  ],
};
