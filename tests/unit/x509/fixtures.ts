/** Shared fixtures for the x509 tests: a seeded lab CA and server certificates, fixed instants. */
import { seededRandom } from '../tls/pair';
import { issueServerCert, makeLabCa, type Issued, type LabCa } from '../../../lib/x509/lab-ca';
import type { KeyType } from '../../../lib/x509/encode';

export { seededRandom };
export const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 0, 1);
export const T1 = Date.UTC(2027, 0, 1);
/** an instant inside [T0, T1] */
export const NOW = Date.UTC(2026, 5, 1, 12);

export function lab(keyType: KeyType = 'p256', seed = 'lab'): { ca: LabCa; server: Issued } {
  const ca = makeLabCa({ name: 'Messenger Lab CA', randomBytes: seededRandom(`${seed}/ca`), notBefore: T0, notAfter: Date.UTC(2036, 0, 1), keyType });
  const server = issueServerCert(ca, {
    domain: 'a.example',
    xmppAddrs: ['a.example'],
    keyType,
    notBefore: T0,
    notAfter: T1,
    randomBytes: seededRandom(`${seed}/server`),
  });
  return { ca, server };
}
