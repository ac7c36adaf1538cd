/**
 * Narration of the DNS SRV lookups a server makes before it opens a server-to-server stream (RFC 6120 §3.2).
 * Each key once, English and German side by side; lib/narration/notes.ts merges the areas.
 * @module
 */
import type { NoteTable } from '../note-table';

export const dnsNotes = {
  'dns.query': {
    en: '{server} asks DNS where the server for this domain is: {name}.',
    de: '{server} fragt im DNS, wo der Server dieser Domain steht: {name}.',
  },
  'dns.answer': {
    en: 'DNS answers {server}: {name} {type} → {answer}.',
    de: 'Das DNS antwortet {server}: {name} {type} → {answer}.',
  },
  'dns.nxdomain': {
    en: 'DNS has no {type} record for {name}.',
    de: 'Im DNS gibt es keinen {type}-Eintrag für {name}.',
  },
} satisfies NoteTable;
