/** Preset `bad-password`: a failed SCRAM login, a retry, and a guesser stopped after three tries (RFC 6120 §6.4.5). @module */
import type { Scenario } from '../../sim/types';
import { atAction } from './chapters';

export const badPassword: Scenario = {
  version: 2,
  id: 'bad-password',
  title: { en: 'A wrong password, a retry, and a guesser', de: 'Ein falsches Passwort, ein neuer Versuch und ein Rater' },
  summary: {
    en: 'alice mistypes her password: SCRAM fails with not-authorized, the stream stays open, and her second try succeeds. Meanwhile eve guesses passwords for an account that does not exist; the server answers with a convincing fake challenge so as not to reveal that, and after three failures it ends the stream with policy-violation.',
    de: 'alice vertippt sich beim Passwort: SCRAM scheitert mit not-authorized, der Stream bleibt offen, und ihr zweiter Versuch gelingt. Gleichzeitig rät eve Passwörter für ein Konto, das es nicht gibt; der Server antwortet mit einer überzeugend gefälschten Challenge, um das nicht zu verraten, und beendet den Stream nach drei Fehlversuchen mit policy-violation.',
  },
  topology: {
    servers: [{ id: 'a.example', domain: 'a.example', ip: '198.51.100.10', accounts: [{ user: 'alice', password: 'wonderland' }] }],
    clients: [
      { id: 'alice', jid: 'alice@a.example', password: 'wonderlnad', server: 'a.example', resource: 'laptop', ip: '192.0.2.10' },
      { id: 'eve', jid: 'mallory@a.example', password: '123456', server: 'a.example', resource: 'x', ip: '192.0.2.66' },
    ],
    links: [
      { id: 'alice~a.example', a: 'alice', b: 'a.example', latencyMs: 20 },
      { id: 'eve~a.example', a: 'eve', b: 'a.example', latencyMs: 35 },
    ],
    observers: [],
  },
  settings: { tls: 'required', sasl: 'SCRAM-SHA-1', maxAuthAttempts: 3 },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 1500, node: 'alice', action: { type: 'retry-login', password: 'wonderland' } },
    { at: 100, node: 'eve', action: { type: 'connect' } },
    { at: 1200, node: 'eve', action: { type: 'retry-login', password: 'password' } },
    { at: 1800, node: 'eve', action: { type: 'retry-login', password: 'qwerty' } },
  ],
  chapters: [
    atAction('typo', { en: 'A typo', de: 'Vertippt' }, 0),
    atAction('guess-2', { en: 'eve guesses again', de: 'eve rät weiter' }, 3),
    atAction('retry', { en: 'alice retries', de: 'alice versucht es erneut' }, 1),
    atAction('guess-3', { en: 'Third guess', de: 'Dritter Rateversuch' }, 4),
  ],
};
