import { describe, expect, it } from 'vitest';
import { utf8 } from '../../../lib/bytes/hex';
import { wireElementNames, wireLabel } from '../../../lib/viz/wire-label';
import { topLayer } from '../../../lib/viz/layers';

describe('wireLabel', () => {
  it('names a stream header, with or without an XML declaration', () => {
    expect(wireLabel(utf8("<?xml version='1.0'?><stream:stream to='a.example' version='1.0'>"))).toBe('stream header');
    expect(wireLabel(utf8("<stream:stream to='a.example'>"))).toBe('stream header');
  });
  it('names the first top-level element and counts the others', () => {
    expect(wireElementNames(utf8("<stream:stream from='a'><stream:features><bind xmlns='x'/></stream:features>"))).toEqual(['stream header', '<stream:features>']);
    expect(wireLabel(utf8("<stream:stream from='a'><stream:features><bind xmlns='x'/></stream:features>"))).toBe('stream header +1');
    expect(wireLabel(utf8("<message to='b'><body>x &lt;y&gt;</body></message>"))).toBe('<message>');
    expect(wireLabel(utf8('<presence/>'))).toBe('<presence>');
    expect(wireLabel(utf8('</stream:stream>'))).toBe('stream close');
  });
  it('never throws on bytes that are not XML', () => {
    expect(wireLabel(new Uint8Array([0xff, 0xfe, 0x00, 0x41]))).toBe('4 B');
    expect(wireLabel(new Uint8Array(0))).toBe('');
    expect(wireLabel(undefined)).toBe('');
    expect(wireLabel(utf8('<mess'))).toBe('5 B');
  });
});

describe('topLayer', () => {
  it('prefers the innermost protocol and ignores plaintext', () => {
    expect(topLayer([])).toBe('tcp');
    expect(topLayer([{ layer: 'tcp', start: 0, end: 1, label: '' }, { layer: 'xml', start: 0, end: 1, label: '' }])).toBe('xml');
    expect(topLayer([{ layer: 'xml', start: 0, end: 1, label: '' }, { layer: 'sasl', start: 0, end: 1, label: '' }, { layer: 'plaintext', start: 0, end: 1, label: '' }])).toBe('sasl');
  });
});
