/**
 * The subscription state diagram is the engine's table, drawn: every cell of RFC 6121 A.2 (OUTBOUND) and
 * A.3 (INBOUND) in lib/xmpp/im/subscription.ts is exactly one arrow of its view, and there is no other
 * arrow; the nine states are A.1's, each in its own grid cell; no label covers another or a state.
 */
import { describe, expect, it } from 'vitest';
import {
  collisions,
  DIAGRAM_SIDES,
  gridOf,
  layoutSubscriptionDiagram,
  rfcStateName,
  type DiagramSide,
} from '@/lib/viz/subscription-diagram';
import { INBOUND, OUTBOUND, SUB_STATES } from '@/lib/xmpp/im/subscription';
import { stateDiagramProblem } from '@/app/_components/state-diagram/check';

/** The table's cells, read straight from the engine's objects (not through the layout's own helper). */
function cells(side: DiagramSide): string[] {
  const table = side === 'outbound' ? OUTBOUND : INBOUND;
  return Object.entries(table).flatMap(([type, row]) => Object.entries(row).map(([from, to]) => `${from} --${type}--> ${to}`));
}

describe('subscription diagram (RFC 6121 Appendix A, from the engine)', () => {
  for (const side of DIAGRAM_SIDES)
    it(`${side}: every transition of the table is one arrow, and there is nothing else`, () => {
      const d = layoutSubscriptionDiagram(side);
      const arrows = d.edges.map((e) => `${e.from} --${e.type}--> ${e.to}`);
      expect(new Set(arrows).size).toBe(arrows.length);
      expect([...arrows].sort()).toEqual(cells(side).sort());
    });

  it('draws 18 arrows per side: A.2 and A.3 each have 3 + 6 + 3 + 6 cells with a state change', () => {
    expect(DIAGRAM_SIDES.map((s) => layoutSubscriptionDiagram(s).edges.length)).toEqual([18, 18]);
  });

  it('the nine states of A.1, each once, each in its own grid cell', () => {
    const d = layoutSubscriptionDiagram('outbound');
    expect(d.nodes.map((n) => n.state)).toEqual([...SUB_STATES]);
    expect(new Set(d.nodes.map((n) => `${n.col},${n.row}`)).size).toBe(9);
    expect(gridOf('none')).toEqual({ col: 0, row: 0 });
    expect(gridOf('both')).toEqual({ col: 2, row: 2 });
  });

  it('names the states as RFC 6121 A.1 does', () => {
    expect(SUB_STATES.map(rfcStateName)).toEqual([
      'None',
      'None + Pending Out',
      'None + Pending In',
      'None + Pending Out+In',
      'To',
      'To + Pending In',
      'From',
      'From + Pending Out',
      'Both',
    ]);
  });

  it('shows the roster attributes of each state (RFC 6121 §2.1.2.2, §2.1.2.5)', () => {
    const byState = new Map(layoutSubscriptionDiagram('outbound').nodes.map((n) => [n.state, n]));
    expect(byState.get('none+out+in')).toMatchObject({ attr: 'none', ask: true, pendingIn: true });
    expect(byState.get('to+in')).toMatchObject({ attr: 'to', ask: false, pendingIn: true });
    expect(byState.get('from+out')).toMatchObject({ attr: 'from', ask: true, pendingIn: false });
  });

  for (const side of DIAGRAM_SIDES)
    it(`${side}: no label covers another label or a state, and all lie inside the picture`, () => {
      expect(collisions(layoutSubscriptionDiagram(side))).toEqual([]);
    });

  it('is deterministic and plain data', () => {
    expect(JSON.parse(JSON.stringify(layoutSubscriptionDiagram('inbound')))).toEqual(layoutSubscriptionDiagram('inbound'));
  });

  it('the compile check refuses an unknown table or state', () => {
    expect(stateDiagramProblem({ table: 'subscription', highlight: 'none+out' })).toBeNull();
    expect(stateDiagramProblem({ table: 'stream' })).toMatch(/not a table/);
    expect(stateDiagramProblem({ table: 'subscription', highlight: 'pending' })).toMatch(/not a state/);
  });
});
