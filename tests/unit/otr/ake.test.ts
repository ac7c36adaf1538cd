import { describe, expect, it } from 'vitest';
import { plainDataProblems } from '../../helpers/plain-data';
import { receiveMessage, sendMessage, startOtr } from '../../../lib/otr/session';
import { armor, dearmor, Reader } from '../../../lib/otr/codec';
import { readHeader, messageTypeName } from '../../../lib/otr/wire';
import { makeSide, relay } from './pair';

const typeOf = (wire: string) => messageTypeName(readHeader(new Reader(dearmor(wire)!)).type);

describe('otr/ake between two engines', () => {
  for (const v of [2, 3] as const) {
    it(`v${v}: DH-Commit, DH-Key, Reveal-Signature, Signature; both sides agree`, () => {
      const a = makeSide('alice', 'bob', `ake-a${v}`, { allowV3: v === 3 });
      const b = makeSide('bob', 'alice', `ake-b${v}`);
      relay(a, b, startOtr(a.st));
      expect(b.wires.filter((w) => w.startsWith('?OTR:')).map(typeOf)).toEqual(['DH-Commit', 'Reveal-Signature']);
      expect(a.wires.filter((w) => w.startsWith('?OTR:')).map(typeOf)).toEqual(['DH-Key', 'Signature']);
      expect(a.st.ssid).toEqual(b.st.ssid);
      expect(a.st.ssidHalf).toBe('second'); // alice sent the Signature message
      expect(b.st.ssidHalf).toBe('first'); // bob sent Reveal Signature: first half bold
      expect(a.st.keys).toMatchObject({ ourKeyid: 2, theirKeyid: 1, theirOldY: null });
      if (v === 3) expect(a.st.theirInstance).toBe(b.st.ourInstance);
      // state is plain data
      expect(plainDataProblems(a.st)).toEqual([]);
    });
  }

  it('both commit at once: the higher hashed gx wins, one AKE completes', () => {
    const a = makeSide('alice', 'bob', 'both-a');
    const b = makeSide('bob', 'alice', 'both-b');
    // each receives the other's query "at the same time"
    const qa = startOtr(a.st).send[0]!;
    const qb = startOtr(b.st).send[0]!;
    const ca = receiveMessage(a.st, qb, a.ctx); // alice commits
    const cb = receiveMessage(b.st, qa, b.ctx); // bob commits
    relay(a, b, ca);
    relay(b, a, cb);
    expect(a.st.msgstate).toBe('encrypted');
    expect(b.st.msgstate).toBe('encrypted');
    expect(a.st.ssid).toEqual(b.st.ssid);
  });

  it('a forged Reveal Signature (bad MAC) is ignored, not thrown', () => {
    const a = makeSide('alice', 'bob', 'forge-a');
    const b = makeSide('bob', 'alice', 'forge-b');
    const commit = receiveMessage(b.st, startOtr(a.st).send[0]!, b.ctx).send[0]!;
    const dhkey = receiveMessage(a.st, commit, a.ctx).send[0]!;
    const reveal = receiveMessage(b.st, dhkey, b.ctx).send[0]!;
    const bin = dearmor(reveal)!;
    bin[bin.length - 1]! ^= 1;
    const res = receiveMessage(a.st, armor(bin), a.ctx);
    expect(res.send).toEqual([]);
    expect(res.events[0]).toMatchObject({ type: 'ignored' });
    expect(a.st.msgstate).toBe('plaintext');
    // the genuine one still completes
    relay(b, a, { send: [reveal], events: [] });
    expect(a.st.msgstate).toBe('encrypted');
  });

  it('REQUIRE_ENCRYPTION: the first message is held, a query sent, and the message delivered encrypted', () => {
    const a = makeSide('alice', 'bob', 'req-a', { requireEncryption: true });
    const b = makeSide('bob', 'alice', 'req-b');
    const out = sendMessage(a.st, 'only encrypted', a.ctx);
    expect(out.send[0]).toMatch(/^\?OTRv23\?/);
    relay(a, b, out);
    expect(b.events).toContainEqual({ type: 'message', text: 'only encrypted', encrypted: true, tlvs: [] });
  });

  it('whitespace tag starts the AKE (WHITESPACE_START_AKE)', () => {
    const a = makeSide('alice', 'bob', 'ws-a', { sendWhitespaceTag: true });
    const b = makeSide('bob', 'alice', 'ws-b');
    relay(a, b, sendMessage(a.st, 'hello', a.ctx));
    expect(b.events).toContainEqual({ type: 'message', text: 'hello', encrypted: false, tlvs: [] });
    expect(a.st.msgstate).toBe('encrypted');
  });
});
