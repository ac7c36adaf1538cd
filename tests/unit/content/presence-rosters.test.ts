/**
 * Lesson 4 (presence-rosters) quotes steps and stanzas of presence-subscription and offline-message
 * (seed 1, the widget's seed). Each quoted value is pinned here, so that a change to a preset or to the
 * engine that would make the lesson say something false fails this test instead. Steps are widget
 * steps: step k = seq k − 1. The XML is what the receiving node read, inside TLS.
 */
import { describe, expect, it } from 'vitest';
import { WIDGET_SEED } from '@/app/_components/scenario/ScenarioWidget';
import { utf8DecodeStrict } from '@/lib/bytes/hex';
import { readEvents } from '@/lib/knowledge/observe';
import { getPreset } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';

function load(id: string) {
  const scenario = getPreset(id)!;
  const trace = runScenario(scenario, { seed: WIDGET_SEED }).trace;
  const at = (step: number) => trace.events[step - 1]!;
  /** Everything the receiver read at a step, stanzas joined as they crossed. */
  const xml = (step: number): string => {
    const ev = at(step);
    const read = readEvents(scenario, trace, ev.to)?.find((r) => r.event.seq === ev.seq);
    return read?.plaintext ? (utf8DecodeStrict(read.plaintext) ?? '') : '';
  };
  return { trace, at, xml };
}

describe('lesson 4 quotes presence-subscription', () => {
  const s = load('presence-subscription');

  it('presence: initial presence at 30, reflected at 32; bob away at 72, copied to alice at 73', () => {
    expect([s.at(30).from, s.xml(30)]).toEqual(['alice', '<presence/>']);
    expect([s.at(32).to, s.xml(32)]).toEqual(['alice', "<presence from='alice@a.example/laptop' to='alice@a.example/laptop'/>"]);
    expect(s.xml(72)).toBe('<presence><show>away</show><status>At lunch</status></presence>');
    expect([s.at(73).to, s.xml(73)]).toEqual(['alice', "<presence from='bob@a.example/phone' to='alice@a.example'><show>away</show><status>At lunch</status></presence>"]);
  });

  it('roster: get at 76, result with bob as both at 77; set at 40 with the subscribe in the same bytes; pushes at 42 and 43, acknowledged at 45 and 46', () => {
    expect(s.xml(76)).toBe("<iq type='get' id='alice-3'><query xmlns='jabber:iq:roster'/></iq>");
    expect(s.xml(77)).toContain("<item jid='bob@a.example' name='Bob' subscription='both'/>");
    expect(s.xml(40)).toBe(
      "<iq type='set' id='alice-2'><query xmlns='jabber:iq:roster'><item jid='bob@a.example' name='Bob'/></query></iq><presence to='bob@a.example' type='subscribe'/>",
    );
    expect(s.xml(42)).toContain("<item jid='bob@a.example' name='Bob' subscription='none'/>");
    expect(s.xml(43)).toBe(
      "<iq type='set' id='push-2' to='alice@a.example/laptop'><query xmlns='jabber:iq:roster'><item jid='bob@a.example' name='Bob' subscription='none' ask='subscribe'/></query></iq>",
    );
    expect([s.xml(45), s.xml(46)]).toEqual(["<iq type='result' id='push-1'/>", "<iq type='result' id='push-2'/>"]);
  });

  it('the subscription handshake at the steps the lesson names', () => {
    expect([s.at(44).to, s.xml(44)]).toEqual(['bob', "<presence from='alice@a.example' to='bob@a.example' type='subscribe'/>"]);
    expect(s.xml(48)).toBe("<presence to='alice@a.example' type='subscribed'/>");
    expect(s.xml(49)).toContain("subscription='to'/>");
    expect(s.xml(50)).toBe("<presence from='bob@a.example' to='alice@a.example' type='subscribed'/>");
    expect(s.xml(51)).toBe("<presence from='bob@a.example/phone' to='alice@a.example'/>");
    expect(s.xml(54)).toContain("<presence to='alice@a.example' type='subscribe'/>");
    expect([s.at(56).to, s.xml(56)]).toEqual(['alice', "<presence from='bob@a.example' to='alice@a.example' type='subscribe'/>"]);
    expect([s.at(59).to, s.xml(59)]).toEqual(['bob', expect.stringContaining("<item jid='alice@a.example' name='Alice' subscription='from' ask='subscribe'/>")]);
    expect(s.xml(64)).toBe("<presence to='bob@a.example' type='subscribed'/>");
    expect([s.at(65).to, s.at(66).to]).toEqual(['alice', 'bob']);
    expect([s.xml(65), s.xml(66)].every((x) => x.includes("subscription='both'/>"))).toBe(true);
    expect(s.xml(68)).toBe("<presence from='alice@a.example/laptop' to='bob@a.example'/>");
  });

  it('removal: remove at 79; bob gets unsubscribe at 86, unsubscribed at 88, unavailable at 89; his item goes both → to → none', () => {
    expect(s.xml(79)).toContain("<item jid='bob@a.example' subscription='remove'/>");
    expect(s.xml(86)).toBe("<presence from='alice@a.example' to='bob@a.example' type='unsubscribe'/>");
    expect(s.xml(88)).toBe("<presence from='alice@a.example' to='bob@a.example' type='unsubscribed'/>");
    expect(s.xml(89)).toBe("<presence from='alice@a.example/laptop' to='bob@a.example' type='unavailable'/>");
    const bobPushes = s.trace.events.filter((e) => e.seq + 1 > 79 && e.to === 'bob').map((e) => /subscription='(\w+)'/.exec(s.xml(e.seq + 1))?.[1]).filter(Boolean);
    expect(bobPushes).toEqual(['to', 'none']);
  });

  it('no presence probe crosses any link (nobody has contacts at login; both accounts live on a.example)', () => {
    const all = s.trace.events.map((e) => s.xml(e.seq + 1)).join('\n');
    expect(all).not.toContain("type='probe'");
  });
});

describe('lesson 4 quotes offline-message', () => {
  const s = load('offline-message');

  it('alice writes at steps 21 and 23 to bob’s bare JID; nothing goes to bob before he logs in a minute later', () => {
    expect(s.xml(21)).toBe("<message type='chat' to='bob@a.example' id='alice-2'><body>Call me when you land.</body></message>");
    expect(s.xml(23)).toBe("<message type='chat' to='bob@a.example' id='alice-3'><body>And bring the keys.</body></message>");
    const firstToBob = s.trace.events.find((e) => e.to === 'bob')!;
    expect(firstToBob.time).toBeGreaterThanOrEqual(60_000);
  });

  it('bob’s initial presence at 41; the two stored messages at 43 and 44, stamped 09:00:01Z by a.example, delivered a minute later', () => {
    expect([s.at(41).from, s.xml(41)]).toEqual(['bob', '<presence/>']);
    const delay = "<delay xmlns='urn:xmpp:delay' from='a.example' stamp='2026-01-01T09:00:01Z'/>";
    expect(s.xml(43)).toBe(`<message from='alice@a.example/laptop' to='bob@a.example' id='alice-2' type='chat'><body>Call me when you land.</body>${delay}</message>`);
    expect(s.xml(44)).toBe(`<message from='alice@a.example/laptop' to='bob@a.example' id='alice-3' type='chat'><body>And bring the keys.</body>${delay}</message>`);
    // the stamp is the arrival at a.example (1.52 s after 09:00:00), the delivery about a minute later
    expect([s.at(21).time, s.at(43).time]).toEqual([1520, 60_540]);
  });
});
