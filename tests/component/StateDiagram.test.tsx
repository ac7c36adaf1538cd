// @vitest-environment happy-dom
/**
 * <StateDiagram>: the rendered SVG holds exactly the engine's transitions (RFC 6121 A.2, A.3), each state is
 * a focusable element whose name lists its transitions, the toggle is two radios, and the table
 * alternative has one row per state with the same next states, in English and German.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StateDiagram } from '../../app/_components/state-diagram/StateDiagram';
import { INBOUND, OUTBOUND, SUB_STATES } from '../../lib/xmpp/im/subscription';

afterEach(cleanup);

const cells = (table: typeof OUTBOUND) => Object.entries(table).flatMap(([type, row]) => Object.entries(row).map(([from, to]) => `${from} ${type} ${to}`));

describe('<StateDiagram table="subscription" />', () => {
  it('draws every transition of both tables and nothing else', () => {
    const { container } = render(<StateDiagram idBase="sd" locale="en" />);
    for (const [side, table] of [['outbound', OUTBOUND], ['inbound', INBOUND]] as const) {
      const edges = [...container.querySelectorAll(`.sd-view-${side} .sd-edge`)].map((e) => `${e.getAttribute('data-from')} ${e.getAttribute('data-type')} ${e.getAttribute('data-to')}`);
      expect(edges.sort()).toEqual(cells(table).sort());
    }
  });

  it('each state is focusable and names its transitions', () => {
    const { container } = render(<StateDiagram idBase="sd" locale="en" highlight="none+out" />);
    const nodes = container.querySelectorAll('.sd-view-outbound .sd-node');
    expect(nodes.length).toBe(SUB_STATES.length);
    for (const n of nodes) expect(n.getAttribute('tabindex')).toBe('0');
    const pending = container.querySelector('.sd-view-outbound .sd-node[data-state="none+out"]')!;
    expect(pending.getAttribute('aria-label')).toBe(
      "None + Pending Out; roster: subscription='none' ask='subscribe'; marked in this lesson. From None + Pending Out, alice sends: unsubscribe → None.",
    );
    expect(pending.classList.contains('sd-node-marked')).toBe(true);
    const inbound = container.querySelector('.sd-view-inbound .sd-node[data-state="none"]')!;
    expect(inbound.getAttribute('aria-label')).toContain('From None, bob sends: subscribe → None + Pending In.');
  });

  it('offers the two sides as radio buttons, and the table as the text alternative', () => {
    render(<StateDiagram idBase="sd" locale="de" user="alice" contact="bob" />);
    const group = screen.getByRole('group', { name: 'Pfeile für Stanzas, die' });
    expect(within(group).getAllByRole('radio').map((r) => (r.parentElement as HTMLElement).textContent)).toEqual(['alice sendet', 'bob sendet']);
    const rows = screen.getAllByRole('row').slice(2);
    expect(rows.length).toBe(9);
    const toIn = rows.find((r) => r.querySelector('th')!.textContent === 'To + Pending In')!;
    // outbound subscribe, subscribed, unsubscribe, unsubscribed; then inbound in the same order
    expect([...toIn.querySelectorAll('td')].slice(1).map((c) => c.textContent)).toEqual([
      '–keine Änderung',
      'Both',
      'None + Pending In',
      'To',
      '–keine Änderung',
      '–keine Änderung',
      'To',
      'None + Pending In',
    ]);
  });
});
