import { describe, expect, it } from 'vitest';
import { smpAbort, smpRespond, smpStart, startOtr, type OtrEvent } from '../../../lib/otr/session';
import { makeSide, relay } from './pair';

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
    expect(structuredClone(a.st.smp)).toEqual(a.st.smp);
    expect(structuredClone(b.st.smp)).toEqual(b.st.smp);
  });
});
