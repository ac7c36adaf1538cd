// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioWidget, WIDGET_SEED } from '../../app/_components/scenario/ScenarioWidget';
import { widget } from '../../app/_i18n/widget';
import { getPreset } from '../../lib/scenarios/presets/index';
import { runScenario } from '../../lib/scenarios/run';

const helloTotal = runScenario(getPreset('hello')!, { seed: WIDGET_SEED }).trace.events.length;
const chat = runScenario(getPreset('chat-local')!, { seed: WIDGET_SEED }).trace;

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

const root = () => document.querySelector('[data-scenario-widget]') as HTMLElement;

function openKnowledge(locale: 'en' | 'de' = 'en') {
  fireEvent.click(screen.getByRole('tab', { name: widget[locale].tabKnowledge }));
  return screen.getByRole('tabpanel');
}

describe('Knowledge lens', () => {
  it('lists every observer with its kind, and asks for a choice first', () => {
    render(<ScenarioWidget id="hello" locale="en" initialStep={helloTotal} />);
    const panel = openKnowledge();
    expect(panel.textContent).toContain(widget.en.knowNone);
    const radios = within(panel).getAllByRole('radio');
    // hello: two clients, one server, two taps, one operator.
    expect(radios).toHaveLength(6);
    const group = within(panel).getByRole('group', { name: widget.en.knowPick });
    expect(group.textContent).toContain('alice ↔ a.example');
    expect(group.textContent).toContain(widget.en.kindTap);
    expect(group.textContent).toContain(widget.en.kindOperator);
  });

  it('a tap on a link without TLS reads the message and the password; the diagram dims what it did not see', () => {
    render(<ScenarioWidget id="hello" locale="en" initialStep={helloTotal} />);
    const panel = openKnowledge();
    fireEvent.click(within(panel).getByRole('radio', { name: /alice ↔ a\.example/ }));
    const messages = screen.getByTestId('knowledge-messages');
    expect(messages.textContent).toContain('Hi Bob! Lunch at noon?');
    expect(panel.textContent).toContain(widget.en.knowCredentials);
    expect(panel.querySelector('.mlw-know-danger')?.textContent).toContain('alice');
    // Arrows on bob's link are dimmed, those on alice's link are not.
    const arrows = [...document.querySelectorAll('.mlw-arrow')];
    expect(arrows.some((a) => a.classList.contains('mlw-unseen'))).toBe(true);
    expect(arrows.some((a) => !a.classList.contains('mlw-unseen'))).toBe(true);
    expect(document.querySelector('.mlw-lens-note')?.textContent).toContain('alice ↔ a.example');
    // The last step happens on bob's link: the network's packet is faint too.
    expect(document.querySelector('.mlw-packet')?.classList.contains('mlw-unseen')).toBe(true);
    // The header's lens follows the choice; "everyone" turns the dimming off again.
    const lens = screen.getByTestId('lens-select') as HTMLSelectElement;
    expect(lens.value).toBe('tap:alice~a.example');
    fireEvent.change(lens, { target: { value: '' } });
    expect(document.querySelectorAll('.mlw-unseen')).toHaveLength(0);
  });

  it('shows only what was learned by the current step', () => {
    render(<ScenarioWidget id="hello" locale="en" initialStep={0} />);
    fireEvent.change(screen.getByTestId('lens-select'), { target: { value: 'tap:alice~a.example' } });
    openKnowledge();
    expect(screen.getByTestId('knowledge-summary').textContent).toContain('has seen 0 events');
    expect(screen.queryByTestId('knowledge-messages')).toBeNull();
    fireEvent.keyDown(root(), { key: 'End' });
    expect(screen.getByTestId('knowledge-messages').textContent).toContain('Hi Bob!');
  });

  it('inside TLS a tap sees sizes and times behind a lock, while alice reads her own message', () => {
    render(<ScenarioWidget id="chat-local" locale="en" initialStep={chat.events.length} />);
    const panel = openKnowledge();
    fireEvent.click(within(panel).getByRole('radio', { name: /alice ↔ a\.example/ }));
    expect(screen.getAllByTestId('knowledge-locked').length).toBeGreaterThan(0);
    expect(screen.getByTestId('knowledge-messages').textContent).not.toContain('Are you there?');
    expect(screen.getAllByTestId('knowledge-locked')[0]!.textContent).toContain(widget.en.knowLocked);
    fireEvent.click(within(panel).getByRole('radio', { name: /^alice\s*Client/ }));
    expect(screen.getByTestId('knowledge-messages').textContent).toContain('Are you there?');
  });

  it('a message row takes the cursor to its step', () => {
    render(<ScenarioWidget id="hello" locale="en" initialStep={helloTotal} />);
    const panel = openKnowledge();
    fireEvent.click(within(panel).getByRole('radio', { name: /bob ↔ a\.example/ }));
    const first = within(screen.getByTestId('knowledge-messages')).getAllByRole('button')[0]!;
    const target = first.textContent!;
    fireEvent.click(first);
    expect(root().dataset.step).toBe(target);
  });

  it('arrow keys on the observer radios move the choice, not the timeline', () => {
    render(<ScenarioWidget id="hello" locale="en" initialStep={3} />);
    const panel = openKnowledge();
    const radio = within(panel).getAllByRole('radio')[0]!;
    fireEvent.keyDown(radio, { key: 'ArrowRight' });
    expect(root().dataset.step).toBe('3');
  });

  it('speaks German', () => {
    render(<ScenarioWidget id="hello" locale="de" initialStep={helloTotal} />);
    const panel = openKnowledge('de');
    expect(within(panel).getByRole('group', { name: widget.de.knowPick })).toBeTruthy();
    expect(panel.textContent).toContain(widget.de.kindTap);
    expect(screen.getByText(widget.de.lensLabel)).toBeTruthy();
  });
});
