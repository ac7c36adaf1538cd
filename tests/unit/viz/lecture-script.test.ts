import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_VIEWS, parseScript, scriptFromParam, scriptToJson, scriptToParam, scriptViewQuery, type LectureScript } from '../../../lib/viz/lecture-script';

const IDS = ['hello', 'otr-mitm', 'c2s-login'];

const script: LectureScript = {
  title: 'OTR — Vorlesung 5',
  views: [
    { scenario: 'c2s-login', step: 12, lens: 'tap:alice~a.example', tab: 'layers' },
    { scenario: 'otr-mitm', step: 45, tab: 'knowledge', view: 'sequence', reveal: true, note: 'Ask: who reads this? „Wer liest mit?“' },
    { scenario: 'otr-mitm', step: 56 },
  ],
};

describe('lecture script format', () => {
  it('a downloaded file reads back as the same script', () => {
    const text = scriptToJson(script);
    expect(JSON.parse(text)).toMatchObject({ format: 'messenger-lab-script', version: 1 });
    expect(parseScript(text, IDS)).toEqual({ ok: true, script });
  });

  it('a link parameter reads back as the same script and is URL-safe', () => {
    const param = scriptToParam(script);
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(scriptFromParam(param, IDS)).toEqual({ ok: true, script });
  });

  it('names every problem with its place, in English and German', () => {
    const bad = JSON.stringify({
      format: 'messenger-lab-script',
      version: 1,
      colour: 'red',
      views: [{ scenario: 'nope', step: -1 }, { scenario: 'hello', step: 3, view: 'all', reveal: 'yes', extra: 1 }, 'x'],
    });
    const r = parseScript(bad, IDS);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(['colour', 'views[0].scenario', 'views[0].step', 'views[1].extra', 'views[1].view', 'views[1].reveal', 'views[2]']);
    for (const p of r.problems) {
      expect(p.en.length).toBeGreaterThan(5);
      expect(p.de.length).toBeGreaterThan(5);
      expect(p.de).not.toBe(p.en);
    }
  });

  it('a file that is no script, a cut-off file, another version, too many views: one clear problem each', () => {
    const one = (text: string) => {
      const r = parseScript(text, IDS);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.problems.map((p) => `${p.path}: ${p.en}`).join('\n');
    };
    expect(one(scriptToJson(script).slice(0, 60))).toMatch(/not a JSON file/);
    expect(one('{"hello": 1}')).toMatch(/^format: .*not a Messenger Lab lecture script/);
    expect(one('[]')).toMatch(/^format:/);
    expect(one(JSON.stringify({ format: 'messenger-lab-script', version: 2, views: [] }))).toMatch(/^version: Script version 2/);
    const many = { format: 'messenger-lab-script', version: 1, views: Array.from({ length: MAX_VIEWS + 1 }, () => ({ scenario: 'hello', step: 0 })) };
    expect(one(JSON.stringify(many))).toMatch(/^views: has 101 views/);
  });

  it('a damaged link says so instead of failing', () => {
    const param = scriptToParam(script);
    for (const broken of [param.slice(0, -7), param + '*', '%%%', 'A']) {
      const r = scriptFromParam(broken, IDS);
      expect(r.ok).toBe(false);
    }
  });

  it('never throws, whatever the file or link holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.string({ unit: 'binary' })), (text) => {
        parseScript(text, IDS);
        scriptFromParam(text, IDS);
        parseScript(JSON.stringify({ format: 'messenger-lab-script', version: 1, views: [safeParse(text)] }), IDS);
      }),
      { numRuns: 500 },
    );
  });
});

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

describe('a script view as a link', () => {
  it('opens in presenter mode at its step, with its lens and tab', () => {
    expect(scriptViewQuery(script.views[0]!)).toBe('?step=12&lens=tap%3Aalice%7Ea.example&tab=layers&presenter=1');
    expect(scriptViewQuery({ scenario: 'hello', step: 0 })).toBe('?step=0&presenter=1');
  });
});
