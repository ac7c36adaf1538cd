import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dissect } from '../../../lib/otr/inspect';
import { sendMessage, startOtr } from '../../../lib/otr/session';
import { makeSide, relay } from './pair';

describe('otr/inspect', () => {
  it('names the fields of every AKE and data message, as otr_parse does', () => {
    const a = makeSide('alice', 'bob', 'insp-a');
    const b = makeSide('bob', 'alice', 'insp-b');
    relay(a, b, startOtr(a.st));
    relay(a, b, sendMessage(a.st, 'hi', a.ctx));
    const kinds = [...a.wires, ...b.wires].map(dissect).map((d) => (d.kind === 'encoded' ? d.typeName : d.kind));
    expect(kinds.sort()).toEqual(['DH-Commit', 'DH-Key', 'Data', 'Reveal-Signature', 'Signature', 'query']);
    const data = dissect(a.wires.at(-1)!);
    expect(data.kind === 'encoded' && data.fields.find((f) => f.name === 'Sender keyid')?.value).toBe(1);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (s) => void dissect(s)));
    fc.assert(fc.property(fc.uint8Array(), (b) => void dissect(`?OTR:${Buffer.from(b).toString('base64')}.`)));
  });
});
