/** Preset `muc-moderation`: a moderated room; a troll gets voice, loses it, is refused, kicked and banned (XEP-0045 §8, §9). @module */
import type { Scenario } from '../../sim/types';
import { aliceBobAnd } from './cast';
import { atAction, TITLE } from './chapters';
import { ROOM } from './muc-basic';

export const mucModeration: Scenario = {
  version: 2,
  id: 'muc-moderation',
  title: { en: 'Moderating a room: voice, kick, ban', de: 'Einen Raum moderieren: Rederecht, Rauswurf, Verbannung' },
  summary: {
    en: 'alice owns a moderated room: whoever is not a member enters as a visitor and may only read. She makes bob a member. mallory comes in as a visitor; his first message is refused. alice gives him voice, he spams, she takes it back, and his next message is refused again. She kicks him; he simply comes back, because a kick is not a ban. Then she bans his bare JID, and the room refuses him at the door.',
    de: 'alice besitzt einen moderierten Raum: Wer kein Mitglied ist, kommt als Besucher herein und darf nur lesen. bob macht sie zum Mitglied. mallory kommt als Besucher; seine erste Nachricht wird abgelehnt. alice erteilt ihm das Rederecht, er schreibt Werbemüll, sie entzieht es ihm wieder, und seine nächste Nachricht wird erneut abgelehnt. Sie wirft ihn hinaus; er kommt einfach zurück, denn ein Rauswurf ist keine Verbannung. Dann verbannt sie seine bare JID, und der Raum weist ihn schon an der Tür ab.',
  },
  topology: {
    ...aliceBobAnd({ user: 'mallory', password: 'trollface', resource: 'cave', ip: '192.0.2.66', latencyMs: 35 }),
    observers: [],
  },
  settings: { tls: 'required', sasl: 'SCRAM-SHA-256' },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 100, node: 'bob', action: { type: 'connect' } },
    { at: 200, node: 'mallory', action: { type: 'connect' } },
    { at: 1500, node: 'alice', action: { type: 'muc-join', room: ROOM, nick: 'Alice' } },
    { at: 2000, node: 'alice', action: { type: 'muc-configure', room: ROOM, moderated: true } },
    { at: 2300, node: 'alice', action: { type: 'muc-member', room: ROOM, jid: 'bob@a.example' } },
    { at: 2600, node: 'bob', action: { type: 'muc-join', room: ROOM, nick: 'Bob' } },
    { at: 3000, node: 'mallory', action: { type: 'muc-join', room: ROOM, nick: 'Troll' } },
    { at: 3500, node: 'mallory', action: { type: 'muc-send', room: ROOM, body: 'first!!!' } },
    { at: 4000, node: 'alice', action: { type: 'muc-grant-voice', room: ROOM, nick: 'Troll' } },
    { at: 4500, node: 'mallory', action: { type: 'muc-send', room: ROOM, body: 'This room is boring. BUY CHEAP WATCHES!!!' } },
    { at: 5000, node: 'alice', action: { type: 'muc-revoke-voice', room: ROOM, nick: 'Troll' } },
    { at: 5500, node: 'mallory', action: { type: 'muc-send', room: ROOM, body: 'You cannot silence me' } },
    { at: 6000, node: 'alice', action: { type: 'muc-kick', room: ROOM, nick: 'Troll' } },
    { at: 7000, node: 'mallory', action: { type: 'muc-join', room: ROOM, nick: 'Troll' } },
    { at: 7500, node: 'alice', action: { type: 'muc-ban', room: ROOM, jid: 'mallory@a.example' } },
    { at: 8500, node: 'mallory', action: { type: 'muc-join', room: ROOM, nick: 'NotTheTroll' } },
    { at: 9000, node: 'bob', action: { type: 'muc-send', room: ROOM, body: 'Thanks, Alice. Peace at last.' } },
  ],
  chapters: [
    atAction('login', TITLE.login, 0),
    atAction('room', { en: 'A moderated room', de: 'Ein moderierter Raum' }, 3),
    atAction('visitor', { en: 'A visitor may not speak', de: 'Ein Besucher darf nicht sprechen' }, 7),
    atAction('voice', { en: 'Voice given and taken', de: 'Rederecht erteilt und entzogen' }, 9),
    atAction('kick', { en: 'Kicked', de: 'Hinausgeworfen' }, 13),
    atAction('ban', { en: 'Banned', de: 'Verbannt' }, 15),
  ],
};
