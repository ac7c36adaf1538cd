// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScenarioWidget } from '../../app/_components/scenario/ScenarioWidget';
import { chapterKeyStep, isPlainKey } from '../../app/_components/timeline/chapter-keys';
import { widget } from '../../app/_i18n/widget';

// otr-mitm's chapters: login from step 1, key exchange from 27, messages from 38, SMP from 47 (of 56).
const root = () => document.querySelector('[data-scenario-widget]') as HTMLElement;
const at = () => Number(root().dataset.step);
const key = (k: string, init: Record<string, unknown> = {}) => fireEvent.keyDown(root(), { key: k, ...init });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

describe('chapter marks under the scrubber', () => {
  it('one button per chapter, named in English and German, that goes to the chapter’s first step', () => {
    render(<ScenarioWidget id="otr-mitm" locale="en" />);
    const marks = within(screen.getByRole('list', { name: widget.en.chapters })).getAllByRole('button');
    expect(marks.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Chapter 1 of 4: Login, from step 1',
      'Chapter 2 of 4: Key exchange, from step 27',
      'Chapter 3 of 4: Messages, from step 38',
      'Chapter 4 of 4: SMP, from step 47',
    ]);
    expect(marks[1]!.getAttribute('title')).toBe('Key exchange (from step 27)');
    fireEvent.click(marks[2]!);
    expect(at()).toBe(38);
    expect(marks[2]!.getAttribute('aria-current')).toBe('step');
    expect(marks.filter((b) => b.hasAttribute('aria-current'))).toHaveLength(1);
    cleanup();
    render(<ScenarioWidget id="otr-mitm" locale="de" />);
    expect(screen.getByRole('button', { name: 'Kapitel 2 von 4: Schlüsselaustausch, ab Schritt 27' })).toBeTruthy();
  });

  it('the band names the chapter of the current step, and none at step 0', () => {
    render(<ScenarioWidget id="otr-mitm" locale="de" initialStep={31} />);
    expect(screen.getByTestId('step-counter').textContent).toMatch(/^Schlüsselaustausch · Schritt 31 \/ 56/);
    key('Home');
    expect(screen.queryByTestId('counter-chapter')).toBeNull();
    expect(screen.getByTestId('step-counter').textContent).toMatch(/^Schritt 0 \/ 56/);
    key('End');
    expect(screen.getByTestId('counter-chapter').textContent).toBe('SMP · ');
    expect(screen.getByRole('slider').getAttribute('aria-valuetext')).toBe('Schritt 56 / 56 · SMP');
  });
});

describe('chapter keys', () => {
  it('outside presenter mode PageUp/PageDown and [ ] jump between chapter starts', () => {
    render(<ScenarioWidget id="otr-mitm" locale="en" />);
    key('PageDown');
    expect(at()).toBe(1);
    key('PageDown');
    expect(at()).toBe(27);
    key(']');
    expect(at()).toBe(38);
    key('ArrowRight');
    key('ArrowRight');
    key('PageUp'); // inside a chapter: back to its start first
    expect(at()).toBe(38);
    key('[');
    expect(at()).toBe(27);
    key(']');
    key(']');
    expect(at()).toBe(47);
    key(']'); // past the last chapter: the end
    expect(at()).toBe(56);
    key('[');
    key('[');
    key('[');
    key('[');
    expect(at()).toBe(1);
    key('PageUp'); // before the first chapter: the start
    expect(at()).toBe(0);
  });

  it('in presenter mode PageUp/PageDown stay the clicker’s step; [ ] still jump chapters', () => {
    render(<ScenarioWidget id="otr-mitm" locale="en" initialStep={27} />);
    fireEvent.click(screen.getByRole('button', { name: widget.en.presenterEnter }));
    expect(root().className).toContain('mlw--presenter');
    key('PageDown');
    expect(at()).toBe(28);
    key('PageUp');
    key('PageUp');
    expect(at()).toBe(26);
    key(']');
    expect(at()).toBe(27);
    key(']');
    expect(at()).toBe(38);
    key('[');
    expect(at()).toBe(27);
  });

  it('[ ] typed with AltGr (Ctrl+Alt on Windows, as on a German keyboard) count; Ctrl+] does not', () => {
    expect(isPlainKey({ altKey: true, ctrlKey: true, metaKey: false, getModifierState: (k) => k === 'AltGraph' })).toBe(true);
    expect(isPlainKey({ altKey: false, ctrlKey: true, metaKey: false, getModifierState: () => false })).toBe(false);
    expect(isPlainKey({ altKey: false, ctrlKey: false, metaKey: true })).toBe(false);
    expect(isPlainKey({ altKey: false, ctrlKey: false, metaKey: false })).toBe(true);
    render(<ScenarioWidget id="otr-mitm" locale="de" initialStep={5} />);
    key(']', { ctrlKey: true });
    expect(at()).toBe(5);
  });

  it('without chapters PageUp/PageDown step as before, and [ ] are no keys', () => {
    expect(chapterKeyStep('PageDown', false, [], 3, 10)).toBeNull();
    expect(chapterKeyStep(']', false, [], 3, 10)).toBeNull();
    expect(chapterKeyStep('ArrowRight', false, [{ id: 'a', title: { en: 'A', de: 'A' }, step: 5 }], 3, 10)).toBeNull();
  });
});

describe('step links: ml:goto-step on the widget root', () => {
  it('stops playback, goes to the step (clamped), scrolls the widget into view; a bad detail moves nothing', () => {
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    render(<ScenarioWidget id="otr-mitm" locale="en" />);
    fireEvent.click(screen.getByRole('button', { name: widget.en.play }));
    expect(screen.getByRole('button', { name: widget.en.pause })).toBeTruthy();
    act(() => {
      root().dispatchEvent(new CustomEvent('ml:goto-step', { detail: { step: 45 } }));
    });
    expect(at()).toBe(45);
    expect(screen.getByRole('button', { name: widget.en.play })).toBeTruthy();
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(scroll.mock.calls[0]![0]).toMatchObject({ block: 'start' });
    act(() => {
      root().dispatchEvent(new CustomEvent('ml:goto-step', { detail: { step: 999 } }));
    });
    expect(at()).toBe(56);
    for (const detail of [null, {}, { step: 'x' }, { step: Number.NaN }, 7]) {
      act(() => {
        root().dispatchEvent(new CustomEvent('ml:goto-step', { detail }));
      });
    }
    expect(at()).toBe(56);
    expect(scroll).toHaveBeenCalledTimes(2);
  });

  it('scrolls at once under reduced motion', () => {
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    vi.spyOn(window, 'matchMedia').mockImplementation((q: string) => ({ matches: q.includes('reduce'), media: q, addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList);
    render(<ScenarioWidget id="otr-mitm" locale="en" />);
    act(() => {
      root().dispatchEvent(new CustomEvent('ml:goto-step', { detail: { step: 3 } }));
    });
    expect(scroll.mock.calls[0]![0]).toMatchObject({ behavior: 'instant' });
  });
});
