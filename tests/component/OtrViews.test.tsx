// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioWidget, WIDGET_SEED } from '../../app/_components/scenario/ScenarioWidget';
import { widget } from '../../app/_i18n/widget';
import { getPreset } from '../../lib/scenarios/presets/index';
import { runScenario } from '../../lib/scenarios/run';
import { revealsInText } from '../../lib/viz/ratchet';
import { otrTextOf } from '../../lib/viz/otr-frames';

const preset = getPreset('otr-ake');
const trace = preset ? runScenario(preset, { seed: WIDGET_SEED }).trace : null;
const total = trace?.events.length ?? 0;
/** Steps (seq + 1) of the first Data Message on alice's link, and of the first one that reveals MAC keys. */
const dataStep = (trace?.events.find((e) => e.kind === 'wire' && e.link === 'alice~a.example' && e.from === 'alice' && /^\?OTR:AAMD/.test(otrTextOf(e) ?? ''))?.seq ?? -2) + 1;
const revealStep = (trace?.events.find((e) => e.kind === 'wire' && revealsInText(otrTextOf(e) ?? '').length > 0)?.seq ?? -2) + 1;

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

const root = () => document.querySelector('[data-scenario-widget]') as HTMLElement;

describe.skipIf(!preset)('OTR in the widget (otr-ake)', () => {
  it('dissects a Data Message in the Inspector: key ids, counter, ciphertext size, MAC', () => {
    expect(dataStep).toBeGreaterThan(0);
    render(<ScenarioWidget id="otr-ake" locale="en" initialStep={dataStep} />);
    const otr = screen.getByTestId('inspector-otr');
    expect(otr.textContent).toContain('Data, protocol version 3');
    for (const label of [widget.en.fSenderKeyid, widget.en.fRcptKeyid, widget.en.fCounter, widget.en.fEncMsg, widget.en.fMac, widget.en.otrInstances]) expect(otr.textContent).toContain(label);
    // The receiving party at this hop is the server: it relays ciphertext.
    expect(otr.textContent).toContain('a.example passes on ciphertext');
    expect(screen.queryByTestId('otr-plaintext')).toBeNull();
  });

  it('with a lens: the tap cannot read the Data Message, alice (who wrote it) can', () => {
    render(<ScenarioWidget id="otr-ake" locale="en" initialStep={dataStep} />);
    fireEvent.change(screen.getByTestId('lens-select'), { target: { value: 'tap:alice~a.example' } });
    expect(screen.getByTestId('otr-locked').textContent).toContain('alice ↔ a.example cannot read it');
    fireEvent.change(screen.getByTestId('lens-select'), { target: { value: 'alice' } });
    expect(screen.getByTestId('otr-plaintext').textContent).toContain('Can anyone else read this?');
  });

  it('the Knowledge tab shows the tap a lock for every OTR message and no plaintext', () => {
    render(<ScenarioWidget id="otr-ake" locale="en" initialStep={total} />);
    fireEvent.click(screen.getByRole('tab', { name: widget.en.tabKnowledge }));
    fireEvent.click(within(screen.getByRole('tabpanel')).getByRole('radio', { name: /alice ↔ a\.example/ }));
    const table = screen.getByTestId('knowledge-messages');
    expect(within(table).getAllByTestId('knowledge-locked').length).toBeGreaterThanOrEqual(4);
    expect(table.textContent).not.toContain('Can anyone else read this?');
  });

  it('the Ratchet tab exists only with OTR, and shows both parties with key ids rising', () => {
    render(<ScenarioWidget id="otr-ake" locale="en" initialStep={revealStep} />);
    fireEvent.click(screen.getByRole('tab', { name: widget.en.tabRatchet }));
    const view = screen.getByTestId('ratchet');
    const parties = view.querySelectorAll('[data-party]');
    expect([...parties].map((p) => p.getAttribute('data-party'))).toEqual(['alice', 'bob']);
    const ids = [...view.querySelectorAll('[data-testid="ratchet-keyids"]')].map((d) => Number(d.getAttribute('data-ours')));
    expect(Math.max(...ids)).toBeGreaterThan(2);
    // Forgotten keys are listed with the step they were forgotten, as a link that moves the cursor.
    const forgotten = view.querySelector('[data-state="forgotten"] button')!;
    expect(forgotten).not.toBeNull();
    fireEvent.click(forgotten);
    expect(Number(root().dataset.step)).toBeLessThan(revealStep);
  });

  it('shows the AKE state only while the key exchange runs', () => {
    const akeStep = (trace!.events.find((e) => e.note.key === 'otr.dh-key-send')?.seq ?? -2) + 1;
    expect(akeStep).toBeGreaterThan(0);
    render(<ScenarioWidget id="otr-ake" locale="en" initialStep={akeStep} />);
    fireEvent.click(screen.getByRole('tab', { name: widget.en.tabRatchet }));
    const states = screen.getAllByTestId('ratchet-ake').map((d) => d.textContent);
    expect(states).toContain(widget.en.akeAwaitingRevealsig);
    fireEvent.keyDown(root(), { key: 'End' });
    expect(screen.queryAllByTestId('ratchet-ake')).toHaveLength(0);
  });

  it('a revealed MAC key is listed with the step where it crossed the link', () => {
    render(<ScenarioWidget id="otr-ake" locale="en" initialStep={revealStep} />);
    fireEvent.click(screen.getByRole('tab', { name: widget.en.tabRatchet }));
    const list = screen.getByTestId('ratchet-revealed');
    expect(list.textContent).toContain(`step ${revealStep}`);
    fireEvent.click(within(list).getByRole('button', { name: `Go to step ${revealStep}` }));
    expect(root().dataset.step).toBe(String(revealStep));
  });

  it('speaks German', () => {
    render(<ScenarioWidget id="otr-ake" locale="de" initialStep={revealStep} />);
    fireEvent.click(screen.getByRole('tab', { name: widget.de.tabRatchet }));
    expect(screen.getByTestId('ratchet').textContent).toContain(widget.de.rOurKeys);
    fireEvent.click(screen.getByRole('tab', { name: widget.de.tabXml }));
    expect(screen.getByTestId('inspector-otr').textContent).toContain(widget.de.fOldMacs);
  });
});

describe('Ratchet tab without OTR', () => {
  it('is not offered for hello', () => {
    render(<ScenarioWidget id="hello" locale="en" />);
    expect(screen.queryByRole('tab', { name: widget.en.tabRatchet })).toBeNull();
  });
});

const mitm = getPreset('otr-mitm');
describe.skipIf(!mitm)('Ratchet view of otr-mitm', () => {
  it('shows the operator’s two sessions between alice’s and bob’s, marked as the man in the middle', () => {
    const n = runScenario(mitm!, { seed: WIDGET_SEED }).trace.events.length;
    render(<ScenarioWidget id="otr-mitm" locale="en" initialStep={n} />);
    fireEvent.click(screen.getByRole('tab', { name: widget.en.tabRatchet }));
    const parties = [...screen.getByTestId('ratchet').querySelectorAll('[data-party]')];
    expect(parties.map((p) => [p.getAttribute('data-party'), p.getAttribute('data-posing')])).toEqual([
      ['alice', null],
      ['a.example', 'true'],
      ['a.example', 'true'],
      ['bob', null],
    ]);
    expect(parties[1]!.textContent).toContain(widget.en.rMitm);
    expect(parties[1]!.getAttribute('aria-label')).toBe('a.example’s session with alice, posing as bob');
    // alice's "their key" is the operator's own key in its session with her, not bob's.
    const theirs = parties[0]!.querySelector('[data-keys="theirs"] code')?.getAttribute('title');
    const operatorOurs = [...parties[1]!.querySelectorAll('[data-keys="ours"] code')].map((c) => c.getAttribute('title'));
    expect(operatorOurs).toContain(theirs);
  });
});
