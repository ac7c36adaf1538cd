import { describe, expect, it } from 'vitest';
import { armor, dearmor, Reader } from '../../../lib/otr/codec';
import { parseDataMessage } from '../../../lib/otr/data-message';
import { readHeader } from '../../../lib/otr/wire';
import { receiveMessage, sendMessage, startOtr, useExtraSymmetricKey } from '../../../lib/otr/session';
import { makeSide, relay, type Side } from './pair';
import { bytesToHex } from '@noble/hashes/utils.js';

function connected(version: 2 | 3 = 3): [Side, Side] {
  const a = makeSide('alice', 'bob', `dm-a-${version}`, { allowV3: version === 3 });
  const b = makeSide('bob', 'alice', `dm-b-${version}`);
  relay(a, b, startOtr(a.st));
  return [a, b];
}

function flipLastCiphertextByte(wire: string): string {
  const bin = dearmor(wire)!;
  const r = new Reader(bin);
  const m = parseDataMessage(readHeader(r), r);
  const c = bin.slice();
  c[m.authenticated.length - 1]! ^= 0x80;
  return armor(c);
}

describe('otr/data-message', () => {
  it('rejects a tampered message with an OTR Error, and the session keeps working', () => {
    const [a, b] = connected();
    const out = sendMessage(a.st, 'attack at dawn', a.ctx);
    const before = structuredClone(b.st);
    const res = receiveMessage(b.st, flipLastCiphertextByte(out.send[0]!), b.ctx);
    expect(res.events).toContainEqual({ type: 'unreadable', reason: 'bad MAC', replied: true });
    expect(res.send[0]).toMatch(/^\?OTR Error:/);
    expect(res.events.some((e) => e.type === 'message')).toBe(false);
    expect(b.st).toEqual(before); // nothing changed
    const ok = receiveMessage(b.st, out.send[0]!, b.ctx);
    expect(ok.events).toContainEqual(expect.objectContaining({ type: 'message', text: 'attack at dawn', encrypted: true }));
  });

  it('rejects a replay ("counter … strictly larger")', () => {
    const [a, b] = connected();
    const out = sendMessage(a.st, 'once', a.ctx);
    receiveMessage(b.st, out.send[0]!, b.ctx);
    const again = receiveMessage(b.st, out.send[0]!, b.ctx);
    expect(again.events).toContainEqual({ type: 'unreadable', reason: 'counter did not increase', replied: true });
  });

  it('IGNORE_UNREADABLE suppresses the error reply', () => {
    const [a, b] = connected();
    const out = sendMessage(a.st, 'hi', a.ctx);
    const bin = dearmor(out.send[0]!)!;
    bin[2 + 1 + 8]! |= 0x01; // flags byte of a v3 data message (after version, type, 2 instance tags); breaks the MAC
    const res = receiveMessage(b.st, armor(bin), b.ctx);
    expect(res.events).toContainEqual({ type: 'unreadable', reason: 'bad MAC', replied: false });
    expect(res.send).toEqual([]);
  });

  it('reveals only receiving MAC keys that were used, once their key pair is retired', () => {
    const [a, b] = connected();
    const usedByB = new Set<string>();
    const revealedByB: string[] = [];
    for (let i = 0; i < 9; i++) {
      const [s, r] = i % 3 === 1 ? [b, a] : [a, b];
      const out = sendMessage(s.st, `m${i}`, s.ctx);
      for (const e of out.events) if (e.type === 'data-sent' && s === b) revealedByB.push(...e.revealed);
      relay(s, r, out);
      if (r === b) for (const row of b.st.keys!.sess) for (const k of row) if (k?.rcvmacUsed) usedByB.add(bytesToHex(k.rcvmac));
    }
    expect(revealedByB.length).toBeGreaterThan(1);
    for (const k of revealedByB) expect(usedByB).toContain(k);
    expect(new Set(revealedByB).size).toBe(revealedByB.length);
  });

  it('extra symmetric key (TLV 8): both ends derive the same h2(0xFF)', () => {
    const [a, b] = connected(3);
    const { output, key } = useExtraSymmetricKey(a.st, 1, Uint8Array.of(0xca, 0xfe), a.ctx);
    const res = receiveMessage(b.st, output.send[0]!, b.ctx);
    expect(res.events).toContainEqual({ type: 'symkey', use: 1, useData: 'cafe', key: bytesToHex(key) });
  });

  it('v2 sessions carry no instance tags', () => {
    const [a] = connected(2);
    const out = sendMessage(a.st, 'v2', a.ctx);
    const h = readHeader(new Reader(dearmor(out.send[0]!)!));
    expect(h).toMatchObject({ version: 2, senderInstance: 0, receiverInstance: 0 });
  });
});
