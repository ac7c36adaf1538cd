/**
 * Preset `bad-certificate`: three servers present certificates that do not check out — one for another
 * name (RFC 6125 §6), one expired (RFC 5280 §4.1.2.5, judged against the virtual clock), one from a CA
 * the clients do not trust — and each client refuses with the alert RFC 8446 §6.2 names, before a
 * single byte of its login leaves. @module
 */
import type { Scenario } from '../../sim/types';
import { atAction } from './chapters';

export const badCertificate: Scenario = {
  version: 2,
  id: 'bad-certificate',
  title: { en: 'Bad certificates', de: 'Falsche Zertifikate' },
  summary: {
    en: 'alice, bob and carol each connect to their own server, and each server presents a certificate that does not check out: a.example’s names another domain, b.example’s has expired, c.example’s comes from a CA nobody here trusts. Each client refuses the TLS handshake with an alert and sends no password: it cannot know who is answering.',
    de: 'alice, bob und carol verbinden sich je mit ihrem Server, und jeder Server zeigt ein Zertifikat vor, das die Prüfung nicht besteht: Das von a.example nennt eine andere Domain, das von b.example ist abgelaufen, das von c.example stammt von einer CA, der hier niemand vertraut. Jeder Client bricht den TLS-Handshake mit einem Alert ab und sendet kein Passwort: Er kann nicht wissen, wer da antwortet.',
  },
  topology: {
    servers: [
      { id: 'a.example', domain: 'a.example', ip: '198.51.100.10', accounts: [{ user: 'alice', password: 'wonderland' }], certificate: 'wrong-name' },
      { id: 'b.example', domain: 'b.example', ip: '203.0.113.20', accounts: [{ user: 'bob', password: 'builder' }], certificate: 'expired' },
      { id: 'c.example', domain: 'c.example', ip: '203.0.113.30', accounts: [{ user: 'carol', password: 'crossword' }], certificate: 'unknown-ca' },
    ],
    clients: [
      { id: 'alice', jid: 'alice@a.example', password: 'wonderland', server: 'a.example', resource: 'laptop', ip: '192.0.2.10' },
      { id: 'bob', jid: 'bob@b.example', password: 'builder', server: 'b.example', resource: 'phone', ip: '192.0.2.20' },
      { id: 'carol', jid: 'carol@c.example', password: 'crossword', server: 'c.example', resource: 'tablet', ip: '192.0.2.30' },
    ],
    links: [
      { id: 'alice~a.example', a: 'alice', b: 'a.example', latencyMs: 20 },
      { id: 'bob~b.example', a: 'bob', b: 'b.example', latencyMs: 30 },
      { id: 'carol~c.example', a: 'carol', b: 'c.example', latencyMs: 25 },
    ],
    observers: [{ id: 'tap:alice~a.example', kind: 'tap', link: 'alice~a.example' }],
  },
  settings: { tls: 'required', sasl: 'SCRAM-SHA-256' },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 1000, node: 'bob', action: { type: 'connect' } },
    { at: 2000, node: 'carol', action: { type: 'connect' } },
  ],
  chapters: [
    atAction('wrong-name', { en: 'Another name', de: 'Ein anderer Name' }, 0),
    atAction('expired', { en: 'Expired', de: 'Abgelaufen' }, 1),
    atAction('unknown-ca', { en: 'An unknown CA', de: 'Eine unbekannte CA' }, 2),
  ],
};
