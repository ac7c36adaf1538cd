// @vitest-environment happy-dom
/**
 * `<Scorecard>` / `<Requirement>` (contract C5): an accessible table whose rows link to the scenario
 * page at the step where a requirement is met or broken, say so when no preset shows it yet, and name
 * the lessons that teach it — in English and German.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Requirement, Scorecard, type LessonRef } from '../../app/_components/lesson/Scorecard';

afterEach(cleanup);

const lessons: LessonRef[] = [{ slug: 'otr-key-exchange', order: 7, title: 'OTR: the authenticated key exchange' }];

function card(locale: 'en' | 'de') {
  return render(
    <Scorecard title="Requirements" locale={locale}>
      <Requirement
        id="e2e"
        name="End-to-end confidentiality"
        means="Only the apps read the text."
        met="otr-ake@40"
        metLens="a.example"
        metText="a.example relays without reading"
        broken="federation@67"
        brokenText="b.example reads it"
        lesson="otr-key-exchange"
        locale={locale}
        lessons={lessons}
      />
      <Requirement id="roles" name="Roles" means="The room decides." locale={locale} lessons={lessons} />
    </Scorecard>,
  );
}

describe('<Scorecard>', () => {
  it('is a table with a caption, four column headers and one row header per requirement', () => {
    card('en');
    const table = screen.getByRole('table', { name: 'Requirements' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Requirement', 'Met', 'Broken', 'Taught in']);
    expect(within(table).getAllByRole('rowheader').map((h) => h.querySelector('.scorecard-name')?.textContent)).toEqual(['End-to-end confidentiality', 'Roles']);
    expect(document.getElementById('req-e2e')).not.toBeNull();
  });

  it('links each side to the scenario page at its step, with the lens, and says what the link does', () => {
    card('en');
    const met = screen.getByRole('link', { name: /a\.example relays without reading/ });
    expect(met.getAttribute('href')).toBe('/en/scenarios/otr-ake/?step=40&lens=a.example');
    expect(met.textContent).toContain('OTR: the key exchange and the first private messages');
    expect(met.textContent).toContain('step 40');
    expect(met.textContent).toContain('opens the scenario at this step');
    const broken = screen.getByRole('link', { name: /b\.example reads it/ });
    expect(broken.getAttribute('href')).toBe('/en/scenarios/federation/?step=67');
    expect(broken.closest('td')?.dataset.label).toBe('Broken');
  });

  it('says honestly when no preset shows a side yet, and links no scenario for it', () => {
    card('en');
    const row = document.getElementById('req-roles')!;
    expect(within(row).getAllByText('Not yet simulated in Messenger Lab.')).toHaveLength(2);
    expect(within(row).queryAllByRole('link')).toHaveLength(0);
  });

  it('names the lesson that teaches it', () => {
    card('en');
    const link = screen.getByRole('link', { name: /^Lesson 7\s*: OTR: the authenticated key exchange$/ });
    expect(link.textContent).toBe('Lesson 7: OTR: the authenticated key exchange');
    expect(link.getAttribute('href')).toBe('/en/lessons/otr-key-exchange/');
  });

  it('speaks German on German pages', () => {
    card('de');
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Anforderung', 'Erfüllt', 'Verletzt', 'Erklärt in']);
    expect(screen.getByRole('link', { name: /a\.example relays/ }).getAttribute('href')).toBe('/de/scenarios/otr-ake/?step=40&lens=a.example');
    expect(screen.getByRole('link', { name: /a\.example relays/ }).textContent).toContain('Schritt 40, aus Sicht von');
    expect(within(document.getElementById('req-roles')!).getAllByText('In Messenger Lab noch nicht simuliert.')).toHaveLength(2);
  });
});
