/**
 * Preset `sasl-downgrade`: alice's and bob's clients accept SCRAM-SHA-256 and, as a fallback, PLAIN.
 * mallory (lib/attacks/sasl-downgrade.ts) removes SCRAM from the server's offer. On alice's link it
 * also cuts the STARTTLS offer, alice's lax client stays in clear and falls back to PLAIN: the tap
 * reads her password. bob requires TLS; inside it the offer is out of mallory's reach, and bob logs
 * in with SCRAM-SHA-256. @module
 */
import type { Scenario } from '../../sim/types';
import { aliceAndBob } from './cast';
import { atAction } from './chapters';

const cast = aliceAndBob();
const ACCEPTS = ['SCRAM-SHA-256', 'PLAIN'] as const;

export const saslDowngrade: Scenario = {
  version: 2,
  id: 'sasl-downgrade',
  title: { en: 'A SASL downgrade', de: 'Ein SASL-Downgrade' },
  summary: {
    en: 'alice’s and bob’s clients prefer SCRAM-SHA-256 but also accept PLAIN. mallory removes SCRAM from a.example’s offer of mechanisms. On alice’s link, where mallory also cuts the STARTTLS offer, that works: her lax client falls back to PLAIN, and the tap reads her password. bob insists on TLS; inside it mallory can neither read the offer nor change it, and bob logs in with SCRAM.',
    de: 'Die Clients von alice und bob bevorzugen SCRAM-SHA-256, akzeptieren aber auch PLAIN. mallory entfernt SCRAM aus dem Mechanismen-Angebot von a.example. Auf der Leitung von alice, wo mallory auch das STARTTLS-Angebot herausschneidet, gelingt das: Ihr nachlässiger Client weicht auf PLAIN aus, und wer mithört, liest ihr Passwort. bob besteht auf TLS; darin kann mallory das Angebot weder lesen noch ändern, und bob meldet sich mit SCRAM an.',
  },
  topology: {
    ...cast,
    clients: cast.clients.map((c) => ({ ...c, mechanisms: [...ACCEPTS], ...(c.id === 'alice' ? { tlsPolicy: 'lax' as const } : {}) })),
    observers: [
      { id: 'tap:alice~a.example', kind: 'tap', link: 'alice~a.example' },
      { id: 'tap:bob~a.example', kind: 'tap', link: 'bob~a.example' },
    ],
    middleboxes: [
      { id: 'mallory', machine: 'sasl-downgrade', link: 'alice~a.example', config: { stripStarttls: true } },
      { id: 'mallory-bob', machine: 'sasl-downgrade', link: 'bob~a.example' },
    ],
  },
  // STARTTLS offered, not required; PLAIN offered before TLS too — the server's part in the mistake.
  settings: { tls: 'starttls', sasl: 'SCRAM-SHA-256', serverMechanisms: ['SCRAM-SHA-256', 'PLAIN'], allowPlainWithoutTls: true },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 1000, node: 'bob', action: { type: 'connect' } },
  ],
  chapters: [
    atAction('alice-login', { en: 'Before TLS: the downgrade works', de: 'Vor TLS: Das Downgrade gelingt' }, 0),
    atAction('bob-login', { en: 'Inside TLS: it fails', de: 'In TLS: Es misslingt' }, 1),
  ],
};
