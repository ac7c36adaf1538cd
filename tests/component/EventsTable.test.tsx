// @vitest-environment happy-dom
/**
 * The Inspector's Events table (the diagrams' text alternative) names every local event by what it is:
 * the action's own label in the reader's language, never "timer: action.otr-start".
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Inspector } from '../../app/_components/inspector/Inspector';
import { WIDGET_SEED } from '../../app/_components/scenario/ScenarioWidget';
import { widget } from '../../app/_i18n/widget';
import type { Locale } from '../../app/_i18n/locales';
import { getPreset } from '../../lib/scenarios/presets/index';
import { runScenario } from '../../lib/scenarios/run';

const scenario = getPreset('otr-ake')!;
const run = runScenario(scenario, { seed: WIDGET_SEED });
const otrStart = run.trace.events.find((e) => e.kind === 'action' && e.action?.type === 'otr-start')!;
const connect = run.trace.events.find((e) => e.kind === 'action' && e.action?.type === 'connect')!;

afterEach(cleanup);

/** The "What" cell of the row for trace event `seq`. */
function whatCell(locale: Locale, seq: number): string {
  render(<Inspector scenario={scenario} run={run} step={0} locale={locale} selectedNode={null} onSelectNode={() => {}} onSelectStep={() => {}} tab="events" onTab={() => {}} />);
  expect(screen.getByRole('tab', { name: widget[locale].tabEvents }).getAttribute('aria-selected')).toBe('true');
  const button = screen.getByRole('button', { name: widget[locale].goToStep.replace('{step}', String(seq + 1)) });
  const row = button.closest('tr')!;
  const cells = within(row).getAllByRole('cell');
  return cells[cells.length - 1]!.textContent ?? '';
}

describe('the Events table', () => {
  it('labels an otr-start action as starting OTR, in English', () => {
    const what = whatCell('en', otrStart.seq);
    expect(what).toBe('starts OTR');
    expect(what).not.toMatch(/timer|action\./i);
  });

  it('labels it in German too, with no English action id', () => {
    const what = whatCell('de', otrStart.seq);
    expect(what).toBe('startet OTR');
    expect(what).not.toMatch(/timer|action|otr-start/i);
  });

  it('keeps the labels it had for connect', () => {
    expect(whatCell('en', connect.seq)).toBe('connects');
    cleanup();
    expect(whatCell('de', connect.seq)).toBe('verbindet sich');
  });
});
