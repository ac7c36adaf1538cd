import { describe, expect, it } from 'vitest';
import { loadScenario } from '@/lib/scenarios/load';
import { otrMitm } from '@/lib/scenarios/presets/otr-mitm';
import { otrPostCompromise } from '@/lib/scenarios/presets/otr-post-compromise';
import { formatIssue } from '@/lib/scenarios/schema/messages';
import type { Scenario } from '@/lib/sim/types';

function errors(base: Scenario, patch: (s: any) => void): { en: string[]; de: string[] } {
  const s = structuredClone(base) as any;
  patch(s);
  const r = loadScenario(s);
  return r.ok ? { en: [], de: [] } : { en: r.errors.map((e) => formatIssue(e, 'en')), de: r.errors.map((e) => formatIssue(e, 'de')) };
}

describe('chapters in the scenario schema', () => {
  it('are optional', () => {
    expect(errors(otrMitm, (s) => delete s.chapters)).toEqual({ en: [], de: [] });
    expect(errors(otrMitm, (s) => (s.chapters = []))).toEqual({ en: [], de: [] });
  });

  it('refuse a script step the script does not have, in English and German', () => {
    expect(errors(otrMitm, (s) => (s.chapters[3].start.index = 8))).toEqual({
      en: ['chapters[3].start.index: names script step 8, but the script has steps 0 to 7: the chapter would match nothing'],
      de: ['chapters[3].start.index: nennt Skriptschritt 8, aber das Skript hat nur die Schritte 0 bis 7: Zu diesem Kapitel gehört kein Ereignis'],
    });
  });

  it('refuse a time after the last script step (thefts count as steps)', () => {
    expect(errors(otrMitm, (s) => s.chapters.push({ id: 'late', title: { en: 'Late', de: 'Spät' }, start: { kind: 'time', at: 6001 } })).en).toEqual([
      'chapters[4].start.at: starts at 6001 ms, after the script’s last step (6000 ms): nothing may happen after it, so the chapter could match no event',
    ]);
    expect(errors(otrPostCompromise, (s) => (s.script = s.script.filter((st: any) => st.at < 4000)))).toMatchObject({ en: [expect.stringMatching(/^chapters\[4\]\.start\.index: names script step 6/)] });
    // The theft at 4200 ms is after every script step left, and still a step of the run.
    expect(errors(otrPostCompromise, (s) => (s.script = s.script.filter((st: any) => st.at < 4000)) && (s.chapters = s.chapters.slice(0, 4))).en).toEqual([]);
  });

  it('refuse chapters out of the order of the run, in English and German', () => {
    expect(errors(otrMitm, (s) => ([s.chapters[1], s.chapters[2]] = [s.chapters[2], s.chapters[1]]))).toEqual({
      en: ['chapters[2].start: starts no later than chapter “messages” before it; chapters go in the order of the run'],
      de: ['chapters[2].start: beginnt nicht später als das Kapitel „messages“ davor; Kapitel folgen der Reihenfolge des Ablaufs'],
    });
    // A moment before a script step at the same time comes first; the other way round is out of order.
    expect(errors(otrMitm, (s) => s.chapters.splice(1, 0, { id: 'before', title: { en: 'B', de: 'B' }, start: { kind: 'time', at: 1500 } })).en).toEqual([]);
    expect(errors(otrMitm, (s) => s.chapters.splice(2, 0, { id: 'after', title: { en: 'A', de: 'A' }, start: { kind: 'time', at: 1500 } })).en).toEqual([
      'chapters[2].start: starts no later than chapter “key-exchange” before it; chapters go in the order of the run',
    ]);
  });

  it('check ids, titles and the kind of start with paths', () => {
    expect(errors(otrMitm, (s) => (s.chapters[1].id = 'login')).en).toEqual(['chapters[1].id: id “login” is used twice']);
    expect(errors(otrMitm, (s) => (s.chapters[0].title.de = '')).en).toEqual(['chapters[0].title.de: must be 1 to 60 characters']);
    const kind = errors(otrMitm, (s) => (s.chapters[0].start = { kind: 'step', step: 4 })).en;
    expect(kind).toHaveLength(1);
    expect(kind[0]).toMatch(/^chapters\[0\]\.start\.kind: /);
  });
});
