/**
 * Exporters (RFC 8446 §7.5): keying material for a protocol above TLS, bound to this connection.
 *   TLS-Exporter(label, context_value, key_length) =
 *       HKDF-Expand-Label(Derive-Secret(Secret, label, ""), "exporter", Hash(context_value), key_length)
 * with Secret = exporter_master_secret. RFC 9266 §2 (channel binding "tls-exporter", for
 * SCRAM-…-PLUS): label "EXPORTER-Channel-Binding", no context (empty), 32 octets.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { deriveSecret, hkdfExpandLabel } from './key-schedule';
import type { Secrets } from './state';

/** Derive-Secret puts "tls13 " before the label like every HKDF-Expand-Label (§7.1); so it does here. */
export function exportKeyingMaterial(exporterMasterSecret: Uint8Array, label: string, context: Uint8Array, length: number): Uint8Array {
  return hkdfExpandLabel(deriveSecret(exporterMasterSecret, label, []), 'exporter', sha256(context), length);
}

/** RFC 9266 §2: the "tls-exporter" channel binding, or null before the handshake derived the exporter secret. */
export function tlsExporterChannelBinding(secrets: Secrets): Uint8Array | null {
  if (!secrets.exporterMasterSecret) return null;
  return exportKeyingMaterial(secrets.exporterMasterSecret, 'EXPORTER-Channel-Binding', new Uint8Array(0), 32);
}
