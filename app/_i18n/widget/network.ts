/** The scenario widget's strings for the Network view; each key once, English and German side by side. @module */
import type { BilingualTable } from '../locales';

export const networkStrings = {
  networkTitle: {
    en: 'Network: {title}',
    de: 'Netz: {title}',
  },
  networkDesc: {
    en: 'Domains with their server and clients, and the links between them. {now}',
    de: 'Domains mit ihrem Server und ihren Clients sowie die Verbindungen dazwischen. {now}',
  },
  networkPacket: {
    en: 'Step {step}: {what} travels from {from} to {to} ({bytes} bytes).',
    de: 'Schritt {step}: {what} geht von {from} an {to} ({bytes} Bytes).',
  },
  networkLocal: {
    en: 'Step {step}: {node} acts; nothing is on the wire.',
    de: 'Schritt {step}: {node} handelt; auf der Leitung ist nichts unterwegs.',
  },
  networkIdle: {
    en: 'Before the first event: nobody is connected yet.',
    de: 'Vor dem ersten Ereignis: Noch ist niemand verbunden.',
  },
  domain: {
    en: 'Domain {domain}',
    de: 'Domain {domain}',
  },
  tapped: {
    en: 'Someone is listening on this link',
    de: 'Auf dieser Leitung hört jemand mit',
  },
} satisfies BilingualTable;
