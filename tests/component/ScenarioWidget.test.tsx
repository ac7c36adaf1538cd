// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioWidget, clampStep, WIDGET_SEED } from '../../app/_components/scenario/ScenarioWidget';
import { formatNote } from '../../app/_i18n/notes';
import { widget } from '../../app/_i18n/widget';
import { getPreset } from '../../lib/scenarios/presets/index';
import { runScenario } from '../../lib/scenarios/run';
import { utf8Decode } from '../../lib/bytes/hex';

const hello = getPreset('hello')!;
const trace = runScenario(hello, { seed: WIDGET_SEED }).trace;
const total = trace.events.length;
/** The step that shows alice's <message> arriving at her server (-1 if the simulation never sends one). */
const messageStep = (trace.events.find((e) => e.kind === 'wire' && e.from === 'alice' && utf8Decode(e.wire!).startsWith('<message'))?.seq ?? -2) + 1;

afterEach(() => {
  cleanup();
  // The widget keeps ?step=N in the URL; start every test from a clean address.
  window.history.replaceState(null, '', '/');
});

function widgetRoot(): HTMLElement {
  return document.querySelector('[data-scenario-widget]') as HTMLElement;
}

function narration(): string {
  return screen.getByTestId('narration').textContent ?? '';
}

describe('ScenarioWidget', () => {
  it('renders the hello scenario with its title, both views and step 0', () => {
    render(<ScenarioWidget id="hello" locale="en" />);
    expect(screen.getByRole('heading', { name: hello.title.en })).toBeTruthy();
    expect(screen.getByTestId('step-counter').textContent).toContain(`step 0 / ${total}`);
    expect(narration()).toContain(hello.summary.en);
    // Network and Sequence SVGs, each with a title and a description.
    const svgs = document.querySelectorAll('svg[role="img"], svg[role="group"]');
    expect(svgs.length).toBe(2);
    for (const svg of svgs) {
      expect(svg.querySelector('title')?.textContent).toBeTruthy();
      expect(svg.querySelector('desc')?.textContent).toBeTruthy();
    }
  });

  it('steps forward with the button and the narration follows', () => {
    render(<ScenarioWidget id="hello" locale="en" />);
    fireEvent.click(screen.getByRole('button', { name: widget.en.forward }));
    expect(screen.getByTestId('step-counter').textContent).toContain(`step 1 / ${total}`);
    expect(narration()).toContain(formatNote(trace.events[0]!.note, 'en'));
    fireEvent.click(screen.getByRole('button', { name: widget.en.forward }));
    expect(narration()).toContain(formatNote(trace.events[1]!.note, 'en'));
    fireEvent.click(screen.getByRole('button', { name: widget.en.back }));
    expect(narration()).toContain(formatNote(trace.events[0]!.note, 'en'));
  });

  it('steps with the keyboard inside the widget: arrows, Home/End (PageUp/PageDown go by chapter: ChapterKeys.test.tsx)', () => {
    render(<ScenarioWidget id="hello" locale="en" />);
    const root = widgetRoot();
    fireEvent.keyDown(root, { key: 'ArrowRight' });
    fireEvent.keyDown(root, { key: 'ArrowRight' });
    expect(root.dataset.step).toBe('2');
    fireEvent.keyDown(root, { key: 'ArrowLeft' });
    expect(root.dataset.step).toBe('1');
    fireEvent.keyDown(root, { key: 'End' });
    expect(root.dataset.step).toBe(String(total));
    fireEvent.keyDown(root, { key: 'ArrowRight' });
    expect(root.dataset.step).toBe(String(total));
    fireEvent.keyDown(root, { key: 'Home' });
    expect(root.dataset.step).toBe('0');
    fireEvent.keyDown(root, { key: 'ArrowLeft' });
    expect(root.dataset.step).toBe('0');
  });

  it('shows the <message> XML in the Inspector at the step where alice sends it', () => {
    expect(messageStep, 'hello must send alice\'s <message>').toBeGreaterThan(0);
    render(<ScenarioWidget id="hello" locale="en" />);
    const root = widgetRoot();
    for (let i = 0; i < messageStep - 1; i++) fireEvent.keyDown(root, { key: 'ArrowRight' });
    expect(screen.queryByTestId('inspector-xml')?.textContent ?? '').not.toMatch(/^<message/);
    fireEvent.keyDown(root, { key: 'ArrowRight' });
    const xml = screen.getByTestId('inspector-xml').textContent ?? '';
    expect(xml).toMatch(/^<message/);
    expect(xml).toContain('Hi Bob! Lunch at noon?');
    // Shown as text: no element was created from the stanza.
    expect(document.querySelector('[data-testid="inspector-xml"] message')).toBeNull();
  });

  it('marks the SASL credentials inside <auth> in the XML view', () => {
    const authStep = (trace.events.find((e) => e.layers.some((l) => l.layer === 'sasl'))?.seq ?? -2) + 1;
    expect(authStep, 'hello must log in with SASL').toBeGreaterThan(0);
    render(<ScenarioWidget id="hello" locale="en" initialStep={authStep} />);
    const mark = document.querySelector('[data-testid="inspector-xml"] mark.mlw-layer-sasl');
    expect(mark).not.toBeNull();
    const ev = trace.events[authStep - 1]!;
    const sasl = ev.layers.find((l) => l.layer === 'sasl')!;
    expect(mark!.textContent).toBe(utf8Decode(ev.wire!.subarray(sasl.start, sasl.end)));
    // …and what that base64 says: SASL PLAIN's authzid NUL authcid NUL password (RFC 4616).
    expect(document.querySelector('.mlw-decoded')?.textContent).toMatch(/^\\0\w+\\0\w+$/);
  });

  it('opens a table of all events, and a row takes you to its step', () => {
    render(<ScenarioWidget id="hello" locale="en" initialStep={3} />);
    fireEvent.click(screen.getByRole('tab', { name: widget.en.tabEvents }));
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(total + 1);
    fireEvent.click(within(table).getByRole('button', { name: `Go to step ${messageStep}` }));
    expect(widgetRoot().dataset.step).toBe(String(messageStep));
  });

  it('moves between Inspector tabs with the arrow keys (WAI-ARIA tabs)', () => {
    render(<ScenarioWidget id="hello" locale="en" initialStep={4} />);
    const xmlTab = screen.getByRole('tab', { name: 'XML' });
    expect(xmlTab.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(xmlTab, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: widget.en.tabLayers }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toContain('SASL');
    // The widget did not step: the tablist kept the key.
    expect(widgetRoot().dataset.step).toBe('4');
    fireEvent.keyDown(screen.getByRole('tab', { name: widget.en.tabLayers }), { key: 'End' });
    // End: the last tab (Ledger; hello has no OTR, so no Ratchet tab).
    expect(screen.getByRole('tab', { name: widget.en.tabLedger }).getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByRole('tab', { name: widget.en.tabRatchet })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: widget.en.tabHex }));
    expect(screen.getByTestId('inspector-hex').textContent).toMatch(/^0000 {2}[0-9a-f]{4} /);
    fireEvent.click(screen.getByRole('tab', { name: widget.en.tabState }));
    expect(screen.getByTestId('inspector-state').textContent).toBeTruthy();
  });

  it('plays and pauses with Space', async () => {
    render(<ScenarioWidget id="hello" locale="en" />);
    const root = widgetRoot();
    fireEvent.keyDown(root, { key: ' ' });
    expect(screen.getByRole('button', { name: widget.en.pause })).toBeTruthy();
    await act(async () => {
      await new Promise((r) => setTimeout(r, 400));
    });
    expect(Number(root.dataset.step)).toBeGreaterThanOrEqual(1);
    fireEvent.keyDown(root, { key: ' ' });
    expect(screen.getByRole('button', { name: widget.en.play })).toBeTruthy();
  });

  it('does not take keys from form fields', () => {
    render(<ScenarioWidget id="hello" locale="en" initialStep={2} />);
    const speed = screen.getByLabelText(widget.en.speed);
    fireEvent.keyDown(speed, { key: 'ArrowRight' });
    fireEvent.keyDown(speed, { key: 'Home' });
    expect(widgetRoot().dataset.step).toBe('2');
  });

  it('enters and leaves presenter mode (Esc)', () => {
    render(<ScenarioWidget id="hello" locale="en" />);
    fireEvent.click(screen.getByRole('button', { name: widget.en.presenterEnter }));
    expect(widgetRoot().className).toContain('mlw--presenter');
    fireEvent.keyDown(widgetRoot(), { key: 'Escape' });
    expect(widgetRoot().className).not.toContain('mlw--presenter');
  });

  it('speaks German', () => {
    render(<ScenarioWidget id="hello" locale="de" initialStep={1} />);
    expect(screen.getByRole('heading', { name: hello.title.de })).toBeTruthy();
    expect(screen.getByTestId('step-counter').textContent).toContain(`Schritt 1 / ${total}`);
    expect(narration()).toContain(formatNote(trace.events[0]!.note, 'de'));
    expect(screen.getByRole('tab', { name: 'Schichten' })).toBeTruthy();
  });

  it('shows a translated error box for an unknown scenario, never a crash', () => {
    render(<ScenarioWidget id="no-such-thing" locale="de" />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(widget.de.unknownTitle);
    expect(alert.textContent).toContain('„no-such-thing“');
  });

  it('clamps an out-of-range or broken initial step', () => {
    render(<ScenarioWidget id="hello" locale="en" initialStep={9999} />);
    expect(widgetRoot().dataset.step).toBe(String(total));
    cleanup();
    window.history.replaceState(null, '', '/');
    render(<ScenarioWidget id="hello" locale="en" initialStep={Number.NaN} />);
    expect(widgetRoot().dataset.step).toBe('0');
  });
});

describe('clampStep', () => {
  it('accepts integers in range and clamps or ignores the rest', () => {
    expect(clampStep('7', 25)).toBe(7);
    expect(clampStep(' 7 ', 25)).toBe(7);
    expect(clampStep('99', 25)).toBe(25);
    expect(clampStep('-3', 25)).toBe(0);
    expect(clampStep('abc', 25, 4)).toBe(4);
    expect(clampStep('7abc', 25, 4)).toBe(4);
    expect(clampStep('', 25, 4)).toBe(4);
    expect(clampStep(Number.POSITIVE_INFINITY, 25, 2)).toBe(2);
    expect(clampStep(3.7, 25)).toBe(3);
  });
});
