/**
 * The one function that opens a received Data Message with given keys (decryptDataMessage), and the
 * session-level reading built on it (openSessionData, which the operator in the middle uses).
 */
import { describe, expect, it } from 'vitest';
import { armor, dearmor, Reader } from '@/lib/otr/codec';
import { decryptDataMessage, parseDataMessage, sendingSessKeys, type DataMessageFields } from '@/lib/otr/data-message';
import { openSessionData, sendMessage, startOtr } from '@/lib/otr/session';
import { decodePlaintext } from '@/lib/otr/tlv';
import { readHeader } from '@/lib/otr/wire';
import { makeSide, relay, type Side } from './pair';

function connected(): [Side, Side] {
  const a = makeSide('alice', 'bob', 'ddm-a');
  const b = makeSide('bob', 'alice', 'ddm-b');
  relay(a, b, startOtr(a.st));
  return [a, b];
}

const fields = (wire: string): DataMessageFields => {
  const r = new Reader(dearmor(wire)!);
  return parseDataMessage(readHeader(r), r);
};

describe('otr/data-message: decryptDataMessage (MAC, then counter, then AES-CTR)', () => {
  const [a] = connected();
  // The sender's sending keys of this pair are the receiver's receiving keys.
  const wire = sendMessage(a.st, 'attack at dawn', a.ctx).send[0]!;
  const pair = sendingSessKeys(a.st.keys!);
  const keys = { rcvenc: pair.sendenc, rcvmac: pair.sendmac };
  const m = fields(wire);

  it('opens with the pair’s keys and gives the counter it saw', () => {
    const r = decryptDataMessage(keys, m, null);
    expect(r.ok && decodePlaintext(r.plaintext).text).toBe('attack at dawn');
    expect(r.ok && r.ctr).toBe(1n);
  });

  it('rejects a counter that does not increase, and only when a last counter is given', () => {
    expect(decryptDataMessage(keys, m, 1n)).toEqual({ ok: false, reason: 'counter did not increase' });
    expect(decryptDataMessage(keys, m, 0n).ok).toBe(true);
  });

  it('checks the MAC first: a flipped ciphertext bit or another pair’s MAC key is a bad MAC, even for a replay', () => {
    const bin = dearmor(wire)!.slice();
    bin[m.authenticated.length - 1]! ^= 0x80;
    expect(decryptDataMessage(keys, fields(armor(bin)), 5n)).toEqual({ ok: false, reason: 'bad MAC' });
    expect(decryptDataMessage({ ...keys, rcvmac: new Uint8Array(20) }, m, null)).toEqual({ ok: false, reason: 'bad MAC' });
  });
});

describe('otr/session: openSessionData', () => {
  it('opens a Data Message of an encrypted session with its keys, once; anything else is not its business', () => {
    const [a, b] = connected();
    const wire = sendMessage(a.st, 'hi', a.ctx).send[0]!;
    expect(openSessionData(b.st, wire, b.ctx)).toEqual({ ok: true, text: 'hi', tlvs: [] });
    expect(openSessionData(b.st, wire, b.ctx)).toEqual({ ok: false, reason: 'counter did not increase' });
    expect(openSessionData(b.st, 'plain words', b.ctx)).toBeNull();
    expect(openSessionData(b.st, startOtr(a.st).send[0]!, b.ctx)).toBeNull();
  });
});
