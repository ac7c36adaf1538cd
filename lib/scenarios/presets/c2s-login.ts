/** Preset `c2s-login`: alice logs in the way Prosody 0.12 expects — STARTTLS required, then SCRAM-SHA-1, restart, bind. @module */
import type { Scenario } from '../../sim/types';
import { aliceAlone } from './cast';
import { atAction, TITLE } from './chapters';

export const c2sLogin: Scenario = {
  version: 2,
  id: 'c2s-login',
  title: { en: 'Logging in: STARTTLS and SCRAM', de: 'Anmelden: STARTTLS und SCRAM' },
  summary: {
    en: 'alice connects to a.example: the server requires TLS, so the stream is upgraded with STARTTLS first. Inside TLS she proves her password with SCRAM-SHA-1 without sending it, the server proves it knows her credentials too, and she binds a resource. A tap on her link sees only sizes and times.',
    de: 'alice verbindet sich mit a.example: Der Server verlangt TLS, also wird der Stream zuerst mit STARTTLS aufgestuft. Innerhalb von TLS beweist sie ihr Passwort mit SCRAM-SHA-1, ohne es zu senden; der Server beweist seinerseits, dass er ihre Zugangsdaten kennt; dann bindet sie eine Ressource. Wer ihre Leitung abhört, sieht nur Größen und Zeitpunkte.',
  },
  topology: {
    ...aliceAlone(),
    observers: [{ id: 'tap:alice~a.example', kind: 'tap', link: 'alice~a.example' }],
  },
  // As observed on Prosody 0.12: TLS required; SCRAM-SHA-1 and PLAIN offered after TLS; i = 10000.
  settings: { tls: 'required', sasl: 'SCRAM-SHA-1', serverMechanisms: ['SCRAM-SHA-1', 'PLAIN'], scramIterations: 10000 },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 1000, node: 'alice', action: { type: 'roster-get' } },
    { at: 1500, node: 'alice', action: { type: 'disco-info' } },
    { at: 2000, node: 'alice', action: { type: 'ping' } },
    { at: 3000, node: 'alice', action: { type: 'disconnect' } },
  ],
  chapters: [
    atAction('login', TITLE.login, 0),
    atAction('roster', TITLE.roster, 1),
    atAction('disco', { en: 'Service discovery', de: 'Dienste erkunden' }, 2),
    atAction('ping', { en: 'Ping', de: 'Ping' }, 3),
    atAction('logout', TITLE.logout, 4),
  ],
};
