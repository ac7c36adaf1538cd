// @vitest-environment happy-dom
/**
 * The narration band under the "Seen by" lens tells the step as that observer has it (issue #9, item 4),
 * keeps the whole story behind "What really happens", and shows a step's key facts only when the observer
 * has the step.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioWidget, WIDGET_SEED } from '../../app/_components/scenario/ScenarioWidget';
import { formatNote } from '../../app/_i18n/notes';
import { widget } from '../../app/_i18n/widget';
import { getPreset } from '../../lib/scenarios/presets/index';
import { runScenario } from '../../lib/scenarios/run';

afterEach(() => {
  cleanup();
  // The widget, alone on the page, keeps its view in the URL (lens, notes=1): start each test clean.
  window.history.replaceState(null, '', '/');
});

const main = () => screen.getByTestId('narration').querySelector('.mlw-narration-main')!.textContent ?? '';
const lens = (name: string) => fireEvent.change(screen.getByTestId('lens-select'), { target: { value: name } });

describe('c2s-login step 12 seen by the tap on alice’s link', () => {
  const ev = runScenario(getPreset('c2s-login')!, { seed: WIDGET_SEED }).trace.events[11]!;
  const expected = {
    en: 'Seen by Eavesdropper on a link (alice ↔ a.example): a TLS record, 204 bytes, from 192.0.2.10 to 198.51.100.10. It is encrypted: what it carries stays hidden.',
    de: 'Aus Sicht von Lauscher auf einer Leitung (alice ↔ a.example): ein TLS-Record, 204 Bytes, von 192.0.2.10 an 198.51.100.10. Er ist verschlüsselt: Was er enthält, bleibt verborgen.',
  };
  for (const locale of ['en', 'de'] as const) {
    it(`${locale}: the band tells the record, not the SCRAM proof; the whole story waits behind the fold`, () => {
      render(<ScenarioWidget id="c2s-login" locale={locale} initialStep={12} />);
      const full = formatNote(ev.note, locale);
      expect(main()).toBe(full);
      lens('tap:alice~a.example');
      expect(main()).toBe(expected[locale]);
      expect(main()).not.toMatch(/SCRAM|proof|Beweis/);
      const fold = screen.getByTestId('narration-fold');
      expect(fold.textContent).toBe(widget[locale].storyWhole);
      expect(fold.getAttribute('aria-expanded')).toBe('false');
      // Folded, the whole story is not in the live region either: a screen reader hears what the lens has.
      expect(screen.getByTestId('narration').textContent).not.toContain(full);
      fireEvent.click(fold);
      expect(screen.getByTestId('narration').querySelector('.mlw-effects')!.textContent).toContain(full);
      // The observer that holds the key has the normal story again.
      lens('alice');
      expect(main()).toBe(full);
    });
  }
});

describe('otr-mitm step 45: key facts only for an observer that has the step', () => {
  const ev = runScenario(getPreset('otr-mitm')!, { seed: WIDGET_SEED }).trace.events[44]!;
  it('no lens and the operator in the middle: the operator reading alice’s message is always shown', () => {
    render(<ScenarioWidget id="otr-mitm" locale="en" initialStep={45} />);
    const read = formatNote(ev.effects.find((n) => n.key === 'mitm.read')!, 'en');
    expect(screen.getByTestId('narration-primary').textContent).toBe(read);
    lens('operator:a.example');
    expect(main()).toBe(formatNote(ev.note, 'en'));
    expect(screen.getByTestId('narration-primary').textContent).toBe(read);
    // The tap on alice's link sees an OTR message it cannot open: no key fact it does not have.
    lens('tap:alice~a.example');
    expect(main()).toMatch(/^Seen by Eavesdropper on a link \(alice ↔ a\.example\): an OTR-encrypted message, 574 bytes, from alice@a\.example to bob@a\.example\/phone\./);
    expect(screen.queryByTestId('narration-primary')).toBeNull();
  });
});
