/**
 * Preset `starttls-stripping`: an active attacker on each client's link cuts `<starttls/>` out of
 * a.example's stream features (lib/attacks/starttls-strip.ts). bob's client requires TLS and refuses
 * to log in; alice's is lax, logs in without TLS with PLAIN, and the tap on her link reads her
 * password and her message. @module
 */
import type { Scenario } from '../../sim/types';
import { aliceAndBob } from './cast';
import { atAction } from './chapters';

const cast = aliceAndBob();

export const starttlsStripping: Scenario = {
  version: 2,
  id: 'starttls-stripping',
  title: { en: 'STARTTLS stripping', de: 'STARTTLS-Stripping' },
  summary: {
    en: 'a.example offers STARTTLS, but mallory sits on the links and cuts the offer out of the server’s first features, which travel in clear. bob’s client requires TLS: it sees no offer and refuses to log in. alice’s client is lax: it logs in without TLS, with PLAIN, and the tap on her link reads her password and her message.',
    de: 'a.example bietet STARTTLS an, aber mallory sitzt auf den Leitungen und schneidet das Angebot aus den ersten Features des Servers heraus, die im Klartext reisen. Der Client von bob verlangt TLS: Er sieht kein Angebot und verweigert die Anmeldung. Der Client von alice ist nachlässig: Er meldet sich ohne TLS an, mit PLAIN, und wer ihre Leitung abhört, liest ihr Passwort und ihre Nachricht.',
  },
  topology: {
    ...cast,
    clients: cast.clients.map((c) => (c.id === 'alice' ? { ...c, tlsPolicy: 'lax' as const } : c)),
    observers: [
      { id: 'tap:alice~a.example', kind: 'tap', link: 'alice~a.example' },
      { id: 'tap:bob~a.example', kind: 'tap', link: 'bob~a.example' },
    ],
    middleboxes: [
      { id: 'mallory', machine: 'strip-starttls', link: 'alice~a.example' },
      { id: 'mallory-bob', machine: 'strip-starttls', link: 'bob~a.example' },
    ],
  },
  // STARTTLS offered, not required (a server that requires it would refuse the login without TLS);
  // PLAIN allowed before TLS: the second mistake, which turns the stripped link into a stolen password.
  settings: { tls: 'starttls', sasl: 'PLAIN', serverMechanisms: ['SCRAM-SHA-256', 'PLAIN'], allowPlainWithoutTls: true },
  script: [
    { at: 0, node: 'bob', action: { type: 'connect' } },
    { at: 500, node: 'alice', action: { type: 'connect' } },
    { at: 1500, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'The door code is 4711.' } },
  ],
  chapters: [
    atAction('bob-login', { en: 'bob requires TLS', de: 'bob verlangt TLS' }, 0),
    atAction('alice-login', { en: 'alice goes on without', de: 'alice macht ohne weiter' }, 1),
    atAction('message', { en: 'A message', de: 'Eine Nachricht' }, 2),
  ],
};
