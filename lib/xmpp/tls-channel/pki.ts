/**
 * The certificates of a simulated run: one lab certificate authority per scenario and seed, and for
 * each server a certificate for its domain (a dNSName and an XmppAddr, RFC 6120 §13.7.1.2 and
 * §13.7.1.4) issued by it. Clients and servers trust the lab CA and nothing else. Ed25519 throughout:
 * in @noble/curves a P-256 verification costs about twice an Ed25519 one, and every handshake verifies
 * two signatures (the certificate's and CertificateVerify's).
 *
 * Deterministic: the CA comes from the run's shared randomness (HostContext.sharedRandom, so every host
 * derives the same CA from the same seed), a server's certificate from that and its domain. Building
 * the same CA for every host would cost a key and a signature each; the results are memoised by the
 * seed bytes they come from (a pure function's cache: the same input gives the same certificate).
 *
 * A server may be given a bad certificate on purpose (`certificate` in the scenario's server spec):
 * for another name, expired, or issued by a CA nobody trusts — the bad-certificate scenarios.
 * @module
 */
import { toHex } from '../../bytes/hex';
import { randomBytes, seedRng } from '../../sim/rng';
import type { HostContext } from '../../sim/types';
import { issueServerCert, makeLabCa, type LabCa } from '../../x509/lab-ca';
import { schemeOf } from '../../x509/encode';

/** The simulation's clock starts here (lib/xmpp/wire.ts `stampFor` writes XEP-0082 stamps from it). */
export const SIM_EPOCH_MS = Date.UTC(2026, 0, 1, 9, 0, 0);
const DAY = 86_400_000;

/** What a server's certificate may be made wrong with (RFC 6125 §6 name, RFC 5280 §6.1.3 validity, chain). */
export type CertificateProblem = 'wrong-name' | 'expired' | 'unknown-ca';

/** The lab CA's name: what a Certificate's issuer says, and what the narration quotes. */
export const LAB_CA_NAME = 'Messenger Lab CA';
const ROGUE_CA_NAME = 'Unknown CA';

/** A server's TLS identity, as lib/tls's ServerConfig takes it. */
export interface ServerIdentity {
  certificateChain: Uint8Array[];
  signatureScheme: number;
  privateKey: Uint8Array;
}

const seeded = (label: string) => {
  const rng = seedRng(label);
  return (n: number) => randomBytes(rng, n);
};

const cas = new Map<string, LabCa>();
const identities = new Map<string, ServerIdentity>();

function memo<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= 64) cache.clear();
    cache.set(key, (v = make()));
  }
  return v;
}

/** The run's PKI seed: 32 bytes of the shared stream, hex (a fixed one outside the kernel). */
export function pkiSeed(ctx: HostContext): string {
  return ctx.sharedRandom ? toHex(ctx.sharedRandom('lab-pki')(32)) : 'no-seed';
}

function ca(seed: string, name: string): LabCa {
  return memo(cas, `${seed}/${name}`, () =>
    makeLabCa({ name, keyType: 'ed25519', randomBytes: seeded(`${seed}/ca/${name}`), notBefore: SIM_EPOCH_MS - 365 * DAY, notAfter: SIM_EPOCH_MS + 10 * 365 * DAY }),
  );
}

/** The trust anchor every client and server of the run holds: the lab CA's certificate, DER. */
export function labAnchor(seed: string): Uint8Array {
  return ca(seed, LAB_CA_NAME).der;
}

/** The certificate `domain`'s server presents, and its key; valid a month before the start to a year after, unless a problem is asked for. */
export function serverIdentity(seed: string, domain: string, problem?: CertificateProblem): ServerIdentity {
  return memo(identities, `${seed}/${domain}/${problem ?? 'valid'}`, () => {
    const issuer = ca(seed, problem === 'unknown-ca' ? ROGUE_CA_NAME : LAB_CA_NAME);
    const named = problem === 'wrong-name' ? `wrong.${domain}` : domain;
    const [notBefore, notAfter] = problem === 'expired' ? [SIM_EPOCH_MS - 400 * DAY, SIM_EPOCH_MS - 35 * DAY] : [SIM_EPOCH_MS - 30 * DAY, SIM_EPOCH_MS + 365 * DAY];
    const cert = issueServerCert(issuer, { domain: named, xmppAddrs: [named], keyType: 'ed25519', notBefore, notAfter, randomBytes: seeded(`${seed}/server/${domain}/${problem ?? 'valid'}`) });
    return { certificateChain: [cert.der], signatureScheme: schemeOf('ed25519'), privateKey: cert.key.privateKey };
  });
}
