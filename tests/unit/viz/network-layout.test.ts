import { describe, expect, it } from 'vitest';
import { layoutNetwork } from '../../../lib/viz/network-layout';
import { orderEntities } from '../../../lib/viz/entities';
import { fixture } from './fixture';

const size = { width: 600, height: 400 };

describe('layoutNetwork', () => {
  it('places nodes by the topology, not by the order in which links and taps are listed', () => {
    const shuffled = { ...fixture, links: [fixture.links[2]!, fixture.links[0]!, fixture.links[3]!, fixture.links[1]!], taps: [...fixture.taps].reverse() };
    const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    for (const step of [0, 1, 4, 7]) {
      const a = layoutNetwork(fixture, step, size, 0.5);
      const b = layoutNetwork(shuffled, step, size, 0.5);
      expect(b.nodes, `step ${step}`).toEqual(a.nodes);
      expect(b.domains).toEqual(a.domains);
      expect(byId(b.links)).toEqual(byId(a.links));
      expect(b.packet).toEqual(a.packet);
    }
  });

  it('keeps every node whole inside the picture and clear of every other node, at any size the view uses', () => {
    // NetworkView lays out between 360 and 520 wide and 240 and 900 high; a flat picture puts clients on
    // arcs beside their servers, a tall one in a fan above them. The fixture has two clients in one domain.
    for (const width of [360, 400, 440, 520]) {
      for (const height of [240, 300, 360, 420, 900]) {
        const g = layoutNetwork(fixture, 0, { width, height });
        const at = `${width}×${height}`;
        for (const n of g.nodes) {
          expect(n.x - n.r, `${n.id} at ${at}`).toBeGreaterThanOrEqual(0);
          expect(n.x + n.r, `${n.id} at ${at}`).toBeLessThanOrEqual(width);
          expect(n.y - n.r, `${n.id} at ${at}`).toBeGreaterThanOrEqual(0);
          expect(n.y + n.r, `${n.id} at ${at}`).toBeLessThanOrEqual(height);
        }
        for (const [i, a] of g.nodes.entries()) {
          for (const b of g.nodes.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.id}–${b.id} at ${at}`).toBeGreaterThanOrEqual(a.r + b.r);
        }
      }
    }
  });

  it('draws every link on the line between its two nodes, from the edge of one to the edge of the other', () => {
    const g = layoutNetwork(fixture, 0, size);
    const node = new Map(g.nodes.map((n) => [n.id, n]));
    for (const l of g.links) {
      const a = node.get(l.a)!;
      const b = node.get(l.b)!;
      const ab = Math.hypot(b.x - a.x, b.y - a.y);
      // On the segment a→b, in the order a, (x1,y1), (x2,y2), b: the four distances add up.
      const d1 = Math.hypot(l.x1 - a.x, l.y1 - a.y);
      const d2 = Math.hypot(l.x2 - l.x1, l.y2 - l.y1);
      const d3 = Math.hypot(b.x - l.x2, b.y - l.y2);
      expect(d1 + d2 + d3, l.id).toBeCloseTo(ab, 0);
      // Each end just outside its node's shape (the radius plus a small gap), never inside the other node.
      expect(d1, `${l.id} at ${l.a}`).toBeGreaterThanOrEqual(a.r - 0.2);
      expect(d1, `${l.id} at ${l.a}`).toBeLessThanOrEqual(a.r + 4.2);
      expect(d3, `${l.id} at ${l.b}`).toBeGreaterThanOrEqual(b.r - 0.2);
      expect(d3, `${l.id} at ${l.b}`).toBeLessThanOrEqual(b.r + 4.2);
    }
  });

  it('orders clients around their server, domains side by side', () => {
    expect(orderEntities(fixture.nodes)).toEqual(['alice', 'carol', 'a.example', 'b.example', 'bob']);
    const g = layoutNetwork(fixture, 0, size);
    const x = (id: string) => g.nodes.find((n) => n.id === id)!.x;
    expect(x('alice')).toBeLessThan(x('a.example'));
    expect(x('a.example')).toBeLessThan(x('b.example'));
    expect(x('b.example')).toBeLessThanOrEqual(x('bob'));
    // A fan: clients above their server.
    const y = (id: string) => g.nodes.find((n) => n.id === id)!.y;
    expect(y('bob')).toBeLessThan(y('b.example'));
    expect(y('alice')).toBeLessThan(y('a.example'));
    expect(g.domains.map((d) => d.domain)).toEqual(['a.example', 'b.example']);
    // Every node sits inside its domain's region and inside the picture.
    for (const n of g.nodes) {
      const d = g.domains.find((dd) => dd.domain === n.domain)!;
      expect(n.x).toBeGreaterThan(d.x);
      expect(n.x).toBeLessThan(d.x + d.width);
      expect(n.y).toBeGreaterThan(d.y);
      expect(n.y).toBeLessThan(d.y + d.height);
      expect(d.x).toBeGreaterThanOrEqual(0);
      expect(d.x + d.width).toBeLessThanOrEqual(size.width);
    }
  });

  it('marks tapped links', () => {
    const g = layoutNetwork(fixture, 0, size);
    expect(g.links.find((l) => l.id === 'alice~a.example')!.taps).toEqual(['tap:alice~a.example']);
    expect(g.links.find((l) => l.id === 'bob~b.example')!.taps).toEqual([]);
  });

  it('has no packet at step 0 or at a local event', () => {
    expect(layoutNetwork(fixture, 0, size).packet).toBeNull();
    expect(layoutNetwork(fixture, 1, size).packet).toBeNull();
    expect(layoutNetwork(fixture, 1, size).nodes.find((n) => n.id === 'alice')!.role).toBe('actor');
  });

  it('moves the packet from sender to receiver with progress', () => {
    const at0 = layoutNetwork(fixture, 7, size, 0).packet!;
    const at1 = layoutNetwork(fixture, 7, size, 1).packet!;
    const alice = layoutNetwork(fixture, 7, size).nodes;
    const a = alice.find((n) => n.id === 'a.example')!;
    const b = alice.find((n) => n.id === 'b.example')!;
    expect(at0.from).toBe('a.example');
    expect(at0.to).toBe('b.example');
    expect(Math.hypot(at0.x - a.x, at0.y - a.y)).toBeLessThan(Math.hypot(at0.x - b.x, at0.y - b.y));
    expect(Math.hypot(at1.x - b.x, at1.y - b.y)).toBeLessThan(Math.hypot(at1.x - a.x, at1.y - a.y));
    expect(at1.label).toBe('<message>');
    expect(at1.layer).toBe('xml');
    expect(layoutNetwork(fixture, 4, size).packet!.layer).toBe('sasl');
    expect(layoutNetwork(fixture, 7, size).links.find((l) => l.id === 'a.example~b.example')!.active).toBe(true);
  });

  it('clamps broken steps and progress instead of failing', () => {
    expect(layoutNetwork(fixture, -3, size).packet).toBeNull();
    expect(layoutNetwork(fixture, Number.NaN, size).packet).toBeNull();
    expect(layoutNetwork(fixture, 999, size).packet!.seq).toBe(8);
    expect(layoutNetwork(fixture, 7, size, 7).packet!.progress).toBe(1);
  });

  it('matches the geometry snapshot (rounded numbers)', () => {
    const { event: _event, ...g } = layoutNetwork(fixture, 6, size, 0.5);
    expect(g).toMatchSnapshot();
  });
});

describe('layoutNetwork, the packet label', () => {
  it('stays inside the picture, even when narrow', () => {
    for (const width of [360, 420, 600]) {
      for (let step = 1; step <= fixture.events.length; step++) {
        const p = layoutNetwork(fixture, step, { width, height: 360 }).packet;
        if (!p) continue;
        const w = p.label.length * 10.4;
        const left = p.labelAnchor === 'start' ? p.labelX : p.labelAnchor === 'end' ? p.labelX - w : p.labelX - w / 2;
        expect(left).toBeGreaterThanOrEqual(5.9);
        expect(left + w).toBeLessThanOrEqual(width - 5.9);
      }
    }
  });
});
