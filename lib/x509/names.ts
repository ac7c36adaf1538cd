/**
 * Matching a certificate to the name we asked for: RFC 6125 §6 "Verifying Service Identity", with
 * the XMPP profile of RFC 6120 §13.7.2.1 (a server is checked against its domainpart, by DNS-ID or
 * by an XmppAddr-ID, §13.7.1.4).
 *   §6.4.1: DNS names compare case-insensitively (ASCII; IDNs arrive as A-labels).
 *   §6.4.3: a wildcard "*" only as the complete left-most label, matching exactly one label; we refuse
 *           the partial-label forms §6.4.3 only permits ("f*o") and a wildcard directly under a public
 *           suffix-like single label ("*.example").
 *   §6.4.4: "a client MUST NOT seek a match for a reference identifier of CN-ID if the presented
 *           identifiers include a DNS-ID, SRV-ID, URI-ID, or any application-specific identifier types
 *           supported by the client" — the CN is looked at only when no DNS-ID and no XmppAddr exist.
 *           (RFC 9525, which replaces RFC 6125, drops CN-IDs altogether; `allowCommonName: false` does that.)
 * @module
 */
import { commonName, type Certificate } from './certificate';

export type Service = 'xmpp' | 'dns';

const norm = (d: string): string => d.toLowerCase().replace(/\.$/, '');

/** §6.4.1 / §6.4.3: one presented DNS-ID against the reference domain. */
function dnsIdMatches(presented: string, reference: string): boolean {
  const p = norm(presented);
  const r = norm(reference);
  if (p === '' || r === '') return false;
  if (!p.includes('*')) return p === r;
  const [first, ...rest] = p.split('.');
  if (first !== '*' || rest.some((l) => l.includes('*')) || rest.length < 2) return false;
  const [rFirst, ...rRest] = r.split('.');
  // "*" stands for exactly one non-empty label; an A-label (xn--) is never a wildcard's match target
  return rFirst !== undefined && rFirst !== '' && rRest.join('.') === rest.join('.');
}

/** RFC 6120 §13.7.2.1: an XmppAddr for a server is its bare domain JID; compared as a domainpart (case-insensitive). */
const xmppAddrMatches = (presented: string, domain: string): boolean => !presented.includes('@') && !presented.includes('/') && norm(presented) === norm(domain);

export function nameMatches(cert: Certificate, reference: string, service: Service, allowCommonName = true): boolean {
  const san = cert.subjectAltName;
  const dns = san?.dns ?? [];
  const xmpp = service === 'xmpp' ? (san?.xmppAddrs ?? []) : [];
  if (dns.some((d) => dnsIdMatches(d, reference))) return true;
  if (xmpp.some((j) => xmppAddrMatches(j, reference))) return true;
  // §6.4.4: the CN only when there is no identifier of a kind we support
  if (dns.length > 0 || (san?.xmppAddrs.length ?? 0) > 0 || !allowCommonName) return false;
  const cn = commonName(cert.subject);
  return cn !== null && !cn.includes('*') && norm(cn) === norm(reference);
}
