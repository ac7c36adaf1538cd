/**
 * Preset `otr-deniability`: alice makes the same offer twice — once signed (the contrast), once in
 * OTR. The OTR conversation goes on, and the MAC keys of her message are published; a forger who
 * recorded her link edits both (“100 €” → “900 €”). The OTR forgery verifies exactly like the real
 * message; the signed one fails its signature. See `npm run sim -- observe otr-deniability --observer forger`.
 * @module
 */
import type { Scenario } from '../../sim/types';
import { aliceAndBob } from './cast';
import { atAction, TITLE } from './chapters';

const OFFER = 'I’ll pay 100 € for the bike.';

export const otrDeniability: Scenario = {
  version: 2,
  id: 'otr-deniability',
  title: { en: 'OTR deniability: anyone could have written it', de: 'Abstreitbarkeit bei OTR: Jeder hätte es schreiben können' },
  summary: {
    en: 'alice offers bob 100 € for his bike twice: first in a signed message, then inside OTR. As the conversation goes on, OTR publishes the MAC keys it no longer needs. A forger who recorded alice’s link turns “100 €” into “900 €” in both: the OTR forgery checks out exactly like the real message, while the signed one fails. A signature proves who said what; OTR makes sure nobody can prove it afterwards. No TLS on the links, so you see what OTR alone does.',
    de: 'alice bietet bob zweimal 100 € für sein Fahrrad: erst in einer signierten Nachricht, dann in OTR. Im Lauf der Unterhaltung veröffentlicht OTR die MAC-Schlüssel, die es nicht mehr braucht. Ein Fälscher, der alices Leitung mitgeschnitten hat, macht in beiden Nachrichten aus „100 €“ „900 €“: Die OTR-Fälschung besteht jede Prüfung genau wie die echte Nachricht, die signierte fällt durch. Eine Signatur beweist, wer was gesagt hat; OTR sorgt dafür, dass das hinterher niemand beweisen kann. Die Leitungen laufen ohne TLS, damit Sie sehen, was OTR allein leistet.',
  },
  topology: {
    ...aliceAndBob(),
    observers: [
      {
        id: 'forger',
        kind: 'forger',
        link: 'alice~a.example',
        edits: [
          // recorded message 0 is the signed offer, 1 the same offer inside OTR
          { message: 0, find: '100', replace: '900' },
          { message: 1, known: OFFER, find: '100', replace: '900' },
          // alice’s “Friday at six.”: its MAC key is never published, so only bob could forge this one
          { message: 3, known: 'Friday at six.', find: 'six', replace: 'ten' },
        ],
      },
    ],
  },
  settings: { tls: 'none', sasl: 'SCRAM-SHA-256' },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 0, node: 'bob', action: { type: 'connect' } },
    { at: 1500, node: 'alice', action: { type: 'send-signed', to: 'bob@a.example', body: OFFER } },
    { at: 2500, node: 'alice', action: { type: 'otr-start', to: 'bob@a.example' } },
    { at: 4000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: OFFER } },
    { at: 4500, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'Deal. Friday at six?' } },
    { at: 5000, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'Friday at six.' } },
    { at: 5500, node: 'bob', action: { type: 'send-message', to: 'alice@a.example', body: 'See you then.' } },
    { at: 6000, node: 'alice', action: { type: 'otr-end', to: 'bob@a.example' } },
  ],
  chapters: [
    atAction('login', TITLE.login, 0),
    atAction('signed', { en: 'A signed offer', de: 'Ein signiertes Angebot' }, 2),
    atAction('key-exchange', TITLE.keyExchange, 3),
    atAction('messages', TITLE.messages, 4),
    atAction('otr-end', TITLE.otrEnd, 8),
  ],
};
