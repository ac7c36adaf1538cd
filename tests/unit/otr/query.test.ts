import { describe, expect, it } from 'vitest';
import { classify, parseQuery, queryString, stripWhitespaceTag, whitespaceTag } from '../../../lib/otr/query';

describe('otr/query', () => {
  it('parses the spec’s query examples', () => {
    expect(parseQuery('?OTR?')).toEqual({ v1: true, v2: false, v3: false });
    expect(parseQuery('?OTRv2?')).toEqual({ v1: false, v2: true, v3: false });
    expect(parseQuery('?OTRv23?')).toEqual({ v1: false, v2: true, v3: true });
    expect(parseQuery('?OTR?v2?')).toEqual({ v1: true, v2: true, v3: false });
    expect(parseQuery('?OTRv24x?')).toEqual({ v1: false, v2: true, v3: false });
    expect(parseQuery('?OTR?v24x?')).toEqual({ v1: true, v2: true, v3: false });
    expect(parseQuery('?OTR?v?')).toEqual({ v1: true, v2: false, v3: false });
    expect(parseQuery('?OTRv?')).toEqual({ v1: false, v2: false, v3: false });
    expect(parseQuery('<b>x</b> has requested… ?OTRv23?\nmore')).toMatchObject({ v3: true });
    expect(parseQuery('hello')).toBeNull();
    expect(queryString([3, 2])).toBe('?OTRv23?');
  });

  it('whitespace tag: added, found and removed', () => {
    const tagged = 'hi' + whitespaceTag([2, 3]) + ' there';
    expect(tagged.length).toBe(2 + 16 + 16 + 6);
    expect(stripWhitespaceTag(tagged)).toEqual({ text: 'hi there', offered: { v1: false, v2: true, v3: true } });
    expect(stripWhitespaceTag('plain')).toBeNull();
  });

  it('classifies, checking fragments before "?OTR:"', () => {
    expect(classify('?OTR|1|2,1,2,?OTR:AAMD,')).toBe('fragment');
    expect(classify('?OTR,1,2,?OTR:AAMD,')).toBe('fragment');
    expect(classify('?OTR:AAMD.')).toBe('encoded');
    expect(classify('?OTR Error:oops')).toBe('error');
    expect(classify('?OTRv2?')).toBe('query');
    expect(classify('just text')).toBe('plaintext');
  });
});
