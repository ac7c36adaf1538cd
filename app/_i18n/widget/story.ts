/**
 * The narration band's strings for the "Seen by" lens (lib/viz/lens-narration.ts): the step told as its
 * observer has it, and the fold that keeps the whole story for the teacher; each key once, English and
 * German side by side.
 * @module
 */
import type { BilingualTable } from '../locales';

export const storyStrings = {
  storyUnseenLink: {
    en: 'Seen by {who}: nothing. This step happens between {from} and {to}.',
    de: 'Aus Sicht von {who}: nichts. Dieser Schritt geschieht zwischen {from} und {to}.',
  },
  storyUnseenNode: {
    en: 'Seen by {who}: nothing. This step happens at {node}.',
    de: 'Aus Sicht von {who}: nichts. Dieser Schritt geschieht bei {node}.',
  },
  storySealedTls: {
    en: 'Seen by {who}: a TLS record, {n} bytes, from {from} to {to}. It is encrypted: what it carries stays hidden.',
    de: 'Aus Sicht von {who}: ein TLS-Record, {n} Bytes, von {from} an {to}. Er ist verschlüsselt: Was er enthält, bleibt verborgen.',
  },
  storySealedOtr: {
    en: 'Seen by {who}: an OTR-encrypted message, {n} bytes, from {from} to {to}. Without the conversation’s keys its text stays hidden.',
    de: 'Aus Sicht von {who}: eine OTR-verschlüsselte Nachricht, {n} Bytes, von {from} an {to}. Ohne die Schlüssel der Unterhaltung bleibt ihr Text verborgen.',
  },
  storySealedOther: {
    en: 'Seen by {who}: {n} encrypted bytes from {from} to {to}. What they carry stays hidden.',
    de: 'Aus Sicht von {who}: {n} verschlüsselte Bytes von {from} an {to}. Was sie enthalten, bleibt verborgen.',
  },
  storyWhole: {
    en: 'What really happens',
    de: 'Was tatsächlich geschieht',
  },
} satisfies BilingualTable;
