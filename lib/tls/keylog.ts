/**
 * The NSS key log format (the SSLKEYLOGFILE that Wireshark, OpenSSL and browsers share): one line
 * per secret, `<label> <client_random hex> <secret hex>`, with the TLS 1.3 labels for the secrets
 * of RFC 8446 §7.1 — client/server handshake traffic secrets, the first application traffic
 * secrets, and the exporter master secret.
 * @module
 */
import { toHex } from '../bytes/hex';
import type { Secrets } from './state';

const KEYLOG_LABELS = {
  CLIENT_HANDSHAKE_TRAFFIC_SECRET: 'clientHandshakeTrafficSecret',
  SERVER_HANDSHAKE_TRAFFIC_SECRET: 'serverHandshakeTrafficSecret',
  CLIENT_TRAFFIC_SECRET_0: 'clientApplicationTrafficSecret0',
  SERVER_TRAFFIC_SECRET_0: 'serverApplicationTrafficSecret0',
  EXPORTER_SECRET: 'exporterMasterSecret',
} as const satisfies Record<string, keyof Secrets>;
export type KeylogLabel = keyof typeof KEYLOG_LABELS;

/** The key log lines for the secrets derived so far (none before ClientHello.random is known). */
export function keyLogLines(secrets: Secrets): string[] {
  if (!secrets.clientRandom) return [];
  const random = toHex(secrets.clientRandom);
  const lines: string[] = [];
  for (const [label, field] of Object.entries(KEYLOG_LABELS)) {
    const secret = secrets[field];
    if (secret) lines.push(`${label} ${random} ${toHex(secret)}`);
  }
  return lines;
}
