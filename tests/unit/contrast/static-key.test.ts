import { describe, expect, it } from 'vitest';
import { armorPublicKey, generateStaticKey, isStaticMessage, openStatic, readPublicKey, sealStatic, STATIC_MESSAGE_BEGIN } from '@/lib/contrast/static-key';

function counterRng(seed: number) {
  let n = seed;
  return (len: number) => Uint8Array.from({ length: len }, () => (n = (n * 1103515245 + 12345) >>> 0) & 0xff);
}

describe('static-key contrast (modelled, not OpenPGP)', () => {
  const rnd = counterRng(7);
  const bob = generateStaticKey(rnd);
  const eve = generateStaticKey(rnd);

  it('opens with the recipient’s key only, and each message uses a fresh ephemeral key', () => {
    const a = sealStatic(bob.pub, 'meet at 10', rnd);
    const b = sealStatic(bob.pub, 'meet at 10', rnd);
    expect(isStaticMessage(a)).toBe(true);
    expect(a.startsWith(STATIC_MESSAGE_BEGIN)).toBe(true);
    expect(a).not.toBe(b);
    expect(openStatic(bob, a)).toBe('meet at 10');
    expect(openStatic(eve, a)).toBeNull();
  });

  it('rejects tampering and garbage without throwing', () => {
    const a = sealStatic(bob.pub, 'meet at 10', rnd);
    const lines = a.split('\n');
    const b64 = lines[1]!;
    const flipped = b64.slice(0, 60) + (b64[60] === 'A' ? 'B' : 'A') + b64.slice(61);
    expect(openStatic(bob, [lines[0], flipped, lines[2]].join('\n'))).toBeNull();
    expect(openStatic(bob, 'hello')).toBeNull();
    expect(openStatic(bob, `${STATIC_MESSAGE_BEGIN}\n!!!\n-----END MODELLED STATIC-KEY MESSAGE-----`)).toBeNull();
  });

  it('armors public keys both ways', () => {
    expect(readPublicKey(armorPublicKey(bob.pub))).toBe(bob.pub);
    expect(readPublicKey('nope')).toBeNull();
  });
});
