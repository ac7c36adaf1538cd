import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeText, serialize, serializeOpenTag } from '@/lib/xml/serialize';
import { x } from '@/lib/xml/element';

describe('xml/serialize', () => {
  it('writes single-quoted attributes and self-closes empty elements (as Prosody does)', () => {
    expect(serialize(x('message', { to: 'romeo@example.net', type: 'chat' }, x('body', null, 'hi')))).toBe(
      "<message to='romeo@example.net' type='chat'><body>hi</body></message>",
    );
    expect(serialize(x('presence'))).toBe('<presence/>');
  });

  it('uses only the five predefined entities and character references (RFC 6120 §11.1)', () => {
    expect(escapeText(`<a & b>'"`)).toBe(`&lt;a &amp; b&gt;'"`);
    expect(escapeAttr(`<a & b>'"`)).toBe('&lt;a &amp; b&gt;&apos;&quot;');
  });

  it('protects CR in text and TAB/LF/CR in attributes from XML 1.0 §2.11 and §3.3.3 normalisation', () => {
    expect(escapeText('a\r\nb\tc')).toBe('a&#13;\nb\tc');
    expect(escapeAttr('a\r\nb\tc')).toBe('a&#13;&#10;b&#9;c');
  });

  it('serializeOpenTag writes the stream header without closing it', () => {
    expect(serializeOpenTag('stream:stream', { xmlns: 'jabber:client', 'xmlns:stream': 'http://etherx.jabber.org/streams' })).toBe(
      "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>",
    );
  });
});
