// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_METADATA } from '../../app/_components/knowledge/KnowledgePanel';
import { ScenarioWidget, WIDGET_SEED } from '../../app/_components/scenario/ScenarioWidget';
import { fill } from '../../app/_i18n/locales';
import { widget } from '../../app/_i18n/widget';
import { listObservers } from '../../lib/knowledge/observe';
import { getPreset, presets } from '../../lib/scenarios/presets/index';
import { runScenario } from '../../lib/scenarios/run';
import { observeUpTo } from '../../lib/viz/knowledge';

const total = runScenario(getPreset('otr-deniability')!, { seed: WIDGET_SEED }).trace.events.length;

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

const root = () => document.querySelector('[data-scenario-widget]') as HTMLElement;

function forgerAt(locale: 'en' | 'de', step: number) {
  render(<ScenarioWidget id="otr-deniability" locale={locale} initialStep={step} />);
  fireEvent.click(screen.getByRole('tab', { name: widget[locale].tabKnowledge }));
  const panel = screen.getByRole('tabpanel');
  fireEvent.click(within(panel).getByRole('radio', { name: new RegExp(widget[locale].kindForger) }));
  return panel;
}

const lines = (id: string) => [...(screen.queryByTestId(id)?.querySelectorAll('li') ?? [])].map((li) => li.textContent ?? '');

describe('the forger in the Knowledge tab', () => {
  for (const locale of ['en', 'de'] as const) {
    const w = widget[locale];
    it(`${locale}: names each forgery and its verdict, links its steps, and shows no raw fields`, () => {
      const panel = forgerAt(locale, total);
      const forged = lines('forger-forgeries');
      expect(forged).toHaveLength(3);
      // Signed offer (step 28): exposed. OTR offer (step 42): its MAC key came at step 52. "Friday at six." never.
      expect(forged[0]).toContain(fill(w.knowForged, { claims: 'I’ll pay 900 € for the bike.', step: 28, verdict: w.knowForgedSigBad }));
      expect(forged[1]).toContain(fill(w.knowForged, { claims: 'I’ll pay 900 € for the bike.', step: 42, verdict: fill(w.knowForgedMacOk, { at: 52 }) }));
      expect(forged[2]).toContain(w.knowForgeNoMacKey);
      expect(forged[2]).toContain(fill(w.knowForgeFailed, { find: 'six', replace: 'ten', step: 48, reason: w.knowForgeNoMacKey }));
      const recorded = lines('forger-recorded');
      expect(recorded).toHaveLength(6);
      expect(recorded[0]).toBe(fill(w.knowRecSignedOk, { step: 28, from: 'alice@a.example', to: 'bob@a.example', text: 'I’ll pay 100 € for the bike.', signer: 'alice@a.example' }));
      expect(recorded[1]).toContain('c983 26fc');
      expect(panel.textContent).toContain(w.knowRecorded);
      expect(panel.textContent).toContain(w.knowForgeries);
      expect(panel.textContent).not.toContain(w.knowMore);
      expect(panel.textContent).not.toMatch(/macKeyRevealedAt|signatureValid|forgeries/);
      expect(panel.querySelector('.mlw-json')).toBeNull();
      // The step where the MAC key was published is a link that moves the cursor there.
      fireEvent.click(within(screen.getByTestId('forger-forgeries')).getAllByRole('button', { name: fill(w.goToStep, { step: 52 }) })[0]!);
      expect(root().dataset.step).toBe('52');
    });
  }

  it('before the MAC key is published, the OTR forgery is not possible yet', () => {
    forgerAt('en', 50);
    const forged = lines('forger-forgeries');
    expect(forged[0]).toContain(widget.en.knowForgedSigBad);
    expect(forged[1]).toContain(fill(widget.en.knowForgeFailed, { find: '100', replace: '900', step: 42, reason: widget.en.knowForgeNoMacKey }));
  });

  it('before anything is recorded, each edit waits for its message', () => {
    forgerAt('de', 5);
    expect(lines('forger-recorded')).toHaveLength(0);
    expect(lines('forger-forgeries')[0]).toContain(widget.de.knowForgeNoMessage);
  });

  it('no observer of any preset has a metadata field without a label', () => {
    for (const p of presets) {
      const trace = runScenario(p, { seed: WIDGET_SEED }).trace;
      for (const o of listObservers(p)) {
        const md = observeUpTo(p, trace, o.name, trace.events.length)?.metadata ?? {};
        expect(Object.keys(md).filter((k) => !KNOWN_METADATA.has(k)), `${p.id} ${o.name}`).toEqual([]);
      }
    }
  });
});
