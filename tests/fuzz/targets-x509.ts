/**
 * Fuzz target: certificates as a TLS peer sends them (lib/x509). A chain in a Certificate message is
 * outside input: decodeCertificate must refuse any garbage as a value, and validateChain must answer
 * every chain with a result, never an exception. See targets.ts for what every target checks.
 */
import fc from 'fast-check';
import { decodeCertificate } from '../../lib/x509/certificate';
import { fromPem } from '../../lib/x509/pem';
import { DerError } from '../../lib/x509/der';
import { validateChain, type Validation } from '../../lib/x509/validate';
import { issueServerCert } from '../../lib/x509/lab-ca';
import { lab, NOW, T0, T1, seededRandom } from '../unit/x509/fixtures';
import type { FuzzTarget } from './harness';
import { mutatedBody, mutatedBytes } from './mutate';
import { PropertyBroken } from './property';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

interface X509Setup {
  anchors: Uint8Array[];
  /** Genuine DER: the lab CAs, their servers, an intermediate and a leaf under it. */
  genuine: Uint8Array[];
}

let setup: X509Setup | null = null;

function setupX509(): X509Setup {
  if (setup) return setup;
  const p = lab('p256', 'fuzz');
  const e = lab('ed25519', 'fuzz');
  const inter = issueServerCert(p.ca, { domain: 'Lab Intermediate', dns: [], ca: true, pathLen: 0, notBefore: T0, notAfter: T1, randomBytes: seededRandom('fuzz/inter') });
  const leaf = issueServerCert(inter, { domain: 'b.example', xmppAddrs: ['b.example'], notBefore: T0, notAfter: T1, randomBytes: seededRandom('fuzz/leaf') });
  setup = { anchors: [p.ca.der, e.ca.der], genuine: [p.ca.der, p.server.der, e.ca.der, e.server.der, inter.der, leaf.der] };
  return setup;
}

interface X509Input {
  /** The chain as presented, leaf first. */
  chain: Uint8Array[];
  name: string | null;
  /** Offset from a time inside every genuine certificate's validity, in days. */
  days: number;
  pem: string;
}

export const x509Target: FuzzTarget<X509Input> = {
  name: 'x509',
  description:
    'lib/x509 decodeCertificate(), validateChain() and fromPem(): random bytes, genuine lab certificates (P-256 and Ed25519, an intermediate) mutated byte-wise and in their bodies, ' +
    'chains of 1–3 such certificates, any reference name, any instant ±20 years, and PEM text with mutated base64. Never throws; a refused certificate is a reason, ' +
    'a refused chain names one of the documented failures with its TLS alert; a decoded certificate decodes again from its own bytes to the same fields.',
  arbitrary: () => {
    const s = setupX509();
    const der = fc.oneof(
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) },
      { weight: 4, arbitrary: mutatedBytes(s.genuine) },
      { weight: 3, arbitrary: mutatedBody(s.genuine, 8) },
      { weight: 2, arbitrary: fc.constantFrom(...s.genuine) },
    );
    const name = fc.oneof(fc.constantFrom('a.example', 'b.example', 'A.EXAMPLE', '*.example', 'a.example.', 'xn--nxa.example', ''), fc.string({ maxLength: 30 }), fc.constant(null));
    const pem = fc.tuple(fc.constantFrom(...s.genuine), fc.nat(), fc.string({ maxLength: 4 })).map(([d, at, junk]) => {
      const b64 = Buffer.from(d).toString('base64');
      const cut = at % (b64.length + 1);
      return `-----BEGIN CERTIFICATE-----\n${b64.slice(0, cut)}${junk}${b64.slice(cut)}\n-----END CERTIFICATE-----\n`;
    });
    return fc.record({ chain: fc.array(der, { minLength: 1, maxLength: 3 }), name, days: fc.integer({ min: -7300, max: 7300 }), pem });
  },
  show: (i) => `name=${JSON.stringify(i.name)} days=${i.days} chain=${JSON.stringify(i.chain.map((c) => Buffer.from(c).toString('hex')))} pem=${JSON.stringify(i.pem)}`,
  check: ({ chain, name, days, pem }) => {
    const s = setupX509();
    for (const der of chain) {
      const d = decodeCertificate(der);
      if (!d.ok) {
        if (typeof d.reason !== 'string' || d.reason === '') throw new PropertyBroken('refusal without a reason');
        continue;
      }
      const again = decodeCertificate(d.cert.der);
      if (!again.ok || hex(again.cert.serial) !== hex(d.cert.serial) || again.cert.notAfter !== d.cert.notAfter)
        throw new PropertyBroken('a decoded certificate does not decode again the same');
    }
    try {
      fromPem(pem, 'CERTIFICATE');
    } catch (e) {
      // The one documented refusal: a block whose base64 does not decode.
      if (!(e instanceof DerError)) throw e;
    }
    const v: Validation = validateChain(chain, { anchors: s.anchors, now: NOW + days * 86_400_000, name });
    if (v.ok) return 'chain accepted';
    if (typeof v.alert !== 'string' || typeof v.reason !== 'string') throw new PropertyBroken('refusal without alert or reason');
    return `refused: ${v.failure}`;
  },
};
