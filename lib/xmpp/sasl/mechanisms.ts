/**
 * The SASL mechanisms this engine speaks (RFC 6120 §6.3.3 offer, §6.4.2 choice), strongest first,
 * and the rule that a server MUST NOT offer PLAIN on a stream without TLS (RFC 6120 §13.8 —
 * "unless the stream is protected"). The teaching simulator can opt out explicitly, to show the
 * anti-pattern of a password crossing a link in clear. Elements use NS_SASL from `../namespaces`.
 * @module
 */
import type { ScramHash } from '../../crypto/scram';

export type SaslMechanismName = 'SCRAM-SHA-256-PLUS' | 'SCRAM-SHA-256' | 'SCRAM-SHA-1' | 'PLAIN';

export interface SaslMechanismInfo {
  name: SaslMechanismName;
  spec: 'RFC 9266' | 'RFC 7677' | 'RFC 5802' | 'RFC 4616';
  /** SCRAM hash, or null for PLAIN. */
  hash: ScramHash | null;
  /** The server (and anyone who can read the stream) learns the password. */
  revealsPassword: boolean;
  /** The server proves it knows the credentials too (SCRAM ServerSignature). */
  mutual: boolean;
  /** Bound to the TLS connection (RFC 5802 §6 -PLUS, RFC 9266 tls-exporter): offered and usable only inside TLS. */
  channelBinding: boolean;
}

/** In priority order: SCRAM-SHA-256-PLUS > SCRAM-SHA-256 > SCRAM-SHA-1 > PLAIN. */
export const SASL_MECHANISMS: readonly SaslMechanismInfo[] = [
  { name: 'SCRAM-SHA-256-PLUS', spec: 'RFC 9266', hash: 'SHA-256', revealsPassword: false, mutual: true, channelBinding: true },
  { name: 'SCRAM-SHA-256', spec: 'RFC 7677', hash: 'SHA-256', revealsPassword: false, mutual: true, channelBinding: false },
  { name: 'SCRAM-SHA-1', spec: 'RFC 5802', hash: 'SHA-1', revealsPassword: false, mutual: true, channelBinding: false },
  { name: 'PLAIN', spec: 'RFC 4616', hash: null, revealsPassword: true, mutual: false, channelBinding: false },
];

export interface OfferOptions {
  /** The stream is TLS-protected (after STARTTLS, RFC 6120 §5). */
  tls: boolean;
  /** Teaching opt-in: offer PLAIN on a plaintext stream anyway (violates RFC 6120 §13.8). */
  allowPlainWithoutTls: boolean;
  /** Mechanisms this server has enabled (default: all). */
  enabled?: readonly SaslMechanismName[];
}

/** What a server lists in `<mechanisms/>`, strongest first. */
export function offeredMechanisms(options: OfferOptions): SaslMechanismName[] {
  return SASL_MECHANISMS.filter((m) => options.enabled === undefined || options.enabled.includes(m.name))
    .filter((m) => m.name !== 'PLAIN' || options.tls || options.allowPlainWithoutTls)
    // RFC 5802 §6: -PLUS needs a channel to bind to.
    .filter((m) => !m.channelBinding || options.tls)
    .map((m) => m.name);
}

/**
 * The client's choice: the highest-priority mechanism that the server offered and the client allows.
 * Names are matched exactly (RFC 4422 §3.1 names are upper case); unknown names are ignored. With
 * `link`, a client also refuses to send PLAIN over a plaintext stream unless told otherwise.
 * Null means: no common mechanism (the client gives up; it must not fall back silently).
 */
export function chooseMechanism(
  offered: readonly string[],
  allowed: readonly SaslMechanismName[],
  link?: { tls: boolean; allowPlainWithoutTls?: boolean },
): SaslMechanismName | null {
  for (const m of SASL_MECHANISMS) {
    if (!offered.includes(m.name) || !allowed.includes(m.name)) continue;
    if (m.name === 'PLAIN' && link !== undefined && !link.tls && link.allowPlainWithoutTls !== true) continue;
    if (m.channelBinding && link !== undefined && !link.tls) continue;
    return m.name;
  }
  return null;
}
