/**
 * Preset `otr-mitm`: the operator of a.example sits in the middle of alice’s and bob’s OTR
 * conversation (lib/xmpp/server/otr-mitm.ts): two AKEs, both “private”, the operator reads every
 * word; the fingerprints differ from the real ones. Then alice and bob run SMP with the secret they
 * share — and it fails on both sides, because each side’s secret is bound to the fingerprints and
 * the session id of its own session with the operator.
 * @module
 */
import type { Scenario } from '../../sim/types';
import { aliceAndBob } from './cast';
import { atAction, TITLE } from './chapters';

export const otrMitm: Scenario = {
  version: 2,
  id: 'otr-mitm',
  title: { en: 'A man in the middle of OTR, caught by SMP', de: 'Ein Man-in-the-Middle-Angriff auf OTR, entlarvt durch SMP' },
  summary: {
    en: 'The operator of a.example answers alice’s OTR request itself and starts a second key exchange with bob: both clients report a private conversation — each with the operator, who reads every message and passes it on re-encrypted. The fingerprints they see are the operator’s, not each other’s. Then alice asks bob a question only he can answer (SMP). The operator cannot answer it and passes the SMP messages through: SMP fails on both sides, because OTR binds the secret to both fingerprints and the session. No TLS on the links, so you see what OTR alone does.',
    de: 'Der Betreiber von a.example beantwortet alices OTR-Anfrage selbst und beginnt einen zweiten Schlüsselaustausch mit bob: Beide Clients melden eine private Unterhaltung – jeder mit dem Betreiber, der jede Nachricht liest und neu verschlüsselt weiterreicht. Die Fingerabdrücke, die beide sehen, gehören dem Betreiber, nicht dem Gegenüber. Dann stellt alice bob eine Frage, die nur er beantworten kann (SMP). Der Betreiber kann sie nicht beantworten und reicht die SMP-Nachrichten durch: SMP scheitert auf beiden Seiten, weil OTR das Geheimnis an beide Fingerabdrücke und die Sitzung bindet. Die Leitungen laufen ohne TLS, damit Sie sehen, was OTR allein leistet.',
  },
  topology: {
    ...aliceAndBob(),
    observers: [
      { id: 'tap:alice~a.example', kind: 'tap', link: 'alice~a.example' },
      // the operator of a.example runs the two key exchanges
      { id: 'mitm:a.example', kind: 'mitm', server: 'a.example', between: ['alice@a.example', 'bob@a.example'] },
    ],
  },
  settings: { tls: 'none', sasl: 'SCRAM-SHA-256' },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 0, node: 'bob', action: { type: 'connect' } },
    { at: 1500, node: 'alice', action: { type: 'otr-start', to: 'bob@a.example' } },
    { at: 3000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'The meeting moved to room 101.' } },
    { at: 3500, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'Thanks. Who else knows?' } },
    { at: 4000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Nobody. Keep it between us.' } },
    { at: 5000, node: 'alice', action: { type: 'smp-start', to: 'bob@a.example', secret: 'Minka', question: 'Name of our first office cat?' } },
    { at: 6000, node: 'bob', action: { type: 'smp-respond', to: 'alice@a.example', secret: 'Minka' } },
  ],
  chapters: [
    atAction('login', TITLE.login, 0),
    atAction('key-exchange', TITLE.keyExchange, 2),
    atAction('messages', TITLE.messages, 3),
    atAction('smp', { en: 'SMP', de: 'SMP' }, 6),
  ],
};
