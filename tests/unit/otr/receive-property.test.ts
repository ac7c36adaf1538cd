/** fast-check: whatever a peer sends, the receiver never throws, in every msgstate. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { armor, dearmor } from '../../../lib/otr/codec';
import { receiveMessage, sendMessage, startOtr } from '../../../lib/otr/session';
import { makeSide, relay } from './pair';

function encryptedPair() {
  const a = makeSide('alice', 'bob', 'prop-a');
  const b = makeSide('bob', 'alice', 'prop-b');
  relay(a, b, startOtr(a.st));
  return [a, b] as const;
}

describe('otr/session receive: never throws on peer input', () => {
  const [a, b] = encryptedPair();
  const genuine = [sendMessage(a.st, 'genuine message', a.ctx).send[0]!];
  const fresh = makeSide('carol', 'dave', 'prop-c');

  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        for (const side of [b, fresh]) {
          const st = structuredClone(side.st);
          expect(() => receiveMessage(st, s, side.ctx)).not.toThrow();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary bytes armored as "?OTR:…." (including OTR-looking headers)', () => {
    const header = fc.constantFrom(
      Uint8Array.of(0, 3, 3),
      Uint8Array.of(0, 2, 3),
      Uint8Array.of(0, 3, 2),
      Uint8Array.of(0, 3, 0x0a),
      Uint8Array.of(0, 3, 0x11),
      Uint8Array.of(0, 3, 0x12),
      Uint8Array.of(0, 2, 0x02),
      new Uint8Array(0),
    );
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 600 }), (h, body) => {
        const bytes = new Uint8Array(h.length + body.length);
        bytes.set(h);
        bytes.set(body, h.length);
        for (const side of [a, b, fresh]) {
          const st = structuredClone(side.st);
          expect(() => receiveMessage(st, armor(bytes), side.ctx)).not.toThrow();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('genuine messages with random byte flips, truncations and extensions', () => {
    const bin = dearmor(genuine[0]!)!;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bin.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        fc.integer({ min: 0, max: bin.length + 20 }),
        (pos, x, len) => {
          const m = new Uint8Array(len);
          m.set(bin.subarray(0, Math.min(len, bin.length)));
          if (pos < len) m[pos]! ^= x;
          const st = structuredClone(b.st);
          const res = receiveMessage(st, armor(m), b.ctx);
          // a modified message is never shown as a genuine message
          if (len === bin.length)
            expect(res.events.some((e) => e.type === 'message' && e.encrypted && e.text === 'genuine message')).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
