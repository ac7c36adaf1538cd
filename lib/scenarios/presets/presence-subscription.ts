/** Preset `presence-subscription`: alice and bob subscribe to each other's presence (RFC 6121 §3), then see it change. @module */
import type { Scenario } from '../../sim/types';
import { aliceAndBob } from './cast';
import { atAction, TITLE } from './chapters';

export const presenceSubscription: Scenario = {
  version: 2,
  id: 'presence-subscription',
  title: { en: 'Presence subscription: asking to see someone online', de: 'Präsenzabonnement: fragen, ob man jemanden online sehen darf' },
  summary: {
    en: 'alice adds bob to her roster and asks to see his presence; bob approves and asks back; alice approves. Watch the subscription states move from none to both, the roster pushes, the probes, and how bob going “away” reaches alice. At the end alice removes bob, which cancels both directions.',
    de: 'alice nimmt bob in ihren Roster auf und bittet darum, seine Präsenz zu sehen; bob stimmt zu und fragt zurück; alice stimmt zu. Zu sehen: wie die Abonnementzustände von none nach both wandern, die Roster-Pushes, die Probes und wie bobs „away“ bei alice ankommt. Zum Schluss entfernt alice bob, was beide Richtungen beendet.',
  },
  topology: {
    ...aliceAndBob(),
    observers: [],
  },
  settings: { tls: 'required', sasl: 'SCRAM-SHA-256' },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 0, node: 'bob', action: { type: 'connect' } },
    { at: 1500, node: 'alice', action: { type: 'add-contact', jid: 'bob@a.example', name: 'Bob' } },
    { at: 2500, node: 'bob', action: { type: 'approve-subscription', jid: 'alice@a.example' } },
    { at: 2600, node: 'bob', action: { type: 'add-contact', jid: 'alice@a.example', name: 'Alice' } },
    { at: 3500, node: 'alice', action: { type: 'approve-subscription', jid: 'bob@a.example' } },
    { at: 4500, node: 'bob', action: { type: 'set-presence', show: 'away', status: 'At lunch' } },
    { at: 5500, node: 'alice', action: { type: 'roster-get' } },
    { at: 6500, node: 'alice', action: { type: 'remove-contact', jid: 'bob@a.example' } },
  ],
  chapters: [
    atAction('login', TITLE.login, 0),
    atAction('request', { en: 'alice asks', de: 'alice fragt an' }, 2),
    atAction('approve', { en: 'bob approves', de: 'bob stimmt zu' }, 3),
    atAction('ask-back', { en: 'bob asks back', de: 'bob fragt zurück' }, 4),
    atAction('presence', { en: 'Presence', de: 'Präsenz' }, 6),
    atAction('roster', TITLE.roster, 7),
    atAction('remove', { en: 'Removing a contact', de: 'Kontakt entfernen' }, 8),
  ],
};
