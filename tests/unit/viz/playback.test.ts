import { describe, expect, it } from 'vitest';
import { stepDelayMs, travelMs } from '../../../lib/viz/playback';
import { fixture } from './fixture';

describe('playback pacing', () => {
  it('travel time is proportional to latency and capped at 600 ms', () => {
    expect(travelMs(20)).toBe(300);
    expect(travelMs(30)).toBe(450);
    expect(travelMs(5000)).toBe(600);
    expect(travelMs(0)).toBe(0);
    expect(travelMs(Number.NaN)).toBe(0);
  });
  it('waits longer across idle time, and less at higher speed', () => {
    const [e0, e1, e2, e3, e4] = fixture.events;
    expect(stepDelayMs(e3!, e4!, 1)).toBeGreaterThan(stepDelayMs(e1!, e2!, 1));
    expect(stepDelayMs(e1!, e2!, 2)).toBeLessThan(stepDelayMs(e1!, e2!, 1));
    expect(stepDelayMs(e0!, e1!, 0)).toBe(stepDelayMs(e0!, e1!, 1));
  });
});
