/**
 * The handshake state machines of RFC 8446 Appendix A ("State Machine"), A.1 client and A.2 server,
 * as transition tables, restricted to what we implement: a full handshake, the server authenticated
 * by certificate, no PSK, no 0-RTT; HelloRetryRequest for X25519 or a cookie; a client asked for a
 * certificate answers that it has none, and our server may ask and accepts only that answer. The
 * client and server code move only along these rows (`go` refuses anything else: an engine error, which tests
 * assert never happens). A lesson can draw its state diagram from this data.
 * @module
 */

export type ClientPhase =
  | 'start' // nothing sent yet
  | 'wait-sh' // ClientHello sent (A.1 WAIT_SH)
  | 'wait-ee' // ServerHello received, handshake keys in use (WAIT_EE)
  | 'wait-cert-cr' // EncryptedExtensions received (WAIT_CERT_CR)
  | 'wait-cert' // CertificateRequest received: we shall answer with an empty Certificate (WAIT_CERT)
  | 'wait-cv' // Certificate received (WAIT_CV)
  | 'wait-finished' // CertificateVerify received (WAIT_FINISHED)
  | 'connected' // server Finished verified, client Finished sent (CONNECTED)
  | 'closed' // close_notify sent and received (§6.1)
  | 'failed'; // a fatal alert sent or received (§6.2)

export type ServerPhase =
  | 'start' // waiting for ClientHello (A.2 START)
  | 'wait-cert' // … CertificateRequest … Finished sent; waiting for the client's Certificate (WAIT_CERT)
  | 'wait-finished' // ServerHello … Finished sent (RECVD_CH → NEGOTIATED → WAIT_FLIGHT2 → WAIT_FINISHED)
  | 'connected' // client Finished verified (CONNECTED)
  | 'closed'
  | 'failed';

export type TlsTrigger =
  | 'send-client-hello'
  | 'send-certificate-request'
  | 'client-hello'
  | 'hello-retry-request'
  | 'send-hello-retry-request'
  | 'server-hello'
  | 'encrypted-extensions'
  | 'certificate-request'
  | 'certificate'
  | 'certificate-verify'
  | 'finished'
  | 'close-notify'
  | 'fatal-alert';

export interface TlsTransition<Phase extends string> {
  from: Phase;
  on: TlsTrigger;
  to: Phase;
  /** the RFC 8446 section that governs the step */
  spec: string;
}

export const clientTransitions: readonly TlsTransition<ClientPhase>[] = [
  { from: 'start', on: 'send-client-hello', to: 'wait-sh', spec: 'RFC 8446 §4.1.2' },
  { from: 'wait-sh', on: 'hello-retry-request', to: 'wait-sh', spec: 'RFC 8446 §4.1.4' }, // ClientHello2 sent
  { from: 'wait-sh', on: 'server-hello', to: 'wait-ee', spec: 'RFC 8446 §4.1.3' },
  { from: 'wait-ee', on: 'encrypted-extensions', to: 'wait-cert-cr', spec: 'RFC 8446 §4.3.1' },
  { from: 'wait-cert-cr', on: 'certificate-request', to: 'wait-cert', spec: 'RFC 8446 §4.3.2' },
  { from: 'wait-cert-cr', on: 'certificate', to: 'wait-cv', spec: 'RFC 8446 §4.4.2' },
  { from: 'wait-cert', on: 'certificate', to: 'wait-cv', spec: 'RFC 8446 §4.4.2' },
  { from: 'wait-cv', on: 'certificate-verify', to: 'wait-finished', spec: 'RFC 8446 §4.4.3' },
  { from: 'wait-finished', on: 'finished', to: 'connected', spec: 'RFC 8446 §4.4.4' },
  { from: 'connected', on: 'close-notify', to: 'closed', spec: 'RFC 8446 §6.1' },
  ...(['start', 'wait-sh', 'wait-ee', 'wait-cert-cr', 'wait-cert', 'wait-cv', 'wait-finished', 'connected'] as const).map(
    (from): TlsTransition<ClientPhase> => ({ from, on: 'fatal-alert', to: 'failed', spec: 'RFC 8446 §6.2' }),
  ),
  // §6.1: a close_notify before the handshake completes still ends the connection.
  ...(['wait-sh', 'wait-ee', 'wait-cert-cr', 'wait-cert', 'wait-cv', 'wait-finished'] as const).map(
    (from): TlsTransition<ClientPhase> => ({ from, on: 'close-notify', to: 'closed', spec: 'RFC 8446 §6.1' }),
  ),
];

export const serverTransitions: readonly TlsTransition<ServerPhase>[] = [
  { from: 'start', on: 'send-hello-retry-request', to: 'start', spec: 'RFC 8446 §4.1.4' }, // waits for ClientHello2
  { from: 'start', on: 'client-hello', to: 'wait-finished', spec: 'RFC 8446 §4.1.2, §4.1.3' },
  { from: 'wait-finished', on: 'send-certificate-request', to: 'wait-cert', spec: 'RFC 8446 §4.3.2' },
  { from: 'wait-cert', on: 'certificate', to: 'wait-finished', spec: 'RFC 8446 §4.4.2.4' },
  { from: 'wait-cert', on: 'close-notify', to: 'closed', spec: 'RFC 8446 §6.1' },
  { from: 'wait-finished', on: 'finished', to: 'connected', spec: 'RFC 8446 §4.4.4' },
  { from: 'connected', on: 'close-notify', to: 'closed', spec: 'RFC 8446 §6.1' },
  { from: 'wait-finished', on: 'close-notify', to: 'closed', spec: 'RFC 8446 §6.1' },
  { from: 'start', on: 'close-notify', to: 'closed', spec: 'RFC 8446 §6.1' },
  ...(['start', 'wait-cert', 'wait-finished', 'connected'] as const).map(
    (from): TlsTransition<ServerPhase> => ({ from, on: 'fatal-alert', to: 'failed', spec: 'RFC 8446 §6.2' }),
  ),
];

/** The phase a trigger leads to from `from`, or null when the table has no such row. */
export function nextPhase<P extends string>(table: readonly TlsTransition<P>[], from: P, on: TlsTrigger): P | null {
  return table.find((t) => t.from === from && t.on === on)?.to ?? null;
}
