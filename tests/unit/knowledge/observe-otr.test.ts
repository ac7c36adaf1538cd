/** What each observer learns from OTR and static-key conversations: keys decide, not position on the wire. */
import { describe, expect, it } from 'vitest';
import { listObservers, observe, type ObservedMessage } from '@/lib/knowledge/observe';
import { otrAke } from '@/lib/scenarios/presets/otr-ake';
import { otrForwardSecrecy } from '@/lib/scenarios/presets/otr-forward-secrecy';
import { otrPostCompromise } from '@/lib/scenarios/presets/otr-post-compromise';
import { runScenario } from '@/lib/scenarios/run';
import type { Scenario } from '@/lib/sim/types';

const seen = (scenario: Scenario, name: string) => observe(scenario, runScenario(scenario, { seed: 1 }).trace, name)!;
const otr = (ms: ObservedMessage[]) => ms.filter((m) => m.kind?.startsWith('otr-'));
const data = (ms: ObservedMessage[]) => ms.filter((m) => m.kind === 'otr-data');
const typed = (s: Scenario, type: string) => s.script.flatMap((st) => (st.action.type === type && 'body' in st.action ? [st.action.body] : []));

describe('observing otr-ake', () => {
  const trace = runScenario(otrAke, { seed: 1 }).trace;
  const bodies = typed(otrAke, 'send-message');

  it('the two clients read every data message; the end message is empty text (TLV 1 only)', () => {
    for (const who of ['alice', 'bob']) {
      const ms = data(observe(otrAke, trace, who)!.messages);
      expect(ms.map((m) => m.content)).toEqual([...bodies, '']);
      expect(ms.map((m) => m.keys)).toEqual(['1/1', '1/2', '2/2', '2/2', '2/3', '3/3', '3/3']);
    }
  });

  it('the server, its operator and the tap see OTR kinds and key ids, never content', () => {
    for (const who of ['a.example', 'operator:a.example', 'tap:alice~a.example']) {
      const o = observe(otrAke, trace, who)!;
      expect(otr(o.messages).length).toBeGreaterThan(0);
      for (const m of otr(o.messages)) expect(m.content).toBeNull();
      expect(o.metadata.keys.filter((k) => k.startsWith('otr'))).toEqual([]);
    }
    const tap = observe(otrAke, trace, 'tap:alice~a.example')!;
    expect(otr(tap.messages).map((m) => m.kind)).toEqual(['otr-query', 'otr-dh-commit', 'otr-dh-key', 'otr-reveal-signature', 'otr-signature', ...Array(7).fill('otr-data')]);
    // plain messages keep their old shape (no kind field)
    expect(Object.keys(tap.messages[0]!)).toEqual(['seq', 'time', 'from', 'to', 'size', 'content', 'kind']);
  });

  it('a client lists the DH keys it made and its DSA key', () => {
    expect(observe(otrAke, trace, 'alice')!.metadata.keys).toEqual(['otr-dh:alice#1:bob@a.example', 'otr-dh:alice#2:bob@a.example', 'otr-dh:alice#3:bob@a.example', 'otr-dh:alice#4:bob@a.example', 'otr-dsa:alice']);
  });
});

describe('observing otr-forward-secrecy', () => {
  it('lists the thief as an observer of kind thief', () => {
    expect(listObservers(otrForwardSecrecy)).toContainEqual({ name: 'thief', kind: 'thief' });
    expect(listObservers(otrForwardSecrecy)).toContainEqual({ name: 'tap', kind: 'tap' });
  });

  it('the recipients decrypt every static-key message, even after their OTR session ended', () => {
    const { trace } = runScenario(otrForwardSecrecy, { seed: 1 });
    const shown = trace.events.flatMap((e) => e.effects.filter((n) => n.key === 'static.message-received').map((n) => n.params?.body));
    expect(shown).toEqual(typed(otrForwardSecrecy, 'send-static'));
    // bob's key opens the two messages to him; his own two were sealed to alice's key (no encrypt-to-self)
    expect(observe(otrForwardSecrecy, trace, 'bob')!.messages.filter((m) => m.kind === 'static-message' && m.content !== null).map((m) => m.from)).toEqual(['alice@a.example/laptop', 'alice@a.example/laptop']);
  });

  it('the tap: content null for every OTR and every static-key message', () => {
    const tap = seen(otrForwardSecrecy, 'tap');
    const e2e = tap.messages.filter((m) => m.kind);
    expect(e2e.length).toBe(tap.messages.length);
    for (const m of e2e) expect(m.content).toBeNull();
    expect(data(tap.messages)).toHaveLength(5);
    expect(tap.messages.filter((m) => m.kind === 'static-message')).toHaveLength(4);
  });

  it('the thief holds both DSA keys and both static keys, no DH key — it opens every static message and no OTR message', () => {
    const thief = seen(otrForwardSecrecy, 'thief');
    expect(thief.metadata.keys).toEqual(['otr-dsa:alice', 'otr-dsa:bob', 'static:alice', 'static:bob']);
    expect(thief.messages.filter((m) => m.kind === 'static-message').map((m) => m.content)).toEqual(typed(otrForwardSecrecy, 'send-static'));
    const otrMessages = otr(thief.messages);
    expect(otrMessages).toHaveLength(10);
    for (const m of otrMessages) expect(m.content).toBeNull();
  });

  it('a thief during the conversation (4.7 s) would have read what alice’s live keys #3 and #4 still open', () => {
    const early = structuredClone(otrForwardSecrecy);
    early.topology.observers = early.topology.observers.map((o) => (o.kind === 'thief' ? { ...o, steals: [{ node: 'alice', at: 4700, what: ['otr-session'] }] } : o));
    const read = data(seen(early, 'thief').messages).filter((m) => m.content !== null);
    expect(read.map((m) => [m.keys, m.content])).toEqual([
      ['2/3', 'OTR: done.'],
      ['3/3', ''],
    ]);
  });
});

describe('observing otr-post-compromise', () => {
  it('the thief with alice’s DH keys #2 and #3 reads exactly the messages that use them, then is locked out', () => {
    const thief = seen(otrPostCompromise, 'thief');
    expect(thief.metadata.keys).toEqual(['otr-dh:alice#2:bob@a.example', 'otr-dh:alice#3:bob@a.example']);
    const ms = data(thief.messages);
    expect(ms.map((m) => [m.keys, m.content])).toEqual([
      ['1/1', null],
      ['1/2', 'Yes, room 4.'],
      ['2/2', 'Who else is coming?'],
      ['2/3', 'Only Carol.'],
      ['3/3', 'Then bring the draft.'],
      ['3/4', null],
      ['4/4', null],
      ['4/5', null],
      ['5/5', null],
      ['5/6', null],
    ]);
    // the theft at 4.2 s sits between the readable ones: some before, some after
    expect(ms.filter((m) => m.content !== null).map((m) => m.time < 4200)).toEqual([true, true, false, false]);
    for (const m of data(seen(otrPostCompromise, 'tap').messages)) expect(m.content).toBeNull();
  });

  it('the theft is a step of its own; a trace that stops before it gives the thief nothing yet', () => {
    const { trace } = runScenario(otrPostCompromise, { seed: 1 });
    const theft = trace.events.find((e) => e.note.key === 'action.keys-stolen')!;
    expect(theft).toMatchObject({ time: 4200, from: 'alice', kind: 'action' });
    expect(theft.effects).toEqual([{ key: 'thief.otr-session', params: { node: 'alice', thief: 'thief', keys: '#2, #3 (bob@a.example)' } }]);
    const before = observe(otrPostCompromise, { ...trace, events: trace.events.slice(0, theft.seq) }, 'thief')!;
    expect(before.metadata.keys).toEqual([]);
    expect(before.messages.every((m) => m.content === null)).toBe(true);
    const after = observe(otrPostCompromise, { ...trace, events: trace.events.slice(0, theft.seq + 1) }, 'thief')!;
    expect(data(after.messages).filter((m) => m.content !== null).map((m) => m.content)).toEqual(['Yes, room 4.', 'Who else is coming?']);
  });
});
