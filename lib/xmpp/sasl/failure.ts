/**
 * SASL failure values (RFC 6120 §6.5): what a mechanism returns when the peer's input is bad.
 * Our own misuse throws instead (`sasl/…: …`); a peer's mistake is a value, never an exception.
 * @module
 */

/** RFC 6120 §6.5.1–§6.5.11: the child element of `<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>`. */
export type SaslFailureCondition =
  | 'aborted'
  | 'account-disabled'
  | 'credentials-expired'
  | 'encryption-required'
  | 'incorrect-encoding'
  | 'invalid-authzid'
  | 'invalid-mechanism'
  | 'malformed-request'
  | 'mechanism-too-weak'
  | 'not-authorized'
  | 'temporary-auth-failure';

export const SASL_FAILURE_CONDITIONS: readonly SaslFailureCondition[] = [
  'aborted', 'account-disabled', 'credentials-expired', 'encryption-required', 'incorrect-encoding',
  'invalid-authzid', 'invalid-mechanism', 'malformed-request', 'mechanism-too-weak', 'not-authorized',
  'temporary-auth-failure',
];

export interface SaslFailure {
  type: 'failure';
  condition: SaslFailureCondition;
  /** Stable kebab-case code saying what exactly was wrong (an i18n key suffix for the UI's note). */
  reason: string;
  /** SCRAM only: the RFC 5802 §7 server-error-value involved (sent by us, or received). */
  serverError?: string;
  /** SCRAM server only: the server-final-message `e=…` that carries `serverError` (RFC 5802 §5.1). */
  serverFinalMessage?: string;
}

export function saslFailure(condition: SaslFailureCondition, reason: string, extra?: Pick<SaslFailure, 'serverError' | 'serverFinalMessage'>): SaslFailure {
  return { type: 'failure', condition, reason, ...extra };
}
