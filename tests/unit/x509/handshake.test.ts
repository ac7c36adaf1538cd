/**
 * lib/tls client ↔ lib/tls server in memory, the server presenting a chain from our lab CA and the
 * client judging it with lib/x509's `certificateChecker` on a virtual clock: the handshake completes,
 * or stops with the alert the failure maps to (sent by the client, received by the server).
 */
import { describe, expect, it } from 'vitest';
import { alertsOf, makePair, run } from '../tls/pair';
import { schemeOf, type KeyType } from '../../../lib/x509/encode';
import { issueServerCert, type Issued } from '../../../lib/x509/lab-ca';
import { certificateChecker } from '../../../lib/x509/validate';
import { DAY, NOW, T0, T1, lab, seededRandom } from './fixtures';

function handshake(server: Issued, chain: Uint8Array[], o: { anchors: readonly Uint8Array[]; now: number; serverName: string }) {
  const id = { scheme: schemeOf(server.key.type), privateKey: server.key.privateKey, publicKey: server.key.publicKey, certificate: server.der };
  const hooks = { checkCertificate: certificateChecker({ anchors: o.anchors, now: o.now, service: 'xmpp' }) };
  const { pair, firstFlight } = makePair(id, { client: { serverName: o.serverName, serverKey: undefined }, server: { certificateChain: chain }, hooks });
  return run(pair, firstFlight, hooks);
}

describe.each(['p256', 'ed25519'] as KeyType[])('TLS 1.3 handshake with a lab CA chain (%s)', (kt) => {
  const { ca, server } = lab(kt, `hs-${kt}`);
  const good = { anchors: [ca.der], now: NOW, serverName: 'a.example' };

  it('succeeds: the chain validates and CertificateVerify checks against the leaf key', () => {
    const p = handshake(server, [server.der], good);
    expect(p.client.phase).toBe('connected');
    expect(p.server.phase).toBe('connected');
    expect(alertsOf([...p.clientEvents, ...p.serverEvents])).toEqual([]);
    expect(p.client.serverKey).toEqual({ scheme: schemeOf(kt), publicKey: server.key.publicKey });
  });

  it('succeeds with an intermediate sent after the leaf', () => {
    const inter = issueServerCert(ca, { domain: 'Lab Intermediate', dns: [], ca: true, keyType: kt, notBefore: T0, notAfter: T1, randomBytes: seededRandom(`hs-inter-${kt}`) });
    const leaf = issueServerCert(inter, { domain: 'a.example', keyType: kt, notBefore: T0, notAfter: T1, randomBytes: seededRandom(`hs-leaf-${kt}`) });
    expect(handshake(leaf, [leaf.der, inter.der], good).client.phase).toBe('connected');
  });

  it.each([
    ['wrong name', { serverName: 'b.example' }, 'bad_certificate', /^name-mismatch/],
    ['unknown CA', { anchors: [lab(kt, 'elsewhere').ca.der] }, 'unknown_ca', /^unknown-ca/],
    ['expired (clock after notAfter)', { now: T1 + DAY }, 'certificate_expired', /^expired/],
    ['not yet valid', { now: T0 - DAY }, 'certificate_expired', /^not-yet-valid/],
  ] as const)('%s: the client refuses with the alert', (_, change, alert, reason) => {
    const p = handshake(server, [server.der], { ...good, ...change });
    expect(p.client.phase).not.toBe('connected');
    expect(p.server.phase).not.toBe('connected');
    expect(alertsOf(p.clientEvents)).toEqual([`sent ${alert}`]);
    expect(alertsOf(p.serverEvents)).toEqual([`received ${alert}`]);
    const sent = p.clientEvents.find((e) => e.type === 'alert');
    expect(sent?.type === 'alert' && sent.alert.reason).toMatch(reason);
  });

  it('a valid certificate for the name, but a server holding another key: decrypt_error from CertificateVerify', () => {
    const other = lab(kt, `hs-other-${kt}`).server;
    // the impostor presents the genuine certificate but signs with its own key
    const p = handshake(other, [server.der], good);
    expect(alertsOf(p.clientEvents)).toEqual(['sent decrypt_error']);
  });
});
