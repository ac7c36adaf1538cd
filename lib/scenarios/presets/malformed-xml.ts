/** Preset `malformed-xml`: what a server does with broken or forbidden XML a user typed (RFC 6120 §4.9.3, §11). @module */
import type { Scenario } from '../../sim/types';
import { aliceAlone } from './cast';
import { atAction } from './chapters';

export const malformedXml: Scenario = {
  version: 2,
  id: 'malformed-xml',
  title: { en: 'Broken XML ends the stream', de: 'Kaputtes XML beendet den Stream' },
  summary: {
    en: 'alice types raw XML into her connection three times. A tag closed in the wrong order is not-well-formed; an XML comment is restricted-xml (RFC 6120 §11.1 forbids comments); an element that is no stanza is unsupported-stanza-type. Each time the server sends a stream error and closes the stream — a stanza error would not do, because the parser cannot trust anything after that point.',
    de: 'alice tippt dreimal rohes XML in ihre Verbindung. Ein in falscher Reihenfolge geschlossenes Tag ist not-well-formed; ein XML-Kommentar ist restricted-xml (RFC 6120 §11.1 verbietet Kommentare); ein Element, das keine Stanza ist, ist unsupported-stanza-type. Jedes Mal sendet der Server einen Stream-Fehler und schließt den Stream – ein Stanza-Fehler reicht nicht, weil der Parser ab dieser Stelle nichts mehr trauen kann.',
  },
  topology: {
    ...aliceAlone(),
    observers: [{ id: 'tap:alice~a.example', kind: 'tap', link: 'alice~a.example' }],
  },
  // No TLS so that the tap and the reader see the typed bytes; SCRAM keeps the password off the wire.
  settings: { tls: 'none', sasl: 'SCRAM-SHA-256' },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 1000, node: 'alice', action: { type: 'send-raw', text: "<message to='bob@a.example'><body>oops</message></body>" } },
    { at: 2000, node: 'alice', action: { type: 'connect' } },
    { at: 3000, node: 'alice', action: { type: 'send-raw', text: '<!-- just a comment -->' } },
    { at: 4000, node: 'alice', action: { type: 'connect' } },
    { at: 5000, node: 'alice', action: { type: 'send-raw', text: "<hello xmlns='jabber:client'/>" } },
  ],
  chapters: [
    atAction('not-well-formed', { en: 'Tags crossed', de: 'Tags verschränkt' }, 0),
    atAction('comment', { en: 'A comment', de: 'Ein Kommentar' }, 2),
    atAction('no-stanza', { en: 'No stanza', de: 'Keine Stanza' }, 4),
  ],
};
