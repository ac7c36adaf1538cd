/**
 * The edges of lib/omemo's wire formats: proto2 decoding as python-protobuf does it (any field order,
 * unknown fields skipped, the last value wins, missing required fields refused), the `kex` attribute
 * (pitfall P9: never written as 'false'; 'true' and '1' read as true), device lists with XEP 0.9's
 * labelsig accepted, and python-omemo's staleness rule (an empty message after 53 unanswered).
 */
import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from '../../../lib/bytes/hex';
import { decryptMessage, encryptMessage, isOmemoError } from '../../../lib/omemo/device';
import { decodeAuthenticatedMessage, decodeOmemoMessage, encodeOmemoMessage } from '../../../lib/omemo/protobuf';
import { encryptedToXml, parseDeviceList, parseEncrypted } from '../../../lib/omemo/xml';
import { parseElement } from '../../../lib/xml/fragment';
import { serialize } from '../../../lib/xml/serialize';
import { omemoPair } from '../../helpers/omemo-pair';

const dh = new Uint8Array(32).fill(0x11);

describe('protobuf decoding (proto2 as python-protobuf reads it)', () => {
  it('reads fields in any order, skips unknown ones, and the last value of a field wins', () => {
    // pn=2, n=1 (twice: 5 then 1), dh_pub, an unknown varint field 9 and an unknown fixed32 field 10
    const bytes = fromHex('1002' + '0805' + '1a20' + toHex(dh) + '4807' + '5501020304' + '0801');
    expect(decodeOmemoMessage(bytes)).toEqual({ n: 1, pn: 2, dhPub: dh });
    expect(toHex(encodeOmemoMessage({ n: 1, pn: 2, dhPub: dh }))).toBe('080110021a20' + toHex(dh));
  });
  it('refuses a missing required field, a truncated field and a field of the wrong wire type', () => {
    expect(decodeOmemoMessage(fromHex('0801' + '1a20' + toHex(dh)))).toEqual({ error: 'OMEMOMessage: required field 2 is missing' });
    expect(decodeAuthenticatedMessage(fromHex('0a10' + '00'.repeat(8)))).toMatchObject({ error: expect.stringContaining('truncated') });
    expect(decodeOmemoMessage(fromHex('0a01ff' + '1000' + '1a20' + toHex(dh)))).toMatchObject({ error: expect.stringContaining('wrong wire type') });
  });
});

describe('XML details', () => {
  const el = (s: string) => parseElement(s)!;
  it("kex: omitted when false, 'true' and '1' read as true, anything else as false", () => {
    const xml = serialize(encryptedToXml({ sid: 7, keys: [{ jid: 'b@x', rid: 2, kex: false, data: utf8('k') }, { jid: 'b@x', rid: 1, kex: true, data: utf8('k') }], payload: null }));
    expect(xml).toBe("<encrypted xmlns='urn:xmpp:omemo:2'><header sid='7'><keys jid='b@x'><key rid='1' kex='true'>aw==</key><key rid='2'>aw==</key></keys></header></encrypted>");
    const read = (kex: string) => parseEncrypted(el(`<encrypted xmlns='urn:xmpp:omemo:2'><header sid='7'><keys jid='b@x'><key rid='1' kex='${kex}'>aw==</key></keys></header></encrypted>`));
    expect(read('1')).toMatchObject({ keys: [{ kex: true }] });
    expect(read('false')).toMatchObject({ keys: [{ kex: false }] });
  });
  it("a device list with XEP 0.9's labelsig is accepted (the signature is not checked); a bad id is refused", () => {
    expect(parseDeviceList(el("<devices xmlns='urn:xmpp:omemo:2'><device id='5' label='phone' labelsig='c2ln'/></devices>"))).toEqual([{ id: 5, label: 'phone' }]);
    expect(parseDeviceList(el("<devices xmlns='urn:xmpp:omemo:2'><device id='0'/></devices>"))).toMatchObject({ error: expect.any(String) });
    expect(parseDeviceList(el("<devices xmlns='urn:xmpp:omemo:2:other'/>"))).toMatchObject({ error: expect.any(String) });
  });
});

describe('staleness (python-omemo: an empty message after more than 53 received)', () => {
  it('the 54th message in a chain without an answer gets an empty reply; the 53rd does not', () => {
    const { alice: a, bob: b, random } = omemoPair('omemo-staleness', ['a@x', 'b@x']);
    const send = () => {
      const m = encryptMessage(a, [b.jid], utf8('m'), random);
      if (isOmemoError(m)) throw new Error(m.error);
      const d = decryptMessage(b, a.jid, m.message, random);
      if (isOmemoError(d)) throw new Error(d.error);
      return d.reply;
    };
    // the key exchange is answered; the answer confirms the session (and moves alice to a new chain)
    const first = send();
    expect(first).not.toBeNull();
    expect(isOmemoError(decryptMessage(a, b.jid, first!, random))).toBe(false);
    const replies = Array.from({ length: 54 }, () => send() !== null);
    expect(replies.slice(0, 53).some(Boolean)).toBe(false);
    expect(replies[53]).toBe(true);
  });
});
