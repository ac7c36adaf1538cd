import { describe, expect, it } from 'vitest';
import { headline } from '../../../app/_components/knowledge/Headline';
import { getPreset } from '../../../lib/scenarios/presets/index';
import { runScenario } from '../../../lib/scenarios/run';
import { observeUpTo } from '../../../lib/viz/knowledge';
import { sectionOrder, summarize } from '../../../lib/viz/knowledge-summary';

function at(id: string, observer: string, step?: number) {
  const scenario = getPreset(id)!;
  const trace = runScenario(scenario, { seed: 1 }).trace;
  return observeUpTo(scenario, trace, observer, step ?? trace.events.length)!;
}

describe('viz/knowledge-summary', () => {
  it('the thief of otr-forward-secrecy reads the static-key messages and none of the OTR ones: its DSA keys only sign', () => {
    const s = summarize(at('otr-forward-secrecy', 'thief'), 'thief');
    expect(s).toMatchObject({ read: 4, total: 9 });
    expect(s.families).toEqual([
      { family: 'otr', read: 0, of: 5, readWhy: 'stolen-keys', closedWhy: 'signs-only' },
      { family: 'static', read: 4, of: 4, readWhy: 'stolen-keys', closedWhy: 'no-key' },
    ]);
    expect(headline('en', s, 'thief')).toBe(
      'thief reads 4 of the 9 messages with text: the 4 static-key messages, opened with the stolen keys. The 5 OTR messages stay closed: the long-term OTR keys thief stole only sign, they open nothing.',
    );
    expect(headline('de', s, 'Dieb')).toBe(
      'Dieb liest 4 der 9 Nachrichten mit Text: die 4 Nachrichten mit statischem Schlüssel, mit den gestohlenen Schlüsseln geöffnet. Die 5 OTR-Nachrichten bleiben verschlossen: die OTR-Langzeitschlüssel, die Dieb gestohlen hat, signieren nur und öffnen nichts.',
    );
  });

  it('before the theft the same thief reads nothing, and no key it holds fits', () => {
    const s = summarize(at('otr-forward-secrecy', 'thief', 60), 'thief');
    expect(s.read).toBe(0);
    expect(s.families.map((f) => f.closedWhy)).toEqual(['no-key', 'no-key']);
    expect(headline('en', s, 'thief')).toMatch(/^thief reads none of the 6 messages with text\. The 5 OTR messages stay closed: no key thief holds fits\. The static-key message stays closed/);
  });

  it('the post-compromise thief reads some OTR messages, not all', () => {
    const s = summarize(at('otr-post-compromise', 'thief'), 'thief');
    expect(s.families).toEqual([{ family: 'otr', read: 4, of: 10, readWhy: 'stolen-keys', closedWhy: 'no-key' }]);
    expect(headline('en', s, 'thief')).toBe('thief reads 4 of the 10 messages with text: 4 of the 10 OTR messages, opened with the stolen keys. 6 of the 10 OTR messages stay closed: no key thief holds fits.');
  });

  it('a party reads its whole conversation; a tap inside TLS and an operator without a relay read nothing', () => {
    expect(headline('en', summarize(at('otr-ake', 'alice'), 'client'), 'alice')).toBe('alice reads all 7 messages with text: the 7 OTR messages, opened with its own keys.');
    const tap = summarize(at('c2s-login', 'tap:alice~a.example'), 'tap');
    expect(tap.families).toEqual([{ family: 'plain', read: 0, of: 21, readWhy: null, closedWhy: 'sealed' }]);
    expect(summarize(at('otr-ake', 'operator:a.example'), 'operator').families.map((f) => f.closedWhy)).toEqual(['no-key']);
    expect(summarize(at('hello', 'operator:a.example'), 'operator').families.map((f) => f.closedWhy)).toEqual(['logs']);
    const mitm = summarize(at('otr-mitm', 'operator:a.example'), 'operator');
    expect(mitm.read).toBe(6);
    expect(mitm.families[0]!.readWhy).toBe('relay');
    expect(headline('en', summarize(at('hello', 'alice', 0), 'client'), 'alice')).toBe('alice has seen no message with text yet.');
  });

  it('orders the sections by what matters for the observer', () => {
    expect(sectionOrder({ forger: true, forgeries: 2, readable: 1 })).toEqual(['forgeries', 'messages', 'metadata']);
    expect(sectionOrder({ forger: true, forgeries: 0, readable: 1 })).toEqual(['messages', 'metadata', 'forgeries']);
    expect(sectionOrder({ forger: false, forgeries: 0, readable: 0 })).toEqual(['metadata', 'messages']);
    expect(sectionOrder({ forger: false, forgeries: 0, readable: 3 })).toEqual(['messages', 'metadata']);
  });
});
