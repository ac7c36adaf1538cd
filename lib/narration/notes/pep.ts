/**
 * Narration of PEP (XEP-0163 on XEP-0060): what an account's personal pubsub service at its bare JID
 * does when its owner publishes and when others read or subscribe.
 * Each key once, English and German side by side; lib/narration/notes.ts merges the areas.
 * @module
 */
import type { NoteTable } from '../note-table';

export const pepNotes = {
  'pep.published': {
    en: '{server} stores the item {from} published at {about} and tells every subscriber who may read the node (XEP-0163).',
    de: '{server} speichert das Item, das {from} unter {about} veröffentlicht hat, und benachrichtigt jeden Abonnenten, der den Knoten lesen darf (XEP-0163).',
  },
  'pep.items': {
    en: '{server} hands {from} the items of a node of {about}: the access model lets {from} read them (XEP-0060 §6.5).',
    de: '{server} gibt {from} die Items eines Knotens von {about}: Das Zugriffsmodell erlaubt {from}, sie zu lesen (XEP-0060 §6.5).',
  },
  'pep.subscribed': {
    en: '{from} now subscribes to a node of {about}; {server} sends the last published item right away (XEP-0060 §6.1).',
    de: '{from} abonniert jetzt einen Knoten von {about}; {server} schickt sofort das zuletzt veröffentlichte Item (XEP-0060 §6.1).',
  },
  'pep.unsubscribed': {
    en: '{from} no longer subscribes to a node of {about} (XEP-0060 §6.2).',
    de: '{from} hat einen Knoten von {about} abbestellt (XEP-0060 §6.2).',
  },
} as const satisfies NoteTable;
