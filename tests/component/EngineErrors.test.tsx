// @vitest-environment happy-dom
/**
 * An engine error is never hidden and never blanks the page: the widget shows it, translated, where it
 * happened (a tab, the lens choice, or the whole widget), and everything else keeps working.
 * The engine functions are wrapped so a test can make one of them fail like a bug would.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../app/_i18n/locales';
import { widget } from '../../app/_i18n/widget';

const fail = vi.hoisted(() => ({ states: false, observers: false, layout: false }));

vi.mock('../../lib/scenarios/run', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../lib/scenarios/run')>();
  return {
    ...m,
    nodeStatesAfter: (...args: Parameters<typeof m.nodeStatesAfter>) => {
      if (fail.states) throw new Error('replay diverged at seq 3');
      return m.nodeStatesAfter(...args);
    },
  };
});
vi.mock('../../lib/knowledge/observe', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../lib/knowledge/observe')>();
  return {
    ...m,
    listObservers: (...args: Parameters<typeof m.listObservers>) => {
      if (fail.observers) throw new Error('unknown observer kind');
      return m.listObservers(...args);
    },
  };
});
vi.mock('../../lib/viz/sequence-layout', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../lib/viz/sequence-layout')>();
  return {
    ...m,
    layoutSequence: (...args: Parameters<typeof m.layoutSequence>) => {
      if (fail.layout) throw new Error('lane missing for node x');
      return m.layoutSequence(...args);
    },
  };
});

const { ScenarioWidget } = await import('../../app/_components/scenario/ScenarioWidget');

beforeEach(() => {
  fail.states = fail.observers = fail.layout = false;
  // React reports every error a boundary catches on the console; the test reads the page instead.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

const alerts = () => screen.queryAllByRole('alert').map((a) => a.textContent ?? '');

describe('engine errors in the widget', () => {
  for (const locale of ['en', 'de'] as Locale[]) {
    it(`shows a failing State tab as an error in the tab, with the message (${locale})`, () => {
      fail.states = true;
      render(<ScenarioWidget id="hello" locale={locale} initialStep={4} />);
      fireEvent.click(screen.getByRole('tab', { name: widget[locale].tabState }));
      const shown = alerts().join('\n');
      expect(shown).toContain('replay diverged at seq 3');
      expect(shown).toContain(widget[locale].panelFailed.split('{message}')[0]!.trim());
      expect(screen.queryByText(widget[locale].stateEmpty)).toBeNull();
      // The rest of the widget still works: another tab, the timeline.
      fireEvent.click(screen.getByRole('tab', { name: widget[locale].tabHex }));
      expect(alerts().join('\n')).not.toContain('replay diverged');
      fireEvent.click(screen.getByRole('button', { name: widget[locale].forward }));
      expect(screen.getByTestId('step-counter').textContent).toContain('5');
    });

    it(`says when the observers cannot be listed instead of silently dropping the lens (${locale})`, () => {
      fail.observers = true;
      render(<ScenarioWidget id="hello" locale={locale} />);
      const shown = alerts().join('\n');
      expect(shown).toContain('unknown observer kind');
      expect(shown).toContain(widget[locale].lensFailed.split('{message}')[0]!.trim());
      expect(screen.getByTestId('step-counter')).toBeTruthy();
    });

    it(`shows an error that breaks a view as a widget error, not a blank page (${locale})`, () => {
      fail.layout = true;
      render(<ScenarioWidget id="hello" locale={locale} />);
      const shown = alerts().join('\n');
      expect(shown).toContain(widget[locale].crashedTitle);
      expect(shown).toContain('lane missing for node x');
    });
  }

  it('keeps working when the browser refuses to change the address (a sandboxed page)', () => {
    vi.spyOn(window.history, 'replaceState').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    render(<ScenarioWidget id="hello" locale="en" />);
    fireEvent.click(screen.getByRole('button', { name: widget.en.forward }));
    expect(screen.getByTestId('step-counter').textContent).toContain('step 1');
    expect(alerts()).toEqual([]);
  });
});
