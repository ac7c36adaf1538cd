/** Preset `muc-basic`: a room on conference.a.example — created, entered, written in; a late joiner gets the history (XEP-0045). @module */
import type { Scenario } from '../../sim/types';
import { aliceBobAnd } from './cast';
import { atAction, TITLE } from './chapters';

export const ROOM = 'lab@conference.a.example';

export const mucBasic: Scenario = {
  version: 2,
  id: 'muc-basic',
  title: { en: 'A group chat room', de: 'Ein Gruppenchat-Raum' },
  summary: {
    en: 'alice creates the room lab@conference.a.example, becomes its owner and opens it. bob comes in; they write, and the room service copies each message to every occupant. bob whispers to alice through the room. carol arrives late and still reads what was said: the room keeps a history. The room is semi-anonymous: only alice, the moderator, sees who is behind each nickname.',
    de: 'alice legt den Raum lab@conference.a.example an, wird seine Besitzerin und öffnet ihn. bob kommt dazu; die beiden schreiben, und der Raumdienst schickt jede Nachricht an alle Anwesenden. bob flüstert alice über den Raum etwas zu. carol kommt später und liest trotzdem, was gesagt wurde: Der Raum hebt einen Verlauf auf. Der Raum ist halb-anonym: Nur alice als Moderatorin sieht, wer hinter jedem Spitznamen steckt.',
  },
  topology: {
    ...aliceBobAnd({ user: 'carol', password: 'carpenter', resource: 'desk', ip: '192.0.2.30', latencyMs: 25 }),
    observers: [{ id: 'tap:bob~a.example', kind: 'tap', link: 'bob~a.example' }],
  },
  settings: { tls: 'required', sasl: 'SCRAM-SHA-256' },
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 100, node: 'bob', action: { type: 'connect' } },
    { at: 1500, node: 'alice', action: { type: 'muc-join', room: ROOM, nick: 'Alice' } },
    { at: 2000, node: 'alice', action: { type: 'muc-configure', room: ROOM } },
    { at: 2500, node: 'bob', action: { type: 'muc-join', room: ROOM, nick: 'Bob' } },
    { at: 3000, node: 'alice', action: { type: 'muc-subject', room: ROOM, subject: 'Exam preparation' } },
    { at: 3500, node: 'alice', action: { type: 'muc-send', room: ROOM, body: 'Welcome, Bob! Questions about chapter 3?' } },
    { at: 4000, node: 'bob', action: { type: 'muc-send', room: ROOM, body: 'Yes: what does a server learn from a room?' } },
    { at: 4500, node: 'bob', action: { type: 'muc-private', room: ROOM, nick: 'Alice', body: 'Can we meet after the lecture?' } },
    { at: 5000, node: 'carol', action: { type: 'connect' } },
    { at: 6500, node: 'carol', action: { type: 'muc-join', room: ROOM, nick: 'Carol' } },
    { at: 7000, node: 'carol', action: { type: 'muc-send', room: ROOM, body: 'Sorry I am late — I just read the history.' } },
    { at: 7500, node: 'bob', action: { type: 'muc-leave', room: ROOM } },
  ],
  chapters: [
    atAction('login', TITLE.login, 0),
    atAction('create', { en: 'A new room', de: 'Ein neuer Raum' }, 2),
    atAction('enter', { en: 'bob enters', de: 'bob kommt herein' }, 4),
    atAction('messages', TITLE.messages, 5),
    atAction('private', { en: 'A private message', de: 'Eine private Nachricht' }, 8),
    atAction('late', { en: 'carol comes late', de: 'carol kommt später' }, 9),
    atAction('leave', { en: 'bob leaves', de: 'bob geht' }, 12),
  ],
};
