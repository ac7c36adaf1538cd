import { describe, expect, it } from 'vitest';
import { checkStreamHeader, NS_STREAMS } from '@/lib/xml/stream-header';
import { classifySaxesError } from '@/lib/xml/stream-errors';

describe('xml/stream-header (RFC 6120 §4.8, §4.9.3.10)', () => {
  it('accepts <stream> in the streams namespace with a supported content namespace', () => {
    for (const ns of ['jabber:client', 'jabber:server', 'jabber:component:accept']) {
      expect(checkStreamHeader('stream', NS_STREAMS, { xmlns: ns })).toBeNull();
    }
  });
  it('refuses anything else with invalid-namespace', () => {
    expect(checkStreamHeader('stream', 'http://wrong.namespace.example.org/', { xmlns: 'jabber:client' })?.condition).toBe('invalid-namespace');
    expect(checkStreamHeader('features', NS_STREAMS, { xmlns: 'jabber:client' })?.condition).toBe('invalid-namespace');
    expect(checkStreamHeader('stream', NS_STREAMS, {})?.condition).toBe('invalid-namespace');
    expect(checkStreamHeader('stream', NS_STREAMS, { xmlns: 'jabber:iq:roster' })?.condition).toBe('invalid-namespace');
  });
});

describe('xml/stream-errors: saxes messages → RFC 6120 §4.9.3 conditions', () => {
  it.each([
    ['1:5: undefined entity.', 'restricted-xml', 'undefined entity.'],
    ['inappropriately located doctype declaration.', 'restricted-xml', 'inappropriately located doctype declaration.'],
    ['malformed comment.', 'restricted-xml', 'malformed comment.'],
    ['encoding value must match /^[A-Za-z0-9][A-Za-z0-9._-]*$/.', 'unsupported-encoding', 'encoding value must match /^[A-Za-z0-9][A-Za-z0-9._-]*$/.'],
    ['12:3: unmatched closing tag: a.', 'not-well-formed', 'unmatched closing tag: a.'],
  ])('%s', (message, condition, text) => {
    expect(classifySaxesError(message)).toEqual({ condition, text });
  });
});
