import { describe, expect, it } from 'vitest';
import { decodeUrlView, encodeUrlView, type UrlViewDefaults } from '../../../lib/viz/url-view';

const bounds = { total: 48, lenses: ['eve', 'thief'], tabs: ['xml', 'layers', 'knowledge'] };
const defaults: UrlViewDefaults = { step: 0, view: 'both', tab: 'xml' };

describe('view state in the URL (contract 3)', () => {
  it('reads every parameter this scenario allows', () => {
    expect(decodeUrlView('?step=12&lens=eve&tab=knowledge&view=sequence&presenter=1&notes=1', bounds)).toEqual({
      step: 12,
      lens: 'eve',
      tab: 'knowledge',
      view: 'sequence',
      presenter: true,
      notes: true,
    });
    expect(decodeUrlView('step=3', bounds)).toEqual({ step: 3 });
  });

  it('clamps steps and drops what does not fit: unknown lens, tab or view, a step that is no number, flags other than 1', () => {
    expect(decodeUrlView('?step=99999', bounds)).toEqual({ step: 48 });
    expect(decodeUrlView('?step=-4', bounds)).toEqual({ step: 0 });
    expect(decodeUrlView('?step=abc&lens=mallory&tab=ratchet&view=all&presenter=0&notes=yes', bounds)).toEqual({});
    expect(decodeUrlView('?step=1e3', bounds)).toEqual({});
    expect(decodeUrlView('?step=', bounds)).toEqual({});
    expect(decodeUrlView('?step=7&step=9', bounds)).toEqual({ step: 7 }); // the first one counts
    expect(decodeUrlView('?lens=%E0%A4%A', bounds)).toEqual({}); // a broken escape is just an unknown name
  });

  it('a chapter link opens at the chapter’s first step; a step named beside it wins; an unknown chapter is dropped', () => {
    const withChapters = { ...bounds, chapters: [{ id: 'login', step: 1 }, { id: 'smp', step: 40 }] };
    expect(decodeUrlView('?chapter=smp', withChapters)).toEqual({ step: 40 });
    expect(decodeUrlView('?chapter=smp&step=3', withChapters)).toEqual({ step: 3 });
    expect(decodeUrlView('?step=x&chapter=login', withChapters)).toEqual({ step: 1 });
    expect(decodeUrlView('?chapter=theft', withChapters)).toEqual({});
    expect(decodeUrlView('?chapter=smp', bounds)).toEqual({}); // a scenario without chapters
    // The widget writes the precise step back: the chapter parameter does not stay beside it.
    expect(encodeUrlView({ step: 40 }, defaults, '?chapter=smp')).toBe('?step=40');
  });

  it('writes only what differs from how the widget opens, in a fixed order, and keeps foreign parameters', () => {
    expect(encodeUrlView({ step: 0, view: 'both', tab: 'xml' }, defaults)).toBe('');
    expect(encodeUrlView({ step: 5, lens: 'eve', tab: 'layers', view: 'network', presenter: true, notes: true }, defaults)).toBe(
      '?step=5&lens=eve&tab=layers&view=network&presenter=1&notes=1',
    );
    expect(encodeUrlView({ step: 5 }, defaults, '?utm=x&step=2&presenter=1')).toBe('?utm=x&step=5');
    expect(encodeUrlView({ presenter: false, notes: false }, defaults, '?presenter=1&notes=1')).toBe('');
    // A lesson whose widget opens at step 4 needs no parameter for step 4, but one for step 0.
    expect(encodeUrlView({ step: 4 }, { ...defaults, step: 4 })).toBe('');
    expect(encodeUrlView({ step: 0 }, { ...defaults, step: 4 })).toBe('?step=0');
  });

  it('a lens name with spaces or non-ASCII letters survives the trip', () => {
    const b = { ...bounds, lenses: ['Mallory & co', 'Ölwächter'] };
    for (const lens of b.lenses) expect(decodeUrlView(encodeUrlView({ lens }, defaults), b)).toEqual({ lens });
  });
});
