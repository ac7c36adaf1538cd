/**
 * Lesson 14 ("Summary: security, privacy and surveillance") quotes a.example's metadata ledger of
 * otr-ake (seed 1, the widget's seed). Each number is pinned here, so a change to the preset or to the
 * ledger that would make the lesson say something false fails this test. Steps are widget steps.
 */
import { describe, expect, it } from 'vitest';
import { predictAnswer } from '@/app/_components/lesson/lesson-data';
import { WIDGET_SEED } from '@/app/_components/scenario/ScenarioWidget';
import { ledgerOf } from '@/lib/knowledge/ledger';
import { getPreset } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';

const scenario = getPreset('otr-ake')!;
const trace = runScenario(scenario, { seed: WIDGET_SEED }).trace;
const ledger = ledgerOf(scenario, trace, 'a.example')!;
const facts = <K extends string>(kind: K) => ledger.facts.filter((f) => f.kind === kind) as Extract<(typeof ledger.facts)[number], { kind: K }>[];

describe('lesson 14 quotes a.example’s ledger of otr-ake', () => {
  it('who with whom and how often: alice → bob eight OTR messages, bob → alice four', () => {
    expect(facts('contact').map((c) => [c.from, c.to, c.count])).toEqual([
      ['alice@a.example', 'bob@a.example', 8],
      ['bob@a.example', 'alice@a.example', 4],
    ]);
  });

  it('alice’s eight: the query, two AKE messages, four texts and the goodbye', () => {
    // Each message shows twice in the ledger: as it arrives from alice's client and as a.example delivers it.
    const arriving = facts('message').filter((m) => m.from === 'alice@a.example').map((m) => m.e2e);
    expect(arriving).toEqual(['otr-query', 'otr-dh-key', 'otr-signature', 'otr-data', 'otr-data', 'otr-data', 'otr-data', 'otr-data']);
    expect(facts('message')).toHaveLength(24);
  });

  it('every message with time and size, none with content; from the query at 1.52 s to the goodbye at 6.05 s', () => {
    const ms = facts('message');
    expect(ms.every((m) => m.content === null && m.size > 0)).toBe(true);
    expect([ms[0]!.time, ms.at(-1)!.time]).toEqual([1520, 6050]);
  });

  it('both devices and both IP addresses', () => {
    expect(facts('resource').map((r) => r.jid)).toEqual(['alice@a.example/laptop', 'bob@a.example/phone']);
    expect(facts('address').filter((a) => a.node !== 'a.example').map((a) => [a.node, a.ip])).toEqual([
      ['alice', '192.0.2.10'],
      ['bob', '192.0.2.20'],
    ]);
    expect(facts('connection').map((c) => c.src.split(':')[0])).toEqual(['192.0.2.10', '192.0.2.20']);
  });

  it('the steps the text names: query 28, AKE 30–36, first message at 39 and 40, goodbye 57', () => {
    const at = (k: number) => trace.events[k - 1]!;
    expect([28, 30, 32, 34, 36, 39, 40, 57].map((k) => `${at(k).from}→${at(k).to} ${at(k).note.key}`)).toMatchSnapshot();
  });

  it('the Predicts: a.example cannot read the text at step 40 but knows bob’s full JID', () => {
    expect(predictAnswer({ scenario: 'otr-ake', step: 40, observer: 'a.example', kind: 'can-read' })).toEqual({ yes: false, evidence: { type: 'sealed', size: 604 } });
    expect(predictAnswer({ scenario: 'otr-ake', step: 40, observer: 'a.example', kind: 'knows', about: 'jid:bob@a.example/phone' })).toMatchObject({ yes: true });
  });
});
