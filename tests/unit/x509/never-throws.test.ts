/**
 * A peer's certificate bytes never make the decoder or the validator throw: fast-check feeds random
 * bytes and mutations of real lab certificates (flipped, inserted, deleted octets, truncations, and
 * rewritten length octets) through `decodeCertificate`, `validateChain` and the TLS hook. And a
 * mutated chain that still validates carries exactly the TBSCertificate that was signed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toHex } from '../../../lib/bytes/hex';
import { decodeCertificate } from '../../../lib/x509/certificate';
import { certificateChecker, validateChain } from '../../../lib/x509/validate';
import { NOW, lab } from './fixtures';

const p = lab('p256', 'fuzz');
const e = lab('ed25519', 'fuzz');
const originals = [p.server.der, p.ca.der, e.server.der, e.ca.der];
const anchors = [p.ca.der, e.ca.der];

type Mutation = { kind: 'flip' | 'insert' | 'delete' | 'truncate' | 'set'; at: number; byte: number };

function mutate(der: Uint8Array, ms: Mutation[]): Uint8Array {
  let b = Array.from(der);
  for (const m of ms) {
    const at = b.length === 0 ? 0 : m.at % b.length;
    if (m.kind === 'flip') b[at] = (b[at] ?? 0) ^ (1 << (m.byte & 7));
    else if (m.kind === 'set') b[at] = m.byte;
    else if (m.kind === 'insert') b.splice(at, 0, m.byte);
    else if (m.kind === 'delete') b.splice(at, 1);
    else b = b.slice(0, at);
  }
  return Uint8Array.from(b);
}

const mutation = fc.record({ kind: fc.constantFrom('flip', 'insert', 'delete', 'truncate', 'set'), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }) as fc.Arbitrary<Mutation>;
const mutated = fc.tuple(fc.constantFrom(...originals), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([d, ms]) => mutate(d, ms));
const certBytes = fc.oneof(fc.uint8Array({ maxLength: 600 }), mutated, mutated);

describe('x509: peer bytes never make us throw', () => {
  it('decodeCertificate returns a value for any input', () => {
    fc.assert(
      fc.property(certBytes, (bytes) => {
        const d = decodeCertificate(bytes);
        expect(typeof d.ok).toBe('boolean');
      }),
      { numRuns: 1500 },
    );
  });

  it('validateChain and the TLS hook return a value; a chain that validates carries the signed TBSCertificate unchanged', () => {
    const hook = certificateChecker({ anchors, now: NOW });
    const signedTbs = new Set(originals.map((d) => {
      const c = decodeCertificate(d);
      return c.ok ? toHex(c.cert.tbs) : '';
    }));
    fc.assert(
      fc.property(fc.array(certBytes, { minLength: 1, maxLength: 3 }), fc.constantFrom('a.example', 'b.example', null), (chain, name) => {
        const v = validateChain(chain, { anchors, now: NOW, name });
        if (v.ok) expect(signedTbs.has(toHex(v.leaf.tbs))).toBe(true);
        else expect(v.alert).toMatch(/^[a-z_]+$/);
        expect(typeof hook(chain, name).ok).toBe('boolean');
      }),
      { numRuns: 800 },
    );
  });
});
