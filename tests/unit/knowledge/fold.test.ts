import { describe, expect, it } from 'vitest';
import { initialKnowledge, stepKnowledge, viewKnowledge } from '@/lib/knowledge/fold';
import { listObservers, observe } from '@/lib/knowledge/observe';
import { observerOf } from '@/lib/knowledge/observers';
import { knowledgeAt, knowledgeTimeline } from '@/lib/knowledge/timeline';
import { getPreset, presets } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';
import { referenceObserve, referenceObserveUpTo } from './reference';

// JSON, not toEqual: the CLI prints this JSON, so key order and absent-vs-undefined count too.
const json = (x: unknown) => JSON.stringify(x);

describe('knowledge as a fold: the same as observe() on a prefix, at every step', () => {
  for (const p of presets) {
    const trace = runScenario(p, { seed: 1 }).trace;
    const n = trace.events.length;
    for (const o of listObservers(p)) {
      it(`${p.id} · ${o.name}`, () => {
        expect(json(observe(p, trace, o.name)), 'observe() of the whole run').toBe(json(referenceObserve(p, trace, o.name)));
        // A small checkpoint interval and a scrambled order of seeks, so that most answers come from a
        // copy replayed forward, some from the frontier, some before and after the checkpoints.
        const tl = knowledgeTimeline(p, trace, o.name, 5)!;
        const order = [n, 0, ...Array.from({ length: n + 1 }, (_, i) => (i * 37 + 11) % (n + 1))];
        for (const k of order) expect(json(knowledgeAt(tl, k)), `step ${k}`).toBe(json(referenceObserveUpTo(p, trace, o.name, k)));
      });
    }
  }
});

describe('the fold state', () => {
  const p = presets.find((x) => x.id === 'otr-post-compromise')!;
  const trace = runScenario(p, { seed: 1 }).trace;

  it('is cloneable: a copy taken halfway folds on to the same knowledge as the original', () => {
    for (const { name } of listObservers(p)) {
      const o = observerOf(p, trace.nodes, name)!;
      const s = initialKnowledge(o);
      const half = trace.events.length >> 1;
      for (const ev of trace.events.slice(0, half)) stepKnowledge(o, s, ev);
      const copy = { ...structuredClone({ ...s, log: null }), log: s.log };
      for (const ev of trace.events.slice(half)) stepKnowledge(o, copy, ev);
      expect(json(viewKnowledge(o, copy)), name).toBe(json(observe(p, trace, name)));
    }
  });

  it('an unknown observer has no timeline and no observation', () => {
    expect(knowledgeTimeline(p, trace, 'nobody')).toBeNull();
    expect(observe(p, trace, 'nobody')).toBeNull();
    expect(() => knowledgeTimeline(p, trace, 'alice', 0)).toThrow(/every/);
  });
});

describe('the knowledge timeline', () => {
  // hello and 410 more chat messages: about 1,255 events.
  const hello = getPreset('hello')!;
  const chat = {
    ...hello,
    script: [
      ...hello.script,
      ...Array.from({ length: 410 }, (_, i) => ({ at: 2000 + i * 10, node: i % 2 ? 'bob' : 'alice', action: { type: 'send-message' as const, to: i % 2 ? 'alice@a.example' : 'bob@a.example', body: `message ${i}` } })),
    ],
  };
  const trace = runScenario(chat, { seed: 1 }).trace;

  it('answers any step by replaying fewer events than its checkpoint interval, at step 100 as at step 1,200', () => {
    let reads = 0;
    const events = new Proxy(trace.events, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    expect(trace.events.length).toBeGreaterThan(1_231);
    const tl = knowledgeTimeline(chat, { ...trace, events }, 'a.example', 32)!;
    knowledgeAt(tl, trace.events.length);
    expect(reads).toBe(trace.events.length); // the first answer folds the run once
    for (const k of [100, 1_200, 1_231, 7]) {
      reads = 0;
      const seen = knowledgeAt(tl, k);
      expect(reads, `step ${k}`).toBeLessThan(32);
      expect(json(seen), `step ${k}`).toBe(json(observe(chat, { ...trace, events: trace.events.slice(0, k) }, 'a.example')));
    }
  });
});

