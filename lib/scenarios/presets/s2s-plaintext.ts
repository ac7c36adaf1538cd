/**
 * Preset `s2s-plaintext`: the federation of `federation`, but the two servers talk to each other
 * without TLS (`s2sTls: none`), as many did before 2014. alice's and bob's own links are encrypted;
 * the tap between the servers reads the dialback, the JIDs and the messages. @module
 */
import type { Scenario } from '../../sim/types';
import { atAction, TITLE } from './chapters';
import { federation } from './federation';

export const s2sPlaintext: Scenario = {
  version: 2,
  id: 's2s-plaintext',
  title: { en: 'Between servers, in clear', de: 'Zwischen Servern im Klartext' },
  summary: {
    en: 'alice (a.example) writes to bob (b.example). Both log in over TLS, but the two servers talk to each other without it. A tap on the line between the servers reads the dialback, who writes to whom, and every word — TLS protects each hop only where it is switched on.',
    de: 'alice (a.example) schreibt bob (b.example). Beide melden sich über TLS an, doch die beiden Server sprechen ohne TLS miteinander. Wer die Leitung zwischen den Servern abhört, liest den Dialback, wer wem schreibt, und jedes Wort – TLS schützt jede Teilstrecke nur dort, wo es eingeschaltet ist.',
  },
  topology: {
    ...federation.topology,
    observers: [
      { id: 'tap:alice~a.example', kind: 'tap', link: 'alice~a.example' },
      { id: 'tap:a.example~b.example', kind: 'tap', link: 'a.example~b.example' },
    ],
  },
  settings: { tls: 'required', s2sTls: 'none', sasl: 'SCRAM-SHA-256' },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 0, node: 'bob', action: { type: 'connect' } },
    { at: 1500, node: 'alice', action: { type: 'send-message', to: 'bob@b.example', body: 'Meet me at the station at six.' } },
    { at: 3000, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'See you there.' } },
  ],
  chapters: [
    atAction('login', TITLE.login, 0),
    atAction('s2s', { en: 'Server to server, in clear', de: 'Server zu Server, im Klartext' }, 2),
    atAction('reply', TITLE.reply, 3),
  ],
};
