/**
 * Narration of what happens to packets on the way: middleboxes on a link (lib/sim/middlebox.ts) that
 * change, hold back, drop or make up packets, and the NAT box (lib/sim/nat.ts).
 * Each key once, English and German side by side; lib/narration/notes.ts merges the areas.
 * @module
 */
import type { NoteTable } from '../note-table';

export const transportNotes = {
  'transport.rewrite': {
    en: '{middlebox} changes this {proto} packet from {from} to {to} on its way: what arrives is not what was sent.',
    de: '{middlebox} verändert dieses {proto}-Paket von {from} an {to} unterwegs: Was ankommt, ist nicht, was gesendet wurde.',
  },
  'transport.delay': {
    en: '{middlebox} holds this {proto} packet from {from} to {to} back for {ms} ms.',
    de: '{middlebox} hält dieses {proto}-Paket von {from} an {to} {ms} ms lang zurück.',
  },
  'transport.drop': {
    en: '{middlebox} drops this {proto} packet from {from} to {to}: it never arrives.',
    de: '{middlebox} verwirft dieses {proto}-Paket von {from} an {to}: Es kommt nie an.',
  },
  'transport.inject': {
    en: '{middlebox} sends a {proto} packet of its own to {to}, made to look as if it came from {from}.',
    de: '{middlebox} schickt ein eigenes {proto}-Paket an {to}, das aussieht, als käme es von {from}.',
  },
  'transport.nat-mapping': {
    en: '{middlebox} opens a {proto} mapping: {inside} inside is {outside} outside, for every destination (RFC 4787: endpoint-independent).',
    de: '{middlebox} legt eine {proto}-Zuordnung an: {inside} innen ist außen {outside}, für jedes Ziel (RFC 4787: endpunktunabhängig).',
  },
  'transport.nat-mapping-address': {
    en: '{middlebox} opens a {proto} mapping: {inside} inside is {outside} outside, only toward {peer} (RFC 4787: address-dependent; another destination address gets another port).',
    de: '{middlebox} legt eine {proto}-Zuordnung an: {inside} innen ist außen {outside}, nur in Richtung {peer} (RFC 4787: adressabhängig; eine andere Zieladresse bekommt einen anderen Port).',
  },
  'transport.nat-mapping-port': {
    en: '{middlebox} opens a {proto} mapping: {inside} inside is {outside} outside, only toward {peer} (RFC 4787: address- and port-dependent, a symmetric NAT; the address a STUN server saw is not the one a peer will see).',
    de: '{middlebox} legt eine {proto}-Zuordnung an: {inside} innen ist außen {outside}, nur in Richtung {peer} (RFC 4787: adress- und portabhängig, ein symmetrisches NAT; die Adresse, die ein STUN-Server sah, ist nicht die, die ein Gegenüber sieht).',
  },
  'transport.nat-filtered-address': {
    en: '{middlebox} drops the {proto} packet from {from} to {to}: the mapping exists, but nothing has gone out through it to {peer} yet (RFC 4787: address-dependent filtering).',
    de: '{middlebox} verwirft das {proto}-Paket von {from} an {to}: Die Zuordnung gibt es, aber über sie ging noch nichts an {peer} hinaus (RFC 4787: adressabhängige Filterung).',
  },
  'transport.nat-filtered-port': {
    en: '{middlebox} drops the {proto} packet from {from} to {to}: the mapping exists, but nothing has gone out through it to {peer} yet (RFC 4787: address- and port-dependent filtering).',
    de: '{middlebox} verwirft das {proto}-Paket von {from} an {to}: Die Zuordnung gibt es, aber über sie ging noch nichts an {peer} hinaus (RFC 4787: adress- und portabhängige Filterung).',
  },
  'transport.nat-out': {
    en: '{middlebox} replaces the sender {from} by its public address {to}: the far end sees only the NAT.',
    de: '{middlebox} ersetzt den Absender {from} durch seine öffentliche Adresse {to}: Die Gegenseite sieht nur das NAT.',
  },
  'transport.nat-in': {
    en: '{middlebox} translates the destination {from} back to {to}, the address behind it.',
    de: '{middlebox} übersetzt das Ziel {from} zurück in {to}, die Adresse dahinter.',
  },
  'transport.nat-no-mapping': {
    en: '{middlebox} has no {proto} mapping for {to} and drops the packet.',
    de: '{middlebox} hat keine {proto}-Zuordnung für {to} und verwirft das Paket.',
  },
} satisfies NoteTable;
