import { describe, expect, it } from 'vitest';
import { utf8 } from '../../../lib/bytes/hex';
import { eventLabel, isEncrypted, wireElementNames, wireLabel } from '../../../lib/viz/wire-label';
import { topLayer } from '../../../lib/viz/layers';

describe('wireLabel', () => {
  it('names a stream header, with or without an XML declaration', () => {
    expect(wireLabel(utf8("<?xml version='1.0'?><stream:stream to='a.example' version='1.0'>"))).toBe('stream header');
    expect(wireLabel(utf8("<stream:stream to='a.example'>"))).toBe('stream header');
  });
  it('names the first top-level element and counts the others', () => {
    expect(wireElementNames(utf8("<stream:stream from='a'><stream:features><bind xmlns='x'/></stream:features>"))).toEqual(['stream header', '<stream:features>']);
    expect(wireLabel(utf8("<stream:stream from='a'><stream:features><bind xmlns='x'/></stream:features>"))).toBe('stream header + <stream:features>');
    expect(wireLabel(utf8("<presence/><message to='b'><body>x</body></message><iq type='get' id='1'/>"))).toBe('<presence> + 2 more');
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

describe('eventLabel', () => {
  const tcp = { layer: 'tcp' as const, start: 0, end: 40, label: 'TCP' };
  it('reads readable bytes', () => {
    expect(eventLabel({ wire: utf8('<presence/>'), layers: [tcp] })).toBe('<presence>');
  });
  it('names encrypted bytes from the recorded layers, never from the ciphertext', () => {
    const wire = new Uint8Array([0x17, 0x03, 0x03, 0x00, 0x1c, 0x3c, 0x50, 0x28, 0x3e, 0x99]);
    const layers = [tcp, { layer: 'tls' as const, start: 0, end: 10, label: 'TLS record: application_data', key: 'tls:alice~a.example' }, { layer: 'xml' as const, start: 5, end: 10, label: '<presence/>', key: 'tls:alice~a.example' }];
    expect(eventLabel({ wire, layers })).toBe('<presence>');
    expect(isEncrypted(layers)).toBe(true);
    expect(topLayer(layers)).toBe('tls');
  });
  it('names a TLS handshake record by its message', () => {
    const layers = [tcp, { layer: 'tls' as const, start: 0, end: 75, label: 'TLS record: handshake, ClientHello (modelled)' }];
    expect(eventLabel({ wire: new Uint8Array(75), layers })).toBe('ClientHello');
    expect(topLayer(layers)).toBe('tls');
  });
  it('does not read a tag out of binary bytes', () => {
    expect(wireElementNames(new Uint8Array([0x3c, 0x50, 0x28, 0x18, 0x37, 0x3e]))).toEqual([]);
  });
});
