/**
 * The MUC presets end to end (XEP-0045 through real client and server machines): who shows which
 * messages (history for the late joiner), who learns which real JIDs in a semi-anonymous room, and the
 * troll's refused message, kick and ban in muc-moderation.
 */
import { describe, expect, it } from 'vitest';
import { factsOf, type FactType } from '@/lib/sim/facts';
import { mucBasic } from '@/lib/scenarios/presets/muc-basic';
import { mucModeration } from '@/lib/scenarios/presets/muc-moderation';
import { runScenario } from '@/lib/scenarios/run';
import type { TraceEvent } from '@/lib/sim/types';

const facts = <T extends FactType>(events: readonly TraceEvent[], type: T) => events.flatMap((e) => factsOf(e.facts, type));
const noteKeys = (events: readonly TraceEvent[]) => events.flatMap((e) => [e.note.key, ...e.effects.map((n) => n.key)]);

describe('muc-basic', () => {
  const { trace } = runScenario(mucBasic, { seed: 1 });
  const shown = facts(trace.events, 'message-shown');
  it('runs without an engine error', () => expect(facts(trace.events, 'engine-error')).toEqual([]));
  it('carol, who came late, reads the earlier messages from the history, stamped; the others got them live', () => {
    const carol = shown.filter((f) => f.node === 'carol');
    expect(carol.map((f) => [f.body, f.delayed !== undefined])).toEqual([
      ['Welcome, Bob! Questions about chapter 3?', true],
      ['Yes: what does a server learn from a room?', true],
      ['Sorry I am late — I just read the history.', false],
    ]);
    expect(shown.filter((f) => f.node === 'bob' && f.body.startsWith('Welcome')).map((f) => f.delayed)).toEqual([undefined]);
  });
  it('the private message reaches alice only, from bob’s occupant JID', () => {
    expect(shown.filter((f) => f.body === 'Can we meet after the lecture?').map((f) => [f.node, f.from])).toEqual([['alice', 'lab@conference.a.example/Bob']]);
  });
  it('semi-anonymous: only alice, the moderator, learns real JIDs', () => {
    const seen = facts(trace.events, 'muc-occupant-seen');
    const withJid = seen.filter((f) => f.jid !== undefined).map((f) => `${f.node} ${f.nick}=${f.jid}`);
    expect(withJid).toEqual(['alice Bob=bob@a.example/phone', 'alice Carol=carol@a.example/desk']);
    expect(seen.filter((f) => f.node !== 'alice').every((f) => f.jid === undefined)).toBe(true);
  });
});

describe('muc-moderation', () => {
  const { trace } = runScenario(mucModeration, { seed: 1 });
  const shown = facts(trace.events, 'message-shown');
  const keys = noteKeys(trace.events);
  it('runs without an engine error', () => expect(facts(trace.events, 'engine-error')).toEqual([]));
  it('the visitor’s messages are refused and reach nobody; the one sent with voice reaches everyone', () => {
    expect(keys.filter((k) => k === 'muc.refused-visitor')).toHaveLength(2);
    expect(shown.some((f) => f.body === 'first!!!' || f.body === 'You cannot silence me')).toBe(false);
    expect(shown.filter((f) => f.body.startsWith('This room is boring') && f.delayed === undefined).map((f) => f.node)).toEqual(['alice', 'bob', 'mallory']);
  });
  it('mallory is kicked, comes back, is banned, and is refused at the door', () => {
    const order = keys.filter((k) => ['muc.client-kicked', 'muc.client-banned', 'muc.refused-banned', 'muc.client-join-refused'].includes(k!));
    expect(order).toEqual(['muc.client-kicked', 'muc.client-banned', 'muc.refused-banned', 'muc.client-join-refused']);
  });
  it('bob still speaks at the end, to alice and himself only', () => {
    expect(shown.filter((f) => f.body === 'Thanks, Alice. Peace at last.').map((f) => f.node)).toEqual(['alice', 'bob']);
  });
});
