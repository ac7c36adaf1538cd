/**
 * Lesson 13 (otr-limits) quotes the `otr-offline` preset (seed 1, the widget's seed): steps, times, stamps,
 * addresses, instance tags and key ids. Each is pinned here, so a change to the preset or the engine that
 * would make the lesson say something false fails this test. Step k = event k − 1.
 */
import { describe, expect, it } from 'vitest';
import { predictAnswer, stanzaAt } from '@/app/_components/lesson/lesson-data';
import { WIDGET_SEED } from '@/app/_components/scenario/ScenarioWidget';
import { ledgerOf } from '@/lib/knowledge/ledger';
import { dissect } from '@/lib/otr/inspect';
import { getPreset } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';
import type { Note } from '@/lib/sim/types';

const scenario = getPreset('otr-offline')!;
const trace = runScenario(scenario, { seed: WIDGET_SEED }).trace;
const at = (step: number) => trace.events[step - 1]!;
/** The stanza of a step as its receiver read it (inside TLS). */
const xml = (step: number): string => {
  const s = stanzaAt('otr-offline', step);
  if (typeof s === 'string') throw new Error(s);
  return s.xml;
};
const body = (step: number): string => /<body>([\s\S]*?)<\/body>/.exec(xml(step))?.[1] ?? '';
const to = (step: number): string | undefined => /^<message [^>]*to='([^']+)'/.exec(xml(step))?.[1];
const notes = (key: string) =>
  trace.events.flatMap((e) => [e.note, ...e.effects].filter((n: Note) => n.key === key).map((n) => ({ step: e.seq + 1, params: n.params as Record<string, unknown> })));
const otr = (step: number) => {
  const d = dissect(body(step));
  if (d.kind !== 'encoded') throw new Error(`step ${step} is ${d.kind}`);
  return { type: d.typeName, sender: d.header.senderInstance.toString(16), receiver: d.header.receiverInstance.toString(16), fields: Object.fromEntries(d.fields.map((f) => [f.name, f.value])) };
};

describe('lesson 13 quotes otr-offline', () => {
  it('step 21: the Query Message goes to bob’s bare JID with the XEP-0364 hints, and the server stores it (bob is offline)', () => {
    expect([at(21).from, at(21).to, to(21)]).toEqual(['alice', 'a.example', 'bob@a.example']);
    expect(body(21).startsWith('?OTRv23?')).toBe(true);
    for (const hint of ["<no-copy xmlns='urn:xmpp:hints'/>", "<no-permanent-store xmlns='urn:xmpp:hints'/>", "<private xmlns='urn:xmpp:carbons:2'/>"]) expect(xml(21)).toContain(hint);
    expect(notes('server.stored-offline').map((n) => n.step)).toEqual([21, 23]);
    expect(trace.events.slice(0, 21).some((e) => e.from === 'bob' || e.to === 'bob')).toBe(false);
  });

  it('step 23: “Are you free tonight?” goes out as plain chat, without any OTR, and is stored', () => {
    expect(xml(23)).toBe("<message type='chat' to='bob@a.example' id='alice-3'>\n  <body>Are you free tonight?</body>\n</message>");
  });

  it('the server’s ledger: two stored messages, delivered when bob logs in two minutes later', () => {
    const offline = ledgerOf(scenario, trace, 'a.example')!.facts.filter((f) => f.kind === 'offline');
    expect(offline.map((f) => [f.seq + 1, (f as { state: string }).state])).toEqual([
      [21, 'stored'],
      [23, 'stored'],
      [43, 'delivered'],
      [44, 'delivered'],
    ]);
    expect(scenario.script.find((s) => s.node === 'bob')?.at).toBe(120_000);
  });

  it('steps 43–44: delivered with delay stamps 09:00:01 and 09:00:03', () => {
    expect(notes('server.offline-delivered').map((n) => [n.step, n.params.stamp])).toEqual([
      [43, '2026-01-01T09:00:01Z'],
      [44, '2026-01-01T09:00:03Z'],
    ]);
    expect(xml(43)).toContain("<delay xmlns='urn:xmpp:delay' from='a.example' stamp='2026-01-01T09:00:01Z'/>");
  });

  it('the AKE: 45, 47, 49, 51 in 170 ms, from bob’s D-H Commit to alice’s full JID; secure at 50 (alice) and 52 (bob)', () => {
    expect([45, 47, 49, 51].map((k) => [at(k).from, otr(k).type])).toEqual([
      ['bob', 'DH-Commit'],
      ['alice', 'DH-Key'],
      ['bob', 'Reveal-Signature'],
      ['alice', 'Signature'],
    ]);
    expect(to(45)).toBe('alice@a.example/laptop');
    expect(at(52).time - at(45).time).toBe(170);
    expect(notes('otr.gone-secure').map((n) => [n.step, n.params.client])).toEqual([
      [50, 'alice'],
      [52, 'bob'],
    ]);
  });

  it('step 54: the first data message, to bob’s phone, instance tags eee6d22b → 6742b94a, keys 1/1, announcing key 2', () => {
    expect(to(54)).toBe('bob@a.example/phone');
    const m = otr(54);
    expect([m.type, m.sender, m.receiver, m.fields['Sender keyid'], m.fields['Rcpt keyid']]).toEqual(['Data', 'eee6d22b', '6742b94a', 1, 1]);
    expect(otr(45).sender).toBe('6742b94a');
    expect(otr(47).sender).toBe('eee6d22b');
    expect(notes('otr.text-send').map((n) => [n.step, n.params.body, n.params.nextKeyid])).toEqual([[54, 'Now it is private.', 2]]);
  });

  it('the Predicts: the server reads the stored plaintext, not the OTR message', () => {
    expect(predictAnswer({ scenario: 'otr-offline', step: 23, observer: 'a.example', kind: 'can-read' })).toEqual({ yes: true, evidence: { type: 'read', text: 'Are you free tonight?' } });
    expect(predictAnswer({ scenario: 'otr-offline', step: 54, observer: 'a.example', kind: 'can-read' })).toMatchObject({ yes: false, evidence: { type: 'sealed' } });
  });
});
