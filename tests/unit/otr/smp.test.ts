import { describe, expect, it } from 'vitest';
import { plainDataProblems } from '../../helpers/plain-data';
import { smpAbort, smpRespond, smpStart, startOtr, type OtrEvent } from '../../../lib/otr/session';
import fc from 'fast-check';
import { newSmpState } from '../../../lib/otr/smp';
import { smpReceiveTlv } from '../../../lib/otr/smp-tlv';
import { encodeSmpMpis, TLV_SMP1, TLV_SMP3, TLV_SMP_ABORT } from '../../../lib/otr/tlv';
import { makeSide, relay, seededCtx } from './pair';

const smpEvents = (evs: OtrEvent[]) => evs.filter((e) => e.type === 'smp');

function connected(tag: string) {
  const a = makeSide('alice', 'bob', `smp-a-${tag}`);
  const b = makeSide('bob', 'alice', `smp-b-${tag}`);
  relay(a, b, startOtr(a.st));
  return [a, b] as const;
}

describe('otr/smp between two engines', () => {
  it('matching secrets with a question: both learn success; the asker trusts', () => {
    const [a, b] = connected('ok');
    relay(a, b, smpStart(a.st, 'our password', 'what is our password?', a.ctx));
    expect(smpEvents(b.events)).toEqual([{ type: 'smp', kind: 'request', question: 'what is our password?' }]);
    relay(b, a, smpRespond(b.st, 'our password', b.ctx));
    expect(smpEvents(a.events).at(-1)).toEqual({ type: 'smp', kind: 'result', success: true, trust: 'smp' });
    expect(smpEvents(b.events).at(-1)).toEqual({ type: 'smp', kind: 'result', success: true, trust: null });
    expect(a.st.smp.expect).toBe(1);
    expect(b.st.smp.expect).toBe(1);
  });

  it('different secrets: both learn failure (SMP message 4 is still sent)', () => {
    const [a, b] = connected('bad');
    relay(a, b, smpStart(a.st, 'one', null, a.ctx));
    relay(b, a, smpRespond(b.st, 'two', b.ctx));
    expect(smpEvents(a.events).at(-1)).toMatchObject({ kind: 'result', success: false });
    expect(smpEvents(b.events).at(-1)).toMatchObject({ kind: 'result', success: false });
  });

  it('abort: the other side returns to EXPECT1', () => {
    const [a, b] = connected('abort');
    relay(a, b, smpStart(a.st, 's', null, a.ctx));
    relay(b, a, smpAbort(b.st, b.ctx));
    expect(smpEvents(a.events).at(-1)).toEqual({ type: 'smp', kind: 'aborted' });
    expect(a.st.smp.expect).toBe(1);
  });

  it('state is plain data mid-protocol', () => {
    const [a, b] = connected('clone');
    relay(a, b, smpStart(a.st, 's', null, a.ctx));
    expect(plainDataProblems(a.st.smp)).toEqual([]);
    expect(plainDataProblems(b.st.smp)).toEqual([]);
  });
});

describe('otr/smp-tlv: a peer’s bad SMP input never throws', () => {
  const ctx = {
    randomBytes: seededCtx('smp-prop').randomBytes,
    ourFingerprint: new Uint8Array(20).fill(1),
    theirFingerprint: new Uint8Array(20).fill(2),
    ssid: new Uint8Array(8).fill(3),
  };

  it('an SMP message in the wrong state: abort TLV, back to EXPECT1', () => {
    const sm = newSmpState();
    const res = smpReceiveTlv(sm, { type: TLV_SMP3, value: encodeSmpMpis([2n, 3n]) }, ctx, null);
    expect(res.events[0]).toMatchObject({ kind: 'cheated' });
    expect(res.send).toEqual([{ type: TLV_SMP_ABORT, value: new Uint8Array(0) }]);
    expect(sm.expect).toBe(1);
  });

  it('a forged SMP message 1 (bad proof) is refused', () => {
    const sm = newSmpState();
    const res = smpReceiveTlv(sm, { type: TLV_SMP1, value: encodeSmpMpis([4n, 5n, 6n, 4n, 5n, 6n]) }, ctx, null);
    expect(res.events[0]).toMatchObject({ kind: 'cheated', reason: 'bad proof for g2a' });
  });

  it('random TLVs in every SMP state (property)', () => {
    const states = [1, 2, 3, 4] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...states),
        fc.constantFrom(2, 3, 4, 5, 6, 7),
        fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.array(fc.bigInt({ min: 0n, max: 1n << 1600n }), { maxLength: 12 }).map(encodeSmpMpis)),
        (expect_, type, value) => {
          const sm = { ...newSmpState(), expect: expect_, x2: 5n, x3: 7n, g2: 9n, g3: 11n, g3o: 13n, p: 17n, q: 19n, pab: 23n, qab: 29n, secret: 31n };
          expect(() => smpReceiveTlv(sm, { type, value }, ctx, null)).not.toThrow();
        },
      ),
      { numRuns: 200 },
    );
  });
});
