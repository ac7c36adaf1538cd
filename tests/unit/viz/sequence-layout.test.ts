import { describe, expect, it } from 'vitest';
import { layoutSequence } from '../../../lib/viz/sequence-layout';
import type { TraceEvent } from '../../../lib/sim/types';
import { fixture } from './fixture';

describe('layoutSequence', () => {
  it('gives each lane its own x inside the picture, and puts every dot on its lane', () => {
    for (const width of [360, 760, 1200]) {
      const g = layoutSequence(fixture, 5, { width });
      const xs = g.lanes.map((l) => l.x);
      expect(new Set(xs).size, `width ${width}`).toBe(xs.length);
      for (const x of xs) {
        expect(x).toBeGreaterThan(g.gutter);
        expect(x).toBeLessThan(width);
      }
      const lane = new Map(g.lanes.map((l) => [l.id, l.x]));
      for (const d of g.dots) expect(d.x, `dot ${d.seq}`).toBe(lane.get(d.node));
    }
  });

  it('orders rows by time: a later event never sits above an earlier one, and all stay between the lane ends', () => {
    const g = layoutSequence(fixture, 0);
    const rows = [...g.arrows.map((a) => ({ seq: a.seq, y: a.y2 })), ...g.dots.map((d) => ({ seq: d.seq, y: d.y }))].sort((a, b) => a.seq - b.seq);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.y, `seq ${rows[i]!.seq}`).toBeGreaterThanOrEqual(rows[i - 1]!.y);
    for (const r of rows) {
      expect(r.y).toBeGreaterThan(g.laneTop);
      expect(r.y).toBeLessThan(g.laneBottom);
    }
  });

  it('keeps the rows when only the width changes (time runs down, whatever the width)', () => {
    const narrow = layoutSequence(fixture, 5, { width: 400 });
    const wide = layoutSequence(fixture, 5, { width: 1000 });
    expect(wide.arrows.map((a) => [a.y1, a.y2])).toEqual(narrow.arrows.map((a) => [a.y1, a.y2]));
    expect(wide.lanes.map((l) => l.id)).toEqual(narrow.lanes.map((l) => l.id));
    expect(wide.lanes.at(-1)!.x).toBeGreaterThan(narrow.lanes.at(-1)!.x);
  });

  it('gives every wire event exactly one arrow and every local event one dot', () => {
    const g = layoutSequence(fixture, 3);
    const wire = fixture.events.filter((e) => e.kind === 'wire').map((e) => e.seq);
    expect(g.arrows.map((a) => a.seq)).toEqual(wire);
    expect(new Set(g.arrows.map((a) => a.seq)).size).toBe(wire.length);
    expect(g.dots.map((d) => d.seq)).toEqual(fixture.events.filter((e) => e.kind !== 'wire').map((e) => e.seq));
  });

  it('draws arrows from the sender lane to the receiver lane, downwards in time', () => {
    const g = layoutSequence(fixture, 0);
    const lane = new Map(g.lanes.map((l) => [l.id, l.x]));
    expect(g.lanes.map((l) => l.id)).toEqual(['alice', 'carol', 'a.example', 'b.example', 'bob']);
    for (const a of g.arrows) {
      expect(a.x1).toBe(lane.get(a.from));
      expect(a.x2).toBe(lane.get(a.to));
      expect(a.y2).toBeGreaterThan(a.y1);
    }
    // A reply leaves from the row where the request arrived.
    expect(g.arrows[1]!.y1).toBe(g.arrows[0]!.y2);
  });

  it('labels arrows with the element names from the wire bytes', () => {
    const g = layoutSequence(fixture, 0);
    expect(g.arrows.map((a) => a.label)).toEqual(['stream header', 'stream header + <stream:features>', '<auth>', '<message>', '<message>', '<message> + <presence>', 'stream close']);
    expect(g.arrows[2]!.layer).toBe('sasl');
    expect(g.dots.map((d) => d.action)).toEqual(['connect', 'send-message']);
  });

  it('names a local event by its action or as a timer, never by its narration key', () => {
    const events: TraceEvent[] = [
      // The note says one thing, the action another: the dot follows the action (notes are for people).
      { seq: 0, time: 0, kind: 'action', from: 'alice', to: 'alice', layers: [], note: { key: 'action.connect' }, effects: [], facts: [], action: { type: 'otr-start', to: 'bob@b.example' } },
      { seq: 1, time: 10, kind: 'timer', from: 'a.example', to: 'a.example', layers: [], note: { key: 'dns.answer', params: { name: '_xmpp-server._tcp.b.example' } }, effects: [], facts: [] },
    ];
    const g = layoutSequence({ ...fixture, events }, 0);
    expect(g.dots.map((d) => [d.kind, d.action])).toEqual([
      ['action', 'otr-start'],
      ['timer', null],
    ]);
  });

  it('marks past, current and future; step 0 has no current event', () => {
    expect(layoutSequence(fixture, 0).arrows.every((a) => a.state === 'future')).toBe(true);
    const g = layoutSequence(fixture, 4); // step 4 = seq 3, the <auth>
    expect(g.arrows.map((a) => a.state)).toEqual(['past', 'past', 'current', 'future', 'future', 'future', 'future']);
    expect(g.focusY).toBe(g.arrows[2]!.y2);
  });

  it('cuts a long idle stretch into one marked break', () => {
    const g = layoutSequence(fixture, 0);
    expect(g.breaks).toHaveLength(1);
    expect(g.breaks[0]!.ms).toBe(940);
    expect(g.height).toBeLessThan(600);
  });

  it('matches the geometry snapshot (rounded numbers)', () => {
    expect(layoutSequence(fixture, 6, { width: 700 })).toMatchSnapshot();
  });
});
