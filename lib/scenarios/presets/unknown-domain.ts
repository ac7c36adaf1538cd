/** Preset `unknown-domain`: a domain with no DNS record, a server that is down, an address with no route (RFC 6120 §8.3.3.16–17). @module */
import type { Scenario } from '../../sim/types';
import { atAction, TITLE } from './chapters';

export const unknownDomain: Scenario = {
  version: 2,
  id: 'unknown-domain',
  title: { en: 'When the other server cannot be reached', de: 'Wenn der andere Server nicht erreichbar ist' },
  summary: {
    en: 'alice writes to three remote domains. c.example has no DNS records at all: remote-server-not-found, at once. d.example resolves, but its server is switched off; e.example resolves to an address nobody routes to. In both cases a.example waits for its timeout and then bounces the message with remote-server-timeout.',
    de: 'alice schreibt an drei fremde Domains. c.example hat überhaupt keine DNS-Einträge: remote-server-not-found, sofort. d.example wird aufgelöst, aber sein Server ist ausgeschaltet; e.example zeigt auf eine Adresse, zu der es keinen Weg gibt. In beiden Fällen wartet a.example seine Zeitüberschreitung ab und schickt die Nachricht mit remote-server-timeout zurück.',
  },
  topology: {
    servers: [
      { id: 'a.example', domain: 'a.example', ip: '198.51.100.10', accounts: [{ user: 'alice', password: 'wonderland' }] },
      // switched off: it answers nothing
      { id: 'd.example', domain: 'd.example', ip: '203.0.113.40', accounts: [{ user: 'dave', password: 'diver' }], down: true },
    ],
    clients: [{ id: 'alice', jid: 'alice@a.example', password: 'wonderland', server: 'a.example', resource: 'laptop', ip: '192.0.2.10' }],
    links: [
      { id: 'alice~a.example', a: 'alice', b: 'a.example', latencyMs: 20 },
      { id: 'a.example~d.example', a: 'a.example', b: 'd.example', latencyMs: 50 },
    ],
    observers: [],
    dns: { srv: [], a: [{ name: 'e.example', ip: '203.0.113.50' }] },
  },
  settings: { tls: 'required', sasl: 'SCRAM-SHA-256' },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 1500, node: 'alice', action: { type: 'send-message', to: 'carol@c.example', body: 'Are you there, carol?' } },
    { at: 2000, node: 'alice', action: { type: 'send-message', to: 'dave@d.example', body: 'Are you there, dave?' } },
    { at: 2500, node: 'alice', action: { type: 'send-message', to: 'erin@e.example', body: 'Are you there, erin?' } },
  ],
  chapters: [
    atAction('login', TITLE.login, 0),
    atAction('no-dns', { en: 'No DNS record', de: 'Kein DNS-Eintrag' }, 1),
    atAction('server-down', { en: 'Server down', de: 'Server aus' }, 2),
    atAction('no-route', { en: 'No route', de: 'Kein Weg' }, 3),
  ],
};
