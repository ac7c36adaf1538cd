/**
 * Alerts (RFC 8446 §6 "Alert Protocol", §6.1 Closure Alerts, §6.2 Error Alerts) as values. "Alert
 * messages convey a description of the alert and a legacy field that conveyed the severity level …
 * in TLS 1.3, the severity is implicit in the type of alert being sent". Every error alert is fatal:
 * "Upon transmission or receipt of a fatal alert message, both parties MUST immediately close the
 * connection."
 * @module
 */

/** §6 `enum { close_notify(0), … } AlertDescription;` */
export const AlertDescription = {
  close_notify: 0,
  unexpected_message: 10,
  bad_record_mac: 20,
  record_overflow: 22,
  handshake_failure: 40,
  bad_certificate: 42,
  unsupported_certificate: 43,
  certificate_revoked: 44,
  certificate_expired: 45,
  certificate_unknown: 46,
  illegal_parameter: 47,
  unknown_ca: 48,
  access_denied: 49,
  decode_error: 50,
  decrypt_error: 51,
  protocol_version: 70,
  insufficient_security: 71,
  internal_error: 80,
  inappropriate_fallback: 86,
  user_canceled: 90,
  missing_extension: 109,
  unsupported_extension: 110,
  unrecognized_name: 112,
  bad_certificate_status_response: 113,
  unknown_psk_identity: 115,
  certificate_required: 116,
  no_application_protocol: 120,
} as const;
export type AlertName = keyof typeof AlertDescription;

const byCode = new Map<number, AlertName>(
  Object.entries(AlertDescription).map(([name, code]) => [code, name as AlertName]),
);

/** An alert as data: its name, and why we sent it (for people; never on the wire). */
export interface Alert {
  name: AlertName | `unknown(${number})`;
  /** our words for why, when we raised it; absent for alerts a peer sent */
  reason?: string;
}

/** §6 `struct { AlertLevel level; AlertDescription description; } Alert;` — level 1 warning, 2 fatal. */
export function encodeAlert(name: AlertName): Uint8Array {
  // §6: close_notify and user_canceled are the alerts that are not errors; "warning" (1) for them.
  const level = name === 'close_notify' || name === 'user_canceled' ? 1 : 2;
  return Uint8Array.of(level, AlertDescription[name]);
}

export function decodeAlert(body: Uint8Array): Alert | null {
  if (body.length !== 2) return null;
  const code = body[1]!;
  return { name: byCode.get(code) ?? `unknown(${code})` };
}

/** A peer error found while handling input: the alert that §6.2 names for it. */
export const fail = (name: AlertName, reason: string): Alert => ({ name, reason });
