/** Every action type has a label in English and German, and every action a preset takes is named by it. */
import { describe, expect, it } from 'vitest';
import { actionLabels, localEventLabel } from '@/app/_i18n/actions';
import { presets } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';

describe('action labels', () => {
  it('name every action a preset takes (seed 1), differently in each language', () => {
    const taken = new Set<string>();
    for (const p of presets) for (const e of runScenario(p, { seed: 1 }).trace.events) if (e.kind === 'action') taken.add(e.action?.type ?? '(no action on the event)');
    expect(taken.size).toBeGreaterThan(10);
    for (const type of taken) {
      expect(Object.keys(actionLabels), type).toContain(type);
      const t = type as keyof typeof actionLabels;
      expect(localEventLabel('en', 'action', t)).toBe(actionLabels[t].en);
      expect(localEventLabel('de', 'action', t), type).not.toBe(localEventLabel('en', 'action', t));
    }
  });

  it('are not the action ids themselves, and never say "timer"', () => {
    for (const [type, text] of Object.entries(actionLabels)) {
      for (const s of [text.en, text.de]) {
        expect(s, type).not.toBe(type);
        if (type.includes('-')) expect(s, type).not.toContain(type); // 'otr-start' is an id, not words
        expect(s.toLowerCase(), type).not.toContain('timer');
      }
    }
    expect(localEventLabel('en', 'timer', null)).toBe('timer fires');
    expect(localEventLabel('de', 'timer', null)).toBe('Timer läuft ab');
  });

  it('name the timer when the event carries its name', () => {
    expect(localEventLabel('en', 'timer', null, 's2s-timeout')).toBe('timer fires: s2s-timeout');
    expect(localEventLabel('de', 'timer', null, 's2s-timeout')).toBe('Timer läuft ab: s2s-timeout');
  });
});
