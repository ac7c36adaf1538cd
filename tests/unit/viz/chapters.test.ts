import { describe, expect, it } from 'vitest';
import { getPreset, presets } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';
import type { Scenario, Trace } from '@/lib/sim/types';
import { chapterAt, chapterMarks, nextChapterStep, placeChapterLabels, previousChapterStep, type ChapterMark } from '@/lib/viz/chapters';

const traceOf = (s: Scenario): Trace => runScenario(s, { seed: 1 }).trace;

describe('chapterMarks on every preset', () => {
  for (const p of presets) {
    it(`${p.id}: every declared chapter starts at an event, in order, with a title in both languages`, () => {
      const trace = traceOf(p);
      const marks = chapterMarks(p, trace);
      expect(p.chapters?.length ?? 0).toBeGreaterThan(0);
      expect(marks.map((m) => m.id)).toEqual(p.chapters!.map((c) => c.id));
      for (let i = 1; i < marks.length; i++) expect(marks[i]!.step).toBeGreaterThan(marks[i - 1]!.step);
      for (const m of marks) {
        expect(m.step).toBeGreaterThanOrEqual(1);
        expect(m.step).toBeLessThanOrEqual(trace.events.length);
        expect(m.title.en.trim()).not.toBe('');
        expect(m.title.de.trim()).not.toBe('');
      }
      // An action chapter starts at the event of its own script step, a time chapter at the first event then.
      for (const c of p.chapters!) {
        const ev = trace.events[marks.find((m) => m.id === c.id)!.step - 1]!;
        if (c.start.kind === 'action') {
          const s = p.script[c.start.index]!;
          expect([ev.kind, ev.from, ev.time, ev.action]).toEqual(['action', s.node, s.at, s.action]);
        } else {
          expect(ev.time).toBeGreaterThanOrEqual(c.start.at);
          expect(trace.events[ev.seq - 1]?.time ?? -1).toBeLessThan(c.start.at);
        }
      }
    });
  }

  it('a login of 10+ steps is a chapter of its own in the OTR presets', () => {
    for (const id of ['otr-ake', 'otr-forward-secrecy', 'otr-post-compromise', 'otr-deniability', 'otr-mitm']) {
      const p = getPreset(id)!;
      const marks = chapterMarks(p, traceOf(p));
      expect(marks[0], id).toMatchObject({ id: 'login', step: 1 });
      expect(marks[1]!.step - marks[0]!.step, id).toBeGreaterThanOrEqual(10);
    }
  });

  it('otr-mitm: login, key exchange, messages, SMP at their events', () => {
    const p = getPreset('otr-mitm')!;
    expect(chapterMarks(p, traceOf(p)).map((m) => [m.id, m.title.de, m.step])).toEqual([
      ['login', 'Anmeldung', 1],
      ['key-exchange', 'Schlüsselaustausch', 27],
      ['messages', 'Nachrichten', 38],
      ['smp', 'SMP', 47],
    ]);
  });
});

describe('chapterMarks follows events, not step numbers', () => {
  const mitm = getPreset('otr-mitm')!;

  it('stays on its event when more events come before it', () => {
    // A ping written at the end of the script but happening before the OTR request adds events before it.
    const more: Scenario = { ...mitm, script: [...mitm.script, { at: 1000, node: 'alice', action: { type: 'ping' } }] };
    const trace = traceOf(more);
    const ke = chapterMarks(more, trace).find((m) => m.id === 'key-exchange')!;
    expect(ke.step).toBeGreaterThan(27);
    expect(trace.events[ke.step - 1]!.action?.type).toBe('otr-start');
  });

  it('counts script steps in run order (time, then position), thefts included', () => {
    // bad-password's script is not sorted by time; otr-post-compromise has a theft added to its script.
    const bad = getPreset('bad-password')!;
    const marks = chapterMarks(bad, traceOf(bad));
    expect(marks.map((m) => m.id)).toEqual(['typo', 'guess-2', 'retry', 'guess-3']);
    const pc = getPreset('otr-post-compromise')!;
    const pcTrace = traceOf(pc);
    const after = chapterMarks(pc, pcTrace).find((m) => m.id === 'after-theft')!;
    expect(pcTrace.events[after.step - 1]).toMatchObject({ kind: 'action', from: 'bob', time: 4500 });
    const theft = chapterMarks(pc, pcTrace).find((m) => m.id === 'theft')!;
    expect(pcTrace.events[theft.step - 1]!.action?.type).toBe('keys-stolen');
  });

  it('leaves out a chapter whose event the trace does not have, or that is out of order', () => {
    const trace = traceOf(mitm);
    const cut: Trace = { ...trace, events: trace.events.slice(0, 40), truncated: true };
    expect(chapterMarks(mitm, cut).map((m) => m.id)).toEqual(['login', 'key-exchange', 'messages']);
    const late: Scenario = { ...mitm, chapters: [...mitm.chapters!, { id: 'never', title: { en: 'x', de: 'x' }, start: { kind: 'time', at: 999_999 } }] };
    expect(chapterMarks(late, trace).map((m) => m.id)).not.toContain('never');
    const back: Scenario = { ...mitm, chapters: [mitm.chapters![2]!, mitm.chapters![1]!] };
    expect(chapterMarks(back, trace).map((m) => m.id)).toEqual(['messages']);
    const beyond: Scenario = { ...mitm, chapters: [{ id: 'x', title: { en: 'x', de: 'x' }, start: { kind: 'action', index: 99 } }] };
    expect(chapterMarks(beyond, trace)).toEqual([]);
    expect(chapterMarks({ ...mitm, chapters: undefined }, trace)).toEqual([]);
  });
});

describe('chapterAt and the chapter jumps', () => {
  const marks: ChapterMark[] = [
    { id: 'a', title: { en: 'A', de: 'A' }, step: 1 },
    { id: 'b', title: { en: 'B', de: 'B' }, step: 10 },
    { id: 'c', title: { en: 'C', de: 'C' }, step: 20 },
  ];

  it('chapterAt: the last chapter that starts at or before the step; none before the first', () => {
    expect(chapterAt(marks, 0)).toBeNull();
    expect(chapterAt(marks, 1)?.id).toBe('a');
    expect(chapterAt(marks, 9)?.id).toBe('a');
    expect(chapterAt(marks, 10)?.id).toBe('b');
    expect(chapterAt(marks, 500)?.id).toBe('c');
    expect(chapterAt([], 5)).toBeNull();
  });

  it('previous goes to the start of the current chapter first, then to the one before', () => {
    expect(previousChapterStep(marks, 15)).toBe(10);
    expect(previousChapterStep(marks, 10)).toBe(1);
    expect(previousChapterStep(marks, 1)).toBeNull();
    expect(previousChapterStep(marks, 0)).toBeNull();
  });

  it('next goes to the next chapter start; none after the last', () => {
    expect(nextChapterStep(marks, 0)).toBe(1);
    expect(nextChapterStep(marks, 1)).toBe(10);
    expect(nextChapterStep(marks, 15)).toBe(20);
    expect(nextChapterStep(marks, 20)).toBeNull();
  });
});

describe('placeChapterLabels', () => {
  const mark = (step: number): ChapterMark => ({ id: `c${step}`, title: { en: '', de: '' }, step });

  it('writes every title that fits right of its tick, and left of it near the right end', () => {
    const marks = [mark(1), mark(50), mark(95)];
    expect(placeChapterLabels(marks, [50, 120, 150], 100, 1000)).toEqual([
      { shown: true, align: 'start' },
      { shown: true, align: 'start' },
      { shown: true, align: 'end' },
    ]);
  });

  it('never lets a title cover another tick or run into the title before; the tick stays alone', () => {
    // otr-mitm on a 285 px track: "Key exchange" right of 27 would cover the tick at 38.
    const marks = [mark(1), mark(27), mark(38), mark(47)];
    const places = placeChapterLabels(marks, [75, 130, 95, 35], 56, 285);
    const x = (m: ChapterMark) => (m.step / 56) * 285;
    places.forEach((p, i) => {
      if (!p.shown) return;
      const left = p.align === 'start' ? x(marks[i]!) + 8 : x(marks[i]!) - 8 - [75, 130, 95, 35][i]!;
      const right = left + [75, 130, 95, 35][i]!;
      for (const [j, m] of marks.entries()) if (j !== i) expect(x(m) + 12 <= left || x(m) - 12 >= right, `title ${i} over tick ${j}`).toBe(true);
    });
    expect(places.map((p) => p.shown)).toEqual([true, false, false, true]);
    // A phone's track leaves even less.
    expect(placeChapterLabels(marks, [75, 130, 95, 35], 56, 120).filter((p) => p.shown).length).toBeLessThanOrEqual(1);
    expect(placeChapterLabels(marks, [0, 0, 0, 0], 56, 1000).every((p) => !p.shown)).toBe(true);
    // The ticks stand half a thumb in from each end: a title that just fits without the inset covers the next tick with it.
    const near = [mark(0), mark(10)];
    expect(placeChapterLabels(near, [52], 100, 720)[0]).toEqual({ shown: true, align: 'start' });
    expect(placeChapterLabels(near, [52], 100, 720, 8)[0]).toEqual({ shown: false });
  });
});
