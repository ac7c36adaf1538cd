// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioWidget, WIDGET_SEED } from '../../app/_components/scenario/ScenarioWidget';
import { formatNote } from '../../app/_i18n/notes';
import { widget } from '../../app/_i18n/widget';
import { isPrimaryNote } from '../../lib/narration/primary';
import { getPreset } from '../../lib/scenarios/presets/index';
import { runScenario } from '../../lib/scenarios/run';

const trace = runScenario(getPreset('otr-forward-secrecy')!, { seed: WIDGET_SEED }).trace;
const theft = trace.events[71]!;

afterEach(() => {
  cleanup();
  document.body.style.overflow = '';
  // The widget, alone on the page, keeps its view in the URL (notes=1, presenter=1): start each test clean.
  window.history.replaceState(null, '', '/');
});

describe('the extra narration folds behind "More (+N)", on the page and in presenter mode', () => {
  for (const locale of ['en', 'de'] as const) {
    const w = widget[locale];
    it(`${locale}: the notes fold behind a button, stay in the live region, and open with it`, () => {
      render(<ScenarioWidget id="otr-forward-secrecy" locale={locale} initialStep={72} />);
      // The theft's notes all say what the copy holds: key facts, always shown; only the closing note folds.
      const effects = theft.effects.map((n) => formatNote(n, locale));
      expect(effects.length).toBeGreaterThan(1);
      expect(theft.effects.every(isPrimaryNote)).toBe(true);
      // On the page the notes fold too, so the sticky band keeps its height (issue #9, item 3)…
      const onPage = screen.getByTestId('narration-fold');
      expect(onPage.getAttribute('aria-expanded')).toBe('false');
      expect(onPage.textContent).toBe(`${w.narrationMore} (+1)`);
      // …and the main sentence is whole, in presenter mode as well (issue #9, item 1).
      expect(screen.getByTestId('narration').querySelector('.mlw-narration-main')?.textContent).toBe(formatNote(theft.note, locale));
      fireEvent.click(screen.getByRole('button', { name: w.presenterEnter }));
      const fold = screen.getByTestId('narration-fold');
      expect(fold.getAttribute('aria-expanded')).toBe('false');
      expect(fold.textContent).toBe(`${w.narrationMore} (+1)`);
      const live = screen.getByTestId('narration');
      for (const e of effects) expect(live.textContent).toContain(e);
      const primary = screen.getByTestId('narration-primary');
      expect([...primary.querySelectorAll('li')].map((li) => li.textContent)).toEqual(effects);
      expect(primary.classList.contains('mlw-visually-hidden')).toBe(false);
      const list = live.querySelector('ul:not([data-testid="narration-primary"])')!;
      expect(list.textContent).toBe(w.narrationEnd);
      expect(list.classList.contains('mlw-visually-hidden')).toBe(true);
      expect(fold.getAttribute('aria-controls')).toBe(list.id);
      fireEvent.click(fold);
      expect(fold.getAttribute('aria-expanded')).toBe('true');
      expect(fold.textContent).toBe(w.narrationLess);
      expect(list.classList.contains('mlw-visually-hidden')).toBe(false);
    });
  }
});
