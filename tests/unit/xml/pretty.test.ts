import { describe, expect, it } from 'vitest';
import { prettyPrint } from '@/lib/xml/pretty';

describe('xml/pretty', () => {
  it('indents a stream header with features, leaving the header open (RFC 6120 §4.3.2)', () => {
    const wire =
      "<?xml version='1.0'?><stream:stream from='im.example.com' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>" +
      "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>";
    expect(prettyPrint(wire)).toBe(
      [
        "<?xml version='1.0'?>",
        "<stream:stream from='im.example.com' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>",
        '  <stream:features>',
        "    <starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'>",
        '      <required/>',
        '    </starttls>',
        '  </stream:features>',
      ].join('\n'),
    );
  });

  it('keeps text content exactly, on one line with its element', () => {
    const wire = "<message to='romeo@example.net'><body>  Art thou\nnot Romeo &amp; a Montague?</body><active xmlns='http://jabber.org/protocol/chatstates'/></message>";
    expect(prettyPrint(wire)).toBe(
      ["<message to='romeo@example.net'>", '  <body>  Art thou\nnot Romeo &amp; a Montague?</body>', "  <active xmlns='http://jabber.org/protocol/chatstates'/>", '</message>'].join('\n'),
    );
  });

  it('prints mixed content as received', () => {
    expect(prettyPrint('<p>a <b>bold</b> move</p>')).toBe('<p>a <b>bold</b> move</p>');
  });

  it('siblings, whitespace keepalives and a lone closing tag', () => {
    expect(prettyPrint(" <presence/>\n <iq type='get' id='1'><ping xmlns='urn:xmpp:ping'/></iq></stream:stream>")).toBe(
      ['<presence/>', "<iq type='get' id='1'>", "  <ping xmlns='urn:xmpp:ping'/>", '</iq>', '</stream:stream>'].join('\n'),
    );
  });

  it('does not split a tag at a ">" inside an attribute value', () => {
    expect(prettyPrint("<a x='1>2'><b/></a>")).toBe("<a x='1>2'>\n  <b/>\n</a>");
  });

  it('falls back to the input for what it cannot tokenise, and never throws', () => {
    for (const s of ['<message to=', 'hello world', '<a><!-- open', '', '<<<>>>', '</a></b><c>']) {
      expect(() => prettyPrint(s)).not.toThrow();
    }
    expect(prettyPrint('<message to=')).toBe('<message to=');
    expect(prettyPrint('text <b/>')).toBe('text <b/>');
  });
});
