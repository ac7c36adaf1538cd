/**
 * Lesson 3 (xmpp-history) walks through the `c2s-login` preset (seed 1, the widget's seed) and says which
 * document defines each step. Every step number and every quoted element is pinned here, so a change to
 * the preset or the engine that would make the lesson's table wrong fails this test. Step k = event k − 1.
 */
import { describe, expect, it } from 'vitest';
import { predictAnswer, stanzaAt } from '@/app/_components/lesson/lesson-data';
import { WIDGET_SEED } from '@/app/_components/scenario/ScenarioWidget';
import { getPreset } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';

const trace = runScenario(getPreset('c2s-login')!, { seed: WIDGET_SEED }).trace;
const wire = (step: number): string => new TextDecoder().decode(trace.events[step - 1]!.wire);
/** The first element of a step as its receiver read it (inside TLS). */
const el = (step: number): string => {
  const s = stanzaAt('c2s-login', step);
  if (typeof s === 'string') throw new Error(s);
  return s.xml;
};
const dir = (step: number) => [trace.events[step - 1]!.from, trace.events[step - 1]!.to];

describe('lesson 3 quotes c2s-login', () => {
  it('steps 2–3: both stream headers say version 1.0, in clear; the features offer only STARTTLS, required', () => {
    expect(dir(2)).toEqual(['alice', 'a.example']);
    expect(wire(2)).toMatch(/^<\?xml version='1\.0'\?><stream:stream to='a\.example' version='1\.0' /);
    expect(wire(3)).toContain("version='1.0'><stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>");
  });

  it('steps 4–8: STARTTLS, proceed, the TLS hellos, then the restarted stream inside TLS', () => {
    expect(el(4)).toBe("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    expect(el(5)).toBe("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    expect([6, 7].map((k) => trace.events[k - 1]!.kind)).toEqual(['wire', 'wire']);
    expect(wire(8)).not.toContain('<stream:stream');
  });

  it('steps 10–14: SCRAM (auth at 10), then the login is complete; 16–17 bind; 18 presence; 19 the reflected presence', () => {
    expect(el(10)).toMatch(/^<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-1'>/);
    expect(el(13)).toMatch(/^<success /);
    expect(el(16)).toContain('<resource>laptop</resource>');
    expect(el(17)).toContain('<jid>alice@a.example/laptop</jid>');
    expect(el(18)).toBe('<presence/>');
    expect(el(19)).toBe("<presence from='alice@a.example/laptop' to='alice@a.example/laptop'/>");
  });

  it('steps 21–22 roster, 24–25 disco with the four namespaces the lesson reads, 27–28 ping', () => {
    expect(el(21)).toContain("<query xmlns='jabber:iq:roster'/>");
    expect(el(22)).toMatch(/^<iq type='result' id='alice-2'/);
    expect(el(24)).toContain("<query xmlns='http://jabber.org/protocol/disco#info'/>");
    const disco = el(25);
    expect(disco).toMatch(/^<iq from='a\.example' to='alice@a\.example\/laptop' type='result'/);
    expect(disco).toContain("<identity category='server' type='im'");
    expect([...disco.matchAll(/<feature var='([^']+)'\/>/g)].map((m) => m[1])).toEqual(['http://jabber.org/protocol/disco#info', 'http://jabber.org/protocol/disco#items', 'urn:xmpp:ping', 'jabber:iq:roster', 'msgoffline']);
    expect(el(27)).toContain("<ping xmlns='urn:xmpp:ping'/>");
    expect(el(28)).toMatch(/^<iq from='a\.example' to='alice@a\.example\/laptop' type='result' id='alice-4'\/>$/);
  });

  it('the Predict: the tap never learns the full JID, but knows alice’s IP address; without TLS (hello) the reflected presence gives it away', () => {
    for (const step of [19, trace.events.length]) expect(predictAnswer({ scenario: 'c2s-login', step, observer: 'tap:alice~a.example', kind: 'knows', about: 'jid:alice@a.example/laptop' })).toEqual({ yes: false, evidence: { type: 'unknown' } });
    expect(predictAnswer({ scenario: 'c2s-login', step: 19, observer: 'tap:alice~a.example', kind: 'knows', about: 'ip:alice' })).toEqual({ yes: true, evidence: { type: 'known', value: '192.0.2.10' } });
    expect(predictAnswer({ scenario: 'c2s-login', step: 19, observer: 'a.example', kind: 'knows', about: 'jid:alice@a.example/laptop' })).toMatchObject({ yes: true });
    expect(predictAnswer({ scenario: 'hello', step: 11, observer: 'tap:bob~a.example', kind: 'knows', about: 'jid:bob@a.example/phone' })).toMatchObject({ yes: true });
  });
});
