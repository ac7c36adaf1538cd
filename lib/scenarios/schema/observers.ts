/**
 * Observers: everyone the scenario adds to watch or attack it, in one list with one shape,
 * discriminated on `kind`. A tap records one link; a thief records a link and robs devices; a forger
 * records a link and edits what it recorded; a man in the middle is the operator of a server
 * answering OTR between two of its accounts (lib/xmpp/server/otr-mitm.ts).
 * Clients, servers and operators (a server's logs) are observers too, but they come with the nodes.
 * @module
 */
import { integer, list, number, object, optional, pair, text, union, type Infer } from './dsl';
import { MAX_BODY, MAX_SECRET, MAX_TIME, stolenKind } from './actions';
import { L } from './label';

const id = text({ label: L('Name', 'Name'), description: L('The observer’s name, unique among nodes and observers.', 'Der Name des Beobachters, eindeutig unter Knoten und Beobachtern.') }, { format: 'id' });
const link = text({ label: L('Recorded link', 'Mitgeschnittene Leitung'), description: L('The id of the link whose every byte it records.', 'Die Kennung der Leitung, deren Bytes er alle aufzeichnet.'), ref: 'link' });

const theft = object(
  { label: L('Theft', 'Diebstahl') },
  {
    node: text({ label: L('Robbed client', 'Beraubter Client'), description: L('The client whose device is robbed.', 'Der Client, dessen Gerät beraubt wird.'), ref: 'client' }),
    at: number({ label: L('At (ms)', 'Zeitpunkt (ms)'), description: L('The thief gets what the device held at this moment.', 'Der Dieb bekommt, was das Gerät in diesem Moment enthielt.') }, 0, MAX_TIME),
    what: list({ label: L('What is stolen', 'Was gestohlen wird') }, stolenKind, 1),
  },
);

/** An edit of a recorded message: replace `find` by `replace` (same length in UTF-8 bytes: an XOR edit of a stream cipher keeps the length). */
const edit = object(
  { label: L('Edit', 'Änderung') },
  {
    message: integer({ label: L('Recorded message', 'Aufgezeichnete Nachricht'), description: L('Index into the recorded OTR Data Messages and signed messages, in order, from 0.', 'Index in die aufgezeichneten OTR-Datennachrichten und signierten Nachrichten, der Reihe nach, ab 0.') }, 0, 1000),
    find: text({ label: L('Find', 'Suchen') }, { minLength: 1, maxLength: MAX_SECRET }),
    replace: text({ label: L('Replace with', 'Ersetzen durch'), description: L('As long as find in UTF-8 bytes.', 'So lang wie „Suchen“, in UTF-8-Bytes.') }),
    known: optional(text({ label: L('Known plaintext', 'Bekannter Klartext'), description: L('What the forger knows or guesses the message says (it cannot decrypt OTR); absent: find starts it.', 'Was der Fälscher über den Inhalt weiß oder vermutet (OTR kann er nicht entschlüsseln); fehlt er: die Nachricht beginnt mit „Suchen“.') }, { maxLength: MAX_BODY })),
  },
);

export const observer = union({ label: L('Observer', 'Beobachter') }, 'kind', {
  tap: object({ label: L('Tap', 'Lauscher'), description: L('Records every byte on one link.', 'Zeichnet jedes Byte auf einer Leitung auf.') }, { id, link }),
  thief: object(
    { label: L('Thief', 'Dieb'), description: L('Records one link like a tap and steals keys from devices; with them it opens what it recorded and records later.', 'Zeichnet eine Leitung auf wie ein Lauscher und stiehlt Schlüssel von Geräten; damit öffnet er, was er aufgezeichnet hat und noch aufzeichnet.') },
    { id, link, steals: list({ label: L('Thefts', 'Diebstähle') }, theft, 1) },
  ),
  forger: object(
    { label: L('Forger', 'Fälscher'), description: L('Records one link like a tap, then edits recorded messages and checks whether the forgeries verify.', 'Zeichnet eine Leitung auf wie ein Lauscher, ändert dann aufgezeichnete Nachrichten und prüft, ob die Fälschungen bestehen.') },
    { id, link, edits: list({ label: L('Edits', 'Änderungen') }, edit, 1) },
  ),
  mitm: object(
    { label: L('Man in the middle', 'Man-in-the-Middle'), description: L('The operator of a server answers OTR between two of its accounts itself.', 'Der Betreiber eines Servers beantwortet OTR zwischen zwei seiner Konten selbst.') },
    {
      id,
      server: text({ label: L('Server', 'Server'), description: L('The server whose operator is in the middle.', 'Der Server, dessen Betreiber in der Mitte sitzt.'), ref: 'server' }),
      between: pair({ label: L('Between', 'Zwischen'), description: L('Two accounts of that server (bare JIDs).', 'Zwei Konten dieses Servers (reine JIDs).') }, text({ label: L('Account', 'Konto') }, { format: 'bare-jid' })),
    },
  ),
});

export type ObserverSpec = Infer<typeof observer>;
export type ObserverKind = ObserverSpec['kind'];
export type TapSpec = Extract<ObserverSpec, { kind: 'tap' }>;
export type ThiefSpec = Extract<ObserverSpec, { kind: 'thief' }>;
export type ForgerSpec = Extract<ObserverSpec, { kind: 'forger' }>;
export type MitmSpec = Extract<ObserverSpec, { kind: 'mitm' }>;
export type TheftSpec = Infer<typeof theft>;
export type ForgerEdit = Infer<typeof edit>;
