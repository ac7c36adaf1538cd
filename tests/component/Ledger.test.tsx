// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioWidget, WIDGET_SEED } from '../../app/_components/scenario/ScenarioWidget';
import { widget } from '../../app/_i18n/widget';
import { getPreset } from '../../lib/scenarios/presets/index';
import { runScenario } from '../../lib/scenarios/run';

const helloTotal = runScenario(getPreset('hello')!, { seed: WIDGET_SEED }).trace.events.length;
const root = () => document.querySelector('[data-scenario-widget]') as HTMLElement;

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('Ledger tab', () => {
  it('without a lens it offers its own choice; a tap without TLS has the password; a step link moves the cursor', () => {
    render(<ScenarioWidget id="hello" locale="en" initialStep={helloTotal} />);
    fireEvent.click(screen.getByRole('tab', { name: widget.en.tabLedger }));
    const panel = screen.getByTestId('inspector-ledger');
    fireEvent.change(within(panel).getByLabelText(widget.en.ledgerObserver), { target: { value: 'tap:alice~a.example' } });
    expect(panel.textContent).toContain(`What alice ↔ a.example has learned up to step ${helloTotal}`);
    const credentials = panel.querySelector('section[data-group="credentials"]')!;
    expect(credentials.textContent).toContain('the password of alice: “wonderland”');
    const message = panel.querySelector('section[data-group="messages"] li')!;
    expect(message.textContent).toMatch(/alice@a\.example → bob@a\.example, \d+ ms, \d+ B: “Hi Bob! Lunch at noon\?”/);
    const link = within(message as HTMLElement).getByRole('button');
    fireEvent.click(link);
    expect(root().dataset.step).toBe(link.textContent);
    expect(panel.textContent).toContain(`up to step ${link.textContent}`);
  });

  it('speaks German: the server holds messages for bob, and a stream header read in clear names only the server', () => {
    render(<ScenarioWidget id="offline-message" locale="de" initialStep={60} />);
    fireEvent.click(screen.getByRole('tab', { name: widget.de.tabLedger }));
    const panel = screen.getByTestId('inspector-ledger');
    fireEvent.change(within(panel).getByLabelText(widget.de.ledgerObserver), { target: { value: 'a.example' } });
    expect(panel.textContent).toContain('Was a.example bis Schritt');
    expect(panel.querySelector('section[data-group="offline"]')!.textContent).toContain('hält eine Nachricht von alice@a.example/laptop für bob@a.example bereit (120 B)');
    expect(panel.querySelector('section[data-group="connections"]')!.textContent).toContain('ein Stream an a.example, sein Header im Klartext');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
