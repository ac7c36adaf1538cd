// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioWidget, WIDGET_SEED } from '../../app/_components/scenario/ScenarioWidget';
import { widget } from '../../app/_i18n/widget';
import { getPreset } from '../../lib/scenarios/presets/index';
import { runScenario } from '../../lib/scenarios/run';

const total = (id: string) => runScenario(getPreset(id)!, { seed: WIDGET_SEED }).trace.events.length;

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

function knowledgeOf(name: RegExp) {
  fireEvent.click(screen.getByRole('tab', { name: widget.en.tabKnowledge }));
  const panel = screen.getByRole('tabpanel');
  fireEvent.click(within(panel).getByRole('radio', { name }));
  return panel;
}

describe('the OTR attack presets in the widget', () => {
  it('otr-mitm: the operator’s lens reads what alice wrote, a tap’s does not', () => {
    render(<ScenarioWidget id="otr-mitm" locale="en" initialStep={total('otr-mitm')} />);
    knowledgeOf(/operator/i);
    expect(screen.getByTestId('knowledge-messages').textContent).toContain('The meeting moved to room 101.');
    cleanup();
    render(<ScenarioWidget id="otr-mitm" locale="en" initialStep={total('otr-mitm')} />);
    knowledgeOf(/alice ↔ a\.example/);
    expect(screen.getByTestId('knowledge-messages').textContent).not.toContain('The meeting moved to room 101.');
  });

  it('otr-deniability: the forger is offered as an observer and its forgeries are shown', () => {
    render(<ScenarioWidget id="otr-deniability" locale="en" initialStep={total('otr-deniability')} />);
    const panel = knowledgeOf(/forger/i);
    expect(panel.textContent).toContain('I’ll pay 900 € for the bike.');
  });
});
