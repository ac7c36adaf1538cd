import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyFragmentBuffer, fragmentMessage, parseFragment, receiveFragment } from '../../../lib/otr/fragment';

// The spec's example ("Fragmentation"), three v3 pieces of one Data Message.
const SPEC_FRAGMENTS = [
  '?OTR|5a73a599|27e31597,00001,00003,?OTR:AAMDJ+MVmSfjFZcAAAAAAQAAAAIAAADA1g5IjD1ZGLDVQEyCgCyn9hbrL3KAbGDdzE2ZkMyTKl7XfkSxh8YJnudstiB74i4BzT0W2haClg6dMary/jo9sMudwmUdlnKpIGEKXWdvJKT+hQ26h9nzMgEditLB8v,',
  '?OTR|5a73a599|27e31597,00002,00003,jPEWAJ6gBXvZrY6ZQrx3gb4v0UaSMOMiR5sB7Eaulb2Yc6RmRnnlxgUUC2alosg4WIeFN951PLjScajVba6dqlDi+q1H5tPvI5SWMN7PCBWIJ41+WvF+5IAZzQZYgNaVLbAAAAAAAAAAEAAAAHwNiIi5Ms+4PsY/L2i,',
  '?OTR|5a73a599|27e31597,00003,00003,pkTtquknfx6HodLvk3RAAAAAA==.,',
];

function reassemble(frags: string[]): string | null {
  const buf = emptyFragmentBuffer();
  let out: string | null = null;
  for (const f of frags) out = receiveFragment(buf, parseFragment(f)!) ?? out;
  return out;
}

describe('otr/fragment', () => {
  it('reassembles the spec example', () => {
    const whole = reassemble(SPEC_FRAGMENTS)!;
    expect(whole.startsWith('?OTR:AAMDJ+MVmSfjFZcAAAAAAQ')).toBe(true);
    expect(whole.endsWith('AAAAAA==.')).toBe(true);
    const p = parseFragment(SPEC_FRAGMENTS[0]!)!;
    expect(p).toMatchObject({ version: 3, senderInstance: 0x5a73a599, receiverInstance: 0x27e31597, k: 1, n: 3 });
  });

  it('v2 and v3 formats round-trip and respect the size limit (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9+/]{1,600}$/),
        fc.integer({ min: 40, max: 200 }),
        fc.constantFrom(2 as const, 3 as const),
        (body, mms, v) => {
          const msg = `?OTR:${body}.`;
          const frags = fragmentMessage(msg, mms, v, 0x1234, 0x5678);
          for (const f of frags) expect(f.length).toBeLessThanOrEqual(Math.max(mms, msg.length <= mms ? msg.length : 0));
          if (frags.length > 1) {
            expect(frags[0]!.startsWith(v === 3 ? '?OTR|00001234|00005678,00001,' : '?OTR,00001,')).toBe(true);
            expect(reassemble(frags)).toBe(msg);
          } else expect(frags[0]).toBe(msg);
        },
      ),
    );
  });

  it('follows the (K, N, F) rules: out of order resets, k > n and k = 0 are discarded', () => {
    const frags = fragmentMessage('?OTR:' + 'A'.repeat(300) + '.', 100, 2);
    expect(reassemble([frags[0]!, frags[2]!, frags[1]!, ...frags.slice(3)])).toBeNull();
    expect(reassemble([frags[1]!, ...frags])).not.toBeNull(); // k == 1 restarts
    const buf = emptyFragmentBuffer();
    expect(receiveFragment(buf, { version: 2, senderInstance: 0, receiverInstance: 0, k: 3, n: 2, piece: 'x' })).toBeNull();
    expect(receiveFragment(buf, { version: 2, senderInstance: 0, receiverInstance: 0, k: 0, n: 2, piece: 'x' })).toBeNull();
    expect(buf).toEqual(emptyFragmentBuffer());
  });
});
