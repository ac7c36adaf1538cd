// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScenarioWidget } from '../../app/_components/scenario/ScenarioWidget';
import { followScroll } from '../../app/_components/sequence/follow';
import { widget } from '../../app/_i18n/widget';

const box = { scrollTop: 0, clientHeight: 400, scrollHeight: 3000, top: 200, bottom: 600, coveredFrom: 800 };

describe('followScroll', () => {
  it('leaves the scroller alone while the event is well inside it', () => {
    expect(followScroll(box, 200)).toBeNull();
  });

  it('brings an event below the visible part up to a third of it, and one above down again', () => {
    expect(followScroll(box, 2000)).toBe(Math.round(2000 - 400 / 3));
    expect(followScroll({ ...box, scrollTop: 1800 }, 100)).toBe(0);
  });

  it('counts a sticky bar over the lower half as hidden: the event goes into the part above it', () => {
    // On screen 200..600, the bar from 450: only the top 250 px can be seen.
    const covered = { ...box, coveredFrom: 450 };
    expect(followScroll(covered, 320)).toBe(Math.round(320 - 250 / 3));
    expect(followScroll(box, 320)).toBeNull();
  });

  it('never scrolls past the end, and aims at the whole box while it is off screen', () => {
    expect(followScroll(box, 2990)).toBe(2600);
    expect(followScroll({ ...box, top: 1200, bottom: 1600 }, 1000)).toBe(Math.round(1000 - 400 / 3));
  });
});

describe('the Sequence view follows the cursor', () => {
  const calls: { el: Element; top: number }[] = [];
  const pageScroll = vi.fn();
  beforeEach(() => {
    calls.length = 0;
    // A stubbed layout: every scroller 300 px high, the diagram 3000 px, 760 px wide (the layout's own width).
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(300);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(760);
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(3000);
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ top: 100, bottom: 400, left: 0, right: 760, width: 760, height: 300, x: 0, y: 100 } as DOMRect);
    Element.prototype.scrollTo = function (this: Element, o?: ScrollToOptions | number) {
      const top = typeof o === 'object' ? (o.top ?? 0) : 0;
      calls.push({ el: this, top });
      (this as HTMLElement).scrollTop = top;
    } as Element['scrollTo'];
    Element.prototype.scrollIntoView = pageScroll;
    window.scrollTo = pageScroll as typeof window.scrollTo;
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    pageScroll.mockReset();
  });

  const currentY = () => {
    const c = document.querySelector('.mlw-arrow--current .mlw-arrow-line, .mlw-dot--current circle:last-of-type');
    return Number(c?.getAttribute('y1') ?? c?.getAttribute('cy'));
  };
  const scroller = () => document.querySelector('.mlw-seq-body') as HTMLElement;

  it('opens at a later step with that step in view, without moving the page or the focus', () => {
    render(<ScenarioWidget id="otr-forward-secrecy" locale="en" initialStep={40} />);
    const el = scroller();
    expect(calls.some((c) => c.el === el)).toBe(true);
    const y = currentY();
    expect(y).toBeGreaterThan(300);
    expect(y).toBeGreaterThanOrEqual(el.scrollTop);
    expect(y).toBeLessThanOrEqual(el.scrollTop + 300);
    expect(pageScroll).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(document.body);
  });

  it('follows the scrubber back to the start', () => {
    render(<ScenarioWidget id="otr-forward-secrecy" locale="en" initialStep={40} />);
    const el = scroller();
    expect(el.scrollTop).toBeGreaterThan(0);
    fireEvent.change(screen.getByRole('slider', { name: widget.en.scrubber }), { target: { value: '2' } });
    expect(el.scrollTop).toBeLessThanOrEqual(currentY());
    expect(currentY()).toBeLessThanOrEqual(el.scrollTop + 300);
    expect(el.scrollTop).toBeLessThan(100);
    expect(pageScroll).not.toHaveBeenCalled();
  });
});
